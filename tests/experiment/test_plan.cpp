// Experiment files and their plans: the grid, the seeds (common random numbers), the hash that
// lets a sweep resume, and errors that point at the experiment file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "experiment/experiment_fixture.hpp"

namespace liangzhu::experiment {
namespace {

using ::testing::HasSubstr;
using testing::plan_text;
using testing::small_grid;

/// The input_error `text` gives when planned.
input_error plan_error(const std::string& text) {
  try {
    plan_text(text);
  } catch (const input_error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return input_error("none");
}

TEST(ExperimentPlan, GridIsEveryCombinationFirstFactorSlowest) {
  const plan p = plan_text(small_grid);
  ASSERT_EQ(p.points.size(), 4u);
  using coords = std::vector<std::pair<std::string, std::string>>;
  const std::string subsidy = "hub.test.government.local.subsidy_per_startup_cny";
  EXPECT_EQ(p.points[0].coordinates, (coords{{subsidy, "0.0"}, {"tie_capacity", "4"}}));
  EXPECT_EQ(p.points[1].coordinates, (coords{{subsidy, "0.0"}, {"tie_capacity", "12"}}));
  EXPECT_EQ(p.points[3].coordinates, (coords{{subsidy, "2000000.0"}, {"tie_capacity", "12"}}));
  EXPECT_EQ(p.points[2].overrides,
            (std::vector<std::string>{"ticks=20", subsidy + "=2000000.0", "tie_capacity=4"}));
  EXPECT_EQ(p.points[0].hubs, std::vector<std::string>{"test"});
  EXPECT_EQ(p.jobs().size(), 8u);
}

TEST(ExperimentPlan, ReplicatesShareSeedsAcrossPointsAndDifferAmongThemselves) {
  const plan p = plan_text(small_grid);
  const auto jobs = p.jobs();
  EXPECT_EQ(jobs[0].seed, jobs[2].seed);  // point 0 and point 1, replicate 0
  EXPECT_NE(jobs[0].seed, jobs[1].seed);
  EXPECT_EQ(jobs[0].seed, replicate_seed(11, 0));
  EXPECT_LT(replicate_seed(11, 0), 1ull << 63);
  EXPECT_NE(replicate_seed(11, 0), replicate_seed(12, 0));
}

/// A plan of `points` points and `replicates` replicates of kind `kind` (no scenario needed to
/// order its jobs).
plan bare_plan(std::int64_t points, std::int64_t replicates, store::sweep_kind kind) {
  plan p;
  p.kind = kind;
  for (std::int64_t k = 0; k < points; ++k) {
    point pt;
    pt.index = k;
    p.points.push_back(pt);
  }
  for (std::int64_t r = 0; r < replicates; ++r) p.seeds.push_back(replicate_seed(1, r));
  return p;
}

TEST(ExperimentPlan, ASweepRunsEveryPointOverABlockOfReplicatesBeforeTheNextBlock) {
  // The points share each replicate's history, and a process keeps about 20: blocks of 16
  // replicates keep a block's histories while every point runs them.
  constexpr std::int64_t block = replicates_per_history_block;
  const plan p = bare_plan(3, block + 4, store::sweep_kind::sweep);
  const auto order = run_order(p, p.jobs());
  ASSERT_EQ(order.size(), p.jobs().size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    // First block: point 0's replicates 0..15, point 1's, point 2's; then the 4 left, alike.
    const auto first_block = static_cast<std::size_t>(3 * block);
    const std::int64_t in_block = k < first_block ? block : 4;
    const std::size_t at = k < first_block ? k : k - first_block;
    EXPECT_EQ(order[k].point, static_cast<std::int64_t>(at) / in_block) << k;
    EXPECT_EQ(order[k].replicate,
              (k < first_block ? 0 : block) + static_cast<std::int64_t>(at) % in_block)
        << k;
  }
  const plan few = bare_plan(3, 5, store::sweep_kind::sweep);
  const auto point_major = run_order(few, few.jobs());
  for (std::size_t k = 0; k < point_major.size(); ++k)
    EXPECT_EQ(point_major[k].index, static_cast<std::int64_t>(k)) << "point-major as planned";
}

TEST(ExperimentPlan, AComparisonRunsReplicateByReplicate) {
  const plan p = bare_plan(4, 20, store::sweep_kind::compare);
  const auto order = run_order(p, p.jobs());
  for (std::size_t k = 0; k < order.size(); ++k) {
    EXPECT_EQ(order[k].replicate, static_cast<std::int64_t>(k / 4)) << k;
    EXPECT_EQ(order[k].point, static_cast<std::int64_t>(k % 4)) << k;
  }
}

TEST(ExperimentPlan, HashFollowsTheRunsNotTheText) {
  const plan p = plan_text(small_grid);
  EXPECT_EQ(plan_text(std::string("# a comment\n") + small_grid).hash, p.hash);
  std::string other = small_grid;
  other.replace(other.find("master_seed = 11"), 16, "master_seed = 12");
  EXPECT_NE(plan_text(other).hash, p.hash);
  EXPECT_NE(plan_text(small_grid, store::sweep_kind::compare).hash, p.hash);
}

TEST(ExperimentPlan, IntegerParametersAreRoundedOnSampledDesigns) {
  const plan p = plan_unit_points(
      io::parse_experiment("scenario = \"small\"\noutputs = [\"tigers\"]\n"
                           "[[vary]]\nkey = \"tie_capacity\"\nlow = 4\nhigh = 12\n",
                           "exp.toml"),
      testing::small_resolver(), {{0.0}, {0.49}, {1.0}}, store::sweep_kind::sensitivity);
  ASSERT_EQ(p.points.size(), 3u);
  EXPECT_EQ(p.points[0].coordinates.front().second, "4");
  EXPECT_EQ(p.points[1].coordinates.front().second, "8");
  EXPECT_EQ(p.points[2].coordinates.front().second, "12");
}

TEST(ExperimentPlan, SampleDesignDrawsInsideTheBounds) {
  const plan p = plan_text(
      "scenario = \"small\"\noutputs = [\"tigers\"]\ndesign = \"sample\"\nsamples = 16\n"
      "[[vary]]\nkey = \"hub.test.noncompete.max_months\"\nlow = 0\nhigh = 24\n");
  ASSERT_EQ(p.points.size(), 16u);
  for (const auto& pt : p.points) {
    const double v = std::stod(pt.coordinates.front().second);
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 24.0);
  }
}

TEST(ExperimentPlanErrors, UnknownSettingNamesLineAndSuggests) {
  const auto e = plan_error("scenario = \"small\"\noutputs = [\"tigers\"]\nreplicate = 3\n");
  EXPECT_EQ(e.file(), "exp.toml");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.key(), "replicate");
  EXPECT_THAT(e.message(), HasSubstr("did you mean 'replicates'"));
}

TEST(ExperimentPlanErrors, VariedKeyMustExistInTheScenario) {
  const auto e = plan_error(
      "scenario = \"small\"\noutputs = [\"tigers\"]\n\n[[vary]]\n"
      "key = \"hub.test.noncompete.max_month\"\nvalues = [0, 6]\n");
  EXPECT_EQ(e.line(), 4);
  EXPECT_THAT(e.message(), HasSubstr("not a parameter of scenario"));
  EXPECT_THAT(e.message(), HasSubstr("did you mean 'hub.test.noncompete.max_months'"));
}

TEST(ExperimentPlanErrors, OutOfRangeValueIsReportedAtItsFactor) {
  const auto e = plan_error(
      "scenario = \"small\"\noutputs = [\"tigers\"]\n[[vary]]\n"
      "key = \"hub.test.noncompete.max_months\"\nvalues = [6, 500]\n");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.key(), "hub.test.noncompete.max_months");
  EXPECT_THAT(e.message(), HasSubstr("above the maximum"));
}

