#pragma once
/// @file The pattern panel (pattern-oriented modelling, Grimm et al. 2005): empirical regularities
/// of startups, venture capital and labour markets, each with a published reference band, measured
/// on stored runs and given a verdict. docs/patterns.md gives the sources and the model's values.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liangzhu/engine/collector.hpp"
#include "liangzhu/store/records.hpp"

namespace liangzhu::store {
class store_reader;
}

namespace liangzhu::patterns {

/// A band of values: [low, high].
struct band {
  double low = 0, high = 0;
  bool contains(double x) const { return x >= low && x <= high; }
};

/// One empirical regularity the model should reproduce.
struct pattern {
  std::string_view id;          ///< e.g. "survival_5y"
  std::string_view topic;       ///< e.g. "Survival and failure"
  std::string_view title;       ///< what it is, in plain words
  std::string_view unit;        ///< of the value and the bands
  std::string_view definition;  ///< exactly how it is computed from a stored run
  band inside;                  ///< the published reference band
  band near;                    ///< a wider band: the model is near the data
  std::string_view reference;   ///< what the sources say
  std::string_view source;      ///< short citation (docs/sources.md, "Pattern panel")
  std::string_view region;      ///< where the data come from: China, Hangzhou, US...
};

/// Every pattern, in the order of docs/patterns.md.
std::span<const pattern> panel();
/// The pattern with this id; nullptr if none.
const pattern* find_pattern(std::string_view id);

/// What the panel reads of one stored run: its events, series and summary, for one hub.
struct run_evidence {
  std::int64_t run_id = 0;
  double ticks_per_year = 365.2425 / 7;
  std::int64_t ticks = 0;  ///< ticks stored (the end of observation)
  std::string hub;
  std::vector<std::string> event_kinds;      ///< names, by kind index
  std::vector<engine::event_record> events;  ///< the hub's only
  std::vector<std::string> series_names;
  std::vector<std::vector<double>> series;  ///< by series, then tick (the hub's rows)
  std::vector<store::summary_row> summary;  ///< the hub's rows and the whole run's
  /// The run's capital.liquidation_preference: what investors take first when a startup is sold
  /// (0 for runs stored before the model had preferences: their shares were ordinary).
  double liquidation_preference = 0;
};

/// The liquidation preference among a run's resolved parameters (key, value as stored); 0 if
/// they do not name one.
double liquidation_preference_of(std::span<const std::pair<std::string, std::string>> parameters);

/// Reads run `run` of the store for hub `hub` (the run's first hub if empty). Throws
/// engine::input_error naming the run or the hub if it has no such run or hub.
run_evidence read_evidence(const store::store_reader& reader, std::int64_t run,
                           std::string_view hub = {});

/// The value of every pattern of panel() in this run, in panel order; NaN where the run does not
/// allow computing it (too short, no events of a kind, a series missing).
std::vector<double> measure(const run_evidence& run);

enum class verdict { inside, near, far, no_data };
std::string_view to_string(verdict v);

/// A pattern over a set of runs: the mean of its per-run values with a 95% confidence interval
/// (Student's t), and the verdict: inside if the mean is inside the reference band; near if it is
/// inside the near band or its interval overlaps the reference band; far otherwise.
struct pattern_result {
  const pattern* def = nullptr;
  std::int64_t runs = 0;  ///< runs where it could be computed
  std::optional<double> mean, low, high;
  verdict result = verdict::no_data;
};

/// Evaluates the panel over runs: `per_run[r]` is measure() of run r.
std::vector<pattern_result> evaluate(const std::vector<std::vector<double>>& per_run);

/// The verdicts' counts: inside, near, far, no data.
struct verdict_counts {
  int inside = 0, near = 0, far = 0, no_data = 0;
};
verdict_counts count_verdicts(const std::vector<pattern_result>& results);

/// A value in the pattern's unit, for tables: shares as percentages, money in M or bn CNY.
std::string format_value(const pattern& p, double value);
/// The panel as CSV (one row per pattern: id, topic, title, unit, bands, runs, mean, CI, verdict).
std::string to_csv(const std::vector<pattern_result>& results);
/// The panel as a Markdown table (docs/patterns.md).
std::string to_markdown(const std::vector<pattern_result>& results);

}  // namespace liangzhu::patterns
