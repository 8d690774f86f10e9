#pragma once
/// @file What a reviewer reads off a Bayesian calibration (posterior.hpp), computed once for the
/// terminal (`liangzhu calibrate`) and the report (`liangzhu report --calibration`): each
/// factor's posterior against its prior, each target's posterior predictive against its
/// observation, and the targets' sensitivity to the factors before anything was fitted.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "liangzhu/experiment/posterior.hpp"
#include "liangzhu/io/experiment.hpp"

namespace liangzhu::experiment {

/// One factor in the last generation, by weight.
struct factor_posterior {
  std::string key;
  double mean = 0, sd = 0;
  double q05 = 0, q50 = 0, q95 = 0;
  /// Posterior sd over the sd of generation 0 (the prior's draws): near 1 the targets say little
  /// about the factor.
  double width_ratio = 0;
};

/// What the targets say about a factor, from width_ratio: "identified" (at most 0.5: the
/// targets halve the prior's spread or better), "partly identified" (up to 0.7) or "not
/// identified". docs/calibration.md explains the thresholds.
std::string identification(double width_ratio);

/// One target in the last generation: the simulated means of the particles, by weight.
struct target_check {
  std::string name;
  double observed = 0, scale = 1, weight = 1;
  /// Empty when no particle of the last generation simulated a number for it.
  std::optional<double> q05, q50, q95;
  /// Whether the observation lies inside the predictive 90% range.
  bool inside() const;
};

struct posterior_summary {
  std::vector<factor_posterior> factors;
  std::vector<target_check> targets;
  /// Spearman's rank correlation between each factor and each target over generation 0:
  /// sensitivity[target][factor], empty where it cannot be computed.
  std::vector<std::vector<std::optional<double>>> sensitivity;
};

/// The summary of `result` (a posterior of `spec`, at least one generation).
posterior_summary summarise(const io::experiment_spec& spec, const posterior_result& result);

}  // namespace liangzhu::experiment
