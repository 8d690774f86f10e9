// `liangzhu report`: runs of a store as one HTML file with charts, for readers who would rather
// look than query.
#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/report/calibration_data.hpp"
#include "liangzhu/report/ensemble_data.hpp"
#include "liangzhu/report/html_report.hpp"
#include "liangzhu/report/report_data.hpp"

namespace liangzhu::cli {
namespace {

struct report_request {
  std::string store;
  std::vector<std::int64_t> runs;
  std::string output;
  std::int64_t experiment = 0;
  std::vector<std::int64_t> points;
  std::int64_t calibration = 0;
};

constexpr const char* report_description =
    "Write an HTML report of runs of a run store: the headline figures and charts of startups by "
    "stage, tigers, funding by source, route choice, talent flows and noncompete waits, compute "
    "demand and supply with the chip-independence date, and government spending against outcomes. "
    "The file is self-contained (data and charting code inside): it opens offline in any browser. "
    "Without RUN_ID the latest run is shown; several ids put those runs side by side. A scenario "
    "with several hubs gets a hub selector. With --experiment, the points of a sweep (or the "
    "scenarios of a compare) are shown side by side, each as the mean of its replicates with a "
    "95% confidence band. With --calibration, a Bayesian calibration is shown instead: its "
    "generations (tolerance, acceptance, effective sample size), each factor's posterior against "
    "its prior (marginal and pairwise plots), each target's posterior predictive against its "
    "observation, and which factors moved which targets before fitting.";

constexpr const char* report_footer =
    "Examples:\n"
    "  liangzhu report runs.db                      # the latest run, into runs-report.html\n"
    "  liangzhu report out/demo.db 1 -o report.html\n"
    "  liangzhu report runs.db 2 3 -o compare.html  # two runs side by side\n"
    "  liangzhu report sweep.db --experiment 1 --points 0 2 -o sweep.html\n"
    "  liangzhu report calibration.db --calibration 1 -o posterior.html\n"
    "See docs/report.md for what each chart shows and the embedded data's format.";

/// "<store stem>-report.html" next to the store, like export's default folder.
std::filesystem::path default_output(const std::filesystem::path& store) {
  return store.parent_path() / (store.stem().string() + "-report.html");
}

/// The runs asked for, checked to exist; the latest run when none is.
std::vector<std::int64_t> chosen_runs(const store::store_reader& store, const report_request& r) {
  const auto all = store.list_runs();
  if (all.empty()) throw input_error(fmt::format("there are no runs in {} to report", r.store));
  if (r.runs.empty()) return {all.back().run_id};
  check_runs_exist(store, r.store, r.runs, "RUN_ID");
  return r.runs;
}

int write_experiment_report(const report_request& r, const store::store_reader& store) {
  const std::filesystem::path output =
      r.output.empty() ? default_output(r.store) : std::filesystem::path(r.output);
  report::write_report(output, report::ensemble_report_data(store, r.experiment, r.points));
  fmt::print("report of experiment {} written to {}\n", r.experiment, output.string());
  return to_int(exit_code::ok);
}

int write_calibration_report(const report_request& r, const store::store_reader& store) {
  if (!r.runs.empty() || r.experiment > 0)
    throw input_error("give run ids, --experiment or --calibration, one of them", "--calibration");
  if (!r.points.empty()) throw input_error("--points needs --experiment", "--points");
  const std::filesystem::path output =
      r.output.empty() ? default_output(r.store) : std::filesystem::path(r.output);
  report::write_report(output, report::calibration_report_data(store, r.calibration));
  fmt::print("report of calibration {} written to {}\n", r.calibration, output.string());
  return to_int(exit_code::ok);
}

int write_html_report(const report_request& r) {
  const auto opened = open_existing_store(r.store);
  const auto store = opened.reader();  // the report shows the store as of one moment
  if (r.calibration > 0) return write_calibration_report(r, store);
  if (r.experiment > 0) {
    if (!r.runs.empty()) throw input_error("give run ids or --experiment, not both", "RUN_ID");
    return write_experiment_report(r, store);
  }
  if (!r.points.empty()) throw input_error("--points needs --experiment", "--points");
  const auto runs = chosen_runs(store, r);
  const std::filesystem::path output =
      r.output.empty() ? default_output(r.store) : std::filesystem::path(r.output);
  report::write_report(output, report::report_data(store, runs));
  fmt::print("report of {} run{} written to {}\n", runs.size(), runs.size() == 1 ? "" : "s",
             output.string());
  return to_int(exit_code::ok);
}

void define_report(CLI::App& app, report_request& r) {
  add_store_argument(app, r.store);
  app.add_option("RUN_ID", r.runs, "Runs to report, side by side (default: the latest run)")
      ->type_name("RUN_ID");
  app.add_option("-o,--output", r.output,
                 "HTML file to write (default: <store stem>-report.html next to the store)")
      ->type_name("FILE");
  app.add_option("--experiment", r.experiment,
                 "Report an experiment of the store ('liangzhu runs' lists them): each point as "
                 "the mean of its replicates with 95% bands")
      ->type_name("ID")
      ->check(CLI::PositiveNumber);
  app.add_option("--calibration", r.calibration,
                 "Report a Bayesian calibration of the store ('liangzhu runs' lists them): its "
                 "posterior, predictive checks and diagnostics")
      ->type_name("ID")
      ->check(CLI::PositiveNumber);
  app.add_option("--points", r.points, "With --experiment: only these points (default: all)")
      ->type_name("P")
      ->check(CLI::NonNegativeNumber);
}

}  // namespace

command add_report_command(CLI::App& parent) {
  return make_command<report_request>(parent, {"report", report_description, report_footer},
                                      define_report, write_html_report);
}

}  // namespace liangzhu::cli
