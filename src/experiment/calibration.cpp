#include "liangzhu/experiment/calibration.hpp"

#include <fmt/format.h>
#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/dated_outputs.hpp"
#include "liangzhu/experiment/output_names.hpp"
#include "liangzhu/io/did_you_mean.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::experiment {
namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void fail_at(const io::value_origin& where, const std::string& key,
                          const std::string& message) {
  throw input_error(message, where.file, where.line, where.column, key);
}

/// The registered measures, by output prefix.
std::vector<std::pair<std::string, target_measure>>& measures() {
  static std::vector<std::pair<std::string, target_measure>> registry;
  return registry;
}

/// The measure of `output` and the name after its prefix, if a registered measure takes it.
std::optional<std::pair<const target_measure*, std::string_view>> measure_of(
    std::string_view output) {
  for (const auto& [prefix, m] : measures())
    if (output.starts_with(prefix)) return std::pair{&m, output.substr(prefix.size())};
  return std::nullopt;
}

void check_target(const io::calibration_target& t, std::span<const std::string> hubs,
                  const engine::calendar& cal, long ticks) {
  if (const auto measured = measure_of(t.output)) {
    if (t.date)
      fail_at(t.origin, "target.date",
              fmt::format("'{}' is measured over the whole run: give it no 'date'", t.output));
    if (const auto why = measured->first->check(measured->second))
      fail_at(t.origin, "target.output", *why);
    return;
  }
  if (!t.date) {
    if (const auto dated = dated_output_of(t.output))
      fail_at(t.origin, "target.output",
              fmt::format("a target at a date is written output = \"{}\" and date = {}",
                          t.output.substr(0, t.output.rfind('@')), dated->date.to_string()));
    if (const auto why = check_output_name(t.output, hubs))
      fail_at(t.origin, "target.output", *why);
    return;
  }
  const auto [hub, name] = split_output_name(t.output);
  if (!hub.empty() && std::find(hubs.begin(), hubs.end(), hub) == hubs.end())
    fail_at(t.origin, "target.output", fmt::format("the scenario has no hub '{}'", hub));
  const auto names = series_names();
  if (std::find(names.begin(), names.end(), name) == names.end())
    fail_at(t.origin, "target.output",
            fmt::format("'{}' is not a weekly series (docs/outputs.md lists them){}", name,
                        io::did_you_mean(name, names)));
  const long tick = cal.tick_containing(*t.date);
  if (tick < 0 || tick >= ticks)
    fail_at(t.origin, "target.date",
            fmt::format("{} is outside the run ({} to {})", t.date->to_string(),
                        cal.start().to_string(), cal.date_of(ticks).to_string()));
}

/// The base scenario's value of each factor, as unit coordinates inside the factor's bounds.
std::vector<double> starting_point(const io::experiment_spec& spec, const io::scenario& base) {
  std::vector<double> unit;
  for (const auto& f : spec.factors) {
    const auto& v = base.value(f.key);
    double x = 0.5 * (*f.low + *f.high);
    if (const auto* whole = std::get_if<std::int64_t>(&v)) x = static_cast<double>(*whole);
    if (const auto* real = std::get_if<double>(&v)) x = *real;
    unit.push_back(std::clamp((x - *f.low) / (*f.high - *f.low), 0.0, 1.0));
  }
  return unit;
}

nlopt_algorithm algorithm_of(const std::string& name) {
  if (name == "neldermead") return NLOPT_LN_NELDERMEAD;
  if (name == "sbplx") return NLOPT_LN_SBPLX;
  if (name == "cobyla") return NLOPT_LN_COBYLA;
  return NLOPT_LN_BOBYQA;
}

std::string reason_of(nlopt_result r) {
  switch (r) {
    case NLOPT_SUCCESS:
      return "converged";
    case NLOPT_STOPVAL_REACHED:
      return "misfit below the stop value";
    case NLOPT_FTOL_REACHED:
      return "the misfit stopped improving";
    case NLOPT_XTOL_REACHED:
      return "steps smaller than the tolerance";
    case NLOPT_MAXEVAL_REACHED:
      return "max_evaluations reached";
    case NLOPT_MAXTIME_REACHED:
      return "time limit reached";
    case NLOPT_ROUNDOFF_LIMITED:
      return "limited by round-off";
    case NLOPT_FORCED_STOP:
      return "stopped";
    default:
      return fmt::format("NLopt failed (code {})", static_cast<int>(r));
  }
}

}  // namespace

io::stored_detail stored_for_targets(const io::experiment_spec& spec) {
  for (const auto& t : spec.targets)
    if (measured_from_events(t)) return io::stored_detail::all;
  return io::stored_detail::series;
}

namespace {

/// One evaluation of the misfit: the experiment's replicates at one point.
class evaluator {
 public:
  evaluator(io::experiment_spec spec, const scenario_resolver& resolve,
            const execution_settings& settings,
            const std::function<void(const calibration_evaluation&)>& on_evaluation)
      : spec_(std::move(spec)), resolve_(resolve), settings_(settings), report_(on_evaluation) {
    spec_.store = stored_for_targets(spec_);
  }

  double operator()(const std::vector<double>& unit) {
    const plan p = plan_unit_points(spec_, resolve_, {unit}, store::sweep_kind::sweep);
    std::vector<job_result> runs;
    run_locally(p, p.jobs(), settings_, [&](job_result&& r) { runs.push_back(std::move(r)); });
    if (runs.size() != p.jobs().size()) throw job_cancelled{};
    calibration_evaluation e = fit_targets(spec_, runs, p.points.front().hubs);
    e.index = static_cast<std::int64_t>(result.evaluations.size());
    e.coordinates = p.points.front().coordinates;
    if (result.evaluations.empty() || e.misfit < result.evaluations[result.best].misfit)
      result.best = result.evaluations.size();
    result.evaluations.push_back(e);
    if (report_) report_(e);
    return e.misfit;
  }

