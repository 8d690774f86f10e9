// ABC-SMC (see the header for the method and its sources). Linear algebra (the weighted
// covariance, its Cholesky factor for proposals and the kernel density) is Eigen's.
#include "liangzhu/experiment/abc_smc.hpp"

#include <fmt/format.h>

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <stdexcept>

#include "liangzhu/engine/rng.hpp"

namespace liangzhu::experiment {
namespace {

using vector = Eigen::VectorXd;
using matrix = Eigen::MatrixXd;

/// The stream purposes of the sampler (apart from any model's: the seed is the search's own).
constexpr std::uint64_t purpose_prior_draw = 1;
constexpr std::uint64_t purpose_proposal = 2;

double standard_normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

/// Draws an internal coordinate from the prior (inverse CDF for the truncated normal, so a
/// draw costs one uniform whatever the truncation).
double draw_prior(const abc_prior& p, engine::rng_stream& r) {
  switch (p.kind) {
    case abc_prior::shape::uniform:
      return r.uniform(p.low, p.high);
    case abc_prior::shape::log_uniform:
      return r.uniform(std::log(p.low), std::log(p.high));
    case abc_prior::shape::normal: {
      const double a = standard_normal_cdf((p.low - p.mean) / p.sd);
      const double b = standard_normal_cdf((p.high - p.mean) / p.sd);
      // Bisection on the CDF: exact to double precision and free of tail cancellation.
      const double target = a + (b - a) * r.uniform();
      double lo = std::max(p.low, p.mean - 40 * p.sd), hi = std::min(p.high, p.mean + 40 * p.sd);
      for (int i = 0; i < 200 && hi - lo > 1e-15 * std::max(1.0, std::abs(hi)); ++i) {
        const double mid = 0.5 * (lo + hi);
        (standard_normal_cdf((mid - p.mean) / p.sd) < target ? lo : hi) = mid;
      }
      return 0.5 * (lo + hi);
    }
  }
  return p.low;
}

double prior_density(std::span<const abc_prior> priors, const vector& x) {
  double d = 1;
  for (std::size_t k = 0; k < priors.size(); ++k) d *= priors[k].density(x[static_cast<long>(k)]);
  return d;
}

vector internal_of(std::span<const abc_prior> priors, const std::vector<double>& values) {
  vector x(static_cast<long>(priors.size()));
  for (std::size_t k = 0; k < priors.size(); ++k)
    x[static_cast<long>(k)] = priors[k].internal_of(values[k]);
  return x;
}

std::vector<double> values_of(std::span<const abc_prior> priors, const vector& x) {
  std::vector<double> v(priors.size());
  for (std::size_t k = 0; k < priors.size(); ++k)
    v[k] = priors[k].value_of(x[static_cast<long>(k)]);
  return v;
}

/// The previous generation as the proposal needs it: internal coordinates, weights, the
/// kernel (2 x the weighted covariance, as its Cholesky factorisation) and the normalising
/// constant of its density.
struct proposal_mixture {
  std::vector<vector> points;
  std::vector<double> weights;
  std::vector<double> cumulative;
  Eigen::LLT<matrix> kernel;
  double log_norm = 0;

  proposal_mixture(std::span<const abc_prior> priors, const abc_generation& g) {
    const auto k = static_cast<long>(priors.size());
    vector mean = vector::Zero(k);
    for (const auto& p : g.particles) {
      points.push_back(internal_of(priors, p.values));
      weights.push_back(p.weight);
      mean += p.weight * points.back();
    }
    matrix cov = matrix::Zero(k, k);
    for (std::size_t i = 0; i < points.size(); ++i) {
      const vector d = points[i] - mean;
      cov += weights[i] * d * d.transpose();
    }
    // Beaumont et al. (2009): twice the weighted covariance. A factor the previous generation
    // pinned to one value would give a singular kernel: a floor keeps it proper.
    matrix twice = 2.0 * cov;
    for (long i = 0; i < k; ++i) twice(i, i) = std::max(twice(i, i), 1e-12);
    kernel.compute(twice);
    if (kernel.info() != Eigen::Success) {
      twice = twice.diagonal().asDiagonal();
      kernel.compute(twice);
    }
    log_norm = -0.5 * static_cast<double>(k) * std::log(2 * std::numbers::pi) -
               kernel.matrixLLT().diagonal().array().log().sum();
    std::partial_sum(weights.begin(), weights.end(), std::back_inserter(cumulative));
  }

