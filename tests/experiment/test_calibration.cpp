// Calibration: a factor with a known effect is recovered, targets read the right numbers, and
// calibrations that cannot work are bad input before any run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "experiment/experiment_fixture.hpp"
#include "liangzhu/experiment/calibration.hpp"

namespace liangzhu::experiment {
namespace {

using ::testing::HasSubstr;

/// The number of engineers a few weeks in is set almost entirely by the engineers at the start:
/// a calibration must find the starting number that gives the observed one.
const char* engineers_calibration =
    "scenario = \"small\"\n"
    "replicates = 2\n"
    "ticks = 12\n"
    "[[vary]]\n"
    "key = \"hub.test.talent.engineers\"\n"
    "low = 3000\n"
    "high = 9000\n"
    "[[target]]\n"
    "output = \"engineers\"\n"
    "date = 2025-02-01\n"
    "value = 7500\n"
    "[calibration]\n"
    "max_evaluations = 30\n";

calibration_result calibrate_text(const std::string& text,
                                  std::vector<calibration_evaluation>* seen = nullptr) {
  execution_settings settings;
  settings.parallel_runs = 2;
  return calibrate(io::parse_experiment(text, "cal.toml"), testing::small_resolver(), settings,
                   [seen](const calibration_evaluation& e) {
                     if (seen) seen->push_back(e);
                   });
}

std::string calibration_error(const std::string& text) {
  try {
    calibrate_text(text);
  } catch (const input_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(Calibration, RecoversTheFactorBehindATarget) {
  std::vector<calibration_evaluation> seen;
  const auto r = calibrate_text(engineers_calibration, &seen);
  ASSERT_FALSE(r.evaluations.empty());
  EXPECT_EQ(seen.size(), r.evaluations.size());
  const auto& best = r.evaluations[r.best];
  EXPECT_NEAR(best.simulated[0], 7500, 7500 * 0.01);
  const double start = std::stod(best.coordinates.front().second);
  EXPECT_GT(start, 7000);
  EXPECT_LT(start, 8000);
  // The first evaluation is the scenario's own value (6000 engineers).
  EXPECT_EQ(r.evaluations.front().coordinates.front().second, "6000");  // an integer key
  for (const auto& e : r.evaluations) EXPECT_GE(e.misfit, best.misfit);
}

TEST(Calibration, SummaryTargetsReadTheEndOfRunFigure) {
  const std::string text =
      "scenario = \"small\"\nreplicates = 1\nticks = 20\n"
      "[[vary]]\nkey = \"hub.test.founding.ideas_per_year\"\nlow = 0.001\nhigh = 0.01\n"
      "[[target]]\noutput = \"startups_founded\"\nvalue = 10\nscale = 5\n"
      "[calibration]\nmax_evaluations = 3\n";
  const auto r = calibrate_text(text);
  ASSERT_EQ(r.evaluations.size(), 3u);
  const auto& e = r.evaluations.front();
  const double z = (e.simulated[0] - 10) / 5;
  EXPECT_DOUBLE_EQ(e.misfit, z * z);
}

TEST(Calibration, ImpossibleCalibrationsAreBadInput) {
  const std::string head = "scenario = \"small\"\nticks = 12\n";
  const std::string factor = "[[vary]]\nkey = \"hub.test.talent.engineers\"\nlow = 1\nhigh = 9\n";
  EXPECT_THAT(calibration_error(head + "outputs = [\"tigers\"]\n" + factor),
              HasSubstr("needs [[target]]"));
  EXPECT_THAT(calibration_error(head + "[[target]]\noutput = \"tigers\"\nvalue = 1\n"),
              HasSubstr("needs [[vary]]"));
  EXPECT_THAT(
      calibration_error(head + factor +
                        "[[target]]\noutput = \"enginers\"\ndate = 2025-02-01\nvalue = 1\n"),
      HasSubstr("did you mean 'engineers'"));
  EXPECT_THAT(
      calibration_error(head + factor +
                        "[[target]]\noutput = \"engineers\"\ndate = 2031-01-01\nvalue = 1\n"),
      HasSubstr("outside the run"));
  EXPECT_THAT(calibration_error(head + factor + "[[target]]\noutput = \"tigers\"\n"),
              HasSubstr("needs 'value'"));
  EXPECT_THAT(calibration_error(head + "[[vary]]\nkey = \"tie_capacity\"\nvalues = [4, 8]\n" +
                                "[[target]]\noutput = \"tigers\"\nvalue = 1\n"),
              HasSubstr("needs 'low'/'high'"));
}

TEST(Calibration, ASeriesTargetIsOneTargetPerDate) {
  const std::string head =
      "scenario = \"small\"\nticks = 30\n"
      "[[vary]]\nkey = \"hub.test.talent.engineers\"\nlow = 1\nhigh = 9\n";
  const auto spec = io::parse_experiment(
      head +
          "[[target]]\noutput = \"engineers\"\ndates = [2025-02-01, 2025-03-01, 2025-04-01]\n"
          "values = [100, 0, 300]\nweight = 2\n"
          "[[target]]\noutput = \"startups_alive\"\ndates = [2025-02-01, 2025-05-01]\n"
          "values = [10, 20]\nscale = [1, 4]\n",
      "series.toml");
  ASSERT_EQ(spec.targets.size(), 5u);
  EXPECT_EQ(spec.targets[1].date->to_string(), "2025-03-01");
  EXPECT_EQ(spec.targets[2].value, 300);
  EXPECT_EQ(spec.targets[2].scale, 300) << "default scale: the value";
  EXPECT_EQ(spec.targets[1].scale, 1) << "or 1 for a value of 0";
  EXPECT_EQ(spec.targets[2].weight, 2);
  EXPECT_EQ(spec.targets[4].scale, 4);
  EXPECT_NO_THROW(check_calibration(spec, testing::small_resolver()));
  const auto error_of = [&](const std::string& target) -> std::string {
    try {
      io::parse_experiment(head + "[[target]]\noutput = \"engineers\"\n" + target, "bad.toml");
    } catch (const input_error& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_THAT(error_of("dates = [2025-02-01]\nvalues = [1, 2]\n"), HasSubstr("same length"));
  EXPECT_THAT(error_of("dates = [2025-02-01]\nvalues = [1]\nscale = [1, 2]\n"),
              HasSubstr("one per date"));
  EXPECT_THAT(error_of("dates = [2025-02-01]\nvalues = [1]\nvalue = 3\n"),
              HasSubstr("not 'date' or 'value'"));
  EXPECT_THAT(error_of("dates = []\nvalues = []\n"), HasSubstr("non-empty array"));
  EXPECT_THAT(error_of("dates = [\"soon\"]\nvalues = [1]\n"), HasSubstr("bad.toml:9:10"));
  EXPECT_THAT(error_of("value = 3\nscale = [1]\n"), HasSubstr("only for a series"));
}

}  // namespace
}  // namespace liangzhu::experiment
