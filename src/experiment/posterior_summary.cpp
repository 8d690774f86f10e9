#include "liangzhu/experiment/posterior_summary.hpp"

#include <cmath>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/calibration.hpp"
#include "liangzhu/experiment/statistics.hpp"

namespace liangzhu::experiment {
namespace {

target_check check_target(const io::calibration_target& target, const abc_generation& last,
                          const std::vector<std::vector<double>>& simulated, std::size_t t) {
  target_check out;
  out.name = target_name(target);
  out.observed = target.value;
  out.scale = target.scale;
  out.weight = target.weight;
  // Particles whose runs gave no number for the target are left out, the rest reweighted.
  std::vector<double> values, weights;
  double total = 0;
  for (std::size_t p = 0; p < last.particles.size(); ++p) {
    if (std::isnan(simulated[p][t])) continue;
    values.push_back(simulated[p][t]);
    weights.push_back(last.particles[p].weight);
    total += last.particles[p].weight;
  }
  if (values.empty() || total <= 0) return out;
  for (double& w : weights) w /= total;
  out.q05 = weighted_quantile(values, weights, 0.05);
  out.q50 = weighted_quantile(values, weights, 0.5);
  out.q95 = weighted_quantile(values, weights, 0.95);
  return out;
}

std::vector<std::optional<double>> sensitivity_of(const posterior_result& result, std::size_t t) {
  const auto& prior = result.search.generations.front();
  std::vector<double> simulated;
  for (const auto& targets : result.simulated.front()) simulated.push_back(targets[t]);
  std::vector<std::optional<double>> row;
  for (std::size_t k = 0; k < result.keys.size(); ++k) {
    std::vector<double> values;
    for (const auto& p : prior.particles) values.push_back(p.values[k]);
    row.push_back(rank_correlation(values, simulated));
  }
  return row;
}

}  // namespace

std::string identification(double width_ratio) {
  if (width_ratio <= 0.5) return "identified";
  if (width_ratio <= 0.7) return "partly identified";
  return "not identified";
}

bool target_check::inside() const { return q05 && q95 && observed >= *q05 && observed <= *q95; }

posterior_summary summarise(const io::experiment_spec& spec, const posterior_result& result) {
  LIANGZHU_ASSERT(!result.search.generations.empty() &&
                      result.simulated.size() == result.search.generations.size(),
                  "a posterior summary needs a generation with its simulated targets");
  const auto& prior = result.search.generations.front();
  const auto& last = result.search.generations.back();
  posterior_summary out;
  for (std::size_t k = 0; k < result.keys.size(); ++k) {
    const double prior_sd = prior.sd(k);
    out.factors.push_back({.key = result.keys[k],
                           .mean = last.mean(k),
                           .sd = last.sd(k),
                           .q05 = last.quantile(k, 0.05),
                           .q50 = last.quantile(k, 0.5),
                           .q95 = last.quantile(k, 0.95),
                           .width_ratio = prior_sd > 0 ? last.sd(k) / prior_sd : 1.0});
  }
  for (std::size_t t = 0; t < spec.targets.size(); ++t) {
    out.targets.push_back(check_target(spec.targets[t], last, result.simulated.back(), t));
    out.sensitivity.push_back(sensitivity_of(result, t));
  }
  return out;
}

}  // namespace liangzhu::experiment
