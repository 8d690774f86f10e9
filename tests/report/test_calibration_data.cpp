// A calibration as the report's document: the stored experiment names the factors' priors and the
// targets' observations, every particle of every generation is there, and the summaries are
// those of the last generation by weight. A store without the calibration, a point fit or a
// calibration without a whole generation is bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/report/calibration_data.hpp"
#include "liangzhu/report/html_report.hpp"
#include "liangzhu/store/run_store.hpp"
#include "support/scratch_dir.hpp"

namespace liangzhu::report {
namespace {

using liangzhu::testing::scratch_dir;

constexpr const char* experiment_text =
    "name = \"two_factors\"\n"
    "scenario = \"small\"\n"
    "replicates = 2\n"
    "[[vary]]\nkey = \"hub.test.talent.engineers\"\nlow = 0\nhigh = 10\n"
    "[[vary]]\nkey = \"hub.test.founding.ideas_per_year\"\nprior = \"log-uniform\"\n"
    "low = 0.0001\nhigh = 1\n"
    "[[target]]\noutput = \"startups_alive\"\ndate = 2021-12-31\nvalue = 40\nscale = 10\n"
    "[calibration]\nalgorithm = \"abc-smc\"\nparticles = 4\ngenerations = 3\n";

store::calibration_info calibration(std::string algorithm = "abc-smc") {
  store::calibration_info c;
  c.name = "two_factors";
  c.algorithm = std::move(algorithm);
  c.experiment_path = "experiments/two_factors.toml";
  c.experiment_text = experiment_text;
  c.experiment_hash = "0123456789abcdef";
  return c;
}

/// Generation `index`: four particles at engineers = 2, 4, 6, 8 (weights 0.1 .. 0.4 after
/// generation 0), the target simulated as 10 x engineers, the last particle's missing.
store::calibration_generation generation(std::int64_t index) {
  store::calibration_generation g;
  g.generation = index;
  if (index > 0) g.tolerance = 3.0 / static_cast<double>(index);
  g.simulations = 4 * (index + 1);
  for (int i = 0; i < 4; ++i) {
    const double engineers = 2.0 * (i + 1);
    g.particles.push_back(
        {i,
         index == 0 ? 0.25 : 0.1 * (i + 1),
         1.0,
         {{"hub.test.talent.engineers", engineers}, {"hub.test.founding.ideas_per_year", 0.01}},
         {{"startups_alive@2021-12-31", i == 3 ? std::nullopt : std::optional(10 * engineers)}}});
  }
  return g;
}

TEST(CalibrationData, HoldsEveryParticleAndTheLastGenerationsSummaries) {
  scratch_dir dir;
  store::run_store store(dir / "c.db");
  const auto id = store.begin_calibration(calibration());
  for (int g = 0; g < 3; ++g) store.write_calibration_generation(id, generation(g));
  store.finish_calibration(id, store::run_status::complete, "3 generations");
  const auto data = calibration_report_data(store.reader(), id);
  EXPECT_EQ(data["format"], "liangzhu-calibration");
  EXPECT_EQ(data["version"], calibration_format_version);
  EXPECT_EQ(data["title"], "Calibration 1: two_factors");
  EXPECT_EQ(data["calibration"]["status"], "complete");
  EXPECT_EQ(data["calibration"]["stop_reason"], "3 generations");
  EXPECT_EQ(data["calibration"]["replicates"], 2);

  ASSERT_EQ(data["generations"].size(), 3u);
  EXPECT_TRUE(data["generations"][0]["tolerance"].is_null()) << "generation 0 has no tolerance";
  EXPECT_DOUBLE_EQ(data["generations"][2]["tolerance"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(data["generations"][2]["acceptance"].get<double>(), 4.0 / 12.0);
  EXPECT_EQ(data["generations"][2]["particles"].size(), 4u);
  EXPECT_TRUE(data["generations"][2]["particles"][3]["simulated"][0].is_null());

  const auto& engineers = data["factors"][0];
  EXPECT_EQ(engineers["key"], "hub.test.talent.engineers");
  EXPECT_EQ(engineers["prior"]["shape"], "uniform");
  EXPECT_EQ(data["factors"][1]["prior"]["shape"], "log-uniform");
  EXPECT_DOUBLE_EQ(engineers["mean"].get<double>(), 0.1 * 2 + 0.2 * 4 + 0.3 * 6 + 0.4 * 8);
  EXPECT_DOUBLE_EQ(engineers["q50"].get<double>(), 6.0);
  EXPECT_EQ(data["factors"][1]["identification"], "not identified") << "it never moved";

  // The target's predictive leaves out the particle without a number: weights 0.1, 0.2, 0.3
  // renormalised over simulated 20, 40, 60; observed 40 is inside.
  const auto& target = data["targets"][0];
  EXPECT_EQ(target["name"], "startups_alive@2021-12-31");
  EXPECT_EQ(target["date"], "2021-12-31");
  EXPECT_DOUBLE_EQ(target["observed"].get<double>(), 40.0);
  EXPECT_DOUBLE_EQ(target["q05"].get<double>(), 20.0);
  EXPECT_DOUBLE_EQ(target["q95"].get<double>(), 60.0);
  EXPECT_TRUE(target["inside"].get<bool>());
  ASSERT_EQ(target["sensitivity"].size(), 2u);
  EXPECT_DOUBLE_EQ(target["sensitivity"][0].get<double>(), 1.0)
      << "over the prior's three simulated draws the target rises with the engineers";
  EXPECT_TRUE(target["sensitivity"][1].is_null()) << "a constant factor has no correlation";

  EXPECT_NE(report_html(data).find("liangzhu-calibration"), std::string::npos);
}

TEST(CalibrationData, ARunningCalibrationShowsItsWholeGenerationsSoFar) {
  scratch_dir dir;
  store::run_store store(dir / "c.db");
  const auto id = store.begin_calibration(calibration());
  EXPECT_THROW(calibration_report_data(store.reader(), id), input_error) << "none yet";
  store.write_calibration_generation(id, generation(0));
  const auto data = calibration_report_data(store.reader(), id);
  EXPECT_EQ(data["calibration"]["status"], "running");
  EXPECT_EQ(data["generations"].size(), 1u);
}

TEST(CalibrationData, AMissingCalibrationOrAPointFitIsBadInput) {
  scratch_dir dir;
  store::run_store store(dir / "c.db");
  EXPECT_THROW(calibration_report_data(store.reader(), 1), input_error);
  const auto id = store.begin_calibration(calibration("bobyqa"));
  try {
    calibration_report_data(store.reader(), id);
    FAIL() << "a point fit has no posterior";
  } catch (const input_error& e) {
    EXPECT_NE(std::string(e.what()).find("point fit"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace liangzhu::report
