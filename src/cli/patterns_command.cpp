// `liangzhu patterns STORE [RUN...] [--experiment ID]`: the pattern panel (docs/patterns.md) of
// stored runs: each empirical regularity with its reference band, the model's mean over the runs
// with a 95% interval, and a verdict.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/patterns/panel.hpp"
#include "liangzhu/store/store_reader.hpp"

namespace liangzhu::cli {
namespace {

struct patterns_request {
  std::string store;
  std::vector<std::int64_t> runs;
  std::int64_t experiment = 0;
  std::string hub;
  bool csv = false;
  bool markdown = false;
};

constexpr const char* patterns_description =
    "The pattern panel of stored runs: empirical regularities of startups, venture capital and "
    "labour markets (survival by age, staged financing, round sizes, the tail of firm sizes, deal "
    "and fund multiples, exit routes, venture volume, tigers, unemployment, noncompetes), each "
    "with its published reference band, the model's mean over the runs with a 95% confidence "
    "interval, and a verdict: inside the band, near it, or far. Without RUN or --experiment, "
    "every complete run of the store counts as a replicate. docs/patterns.md defines each pattern "
    "and gives its sources.";

constexpr const char* patterns_footer =
    "Examples:\n"
    "  liangzhu patterns runs.db                     # every complete run\n"
    "  liangzhu patterns runs.db 3 4 5               # these runs\n"
    "  liangzhu compare baseline historical_2015 --replicates 10 --store all --out p.db\n"
    "  liangzhu patterns p.db --experiment 1         # one panel per scenario\n"
    "  liangzhu patterns runs.db --csv > panel.csv";

void define_patterns(CLI::App& app, patterns_request& r) {
  add_store_argument(app, r.store);
  app.add_option("RUN", r.runs, "Run ids to take as replicates (default: every complete run)")
      ->type_name("ID");
  app.add_option("--experiment", r.experiment,
                 "An experiment of the store (sweep or compare): one panel per point, its "
                 "replicates' runs as the replicates (the runs must have been stored with "
                 "'store = all', so that their events are kept)")
      ->type_name("ID");
  app.add_option("--hub", r.hub, "Hub whose patterns to measure (default: each run's first)")
      ->type_name("NAME");
  auto* csv = app.add_flag("--csv", r.csv, "Print CSV instead of a table");
  app.add_flag("--markdown", r.markdown, "Print a Markdown table (as in docs/patterns.md)")
      ->excludes(csv);
}

/// A set of runs measured together, under a heading.
struct run_set {
  std::string heading;
  std::vector<std::int64_t> runs;
};

std::vector<run_set> run_sets(const patterns_request& r, const store::store_reader& reader) {
  if (r.experiment != 0) {
    if (!r.runs.empty())
      throw input_error("give run ids or --experiment, not both", "--experiment");
    const auto sweep = reader.find_sweep(r.experiment);
    if (!sweep)
      throw input_error(fmt::format("{} has no experiment {} (see 'liangzhu runs {}')", r.store,
                                    r.experiment, r.store),
                        "--experiment");
    const auto coordinates = reader.read_sweep_points(r.experiment);
    std::vector<run_set> sets;
    for (const auto& run : reader.read_sweep_runs(r.experiment)) {
      if (run.status != store::run_status::complete) continue;
      const auto point = static_cast<std::size_t>(run.point);
      if (sets.size() <= point) sets.resize(point + 1);
      sets[point].runs.push_back(run.run_id);
    }
    for (std::size_t p = 0; p < sets.size(); ++p) {
      std::string where;
      for (const auto& c : coordinates)
        if (c.point == static_cast<std::int64_t>(p))
          where += fmt::format("{}{}={}", where.empty() ? "" : ", ", c.key, c.value);
      sets[p].heading = fmt::format("experiment {} point {}{}", r.experiment, p,
                                    where.empty() ? "" : " (" + where + ")");
    }
    std::erase_if(sets, [](const run_set& s) { return s.runs.empty(); });
    if (sets.empty())
      throw input_error(fmt::format("experiment {} has no complete runs yet", r.experiment),
                        "--experiment");
    return sets;
  }
  run_set all{"", r.runs};
  if (all.runs.empty())
    for (const auto& run : reader.list_runs())
      if (run.status == store::run_status::complete) all.runs.push_back(run.run_id);
  if (all.runs.empty()) throw input_error(fmt::format("{} has no complete runs", r.store), r.store);
  all.heading = all.runs.size() == 1 ? fmt::format("run {}", all.runs.front())
                                     : fmt::format("{} runs", all.runs.size());
  return {all};
}

std::string band_text(const patterns::pattern& p, const patterns::band& b) {
  return fmt::format("{} to {}", patterns::format_value(p, b.low),
                     patterns::format_value(p, b.high));
}

void print_table(const run_set& set, const std::vector<patterns::pattern_result>& results) {
  text_table table({"pattern", "reference", "model", "95% CI", "runs", "verdict"},
                   {false, true, true, true, true, false});
  for (const auto& res : results) {
    const auto& p = *res.def;
    table.add_row({std::string(p.id), band_text(p, p.inside),
                   res.mean ? patterns::format_value(p, *res.mean) : "-",
                   res.mean ? fmt::format("{} to {}", patterns::format_value(p, *res.low),
                                          patterns::format_value(p, *res.high))
                            : "-",
                   std::to_string(res.runs), std::string(patterns::to_string(res.result))});
  }
  const auto c = patterns::count_verdicts(results);
  fmt::print("Pattern panel: {} ({} inside, {} near, {} far, {} without data)\n{}", set.heading,
             c.inside, c.near, c.far, c.no_data, table.render());
}

int show_patterns(const patterns_request& r) {
  const auto opened = open_existing_store(r.store);
  const auto reader = opened.reader();
  const auto sets = run_sets(r, reader);
  bool first = true;
  for (const auto& set : sets) {
    std::vector<std::vector<double>> per_run;
    for (const auto run : set.runs)
      per_run.push_back(patterns::measure(patterns::read_evidence(reader, run, r.hub)));
    const auto results = patterns::evaluate(per_run);
    if (!first) fmt::print("\n");
    first = false;
    if (r.csv) {
      if (sets.size() > 1) fmt::print("# {}\n", set.heading);
      fmt::print("{}", patterns::to_csv(results));
    } else if (r.markdown) {
      fmt::print("**{}**\n\n{}", set.heading, patterns::to_markdown(results));
    } else {
      print_table(set, results);
    }
  }
  return to_int(exit_code::ok);
}

}  // namespace

command add_patterns_command(CLI::App& parent) {
  return make_command<patterns_request>(parent, {"patterns", patterns_description, patterns_footer},
                                        define_patterns, show_patterns);
}

}  // namespace liangzhu::cli