  vector propose(engine::rng_stream& r) const {
    const double u = r.uniform() * cumulative.back();
    const auto pick = static_cast<std::size_t>(
        std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
    const auto k = kernel.rows();
    vector z(k);
    for (long i = 0; i < k; ++i) z[i] = r.normal(0.0, 1.0);
    return points[std::min(pick, points.size() - 1)] + kernel.matrixL() * z;
  }

  /// Density of the mixture sum_j w_j N(x; x_j, kernel) at `x`.
  double density(const vector& x) const {
    double sum = 0;
    for (std::size_t j = 0; j < points.size(); ++j) {
      const vector solved = kernel.matrixL().solve(x - points[j]);
      sum += weights[j] * std::exp(log_norm - 0.5 * solved.squaredNorm());
    }
    return sum;
  }
};

/// The particles' weights and `of(particle)`, for weighted_quantile.
template <typename Of>
double particle_quantile(const std::vector<abc_particle>& particles, double q, Of of) {
  std::vector<double> values, weights;
  for (const auto& p : particles) {
    values.push_back(of(p));
    weights.push_back(p.weight);
  }
  return weighted_quantile(values, weights, q);
}

double distance_quantile(const abc_generation& g, double q) {
  return particle_quantile(g.particles, q, [](const abc_particle& p) { return p.distance; });
}

void normalise(std::vector<abc_particle>& particles) {
  double total = 0;
  for (const auto& p : particles) total += p.weight;
  for (auto& p : particles) p.weight /= total;
}

void check_settings(std::span<const abc_prior> priors, const abc_settings& s) {
  if (priors.empty()) throw std::invalid_argument("ABC-SMC needs at least one factor");
  for (std::size_t k = 0; k < priors.size(); ++k) {
    try {
      priors[k].check();
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument(fmt::format("factor {}: {}", k + 1, e.what()));
    }
  }
  if (s.particles < 2) throw std::invalid_argument("ABC-SMC needs at least 2 particles");
  if (!(s.quantile > 0 && s.quantile < 1))
    throw std::invalid_argument("the tolerance quantile must be in (0, 1)");
  if (s.max_generations < 1) throw std::invalid_argument("ABC-SMC needs at least 1 generation");
  if (s.max_simulations_per_generation < s.particles)
    throw std::invalid_argument(
        "a generation must be allowed at least as many simulations as "
        "it has particles");
}

abc_generation prior_generation(std::span<const abc_prior> priors, const abc_settings& s,
                                const abc_distances& distances) {
  std::vector<abc_candidate> batch;
  for (std::size_t i = 0; i < s.particles; ++i) {
    engine::rng_stream r(s.seed, purpose_prior_draw, 0, i);
    vector x(static_cast<long>(priors.size()));
    for (std::size_t k = 0; k < priors.size(); ++k)
      x[static_cast<long>(k)] = draw_prior(priors[k], r);
    batch.push_back({0, i, values_of(priors, x)});
  }
  const std::vector<double> d = distances(batch);
  if (d.size() != batch.size()) throw std::logic_error("ABC-SMC: distances of another size");
  abc_generation g;
  g.index = 0;
  g.simulations = batch.size();
  for (std::size_t i = 0; i < batch.size(); ++i)
    g.particles.push_back({batch[i].values, 1.0 / static_cast<double>(batch.size()), d[i], i});
  return g;
}

/// Fills generation `t` from `previous` within `tolerance`; false if the simulation budget ran out
/// first.
bool next_generation(std::span<const abc_prior> priors, const abc_settings& s,
                     const abc_distances& distances, const abc_generation& previous, std::size_t t,
                     double tolerance, abc_generation& out) {
  const proposal_mixture mixture(priors, previous);
  out = abc_generation{};
  out.index = t;
  out.tolerance = tolerance;
  std::size_t proposed = 0;
  while (out.particles.size() < s.particles) {
    std::vector<abc_candidate> batch;
    std::vector<vector> points;
    const std::size_t wanted = s.particles - out.particles.size();
    // Proposals outside the prior's support are drawn again without a simulation (a kernel
    // that leaves the support almost always ends the search rather than spinning).
    while (batch.size() < wanted) {
      if (out.simulations + batch.size() >= s.max_simulations_per_generation) break;
      if (proposed >= 100 * s.max_simulations_per_generation) break;
      engine::rng_stream r(s.seed, purpose_proposal, t, proposed);
      const vector x = mixture.propose(r);
      const std::size_t index = proposed++;
      if (prior_density(priors, x) <= 0) continue;
      batch.push_back({t, index, values_of(priors, x)});
      points.push_back(x);
    }
    if (batch.empty()) return false;
    const std::vector<double> d = distances(batch);
    if (d.size() != batch.size()) throw std::logic_error("ABC-SMC: distances of another size");
    out.simulations += batch.size();
    for (std::size_t i = 0; i < batch.size() && out.particles.size() < s.particles; ++i) {
      if (!(d[i] <= tolerance)) continue;
      const double w = prior_density(priors, points[i]) / mixture.density(points[i]);
      out.particles.push_back({batch[i].values, w, d[i], batch[i].index});
    }
    if (out.particles.size() < s.particles && out.simulations >= s.max_simulations_per_generation)
      return false;
  }
  normalise(out.particles);
  return true;
}

}  // namespace

double weighted_quantile(std::span<const double> values, std::span<const double> weights,
                         double q) {
  std::vector<std::pair<double, double>> v;
  for (std::size_t i = 0; i < values.size(); ++i) v.emplace_back(values[i], weights[i]);
  std::sort(v.begin(), v.end());
  double total = 0;
  for (const auto& [value, weight] : v) {
    total += weight;
    if (total >= q) return value;
  }
  return v.back().first;
}

double abc_prior::value_of(double internal) const {
  return kind == shape::log_uniform ? std::exp(internal) : internal;
}

double abc_prior::internal_of(double value) const {
  return kind == shape::log_uniform ? std::log(value) : value;
}

double abc_prior::density(double x) const {
  switch (kind) {
    case shape::uniform:
      return x >= low && x <= high ? 1.0 / (high - low) : 0.0;
    case shape::log_uniform: {
      const double a = std::log(low), b = std::log(high);
      return x >= a && x <= b ? 1.0 / (b - a) : 0.0;
    }
    case shape::normal: {
      if (x < low || x > high) return 0.0;
      const double mass =
          standard_normal_cdf((high - mean) / sd) - standard_normal_cdf((low - mean) / sd);
      const double z = (x - mean) / sd;
      return std::exp(-0.5 * z * z) / (sd * std::sqrt(2 * std::numbers::pi) * mass);
    }
  }
  return 0.0;
}

void abc_prior::check() const {
  switch (kind) {
    case shape::uniform:
      if (!(std::isfinite(low) && std::isfinite(high) && low < high))
        throw std::invalid_argument("a uniform prior needs finite low < high");
      return;
    case shape::log_uniform:
      if (!(std::isfinite(low) && std::isfinite(high) && low > 0 && low < high))
        throw std::invalid_argument("a log-uniform prior needs 0 < low < high");
      return;
    case shape::normal:
      if (!(std::isfinite(mean) && std::isfinite(sd) && sd > 0))
        throw std::invalid_argument("a normal prior needs a finite mean and sd > 0");
      if (!(low < high)) throw std::invalid_argument("a normal prior's bounds need low < high");
      if (standard_normal_cdf((high - mean) / sd) - standard_normal_cdf((low - mean) / sd) < 1e-12)
        throw std::invalid_argument("a normal prior's bounds leave it no probability");
      return;
  }
}

double abc_generation::acceptance() const {
  return simulations == 0
             ? 0.0
             : static_cast<double>(particles.size()) / static_cast<double>(simulations);
}

double abc_generation::effective_sample_size() const {
  double sum = 0;
  for (const auto& p : particles) sum += p.weight * p.weight;
  return sum > 0 ? 1.0 / sum : 0.0;
}

double abc_generation::mean(std::size_t k) const {
  double m = 0;
  for (const auto& p : particles) m += p.weight * p.values[k];
  return m;
}

double abc_generation::sd(std::size_t k) const {
  const double m = mean(k);
  double v = 0;
  for (const auto& p : particles) v += p.weight * (p.values[k] - m) * (p.values[k] - m);
  return std::sqrt(v);
}

double abc_generation::quantile(std::size_t k, double q) const {
  return particle_quantile(particles, q, [k](const abc_particle& p) { return p.values[k]; });
}

abc_result abc_smc(std::span<const abc_prior> priors, const abc_settings& settings,
                   const abc_distances& distances,
                   const std::function<void(const abc_generation&)>& on_generation,
                   std::vector<abc_generation> resume_from) {
  check_settings(priors, settings);
  abc_result result;
  result.generations = std::move(resume_from);
  if (result.generations.empty()) {
    result.generations.push_back(prior_generation(priors, settings, distances));
    if (on_generation) on_generation(result.generations.back());
  }
  for (;;) {
    const abc_generation& last = result.generations.back();
    if (result.generations.size() >= settings.max_generations) {
      result.stop_reason = fmt::format("{} generations", result.generations.size());
      break;
    }
    if (last.index > 0 && last.tolerance <= settings.target_tolerance) {
      result.stop_reason = fmt::format("tolerance {:.4g} reached", last.tolerance);
      break;
    }
    if (last.index > 0 && last.acceptance() < settings.min_acceptance) {
      result.stop_reason =
          fmt::format("acceptance {:.2g} below {:.2g}", last.acceptance(), settings.min_acceptance);
      break;
    }
    const double tolerance = distance_quantile(last, settings.quantile);
    if (!std::isfinite(tolerance)) {
      result.stop_reason = "no finite distance to set a tolerance from";
      break;
    }
    abc_generation next;
    if (!next_generation(priors, settings, distances, last, last.index + 1, tolerance, next)) {
      result.stop_reason =
          fmt::format("generation {} did not fill within {} simulations (tolerance {:.4g})",
                      last.index + 1, settings.max_simulations_per_generation, tolerance);
      break;
    }
    result.generations.push_back(std::move(next));
    if (on_generation) on_generation(result.generations.back());
  }
  return result;
}

}  // namespace liangzhu::experiment
