// Bayesian calibration of the model (ABC-SMC over an experiment): the recovery test — data the
// model produced from a known value is calibrated back, and the value lies inside the posterior's
// 90% interval, which is much narrower than the prior — and priors read from [[vary]] entries.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "experiment/experiment_fixture.hpp"
#include "liangzhu/experiment/posterior.hpp"
#include "liangzhu/experiment/runner.hpp"

namespace liangzhu::experiment {
namespace {

using ::testing::HasSubstr;

/// The engineers a few weeks in are set mostly by the engineers at the start; a second factor,
/// the graduates' intake, barely moves them over five weeks.
const char* engineers_posterior =
    "scenario = \"small\"\n"
    "replicates = 2\n"
    "master_seed = 5\n"
    "ticks = 8\n"
    "[[vary]]\n"
    "key = \"hub.test.talent.engineers\"\n"
    "low = 3000\n"
    "high = 9000\n"
    "[[vary]]\n"
    "key = \"hub.test.talent.graduates_per_year\"\n"
    "low = 10\n"
    "high = 100\n"
    "prior = \"log-uniform\"\n"
    "[[target]]\n"
    "output = \"engineers\"\n"
    "date = 2025-02-01\n"
    "value = 0\n"
    "scale = 40\n"
    "[calibration]\n"
    "algorithm = \"abc-smc\"\n"
    "particles = 30\n"
    "generations = 4\n";

/// What the model says for the target at the factors' `values`, over the experiment's replicates.
double simulated_at(const io::experiment_spec& spec, const std::vector<double>& values,
                    const execution_settings& settings) {
  std::vector<double> unit;
  for (std::size_t k = 0; k < values.size(); ++k)
    unit.push_back((values[k] - *spec.factors[k].low) /
                   (*spec.factors[k].high - *spec.factors[k].low));
  const plan p =
      plan_unit_points(spec, testing::small_resolver(), {unit}, store::sweep_kind::sweep);
  std::vector<job_result> runs;
  run_locally(p, p.jobs(), settings, [&](job_result&& r) { runs.push_back(std::move(r)); });
  return fit_targets(spec, runs, p.points.front().hubs).simulated.front();
}

TEST(Posterior, RecoversTheValueThatProducedTheData) {
  io::experiment_spec spec = io::parse_experiment(engineers_posterior, "posterior.toml");
  execution_settings settings;
  settings.parallel_runs = 2;
  spec.targets.front().value = simulated_at(spec, {6500, 40}, settings);
  std::size_t announced = 0;
  const auto result = calibrate_posterior(spec, testing::small_resolver(), settings,
                                          [&](const posterior_result&) { ++announced; });
  const auto& generations = result.search.generations;
  ASSERT_EQ(generations.size(), 4u) << result.search.stop_reason;
  EXPECT_EQ(announced, generations.size());
  ASSERT_EQ(result.simulated.size(), generations.size());
  const auto& last = generations.back();
  EXPECT_LE(last.quantile(0, 0.05), 6500);
  EXPECT_GE(last.quantile(0, 0.95), 6500);
  EXPECT_LT(last.sd(0), 0.25 * generations.front().sd(0)) << "the target pins the engineers";
  EXPECT_GT(last.sd(1), 0.5 * generations.front().sd(1)) << "and says little of the graduates";
  // The posterior predictive is near the observation.
  for (const auto& predicted : result.simulated.back())
    EXPECT_NEAR(predicted.front(), spec.targets.front().value, 3 * 40.0 + last.tolerance * 40);
  for (std::size_t t = 1; t < generations.size(); ++t)
    EXPECT_LT(generations[t].tolerance, generations[t - 1].tolerance);
}

TEST(Posterior, AnInterruptedCalibrationResumesFromItsStoredGenerationsToTheSameEnd) {
  io::experiment_spec spec = io::parse_experiment(engineers_posterior, "posterior.toml");
  spec.calibration.generations = 3;
  spec.calibration.particles = 12;
  spec.targets.front().value = 6000;
  execution_settings settings;
  settings.parallel_runs = 2;
  const auto whole = calibrate_posterior(spec, testing::small_resolver(), settings, {});
  ASSERT_EQ(whole.search.generations.size(), 3u);

  // Killed after generation 1: what the store held is its records, read back.
  struct killed {};
  std::vector<store::calibration_generation> stored;
  try {
    calibrate_posterior(spec, testing::small_resolver(), settings, [&](const posterior_result& r) {
      stored.push_back(to_record(spec, r, r.search.generations.size() - 1));
      if (r.search.generations.size() == 2) throw killed{};
    });
    FAIL() << "not interrupted";
  } catch (const killed&) {
  }
  ASSERT_EQ(stored.size(), 2u);
  const auto resumed = calibrate_posterior(spec, testing::small_resolver(), settings, {},
                                           from_records(spec, stored));
  ASSERT_EQ(resumed.search.generations.size(), 3u);
  for (std::size_t g = 0; g < 3; ++g) {
    EXPECT_EQ(to_record(spec, resumed, g), to_record(spec, whole, g)) << "generation " << g;
  }
  EXPECT_EQ(calibration_hash(spec, testing::small_resolver()),
            calibration_hash(spec, testing::small_resolver()));
  io::experiment_spec other = spec;
  other.replicates = 3;
  EXPECT_NE(calibration_hash(other, testing::small_resolver()),
            calibration_hash(spec, testing::small_resolver()));
  // Records of another experiment are refused, not silently mixed in.
  io::experiment_spec fewer = spec;
  fewer.factors.pop_back();
  EXPECT_THROW(from_records(fewer, stored), input_error);
}

TEST(Posterior, PriorsComeFromTheVaryEntries) {
  const auto spec = io::parse_experiment(engineers_posterior, "posterior.toml");
  const auto priors = priors_of(spec);
  ASSERT_EQ(priors.size(), 2u);
  EXPECT_EQ(priors[0].kind, abc_prior::shape::uniform);
  EXPECT_EQ(priors[1].kind, abc_prior::shape::log_uniform);
  EXPECT_DOUBLE_EQ(priors[1].low, 10);
  const std::string normal =
      "scenario = \"small\"\n[[vary]]\nkey = \"hub.test.talent.engineers\"\nlow = 3000\n"
      "high = 9000\nprior = \"normal\"\nmean = 6000\nsd = 500\n"
      "[[target]]\noutput = \"engineers\"\nvalue = 1\n";
  const auto p = priors_of(io::parse_experiment(normal, "normal.toml")).front();
  EXPECT_EQ(p.kind, abc_prior::shape::normal);
  EXPECT_DOUBLE_EQ(p.mean, 6000);
  EXPECT_DOUBLE_EQ(p.sd, 500);
}

TEST(Posterior, BadPriorsAreBadInputNamingTheEntry) {
  const auto error_of = [](const std::string& text) -> std::string {
    try {
      io::parse_experiment(text, "bad.toml");
    } catch (const input_error& e) {
      return e.what();
    }
    return "no error";
  };
  const std::string head = "scenario = \"small\"\n[[vary]]\nkey = \"hub.test.talent.engineers\"\n";
  EXPECT_THAT(error_of(head + "low = 1\nhigh = 9\nprior = \"normal\"\nmean = 3\n"),
              HasSubstr("needs 'mean' and 'sd'"));
  EXPECT_THAT(error_of(head + "low = 0\nhigh = 9\nprior = \"log-uniform\"\n"),
              HasSubstr("'low' above 0"));
  EXPECT_THAT(error_of(head + "low = 1\nhigh = 9\nsd = 3\n"), HasSubstr("normal prior"));
  EXPECT_THAT(error_of(head + "low = 1\nhigh = 9\nprior = \"beta\"\n"), HasSubstr("prior"));
}

}  // namespace
}  // namespace liangzhu::experiment