  calibration_result result;

 private:
  io::experiment_spec spec_;
  const scenario_resolver& resolve_;
  const execution_settings& settings_;
  const std::function<void(const calibration_evaluation&)>& report_;
};

/// NLopt calls back through C, which an exception must not cross: it is kept and rethrown.
struct callback_state {
  evaluator* evaluate;
  nlopt_opt opt;
  std::exception_ptr error;
};

double objective(unsigned n, const double* x, double* /*gradient*/, void* data) {
  auto* state = static_cast<callback_state*>(data);
  try {
    return (*state->evaluate)(std::vector<double>(x, x + n));
  } catch (...) {
    state->error = std::current_exception();
    nlopt_force_stop(state->opt);
    return std::numeric_limits<double>::max();
  }
}

}  // namespace

std::string target_name(const io::calibration_target& target) {
  std::string name = target.output;
  if (target.date) {
    name += '@';
    name += target.date->to_string();
  }
  return name;
}

void register_target_measure(std::string prefix, target_measure measure) {
  measures().emplace_back(std::move(prefix), std::move(measure));
}

bool measured_from_events(const io::calibration_target& target) {
  return measure_of(target.output).has_value();
}

double simulated_value(const job_result& run, const io::calibration_target& target,
                       std::span<const std::string> hubs) {
  if (const auto measured = measure_of(target.output))
    return measured->first->measure(run, measured->second, hubs.front());
  if (!target.date) return output_value(run.summary, hubs, target.output);
  const auto [hub, name] = split_output_name(target.output);
  return series_value_at(run, hub.empty() ? hubs.front() : hub, name, *target.date);
}

calibration_evaluation fit_targets(const io::experiment_spec& spec,
                                   std::span<const job_result> runs,
                                   std::span<const std::string> hubs) {
  calibration_evaluation e;
  for (const auto& t : spec.targets) {
    double sum = 0;
    int n = 0;
    for (const auto& run : runs) {
      const double v = simulated_value(run, t, hubs);
      if (std::isnan(v)) continue;
      sum += v;
      ++n;
    }
    const double mean = n > 0 ? sum / n : missing;
    e.simulated.push_back(mean);
    // An empty figure (no tigers to divide by...) counts as far off, not as a perfect fit.
    const double z = std::isnan(mean) ? 1e3 : (mean - t.value) / t.scale;
    e.misfit += t.weight * z * z;
  }
  return e;
}

io::scenario check_calibration(const io::experiment_spec& spec, const scenario_resolver& resolve) {
  const io::value_origin top{spec.path.string(), 0, 0};
  if (spec.targets.empty()) fail_at(top, "target", "a calibration needs [[target]] entries");
  if (spec.factors.empty()) fail_at(top, "vary", "a calibration needs [[vary]] factors to adjust");
  for (const auto& f : spec.factors)
    if (!f.low || f.key == "scenario")
      fail_at(f.origin, f.key, "a calibrated factor needs 'low'/'high' (or 'from'/'to')");
  // The base scenario: its hubs and calendar check the targets, its values are the start.
  std::vector<std::string> overrides = spec.overrides;
  if (spec.ticks) overrides.push_back(fmt::format("ticks={}", *spec.ticks));
  const io::scenario base = io::load_scenario(resolve(spec.scenario, spec.scenario_origin),
                                              model::scenario_schema(), overrides);
  const engine::calendar cal(base.date("start"));
  for (const auto& t : spec.targets)
    check_target(t, base.names("hub"), cal, static_cast<long>(base.integer("ticks")));
  return base;
}

calibration_result calibrate(
    const io::experiment_spec& spec, const scenario_resolver& resolve,
    const execution_settings& settings,
    const std::function<void(const calibration_evaluation&)>& on_evaluation) {
  const io::scenario base = check_calibration(spec, resolve);
  std::vector<double> x = starting_point(spec, base);

  evaluator evaluate(spec, resolve, settings, on_evaluation);
  const auto k = static_cast<unsigned>(spec.factors.size());
  nlopt_opt opt = nlopt_create(algorithm_of(spec.calibration.algorithm), k);
  callback_state state{&evaluate, opt, nullptr};
  const std::vector<double> lower(k, 0.0), upper(k, 1.0);
  nlopt_set_lower_bounds(opt, lower.data());
  nlopt_set_upper_bounds(opt, upper.data());
  nlopt_set_min_objective(opt, objective, &state);
  nlopt_set_maxeval(opt, static_cast<int>(spec.calibration.max_evaluations));
  nlopt_set_xtol_abs1(opt, spec.calibration.tolerance);
  nlopt_set_initial_step1(opt, 0.1);  // a tenth of each range: big enough to see an effect
  double best = 0;
  const nlopt_result r = nlopt_optimize(opt, x.data(), &best);
  nlopt_destroy(opt);
  if (state.error) std::rethrow_exception(state.error);
  evaluate.result.stop_reason = reason_of(r);
  if (evaluate.result.evaluations.empty())
    throw error("calibration: the optimiser evaluated nothing (" + evaluate.result.stop_reason +
                ")");
  return evaluate.result;
}

}  // namespace liangzhu::experiment
