#pragma once
/// @file Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC; Beaumont, Cornuet,
/// Marin and Robert 2009, "Adaptive approximate Bayesian computation", Biometrika 96:983; with
/// the adaptive tolerance schedule of Del Moral, Doucet and Jasra 2012, Statistics and
/// Computing 22:1009, taken as a quantile of the previous generation's distances).
///
/// Generation 0 draws its particles from the prior and keeps them all; each later generation
/// lowers the tolerance to a quantile of the previous distances and fills a population by drawing
/// a particle of the previous generation by weight, moving it with a Gaussian kernel of twice the
/// previous weighted covariance, and keeping it when its simulated distance is within the
/// tolerance. Weights are prior density over the kernel mixture density. The algorithm knows
/// nothing of the model: it proposes candidates in batches and a caller-supplied function returns
/// their distances, so the caller decides how runs are spread over threads and ranks.
///
/// Results are a deterministic function of the settings and the distances: proposal k of
/// generation t is drawn from the counter-based stream (seed, t, k), batches are proposed and
/// accepted in index order, and a batch holds exactly the particles still missing.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace liangzhu::experiment {

/// A prior on one factor. The sampler works on the log of a log-uniform factor, so that a
/// factor spanning decades is explored evenly.
struct abc_prior {
  enum class shape { uniform, log_uniform, normal };
  shape kind = shape::uniform;
  /// Support: [low, high] (uniform, log-uniform: required, low > 0 for log-uniform; normal: the
  /// truncation, infinite when unbounded).
  double low = -std::numeric_limits<double>::infinity();
  double high = std::numeric_limits<double>::infinity();
  /// Normal priors only.
  double mean = 0;
  double sd = 1;

  /// The factor's value of an internal coordinate, and back.
  double value_of(double internal) const;
  double internal_of(double value) const;
  /// Density of the internal coordinate (0 outside the support).
  double density(double internal) const;
  /// Throws std::invalid_argument with the reason when the prior is not a proper distribution.
  void check() const;
};

struct abc_settings {
  /// Particles per generation.
  std::size_t particles = 200;
  /// Generations at most (generation 0 is the prior).
  std::size_t max_generations = 8;
  /// The next tolerance is this weighted quantile of the current generation's distances.
  double quantile = 0.5;
  /// Stop once a generation keeps fewer than this share of its simulations (the posterior has
  /// stopped moving for what it costs).
  double min_acceptance = 0.02;
  /// Stop once the tolerance is at or below this distance.
  double target_tolerance = 0;
  /// Simulations a generation may use at most before the search stops with the previous one.
  std::size_t max_simulations_per_generation = 100000;
  std::uint64_t seed = 1;
};

/// What the distance function is given: a candidate's factor values and its identity.
struct abc_candidate {
  std::size_t generation = 0;
  std::size_t index = 0;  ///< proposal number within the generation
  std::vector<double> values;
};

struct abc_particle {
  std::vector<double> values;  ///< the factors' values
  double weight = 0;           ///< normalised within the generation
  double distance = 0;
  std::size_t index = 0;  ///< its proposal number
};

struct abc_generation {
  std::size_t index = 0;
  /// Tolerance the particles met (infinite for generation 0).
  double tolerance = std::numeric_limits<double>::infinity();
  std::vector<abc_particle> particles;
  /// Simulations this generation ran (accepted or not).
  std::size_t simulations = 0;

  double acceptance() const;
  /// Kish's effective sample size of the weights, 1 / sum w^2.
  double effective_sample_size() const;
  /// Weighted mean and standard deviation of factor `k`.
  double mean(std::size_t k) const;
  double sd(std::size_t k) const;
  /// Weighted quantile of factor `k` (q in [0, 1]).
  double quantile(std::size_t k, double q) const;
};

/// The weighted `q` quantile (q in [0, 1]) of `values` with `weights` summing to 1 (the smallest
/// value whose cumulative weight reaches q).
double weighted_quantile(std::span<const double> values, std::span<const double> weights, double q);

struct abc_result {
  std::vector<abc_generation> generations;
  std::string stop_reason;
};

/// The distances of a batch of candidates, in order. A distance may be +infinity (a run that
/// could not be compared); it is never accepted.
using abc_distances = std::function<std::vector<double>(std::span<const abc_candidate>)>;

/// Runs ABC-SMC. `resume_from` holds generations of an earlier, interrupted search with the same
/// settings and priors (they are kept and the search goes on after the last); `on_generation` sees
/// each new generation once it is complete. std::invalid_argument for bad priors or settings.
abc_result abc_smc(std::span<const abc_prior> priors, const abc_settings& settings,
                   const abc_distances& distances,
                   const std::function<void(const abc_generation&)>& on_generation = {},
                   std::vector<abc_generation> resume_from = {});

}  // namespace liangzhu::experiment
