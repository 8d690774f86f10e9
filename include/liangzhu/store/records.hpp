#pragma once
/// @file The plain records a run store holds: run metadata, summary rows and series read back.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liangzhu/engine/collector.hpp"

namespace liangzhu::store {

/// Where a run stands: still being written, finished, stopped early, or failed with an error.
enum class run_status { running, complete, interrupted, failed };

/// The name stored in runs.status ("running", "complete", "interrupted", "failed").
std::string_view to_string(run_status status);
/// The status named `text`; nullopt if it names none.
std::optional<run_status> parse_run_status(std::string_view text);

/// One row of the runs table: what was run, with which settings, and how far it got.
struct run_info {
  std::int64_t run_id = 0;
  std::string scenario_name, scenario_path, scenario_text, scenario_hash;
  std::uint64_t seed = 0;
  int threads = 1;
  std::string version, git_revision, start_date;
  int days_per_tick = 7;
  std::int64_t ticks_total = 0, ticks_done = 0;
  std::string started_at, ended_at;
  run_status status = run_status::running;
  std::string label;

  friend bool operator==(const run_info&, const run_info&) = default;
};

/// One figure of a run's summary; `group` is empty for the whole run, `value` empty for text.
struct summary_row {
  std::string group;
  std::string name;
  std::optional<double> value;
  std::string text;
  std::string unit;
  std::string description;

  friend bool operator==(const summary_row&, const summary_row&) = default;
};

/// Everything a run declared to its sink: the groups (hubs), series and event kinds, by index.
struct run_catalog {
  std::vector<std::string> groups;
  std::vector<engine::series_spec> series;
  std::vector<engine::event_kind_spec> event_kinds;
};

/// One value of one series, by name (the long form of the series table).
struct series_point {
  std::int64_t tick = 0;
  std::string group;
  std::string series;
  double value = 0.0;
};

/// The ticks from `from` up to, not including, `to` (every tick by default).
struct tick_range {
  std::int64_t from = 0;
  std::int64_t to = std::numeric_limits<std::int64_t>::max();
};

/// One row of the wide series table: every series of one group at one tick (NaN where NULL).
struct series_table_row {
  std::int64_t tick = 0;
  std::string date;
  std::string group;
  std::vector<double> values;
};

/// A run's series in wide form: `columns` are the series names in catalog order.
struct series_table {
  std::vector<std::string> columns;
  std::vector<series_table_row> rows;
};

}  // namespace liangzhu::store
