// `liangzhu calibrate EXPERIMENT`: the factor values that bring the model closest to the
// experiment's [[target]] figures, and optionally a scenario file that applies them.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/experiment_support.hpp"
#include "liangzhu/cli/signals.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/calibration.hpp"
#include "liangzhu/experiment/posterior.hpp"
#include "liangzhu/experiment/posterior_summary.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/patterns/targets.hpp"
#include "liangzhu/version.hpp"

namespace liangzhu::cli {
namespace {

struct calibrate_request {
  std::string experiment;
  experiment_options options;
  std::int64_t max_evaluations = 0;
  std::string log;
  std::string write_scenario;
  std::string write_posterior;
};

constexpr const char* calibrate_description =
    "Calibrate: find the values of the experiment's factors (each [[vary]] entry's 'low'..'high') "
    "that bring the model's outputs closest to its [[target]] figures (a summary figure, or a "
    "weekly series at a date), minimising the sum of weight x ((simulated - observed) / scale)^2 "
    "with a derivative-free optimiser (NLopt: BOBYQA by default) started from the scenario's own "
    "values. Each evaluation runs the experiment's replicates with the same seeds (common random "
    "numbers) and uses their mean. Prints each evaluation, then the best values and the fit of "
    "every target; --write-scenario saves a scenario that applies them. With algorithm = "
    "\"abc-smc\" in [calibration] it computes a posterior instead (ABC-SMC over each factor's "
    "prior): prints each generation, then each factor's posterior against its prior and the "
    "posterior predictive of every target; --log writes every particle of every generation, "
    "--write-scenario the posterior mean, --write-posterior the posterior as the file --posterior "
    "reads. Each generation goes into the --out store as it completes: the same command resumes "
    "a killed or interrupted calibration after its last whole generation, and shows a completed "
    "one again without running it.";

constexpr const char* calibrate_footer =
    "Examples:\n"
    "  liangzhu calibrate experiments/calibrate_historical.toml\n"
    "  liangzhu calibrate experiments/calibrate_historical.toml --max-evaluations 20 \\\n"
    "      --log out/calibration.csv --write-scenario out/calibrated.toml\n"
    "  liangzhu calibrate experiments/posterior_historical.toml --out calibration.db \\\n"
    "      --write-posterior out/posterior.csv";

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
                 "Write a scenario that extends the base one with the best values (the posterior "
                 "mean with abc-smc)")
      ->type_name("FILE");
  app.add_option("--write-posterior", r.write_posterior,
                 "With abc-smc: write the posterior (the last generation's weighted particles) "
                 "as the file --posterior reads in compare, sweep and sensitivity")
      ->type_name("FILE");
}

std::string log_csv(const io::experiment_spec& spec, const experiment::calibration_result& result) {
  std::string text = "evaluation";
  for (const auto& f : spec.factors) text += "," + f.key;
  for (const auto& t : spec.targets) text += "," + experiment::target_name(t);
  text += ",misfit\n";
  for (const auto& e : result.evaluations) {
    text += std::to_string(e.index);
    for (const auto& [key, value] : e.coordinates) text += "," + value;
    for (const double v : e.simulated) text += std::isnan(v) ? "," : fmt::format(",{}", v);
    text += fmt::format(",{}\n", e.misfit);
  }
  return text;
}

/// A scenario that extends `base` (relative to where it is written when it can) with the
/// experiment's fixed overrides and `values`, after a comment line saying where they come from.
std::string scenario_applying(const calibrate_request& r, const io::experiment_spec& spec,
                              const std::filesystem::path& base, const std::string& comment,
                              const std::vector<std::pair<std::string, std::string>>& values) {
  const std::filesystem::path folder = std::filesystem::absolute(r.write_scenario).parent_path();
  std::error_code ec;
  std::filesystem::path extends =
      std::filesystem::relative(std::filesystem::absolute(base), folder, ec);
  if (ec || extends.empty()) extends = std::filesystem::absolute(base);
  std::string text = fmt::format("# {}\nextends = \"{}\"\n", comment, extends.string());
  for (const auto& o : spec.overrides) {
    const auto eq = o.find('=');
    text += fmt::format("{} = {}\n", o.substr(0, eq), o.substr(eq + 1));
  }
  for (const auto& [key, value] : values) text += fmt::format("{} = {}\n", key, value);
  return text;
}

