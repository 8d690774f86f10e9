// A calibration as the report's document. The experiment the calibration ran is stored with it,
// so its factors' priors and its targets' observations are read back from there rather than
// from a file that may have changed since.
#include "liangzhu/report/calibration_data.hpp"

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/posterior.hpp"
#include "liangzhu/experiment/posterior_summary.hpp"
#include "liangzhu/io/experiment.hpp"
#include "liangzhu/version.hpp"

namespace liangzhu::report {
namespace {

using nlohmann::json;

json number(std::optional<double> value) {
  return value && std::isfinite(*value) ? json(*value) : json(nullptr);
}

std::string_view shape_name(experiment::abc_prior::shape shape) {
  switch (shape) {
    case experiment::abc_prior::shape::log_uniform:
      return "log-uniform";
    case experiment::abc_prior::shape::normal:
      return "normal";
    case experiment::abc_prior::shape::uniform:
      break;
  }
  return "uniform";
}

json prior_json(const experiment::abc_prior& prior) {
  json out = {
      {"shape", shape_name(prior.kind)}, {"low", number(prior.low)}, {"high", number(prior.high)}};
  if (prior.kind == experiment::abc_prior::shape::normal) {
    out["mean"] = prior.mean;
    out["sd"] = prior.sd;
  }
  return out;
}

json factors_json(const experiment::posterior_result& result,
                  const experiment::posterior_summary& summary) {
  json out = json::array();
  for (std::size_t k = 0; k < summary.factors.size(); ++k) {
    const auto& f = summary.factors[k];
    out.push_back({{"key", f.key},
                   {"prior", prior_json(result.priors[k])},
                   {"mean", f.mean},
                   {"sd", f.sd},
                   {"q05", f.q05},
                   {"q50", f.q50},
                   {"q95", f.q95},
                   {"width_ratio", f.width_ratio},
                   {"identification", experiment::identification(f.width_ratio)}});
  }
  return out;
}

json targets_json(const io::experiment_spec& spec, const experiment::posterior_summary& summary) {
  json out = json::array();
  for (std::size_t t = 0; t < summary.targets.size(); ++t) {
    const auto& c = summary.targets[t];
    const auto& target = spec.targets[t];
    json sensitivity = json::array();
    for (const auto& rho : summary.sensitivity[t]) sensitivity.push_back(number(rho));
    out.push_back({{"name", c.name},
                   {"output", target.output},
                   {"date", target.date ? json(target.date->to_string()) : json(nullptr)},
                   {"observed", c.observed},
                   {"scale", c.scale},
                   {"weight", c.weight},
                   {"q05", number(c.q05)},
                   {"q50", number(c.q50)},
                   {"q95", number(c.q95)},
                   {"inside", c.inside()},
                   {"sensitivity", sensitivity}});
  }
  return out;
}

json generations_json(const experiment::posterior_result& result) {
  json out = json::array();
  for (std::size_t g = 0; g < result.search.generations.size(); ++g) {
    const auto& gen = result.search.generations[g];
    json particles = json::array();
    for (std::size_t i = 0; i < gen.particles.size(); ++i) {
      const auto& p = gen.particles[i];
      json simulated = json::array();
      for (const double v : result.simulated[g][i]) simulated.push_back(number(v));
      particles.push_back({{"weight", p.weight},
                           {"distance", number(p.distance)},
                           {"values", p.values},
                           {"simulated", simulated}});
    }
    out.push_back({{"index", gen.index},
                   {"tolerance", number(gen.tolerance)},
                   {"simulations", gen.simulations},
                   {"acceptance", gen.acceptance()},
                   {"ess", gen.effective_sample_size()},
                   {"particles", particles}});
  }
  return out;
}

store::calibration_info find_calibration(const store::store_reader& store, std::int64_t id) {
  for (auto& info : store.list_calibrations())
    if (info.calibration_id == id) return info;
  throw input_error(fmt::format("the store has no calibration {} ('liangzhu runs' lists them)", id),
                    "--calibration");
}

}  // namespace

json calibration_report_data(const store::store_reader& store, std::int64_t calibration) {
  const auto info = find_calibration(store, calibration);
  if (info.algorithm != "abc-smc")
    throw input_error(fmt::format("calibration {} is a point fit ({}), with no posterior to report",
                                  calibration, info.algorithm),
                      "--calibration");
  const auto records = store.read_calibration_generations(calibration);
  if (records.empty())
    throw input_error(fmt::format("calibration {} has no whole generation yet", calibration),
                      "--calibration");
  const io::experiment_spec spec = io::parse_experiment(info.experiment_text, info.experiment_path);
  auto result = experiment::from_records(spec, records);
  result.search.stop_reason = info.stop_reason;
  const auto summary = experiment::summarise(spec, result);
  return {{"format", "liangzhu-calibration"},
          {"version", calibration_format_version},
          {"title", fmt::format("Calibration {}: {}", calibration,
                                info.name.empty() ? info.experiment_path : info.name)},
          {"generated_by", fmt::format("liangzhu {} ({})", version_string, git_revision)},
          {"calibration",
           {{"id", calibration},
            {"name", info.name},
            {"experiment", info.experiment_path},
            {"scenario", spec.scenario},
            {"replicates", spec.replicates},
            {"particles", spec.calibration.particles},
            {"max_generations", spec.calibration.generations},
            {"status", store::to_string(info.status)},
            {"stop_reason", info.stop_reason},
            {"created_at", info.created_at},
            {"ended_at", info.ended_at}}},
          {"factors", factors_json(result, summary)},
          {"targets", targets_json(spec, summary)},
          {"generations", generations_json(result)}};
}

}  // namespace liangzhu::report
