// ABC-SMC on problems whose posterior is known: a normal mean with a normal prior (conjugate),
// a log-uniform factor, a two-factor problem where only the sum is identified; plus the
// bookkeeping (weights, effective sample size, tolerances, stopping, resuming, determinism).
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "liangzhu/engine/rng.hpp"
#include "liangzhu/experiment/abc_smc.hpp"

namespace liangzhu::experiment {
namespace {

/// Observation: the mean of n draws from N(theta, 1); the simulated mean uses the candidate's own
/// stream, so the distance is a deterministic function of the candidate.
struct normal_mean_problem {
  double observed = 1.0;
  int n = 5;
  std::vector<double> operator()(std::span<const abc_candidate> batch) const {
    std::vector<double> d;
    for (const auto& c : batch) {
      engine::rng_stream r(99, c.generation, c.index, 0);
      double sum = 0;
      for (int i = 0; i < n; ++i) sum += r.normal(c.values[0], 1.0);
      d.push_back(std::abs(sum / n - observed));
    }
    return d;
  }
};

abc_prior normal_prior(double mean, double sd) {
  abc_prior p;
  p.kind = abc_prior::shape::normal;
  p.mean = mean;
  p.sd = sd;
  return p;
}

abc_settings settings_of(std::size_t particles, std::size_t generations, std::uint64_t seed = 1) {
  abc_settings s;
  s.particles = particles;
  s.max_generations = generations;
  s.seed = seed;
  return s;
}

TEST(AbcSmc, RecoversTheConjugateNormalPosterior) {
  // Prior N(0, 2^2), five observations of N(theta, 1) with mean 1: the posterior is normal with
  // variance 1 / (1/4 + 5) = 0.1905 and mean 0.1905 x 5 = 0.952.
  const std::vector<abc_prior> priors = {normal_prior(0, 2)};
  abc_settings s = settings_of(400, 7, 3);
  const auto result = abc_smc(priors, s, normal_mean_problem{});
  ASSERT_GE(result.generations.size(), 5u) << result.stop_reason;
  const auto& last = result.generations.back();
  EXPECT_NEAR(last.mean(0), 0.952, 0.08);
  // (ABC at a tolerance above zero widens the posterior a little: about 0.50 against 0.44.)
  EXPECT_NEAR(last.sd(0), std::sqrt(0.1905), 0.1);
  // Tolerances fall from generation to generation, and every particle met its tolerance.
  for (std::size_t t = 1; t < result.generations.size(); ++t) {
    EXPECT_LT(result.generations[t].tolerance, result.generations[t - 1].tolerance);
    for (const auto& p : result.generations[t].particles)
      EXPECT_LE(p.distance, result.generations[t].tolerance);
  }
}

TEST(AbcSmc, WeightsAreNormalisedAndTheEffectiveSampleSizeIsBounded) {
  const std::vector<abc_prior> priors = {normal_prior(0, 2)};
  abc_settings s = settings_of(100, 4);
  const auto result = abc_smc(priors, s, normal_mean_problem{});
  for (const auto& g : result.generations) {
    double total = 0;
    for (const auto& p : g.particles) total += p.weight;
    EXPECT_NEAR(total, 1.0, 1e-12);
    EXPECT_EQ(g.particles.size(), s.particles);
    EXPECT_GE(g.effective_sample_size(), 1.0);
    EXPECT_LE(g.effective_sample_size(), static_cast<double>(s.particles) + 1e-9);
    EXPECT_GT(g.acceptance(), 0.0);
    EXPECT_LE(g.acceptance(), 1.0);
  }
  EXPECT_DOUBLE_EQ(result.generations[0].effective_sample_size(), 100.0) << "the prior's are equal";
}

TEST(AbcSmc, ALogUniformFactorIsSearchedOnItsLogAndStaysInItsBounds) {
  abc_prior p;
  p.kind = abc_prior::shape::log_uniform;
  p.low = 1e-4;
  p.high = 1e-1;
  // The observation pins log10(x) near -2.5 with a little noise.
  const auto distances = [](std::span<const abc_candidate> batch) {
    std::vector<double> d;
    for (const auto& c : batch) {
      engine::rng_stream r(5, c.generation, c.index, 0);
      d.push_back(std::abs(std::log10(c.values[0]) + r.normal(0.0, 0.1) + 2.5));
    }
    return d;
  };
  abc_settings s = settings_of(300, 6);
  const auto result = abc_smc(std::vector<abc_prior>{p}, s, distances);
  const auto& last = result.generations.back();
  for (const auto& particle : last.particles) {
    EXPECT_GE(particle.values[0], p.low);
    EXPECT_LE(particle.values[0], p.high);
  }
  EXPECT_NEAR(std::log10(last.quantile(0, 0.5)), -2.5, 0.1);
  // The prior is even on the log: about a third of its draws lie in each decade.
  int first_decade = 0;
  for (const auto& particle : result.generations[0].particles)
    first_decade += particle.values[0] < 1e-3;
  EXPECT_NEAR(first_decade / 300.0, 1.0 / 3.0, 0.1);
}

TEST(AbcSmc, AFactorTheTargetsDoNotIdentifyKeepsItsPriorWidth) {
  // Only a + b is observed: the posterior of a - b stays about as wide as the prior's.
  abc_prior u;
  u.low = 0;
  u.high = 1;
  const auto distances = [](std::span<const abc_candidate> batch) {
    std::vector<double> d;
    for (const auto& c : batch) d.push_back(std::abs(c.values[0] + c.values[1] - 1.0));
    return d;
  };
  abc_settings s = settings_of(300, 6);
  const auto result = abc_smc(std::vector<abc_prior>{u, u}, s, distances);
  const auto& last = result.generations.back();
  double sum_var = 0, diff_var = 0, sum_mean = 0, diff_mean = 0;
  for (const auto& p : last.particles) {
    sum_mean += p.weight * (p.values[0] + p.values[1]);
    diff_mean += p.weight * (p.values[0] - p.values[1]);
  }
  for (const auto& p : last.particles) {
    sum_var += p.weight * std::pow(p.values[0] + p.values[1] - sum_mean, 2);
    diff_var += p.weight * std::pow(p.values[0] - p.values[1] - diff_mean, 2);
  }
  EXPECT_NEAR(sum_mean, 1.0, 0.02);
  EXPECT_LT(std::sqrt(sum_var), 0.05);
  // On the line a + b = 1 inside the unit square, a - b is uniform on [-1, 1]: sd 0.577.
  EXPECT_GT(std::sqrt(diff_var), 0.4);
}

TEST(AbcSmc, TheSameSettingsGiveTheSameParticlesAndResumingContinuesTheSearch) {
  const std::vector<abc_prior> priors = {normal_prior(0, 2)};
  abc_settings s = settings_of(60, 4, 11);
  const auto a = abc_smc(priors, s, normal_mean_problem{});
  const auto b = abc_smc(priors, s, normal_mean_problem{});
  ASSERT_EQ(a.generations.size(), b.generations.size());
  for (std::size_t t = 0; t < a.generations.size(); ++t)
    for (std::size_t i = 0; i < s.particles; ++i) {
      EXPECT_EQ(a.generations[t].particles[i].values, b.generations[t].particles[i].values);
      EXPECT_EQ(a.generations[t].particles[i].weight, b.generations[t].particles[i].weight);
    }
  // Killed after two generations, resumed from them: the same search.
  std::vector<abc_generation> kept(a.generations.begin(), a.generations.begin() + 2);
  std::size_t seen = 0;
  const auto resumed = abc_smc(
      priors, s, normal_mean_problem{}, [&](const abc_generation&) { ++seen; }, kept);
  EXPECT_EQ(seen, a.generations.size() - 2) << "only the new generations are announced";
  ASSERT_EQ(resumed.generations.size(), a.generations.size());
  EXPECT_EQ(resumed.generations.back().particles[0].values,
            a.generations.back().particles[0].values);
  // Another seed, another search.
  s.seed = 12;
  EXPECT_NE(abc_smc(priors, s, normal_mean_problem{}).generations[1].particles[0].values,
            a.generations[1].particles[0].values);
}

TEST(AbcSmc, StopsWhenTheSimulationBudgetRunsOutAndKeepsThePreviousGeneration) {
  const std::vector<abc_prior> priors = {normal_prior(0, 2)};
  abc_settings s = settings_of(50, 50);
  s.quantile = 0.1;
  s.min_acceptance = 0;
  s.max_simulations_per_generation = 500;
  const auto result = abc_smc(priors, s, normal_mean_problem{});
  EXPECT_LT(result.generations.size(), 50u);
  EXPECT_NE(result.stop_reason.find("did not fill"), std::string::npos) << result.stop_reason;
  EXPECT_EQ(result.generations.back().particles.size(), s.particles);
}

TEST(AbcSmc, BadPriorsAndSettingsAreRefusedWithTheReason) {
  abc_prior bad;
  bad.low = 2;
  bad.high = 1;
  const auto none = [](std::span<const abc_candidate> b) { return std::vector<double>(b.size()); };
  try {
    abc_smc(std::vector<abc_prior>{bad}, abc_settings{}, none);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("factor 1"), std::string::npos) << e.what();
  }
  abc_prior log_at_zero;
  log_at_zero.kind = abc_prior::shape::log_uniform;
  log_at_zero.low = 0;
  log_at_zero.high = 1;
  EXPECT_THROW(log_at_zero.check(), std::invalid_argument);
  abc_prior ok;
  ok.low = 0;
  ok.high = 1;
  abc_settings one;
  one.particles = 1;
  EXPECT_THROW(abc_smc(std::vector<abc_prior>{ok}, one, none), std::invalid_argument);
  abc_settings q;
  q.quantile = 1;
  EXPECT_THROW(abc_smc(std::vector<abc_prior>{ok}, q, none), std::invalid_argument);
}

TEST(AbcPrior, TruncatedNormalDensityIntegratesToOne) {
  abc_prior p = normal_prior(1, 2);
  p.low = 0;
  p.high = 10;
  double integral = 0;
  const int steps = 100000;
  for (int i = 0; i < steps; ++i) integral += p.density((i + 0.5) * 10.0 / steps) * 10.0 / steps;
  EXPECT_NEAR(integral, 1.0, 1e-6);
  EXPECT_EQ(p.density(-0.1), 0.0);
}

}  // namespace
}  // namespace liangzhu::experiment