TEST(ExperimentPlanErrors, OutputsMustBeSummaryFiguresOfKnownHubs) {
  EXPECT_THAT(plan_error("scenario = \"small\"\noutputs = [\"tiger\"]\n").message(),
              HasSubstr("did you mean 'tigers'"));
  EXPECT_THAT(plan_error("scenario = \"small\"\noutputs = [\"liangzhu.tigers\"]\n").message(),
              HasSubstr("no hub 'liangzhu'"));
  EXPECT_NO_THROW(plan_text("scenario = \"small\"\noutputs = [\"survival_cohort_2\"]\n"));
}

TEST(ExperimentPlanErrors, FileStructureMistakes) {
  const auto message = [](const std::string& text) { return plan_error(text).message(); };
  const std::string head = "scenario = \"small\"\noutputs = [\"tigers\"]\n";
  EXPECT_THAT(message("outputs = [\"tigers\"]\n"), HasSubstr("missing 'scenario'"));
  EXPECT_THAT(message("scenario = \"small\"\n"), HasSubstr("missing 'outputs'"));
  EXPECT_THAT(message(head + "replicates = 0\n"), HasSubstr("below the minimum"));
  EXPECT_THAT(message(head + "[[vary]]\nvalues = [1]\n"), HasSubstr("needs 'key'"));
  EXPECT_THAT(message(head + "[[vary]]\nkey = \"seed\"\nfrom = 1\nto = 2\n"),
              HasSubstr("go together"));
  EXPECT_THAT(message(head + "[[vary]]\nkey = \"seed\"\nvalues = [1, 1]\n"),
              HasSubstr("listed twice"));
  EXPECT_THAT(message(head + "[[vary]]\nkey = \"seed\"\nlow = 3\nhigh = 1\n"),
              HasSubstr("below 'high'"));
  EXPECT_THAT(message(head + "[[vary]]\nkey = \"seed\"\nlow = 1\nhigh = 3\n"),
              HasSubstr("a grid needs"));
  EXPECT_THAT(message(head + "design = \"sample\"\n"), HasSubstr("needs 'samples'"));
  EXPECT_THAT(message(head + "[[vary]]\nkey = \"seed\"\nvalues = [1]\n[[vary]]\nkey = "
                             "\"seed\"\nvalues = [2]\n"),
              HasSubstr("varied twice"));
  EXPECT_THAT(message("scenario = \"nowhere\"\noutputs = [\"tigers\"]\n"),
              HasSubstr("unknown scenario"));
  EXPECT_THAT(message(head + "[set]\n\"hub.test.noncompete.max_months\" = 999\n"),
              HasSubstr("above the maximum"));
}

}  // namespace
}  // namespace liangzhu::experiment
