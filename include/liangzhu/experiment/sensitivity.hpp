#pragma once
/// @file Global sensitivity analysis: Sobol indices from Saltelli's sampling scheme, and Morris
/// elementary effects for a cheap first screening. Both work in the unit cube; the plan maps
/// each coordinate onto a factor's bounds.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace liangzhu::experiment {

/// An estimate with a bootstrap percentile interval (empty bounds when no bootstrap was run).
struct index_estimate {
  double value = 0;
  std::optional<double> low, high;
};

/// Saltelli's design for k factors from N base points of a 2k-dimensional Sobol sequence (the
/// first k coordinates form matrix A, the last k matrix B; the origin is skipped). For each base
/// point n the design holds A_n, then AB_n^(1) ... AB_n^(k) (A_n with coordinate i taken from
/// B_n), then B_n: N (k + 2) points.
std::vector<std::vector<double>> saltelli_design(std::size_t base_samples, std::size_t factors);

struct sobol_result {
  /// First-order indices S_i (Saltelli et al. 2010, eq. (b) of table 2) and total indices ST_i
  /// (Jansen 1999), one per factor.
  std::vector<index_estimate> first_order, total;
  /// Variance of the output over A and B.
  double variance = 0;
};

/// Sobol indices from the outputs `f` of a saltelli_design, in design order. Bootstrap: resamples
/// the base points `bootstrap` times (streams keyed by `seed`). Throws std::invalid_argument if
/// `f` has the wrong size or holds NaN.
sobol_result sobol_indices(std::span<const double> f, std::size_t base_samples, std::size_t factors,
                           std::size_t bootstrap, std::uint64_t seed, double confidence = 0.95);

/// Morris' one-at-a-time design: `trajectories` random walks on a grid of `levels` levels, each
/// of k + 1 points changing one factor at a time by delta = levels / (2 (levels - 1)).
struct morris_design {
  std::vector<std::vector<double>> points;
  /// For each trajectory and step: which factor changed and by how much (+-delta).
  std::vector<std::vector<std::size_t>> changed;
  std::vector<std::vector<double>> step;
};

morris_design make_morris_design(std::size_t trajectories, std::size_t factors, std::size_t levels,
                                 std::uint64_t seed);

struct morris_result {
  /// mu* (mean absolute elementary effect, with a bootstrap interval), mu and sigma per factor,
  /// in output units per unit of the factor's range.
  std::vector<index_estimate> mu_star;
  std::vector<double> mu, sigma;
};

morris_result morris_effects(const morris_design& design, std::span<const double> f,
                             std::size_t bootstrap, std::uint64_t seed, double confidence = 0.95);

}  // namespace liangzhu::experiment
