// `liangzhu runs`: what a store holds, one line per run, so a run id can be picked for export
// and an interrupted or failed run spotted at a glance.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/experiment/run_record.hpp"

namespace liangzhu::cli {
namespace {

struct runs_request {
  std::string store;
};

constexpr const char* runs_description =
    "List the runs of a run store. Prints one line per run: its id (for 'liangzhu export --run'), "
    "status (running, complete, interrupted or failed), scenario, seed, weeks done out of weeks "
    "asked, start time (UTC) and label; then one line per experiment (sweep, compare, "
    "sensitivity) with its points, replicates and status, and one per Bayesian calibration (for "
    "'liangzhu report --calibration') with its generations so far.";

constexpr const char* runs_footer =
    "Examples:\n"
    "  liangzhu runs runs.db\n"
    "  liangzhu runs out/sweep.db";

/// The experiments whose runs the list above holds, if any.
void print_experiments(const store::store_reader& store) {
  const auto sweeps = store.list_sweeps();
  if (sweeps.empty()) return;
  text_table table({"experiment", "kind", "status", "name", "points", "replicates", "created"},
                   {true, false, false, false, true, true, false});
  for (const auto& s : sweeps) {
    table.add_row({std::to_string(s.sweep_id), std::string(store::to_string(s.kind)),
                   std::string(store::to_string(s.status)), s.name, std::to_string(s.points),
                   std::to_string(s.replicates), s.created_at});
  }
  fmt::print("\n{}", table.render());
}

/// The calibrations of the store, if any: a Bayesian calibration keeps no runs, only its
/// generations of particles.
void print_calibrations(const store::store_reader& store) {
  const auto calibrations = store.list_calibrations();
  if (calibrations.empty()) return;
  text_table table({"calibration", "algorithm", "status", "name", "generations", "created"},
                   {true, false, false, false, true, false});
  for (const auto& c : calibrations) {
    table.add_row({std::to_string(c.calibration_id), c.algorithm,
                   std::string(store::to_string(c.status)), c.name,
                   std::to_string(store.read_calibration_generations(c.calibration_id).size()),
                   c.created_at});
  }
  fmt::print("\n{}", table.render());
}

/// A run's overrides for a table cell: "key=value, ...", cut at 60 characters.
std::string changes_of(const store::run_info& run) {
  std::string text;
  for (const auto& o : experiment::recorded_overrides(run.scenario_text)) {
    if (!text.empty()) text += ", ";
    text += o;
  }
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text.empty() ? "-" : text;
}

void print_runs(const std::vector<store::run_info>& runs) {
  text_table table({"run", "status", "scenario", "seed", "ticks", "started", "label", "changes"},
                   {true, false, false, true, true, false, false, false});
  for (const auto& run : runs) {
    table.add_row({std::to_string(run.run_id), std::string(store::to_string(run.status)),
                   run.scenario_name, std::to_string(run.seed),
                   fmt::format("{}/{}", run.ticks_done, run.ticks_total), run.started_at, run.label,
                   changes_of(run)});
  }
  fmt::print("{}", table.render());
}

int list_runs(const runs_request& r) {
  const auto opened = open_existing_store(r.store);
  const auto store = opened.reader();  // runs, experiments and calibrations as of one moment
  const auto runs = store.list_runs();
  if (runs.empty())
    fmt::print("no runs in {}\n", r.store);
  else
    print_runs(runs);
  print_experiments(store);
  print_calibrations(store);
  return to_int(exit_code::ok);
}

void define_runs(CLI::App& app, runs_request& r) { add_store_argument(app, r.store); }

}  // namespace

command add_runs_command(CLI::App& parent) {
  return make_command<runs_request>(parent, {"runs", runs_description, runs_footer}, define_runs,
                                    list_runs);
}

}  // namespace liangzhu::cli
