// The model's parameters reach the mechanisms they name, and scenario values the model cannot use
// are refused with the key and the place they were written.
#include <gtest/gtest.h>

#include <cmath>

#include "liangzhu/engine/errors.hpp"
#include "model/mechanism_fixture.hpp"
#include "model/startups.hpp"

namespace liangzhu::model {
namespace {

using namespace detail;
using testing::hub_fixture;
using testing::small_scenario;

std::size_t in_stage(const hub_fixture& f, stage s) {
  std::size_t n = 0;
  for (std::size_t k = 0; k < f.hub.startups.table.size(); ++k)
    n += f.hub.startups.stage_of[k] == s;
  return n;
}

TEST(Parameters, InitialStageSharesChooseTheStagesOfTheStartupsAliveAtTheStart) {
  hub_fixture f({"hub.test.founding.initial_share_idea=0", "hub.test.founding.initial_share_seed=0",
                 "hub.test.founding.initial_share_a=0", "hub.test.founding.initial_share_b=0.5",
                 "hub.test.founding.initial_share_growth=0"});
  EXPECT_EQ(in_stage(f, stage::b), f.hub.startups.table.size());  // shares are scaled: 0.5 is all
  hub_fixture mixed;
  EXPECT_GT(in_stage(mixed, stage::idea), 0u);
  EXPECT_GT(in_stage(mixed, stage::seed), 0u);
  EXPECT_LT(in_stage(mixed, stage::b), mixed.hub.startups.table.size());
}

TEST(Parameters, AllZeroStageSharesAreRefusedWithTheKey) {
  const std::vector<std::string> zero = {
      "hub.test.founding.initial_share_idea=0", "hub.test.founding.initial_share_seed=0",
      "hub.test.founding.initial_share_a=0", "hub.test.founding.initial_share_b=0",
      "hub.test.founding.initial_share_growth=0"};
  try {
    read_parameters(small_scenario(zero));
    FAIL() << "all-zero stage shares were accepted";
  } catch (const input_error& e) {
    EXPECT_NE(std::string(e.what()).find("founding.initial_share_idea"), std::string::npos)
        << e.what();
  }
}

TEST(Parameters, AHubWhoseNameIsATypoOfAnotherIsRefused) {
  const io::scenario typo = io::parse_scenario(
      "[hub.liangzhu]\ntalent.engineers = 1000\n[hub.liangzu]\ntalent.engineers = 900\n",
      "typo.toml", scenario_schema());
  try {
    read_parameters(typo);
    FAIL() << "[hub.liangzu] beside [hub.liangzhu] was accepted as a second hub";
  } catch (const input_error& e) {
    EXPECT_EQ(e.file(), "typo.toml");
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.key(), "hub.liangzu");
    EXPECT_NE(e.message().find("is [hub.liangzu] a typo of [hub.liangzhu]?"), std::string::npos)
        << e.message();
  }
  // Hubs with names of their own are two hubs.
  const io::scenario two = io::parse_scenario(
      "[hub.liangzhu]\ntalent.engineers = 1000\n[hub.shenzhen]\ntalent.engineers = 900\n",
      "two.toml", scenario_schema());
  EXPECT_EQ(read_parameters(two).hubs.size(), 2U);
}

TEST(Parameters, UnemployedShareSetsWhoIsBetweenJobsAtTheStart) {
  const auto unemployed = [](const hub_fixture& f) {
    std::size_t n = 0;
    for (std::size_t r = 0; r < f.hub.engineers.table.size(); ++r)
      n += f.hub.engineers.where[r] == place::unemployed;
    return n;
  };
  EXPECT_EQ(unemployed(hub_fixture({"hub.test.talent.unemployed_share=0"})), 0u);
  EXPECT_NEAR(
      static_cast<double>(unemployed(hub_fixture({"hub.test.talent.unemployed_share=0.1"}))), 600,
      1);
}

TEST(Parameters, SkillSigmaIsTheSpreadOfSkills) {
  const auto spread = [](const hub_fixture& f) {
    const auto& skill = f.hub.engineers.skill;
    double sum = 0, sq = 0;
    const auto n = static_cast<double>(f.hub.engineers.table.size());
    for (std::size_t r = 0; r < f.hub.engineers.table.size(); ++r) {
      const double l = std::log(static_cast<double>(skill[r]));
      sum += l;
      sq += l * l;
    }
    return std::sqrt(sq / n - (sum / n) * (sum / n));
  };
  EXPECT_LT(spread(hub_fixture({"hub.test.talent.skill_sigma=0.1"})), 0.15);
  EXPECT_GT(spread(hub_fixture({"hub.test.talent.skill_sigma=0.6"})), 0.5);
}

TEST(Parameters, GuidanceYearsPaceTheGuidanceFund) {
  hub_fixture five, two({"hub.test.government.local.guidance_years=2"});
  EXPECT_DOUBLE_EQ(five.hub.local.guidance_year_left, 3e8 / 5);
  EXPECT_DOUBLE_EQ(two.hub.local.guidance_year_left, 3e8 / 2);
}

TEST(Parameters, GuidanceYearsCanChangeByPolicy) {
  hub_fixture f;
  apply_policy_change(f.ctx, f.hub, {{2026, 1, 1}, "government.local.guidance_years", 10.0}, 52);
  start_budget_year(f.hub);
  EXPECT_DOUBLE_EQ(f.hub.local.guidance_year_left, 3e8 / 10);
}

TEST(Parameters, FounderWageShareSetsWhatAFounderPaysThemself) {
  for (const double share : {0.0, 0.5}) {
    hub_fixture f({"startups.founder_wage_share=" + std::to_string(share)});
    const std::size_t row = f.someone(place::market);
    const double wage = startup_wage(f.hub, f.hub.engineers.skill[row]);
    leave_place(f.hub, row);
    create_startup(f.ctx, f.hub, row, 1.0, 0);
    EXPECT_FLOAT_EQ(f.hub.engineers.wage[row], static_cast<float>(wage * share));
  }
}

}  // namespace
}  // namespace liangzhu::model
