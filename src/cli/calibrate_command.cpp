// `liangzhu calibrate EXPERIMENT`: the factor values that bring the model closest to the
// experiment's [[target]] figures, and optionally a scenario file that applies them.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/experiment_support.hpp"
#include "liangzhu/cli/signals.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/calibration.hpp"
#include "liangzhu/version.hpp"

namespace liangzhu::cli {
namespace {

struct calibrate_request {
  std::string experiment;
  experiment_options options;
  std::int64_t max_evaluations = 0;
  std::string log;
  std::string write_scenario;
};

constexpr const char* calibrate_description =
    "Calibrate: find the values of the experiment's factors (each [[vary]] entry's 'low'..'high') "
    "that bring the model's outputs closest to its [[target]] figures (a summary figure, or a "
    "weekly series at a date), minimising the sum of weight x ((simulated - observed) / scale)^2 "
    "with a derivative-free optimiser (NLopt: BOBYQA by default) started from the scenario's own "
    "values. Each evaluation runs the experiment's replicates with the same seeds (common random "
    "numbers) and uses their mean. Prints each evaluation, then the best values and the fit of "
    "every target; --write-scenario saves a scenario that applies them.";

constexpr const char* calibrate_footer =
    "Examples:\n"
    "  liangzhu calibrate experiments/calibrate_historical.toml\n"
    "  liangzhu calibrate experiments/calibrate_historical.toml --max-evaluations 20 \\\n"
    "      --log out/calibration.csv --write-scenario out/calibrated.toml";

void define_calibrate(CLI::App& app, calibrate_request& r) {
  add_experiment_argument(app, r.experiment);
  add_experiment_options(app, r.options);
  app.add_option("--max-evaluations", r.max_evaluations,
                 "Evaluations at most (default: the experiment's [calibration] setting)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000}))
      ->type_name("N");
  app.add_option("--log", r.log,
                 "Write every evaluation (values, simulated targets, misfit) as CSV")
      ->type_name("FILE");
  app.add_option("--write-scenario", r.write_scenario,
                 "Write a scenario that extends the base one with the best values")
      ->type_name("FILE");
}

std::string log_csv(const io::experiment_spec& spec, const experiment::calibration_result& result) {
  std::string text = "evaluation";
  for (const auto& f : spec.factors) text += "," + f.key;
  for (const auto& t : spec.targets)
    text += "," + t.output + (t.date ? "@" + t.date->to_string() : "");
  text += ",misfit\n";
  for (const auto& e : result.evaluations) {
    text += std::to_string(e.index);
    for (const auto& [key, value] : e.coordinates) text += "," + value;
    for (const double v : e.simulated) text += std::isnan(v) ? "," : fmt::format(",{}", v);
    text += fmt::format(",{}\n", e.misfit);
  }
  return text;
}

std::string calibrated_scenario(const calibrate_request& r, const io::experiment_spec& spec,
                                const experiment::calibration_result& result,
                                const std::filesystem::path& base) {
  const auto& best = result.evaluations[result.best];
  const std::filesystem::path folder = std::filesystem::absolute(r.write_scenario).parent_path();
  std::error_code ec;
  std::filesystem::path extends =
      std::filesystem::relative(std::filesystem::absolute(base), folder, ec);
  if (ec || extends.empty()) extends = std::filesystem::absolute(base);
  std::string text = fmt::format(
      "# Calibrated by liangzhu {} from {}: misfit {:.4g} after {} evaluations ({}).\n"
      "extends = \"{}\"\n",
      version_string, r.experiment, best.misfit, result.evaluations.size(), result.stop_reason,
      extends.string());
  for (const auto& o : spec.overrides) {
    const auto eq = o.find('=');
    text += fmt::format("{} = {}\n", o.substr(0, eq), o.substr(eq + 1));
  }
  for (const auto& [key, value] : best.coordinates) text += fmt::format("{} = {}\n", key, value);
  return text;
}

void print_fit(const io::experiment_spec& spec, const experiment::calibration_result& result) {
  const auto& best = result.evaluations[result.best];
  fmt::print("\nbest of {} evaluations (evaluation {}, misfit {:.4g}; {}):\n",
             result.evaluations.size(), best.index, best.misfit, result.stop_reason);
  text_table values({"factor", "value"}, {false, true});
  for (const auto& [key, value] : best.coordinates) values.add_row({key, value});
  fmt::print("{}\n", values.render("  "));
  text_table fit({"target", "observed", "simulated", "(sim - obs) / scale"},
                 {false, true, true, true});
  for (std::size_t i = 0; i < spec.targets.size(); ++i) {
    const auto& t = spec.targets[i];
    const double sim = best.simulated[i];
    fit.add_row({t.output + (t.date ? " at " + t.date->to_string() : ""), format_number(t.value),
                 format_number(std::isnan(sim) ? std::nullopt : std::optional(sim)),
                 std::isnan(sim) ? "-" : fmt::format("{:+.2f}", (sim - t.value) / t.scale)});
  }
  fmt::print("{}", fit.render("  "));
}

int execute_calibrate(const calibrate_request& r) {
  io::experiment_spec spec = io::load_experiment(r.experiment);
  apply_overrides(r.options, spec);
  if (r.max_evaluations > 0) spec.calibration.max_evaluations = r.max_evaluations;
  const auto resolve = scenario_resolver_for(r.experiment);
  const interrupt_guard stop;
  experiment::execution_settings settings;
  settings.parallel_runs = r.options.jobs > 0 ? r.options.jobs : default_parallel_runs(r.options);
  settings.threads_per_run = r.options.threads_per_run;
  settings.stop = [&stop] { return stop.requested(); };
  if (!r.options.quiet)
    fmt::print("calibrating {} factors against {} targets ({} replicates per evaluation, {})\n",
               spec.factors.size(), spec.targets.size(), spec.replicates,
               spec.calibration.algorithm);
  const auto show = [&](const experiment::calibration_evaluation& e) {
    if (r.options.quiet) return;
    std::string at;
    for (const auto& [key, value] : e.coordinates) at += fmt::format("  {}={}", key, value);
    fmt::print("  evaluation {:3}  misfit {:10.4g}{}\n", e.index, e.misfit, at);
    std::fflush(stdout);
  };
  experiment::calibration_result result;
  try {
    result = experiment::calibrate(spec, resolve, settings, show);
  } catch (const experiment::job_cancelled&) {
    std::fprintf(stderr, "liangzhu: calibration interrupted by %s; nothing was written\n",
                 stop.signal_name());
    return to_int(exit_code::interrupted);
  }
  if (!r.log.empty()) write_file_atomically(r.log, log_csv(spec, result));
  if (!r.write_scenario.empty())
    write_file_atomically(
        r.write_scenario,
        calibrated_scenario(r, spec, result, resolve(spec.scenario, spec.scenario_origin)));
  if (!r.options.quiet) print_fit(spec, result);
  return to_int(exit_code::ok);
}

}  // namespace

command add_calibrate_command(CLI::App& parent) {
  return make_command<calibrate_request>(parent,
                                         {"calibrate", calibrate_description, calibrate_footer},
                                         define_calibrate, execute_calibrate);
}

}  // namespace liangzhu::cli
