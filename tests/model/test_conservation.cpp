#include <gtest/gtest.h>

#include "model/model_fixture.hpp"

namespace liangzhu::model {
namespace {

// People and money are conserved every tick, whatever the rules.
TEST(ModelConservation, HoldsEveryTickInTheSmallScenario) {
  EXPECT_NO_THROW(testing::run_small({}, 2, true));
}

TEST(ModelConservation, HoldsUnderHarshAndGenerousRules) {
  EXPECT_NO_THROW(
      testing::run_small({"ticks=104", "hub.test.government.local.subsidy_per_startup_cny=0",
                          "hub.test.incumbent.big.poaching_per_year=500",
                          "hub.test.incumbent.big.acquisitions_per_year=20",
                          "hub.test.talent.leave_rate_per_year=0.5"},
                         1, true));
  EXPECT_NO_THROW(
      testing::run_small({"ticks=104", "hub.test.government.local.guidance_fund_cny=1e11",
                          "hub.test.government.local.subsidy_per_startup_cny=1e7",
                          "hub.test.noncompete.enforceable=0", "capital.offshore_cost_cny=0"},
                         1, true));
}

TEST(ModelConservation, EngineersAreAllSomewhere) {
  const auto r = testing::run_small({"ticks=52"});
  const auto total = r.sink.column("engineers");
  for (std::size_t t = 0; t < total.size(); ++t) {
    double places = 0;
    for (const char* p : {"engineers_incumbents", "engineers_startups", "founders",
                          "engineers_market", "engineers_unemployed"})
      places += r.sink.column(p)[t];
    EXPECT_EQ(places, total[t]) << "tick " << t;
  }
}

TEST(ModelConservation, TwoHubsInOneRun) {
  const auto scenario = io::load_scenario(testing::source_dir() + "/tests/model/data/two_hubs.toml",
                                          scenario_schema());
  run_options o;
  o.check_every_tick = true;
  simulation sim(scenario, o);
  sim.run();
  sim.check_invariants();
  EXPECT_EQ(sim.collector().groups().size(), 2u);
}

}  // namespace
}  // namespace liangzhu::model