std::string calibrated_scenario(const calibrate_request& r, const io::experiment_spec& spec,
                                const experiment::calibration_result& result,
                                const std::filesystem::path& base) {
  const auto& best = result.evaluations[result.best];
  return scenario_applying(
      r, spec, base,
      fmt::format("Calibrated by liangzhu {} from {}: misfit {:.4g} after {} evaluations ({}).",
                  version_string, r.experiment, best.misfit, result.evaluations.size(),
                  result.stop_reason),
      best.coordinates);
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

/// The particles of generations `first` onwards in the posterior file format
/// (experiment/posterior_file.hpp), which --posterior reads.
std::string particles_csv(const io::experiment_spec& spec,
                          const experiment::posterior_result& result, std::size_t first) {
  std::string text = "generation,particle,weight,distance,tolerance";
  for (const auto& key : result.keys) text += "," + key;
  for (const auto& t : spec.targets) text += ",simulated:" + experiment::target_name(t);
  text += "\n";
  for (std::size_t g = first; g < result.search.generations.size(); ++g) {
    const auto& gen = result.search.generations[g];
    for (std::size_t i = 0; i < gen.particles.size(); ++i) {
      const auto& p = gen.particles[i];
      text += fmt::format("{},{},{},{},{}", gen.index, i, p.weight, p.distance, gen.tolerance);
      for (const double v : p.values) text += fmt::format(",{}", v);
      for (const double v : result.simulated[g][i])
        text += std::isnan(v) ? "," : fmt::format(",{}", v);
      text += "\n";
    }
  }
  return text;
}

std::string posterior_csv(const io::experiment_spec& spec,
                          const experiment::posterior_result& result) {
  return particles_csv(spec, result, 0);
}

/// The last generation, with comment lines that say where it comes from.
std::string posterior_file(const calibrate_request& r, const io::experiment_spec& spec,
                           const experiment::posterior_result& result) {
  const auto& last = result.search.generations.back();
  return fmt::format(
             "# Posterior by liangzhu {} from {}: ABC-SMC, generation {} of {} particles, "
             "tolerance {:.6g}, ESS {:.1f} ({}).\n"
             "# Read by --posterior FILE in compare, sweep and sensitivity "
             "(docs/calibration.md).\n",
             version_string, r.experiment, last.index, last.particles.size(), last.tolerance,
             last.effective_sample_size(), result.search.stop_reason) +
         particles_csv(spec, result, result.search.generations.size() - 1);
}

std::string posterior_scenario(const calibrate_request& r, const io::experiment_spec& spec,
                               const experiment::posterior_result& result,
                               const std::filesystem::path& base) {
  const auto& last = result.search.generations.back();
  // A whole-number parameter (engineers, months...) gets its mean rounded, as the runs had it.
  const io::scenario scenario = io::load_scenario(base, model::scenario_schema(), spec.overrides);
  std::vector<std::pair<std::string, std::string>> means;
  for (std::size_t k = 0; k < result.keys.size(); ++k) {
    const bool whole = std::holds_alternative<std::int64_t>(scenario.value(result.keys[k]));
    means.emplace_back(result.keys[k], whole ? fmt::format("{}", std::llround(last.mean(k)))
                                             : fmt::format("{}", last.mean(k)));
  }
  return scenario_applying(
      r, spec, base,
      fmt::format("Posterior mean by liangzhu {} from {}: ABC-SMC, {} generations of {} "
                  "particles, last tolerance {:.4g} ({}).",
                  version_string, r.experiment, result.search.generations.size(),
                  last.particles.size(), last.tolerance, result.search.stop_reason),
      means);
}

/// Which factors move which targets before anything is fitted: Spearman's rank correlation
/// between each factor and each target over generation 0 (the prior's draws). A target no factor
/// moves cannot identify any; a factor no target moves stays at its prior.
void print_prior_sensitivity(const experiment::posterior_result& result,
                             const experiment::posterior_summary& summary) {
  std::vector<std::string> header = {"target"};
  for (const auto& key : result.keys) header.push_back(key.substr(key.rfind('.') + 1));
  text_table table(header, std::vector<bool>(header.size(), true));
  for (std::size_t t = 0; t < summary.targets.size(); ++t) {
    std::vector<std::string> row = {summary.targets[t].name};
    for (const auto& rho : summary.sensitivity[t])
      row.push_back(rho ? fmt::format("{:+.2f}", *rho) : "-");
    table.add_row(row);
  }
  fmt::print(
      "sensitivity of the targets to the factors before fitting (rank correlation over the {} "
      "draws from the prior):\n{}\n",
      result.search.generations.front().particles.size(), table.render("  "));
}

void print_posterior(const io::experiment_spec& spec, const experiment::posterior_result& result) {
  const auto summary = experiment::summarise(spec, result);
  fmt::print("\nposterior after {} generations ({}):\n", result.search.generations.size(),
             result.search.stop_reason);
  // The prior's width is that of generation 0's draws: a ratio near 1 means the targets say
  // little about the factor.
  text_table factors({"factor", "mean", "sd", "5%", "50%", "95%", "sd / prior sd", "targets"},
                     {false, true, true, true, true, true, true, false});
  for (const auto& f : summary.factors)
    factors.add_row({f.key, fmt::format("{:.4g}", f.mean), fmt::format("{:.3g}", f.sd),
                     fmt::format("{:.4g}", f.q05), fmt::format("{:.4g}", f.q50),
                     fmt::format("{:.4g}", f.q95), fmt::format("{:.2f}", f.width_ratio),
                     experiment::identification(f.width_ratio)});
  fmt::print("{}\n", factors.render("  "));
  print_prior_sensitivity(result, summary);
  // Posterior predictive: each target's simulated mean over the particles, by weight.
  text_table fit({"target", "observed", "predicted 5%", "50%", "95%", ""},
                 {false, true, true, true, true, false});
  const auto number = [](const std::optional<double>& v) {
    return v ? fmt::format("{:.4g}", *v) : std::string("-");
  };
  for (std::size_t i = 0; i < spec.targets.size(); ++i) {
    const auto& t = spec.targets[i];
    const auto& c = summary.targets[i];
    fit.add_row({t.output + (t.date ? " at " + t.date->to_string() : ""), format_number(t.value),
                 number(c.q05), number(c.q50), number(c.q95), c.inside() ? "inside" : "outside"});
  }
  fmt::print("{}", fit.render("  "));
}

/// A Bayesian calibration keeps each generation in the store as it completes: the same command
/// run again resumes a killed or interrupted calibration after its last whole generation, and
/// reprints (and rewrites the files of) one that completed.
int execute_posterior(const calibrate_request& r, const io::experiment_spec& spec,
                      const experiment::scenario_resolver& resolve,
                      const experiment::execution_settings& settings, const interrupt_guard& stop,
                      experiment::cluster* mpi) {
  std::error_code ignored;
  if (const auto folder = std::filesystem::path(r.options.out).parent_path(); !folder.empty())
    std::filesystem::create_directories(folder, ignored);
  store::run_store store(r.options.out);
  const std::string hash = experiment::calibration_hash(spec, resolve);
  const auto earlier = store.reader().find_calibration_by_hash(hash);
  experiment::posterior_result stored;
  if (earlier)
    stored = experiment::from_records(
        spec, store.reader().read_calibration_generations(earlier->calibration_id));
  const auto write_outputs = [&](const experiment::posterior_result& result) {
    if (!r.log.empty()) write_file_atomically(r.log, posterior_csv(spec, result));
    if (!r.write_scenario.empty())
      write_file_atomically(
          r.write_scenario,
          posterior_scenario(r, spec, result, resolve(spec.scenario, spec.scenario_origin)));
    if (!r.write_posterior.empty())
      write_file_atomically(r.write_posterior, posterior_file(r, spec, result));
  };
  if (earlier && earlier->status == store::run_status::complete &&
      !stored.search.generations.empty()) {
    stored.search.stop_reason = earlier->stop_reason;
    if (!r.options.quiet)
      fmt::print(
          "calibration {} in {} is complete: its posterior is shown again (another --out "
          "runs it anew)\n",
          earlier->calibration_id, r.options.out);
    write_outputs(stored);
    if (!r.options.quiet) print_posterior(spec, stored);
    return to_int(exit_code::ok);
  }
  std::int64_t id = 0;
  if (earlier) {
    id = earlier->calibration_id;
    if (!r.options.quiet)
      fmt::print("resuming calibration {} in {} after its {} stored generations\n", id,
                 r.options.out, stored.search.generations.size());
  } else {
    store::calibration_info info;
    info.name = spec.name;
    info.algorithm = spec.calibration.algorithm;
    info.experiment_path = spec.path.string();
    info.experiment_text = spec.text;
    info.experiment_hash = hash;
    id = store.begin_calibration(info);
  }
  const auto show = [&](const experiment::abc_generation& g) {
    if (r.options.quiet) return;
    std::string means;
    for (std::size_t k = 0; k < spec.factors.size(); ++k)
      means += fmt::format("  {}={:.4g}±{:.2g}", spec.factors[k].key, g.mean(k), g.sd(k));
    fmt::print("  generation {:2}  tolerance {:9.4g}  acceptance {:5.3f}  ESS {:6.1f}{}\n", g.index,
               g.tolerance, g.acceptance(), g.effective_sample_size(), means);
    std::fflush(stdout);
  };
  for (const auto& g : stored.search.generations) show(g);
  experiment::posterior_result result;
  try {
    result = experiment::calibrate_posterior(
        spec, resolve, settings,
        [&](const experiment::posterior_result& so_far) {
          const std::size_t last = so_far.search.generations.size() - 1;
          store.write_calibration_generation(id, experiment::to_record(spec, so_far, last));
          show(so_far.search.generations.back());
        },
        std::move(stored), mpi);
  } catch (const experiment::job_cancelled&) {
    store.finish_calibration(id, store::run_status::interrupted, "");
    std::fprintf(stderr,
                 "liangzhu: calibration %lld interrupted by %s; its whole generations are in %s "
                 "and the same command resumes it\n",
                 static_cast<long long>(id), stop.signal_name(), r.options.out.c_str());
    return to_int(exit_code::interrupted);
  } catch (...) {
    store.finish_calibration(id, store::run_status::failed, "");
    throw;
  }
  store.finish_calibration(id, store::run_status::complete, result.search.stop_reason);
  write_outputs(result);
  if (!r.options.quiet) print_posterior(spec, result);
  return to_int(exit_code::ok);
}

int calibrate_on_rank(const calibrate_request& r, experiment::cluster* mpi) {
  io::experiment_spec spec = io::load_experiment(r.experiment);
  apply_overrides(r.options, spec);
  if (r.max_evaluations > 0 && spec.calibration.algorithm == "abc-smc")
    throw input_error(
        "--max-evaluations bounds the optimisers; ABC-SMC stops after [calibration] generations "
        "or when its acceptance falls below min_acceptance",
        r.experiment, 0, 0, "--max-evaluations");
  if (r.max_evaluations > 0) spec.calibration.max_evaluations = r.max_evaluations;
  if (!r.write_posterior.empty() && spec.calibration.algorithm != "abc-smc")
    throw input_error(
        "--write-posterior needs a posterior: algorithm = \"abc-smc\" in [calibration]",
        r.experiment, 0, 0, "--write-posterior");
  if (spec.posterior)
    throw input_error(
        "a calibration draws its own parameters: --posterior and [posterior] are for compare, "
        "sweep and sensitivity",
        spec.posterior->origin.file, spec.posterior->origin.line, spec.posterior->origin.column,
        "posterior");
  if (mpi && spec.calibration.algorithm != "abc-smc")
    throw input_error(fmt::format("{} evaluates one point after another: run it without mpirun "
                                  "(algorithm = \"abc-smc\" runs over MPI ranks)",
                                  spec.calibration.algorithm),
                      r.experiment, 0, 0, "algorithm");
  const auto resolve = scenario_resolver_for(r.experiment);
  const interrupt_guard stop;
  const experiment::execution_settings settings = execution_settings_of(r.options, stop);
  // Bad input is refused by every rank before the store is touched: it gets no calibration row.
  if (spec.calibration.algorithm == "abc-smc") experiment::check_posterior(spec, resolve);
  if (mpi && mpi->rank() != 0) {
    experiment::serve_posterior(spec, resolve, settings, *mpi);
    return to_int(exit_code::ok);
  }
  if (!r.options.quiet)
    fmt::print("calibrating {} factors against {} targets ({} replicates per evaluation, {})\n",
               spec.factors.size(), spec.targets.size(), spec.replicates,
               spec.calibration.algorithm);
  if (spec.calibration.algorithm == "abc-smc")
    return execute_posterior(r, spec, resolve, settings, stop, mpi);
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

int execute_calibrate(const calibrate_request& r) {
  // Targets may be the pattern panel's statistics ("pattern:<id>"), which the patterns layer
  // measures: the experiment layer below it learns how here.
  static std::once_flag registered;
  std::call_once(registered, [] {
    experiment::register_target_measure(patterns::target_prefix, patterns::pattern_targets());
  });
  const auto mpi = experiment::cluster::join_if_launched();
  return guard_ranks(mpi.get(), [&] { return calibrate_on_rank(r, mpi.get()); });
}

}  // namespace

command add_calibrate_command(CLI::App& parent) {
  return make_command<calibrate_request>(parent,
                                         {"calibrate", calibrate_description, calibrate_footer},
                                         define_calibrate, execute_calibrate);
}

}  // namespace liangzhu::cli
