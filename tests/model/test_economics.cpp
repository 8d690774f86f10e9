// The economics of issue 14, mechanism by mechanism: multiplicative growth that compute and size
// slow down, one pitch impression per startup and stage, dilution, listings that realise stakes
// and recycle proceeds, poaching that follows incumbents' hiring gaps and can be refused, job
// losses, and runs that start from the end state of a history (start_from).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "liangzhu/engine/errors.hpp"
#include "model/continuation.hpp"
#include "model/funding.hpp"
#include "model/ledger.hpp"
#include "model/mechanism_fixture.hpp"
#include "model/startups.hpp"

namespace liangzhu::model {
namespace {

using namespace detail;
using testing::hub_fixture;

/// Log-change of startup `s`'s capability over one week of operations from `capability`, with
/// `served` of its wanted compute (the shock is the same for the same startup and week).
double weekly_log_growth(hub_fixture& f, std::size_t s, double capability, double served) {
  auto& st = f.hub.startups;
  book_in(f.hub, s, money_in::founder, 1e9);  // it must not fail
  st.capability[s] = capability;
  st.compute_need[s] = 10;
  st.compute_got[s] = static_cast<float>(10 * served);
  st.efficiency[s] = 1;
  const auto id = st.table.id_at(s);
  operate_startups(f.ctx, f.hub, 3);
  return std::log(st.capability[st.table.row(id)] / capability);
}

TEST(Growth, ComputeStarvationSlowsAStartupDown) {
  hub_fixture full, starved;
  const double tpy = full.ctx.ticks_per_year();
  const double fed = weekly_log_growth(full, 0, 5.0, 1.0);
  const double hungry = weekly_log_growth(starved, 0, 5.0, 0.04);
  // Same shock; the drift differs by rate x idea^e x ... x (1 - 0.04^0.5) per year.
  EXPECT_GT(fed, hungry);
  EXPECT_GT((fed - hungry) * tpy, 0.1) << "compute should matter to growth, not only to costs";
}

TEST(Growth, LargerStartupsGrowMoreSlowly) {
  hub_fixture small_firm, large_firm;
  const double tpy = small_firm.ctx.ticks_per_year();
  const double small = weekly_log_growth(small_firm, 0, 1.0, 1.0);
  const double large = weekly_log_growth(large_firm, 0, 1000.0, 1.0);
  // Only the size drag differs: drag x ln(1000) a year (the wanted team differs too, so the
  // large one is also short of people: at least the drag).
  EXPECT_GE((small - large) * tpy,
            small_firm.p.world.startups.capability_size_drag * std::log(1000.0) - 1e-9);
}

TEST(Growth, TeamsGrowWithCapabilityWithoutACap) {
  hub_fixture f;
  const auto& w = f.p.world;
  EXPECT_DOUBLE_EQ(team_target(w, 1.0), w.startups.team_target_idea);
  EXPECT_GT(team_target(w, 1e6), 243.0 * 10) << "no stage cap on the wanted team";
  EXPECT_NEAR(std::log(team_target(w, 100.0) / team_target(w, 10.0)),
              w.startups.team_capability_elasticity * std::log(10.0), 1e-12);
}

TEST(Rounds, InvestorsSeeOneImpressionPerStartupAndStage) {
  hub_fixture f;
  auto& st = f.hub.startups;
  const double first = pitch_signal(f.ctx, f.hub, 0);
  EXPECT_EQ(pitch_signal(f.ctx, f.hub, 0), first) << "pitching again draws no new luck";
  st.capability[0] *= 2;
  EXPECT_DOUBLE_EQ(pitch_signal(f.ctx, f.hub, 0), 2 * first) << "only growth raises the signal";
  const auto stage_before = st.stage_of[0];
  st.stage_of[0] = stage_before == stage::growth ? stage::b : stage::growth;
  EXPECT_NE(pitch_signal(f.ctx, f.hub, 0), 2 * first) << "a new stage, a new impression";
}

TEST(Rounds, EachRoundDilutesTheEarlierStakes) {
  hub_fixture f;
  auto& st = f.hub.startups;
  const std::size_t s = 0;
  const auto slot = st.table.id_at(s).index;
  f.hub.holdings[slot].clear();
  add_holding(f.hub, s, 0, 1e6, 4e6);  // a quarter
  st.stage_of[s] = stage::seed;
  st.valuation[s] = 0;  // the round is the stage's usual one, priced at the floor
  ASSERT_TRUE(raise_round(f.ctx, f.hub, s, lead::domestic_vc, 1, 10));
  const double size = stage_round_size(f.p.world, f.hub, stage::seed);
  const double post = size * (1 + f.p.world.capital.min_pre_money_multiple);
  EXPECT_NEAR(f.hub.holdings[slot][0].share, 0.25 * (1 - size / post), 1e-12);
  EXPECT_NEAR(f.hub.holdings[slot][1].share, size / post, 1e-12);
  EXPECT_DOUBLE_EQ(st.post_money[s], post);
  // A startup valued far above the stage's round raises a share of its valuation, at its
  // valuation (no ratchet).
  st.valuation[s] = 1e9;
  st.seeking[s] = 1;
  ASSERT_TRUE(raise_round(f.ctx, f.hub, s, lead::domestic_vc, 2, 20));
  const double d = f.p.world.startups.round_dilution;
  EXPECT_NEAR(st.post_money[s], 1e9 + 1e9 * d / (1 - d), 1e-3);
}

TEST(Rounds, RoundSizesFollowTheHubsWage) {
  hub_fixture f(
      {"hub.test.talent.wage_cny_per_year=175000", "startups.round_wage_cny_per_year=350000"});
  const auto& w = f.p.world;
  f.hub.wage_index = 1;
  EXPECT_DOUBLE_EQ(stage_round_size(w, f.hub, stage::seed), 0.5 * w.startups.round_a_cny)
      << "engineers at half the reference wage: a series A of half the size pays the same runway";
  f.hub.wage_index = 2;
  EXPECT_DOUBLE_EQ(stage_round_size(w, f.hub, stage::idea), w.startups.round_seed_cny);
  hub_fixture fixed(
      {"hub.test.talent.wage_cny_per_year=175000", "startups.round_wage_cny_per_year=0"});
  EXPECT_DOUBLE_EQ(stage_round_size(fixed.p.world, fixed.hub, stage::a),
                   fixed.p.world.startups.round_b_cny)
      << "0: the sizes are fixed";
}

TEST(Listings, RealiseStakesRecycleProceedsAndRaiseMoney) {
  hub_fixture f({"startups.ipo_per_year=52", "capital.proceeds_recycled_share=0.5"});
  auto& st = f.hub.startups;
  const std::size_t s = 0;
  const auto id = st.table.id_at(s);
  f.hub.holdings[id.index].clear();
  add_holding(f.hub, s, 3, 1e6, 1e7);  // fund 3 holds a tenth
  const double capital = f.world.investors[3].capital_left;
  long tick = 1;
  for (; tick < 200 && !st.listed[st.table.row(id)]; ++tick) {
    const std::size_t row = st.table.row(id);
    st.valuation[row] = 4e9;
    st.revenue[row] = 2e8 / f.ctx.ticks_per_year();
    st.last_round[row] = -1;
    const double cash = st.cash[row];
    list_startups(f.ctx, f.hub, tick);
    if (st.listed[row]) {
      EXPECT_NEAR(st.cash[row] - cash, 4e9 * f.p.world.startups.ipo_raise_share, 1e-3);
    }
  }
  ASSERT_TRUE(st.listed[st.table.row(id)]) << "a startup above the bars lists in time";
  EXPECT_TRUE(f.hub.holdings[id.index].empty());
  EXPECT_NEAR(f.world.investors[3].proceeds, 0.1 * 4e9, 1e-3);
  EXPECT_NEAR(f.world.investors[3].capital_left - capital, 0.5 * 0.1 * 4e9, 1e-3);
  EXPECT_EQ(f.hub.counts.so_far(counted::listed), 1);
  EXPECT_EQ(f.hub.counts.so_far(counted::listed_star) +
                f.hub.counts.so_far(counted::listed_hong_kong) +
                f.hub.counts.so_far(counted::listed_us),
            1);
  EXPECT_NO_THROW(check_conservation(f.hub));
  // A listed company raises no more rounds and is not for sale.
  operate_startups(f.ctx, f.hub, tick);
  EXPECT_FALSE(st.seeking[st.table.row(id)]);
}

TEST(Poaching, EngineersWhoValueTheirStartupRefuseOffers) {
  hub_fixture keen(
      {"hub.test.talent.startup_appeal=10", "hub.test.incumbent.big.poaching_per_year=500"});
  hub_fixture mercenary(
      {"hub.test.talent.startup_appeal=0", "hub.test.incumbent.big.poaching_per_year=500"});
  for (long t = 0; t < 20; ++t) {
    poach(keen.ctx, keen.hub, t);
    poach(mercenary.ctx, mercenary.hub, t);
  }
  EXPECT_GT(keen.hub.counts.so_far(counted::poach_refused), 0);
  EXPECT_LT(keen.hub.counts.so_far(counted::poached),
            mercenary.hub.counts.so_far(counted::poached));
}

TEST(StartFrom, TheRunStartsFromItsHistorysEndState) {
  const auto scenario = io::load_scenario(
      testing::source_dir() + "/tests/model/data/small_from_history.toml", scenario_schema());
  const parameters p = read_parameters(scenario);
  ASSERT_TRUE(p.history);
  EXPECT_EQ(p.history->name, "small_history");
  run_options one, two;
  one.threads = 1;
  one.check_every_tick = true;
  two.threads = 2;
  simulation a(scenario, one), b(scenario, two);
  testing::recording_sink sa, sb;
  a.collector().set_sink(&sa);
  b.collector().set_sink(&sb);
  a.run(52);
  b.run(52);
  EXPECT_EQ(sa.hash(), sb.hash()) << "the history and the run are the same on any thread count";
  // Every startup of the history has a founding date before the start, given by its event.
  const auto& kinds = a.collector().event_kinds();
  const auto at_start_kind = static_cast<std::uint16_t>(
      std::find_if(kinds.begin(), kinds.end(),
                   [](const auto& k) { return k.name == "startup_at_start"; }) -
      kinds.begin());
  ASSERT_LT(at_start_kind, kinds.size());
  std::size_t at_start = 0, founded_before = 0;
  for (const auto& e : sa.events) {
    if (e.kind != at_start_kind) continue;
    ++at_start;
    founded_before += e.value < 0;
  }
  EXPECT_GT(at_start, 0u);
  EXPECT_EQ(founded_before, at_start);
  // The run's own books start at zero: its founding count is its own, not the history's.
  double founded = 0;
  for (const auto& fig : a.summary())
    if (fig.name == "startups_founded") founded = fig.value.value_or(-1);
  EXPECT_LT(founded, 200) << "a year of the small hub founds far fewer than its history did";
}

TEST(StartFrom, AHistoryThatCannotHandOverIsAnInputError) {
  const auto dir = testing::source_dir() + "/tests/model/data/";
  // Another hub.
  try {
    const std::vector<std::string> other_hubs = {"start_from=" + dir + "history_other_hub.toml"};
    read_parameters(io::load_scenario(dir + "small.toml", scenario_schema(), other_hubs));
    FAIL() << "a history with other hubs was accepted";
  } catch (const input_error& e) {
    EXPECT_NE(std::string(e.what()).find("start_from"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("hubs differ"), std::string::npos) << e.what();
  }
  // A --set of the initial population, which the history replaces.
  try {
    const std::vector<std::string> bigger = {"hub.test.talent.engineers=9000"};
    read_parameters(io::load_scenario(dir + "small_from_history.toml", scenario_schema(), bigger));
    FAIL() << "an override that would do nothing was accepted";
  } catch (const input_error& e) {
    EXPECT_NE(std::string(e.what()).find("start_from=\"\""), std::string::npos) << e.what();
  }
  const std::vector<std::string> drawn = {"hub.test.talent.engineers=9000", "start_from=\"\""};
  EXPECT_NO_THROW(read_parameters(
      io::load_scenario(dir + "small_from_history.toml", scenario_schema(), drawn)));
  // Ending a year before the start.
  try {
    const std::vector<std::string> late = {"start=2026-01-01"};
    read_parameters(io::load_scenario(dir + "small_from_history.toml", scenario_schema(), late));
    FAIL() << "a history ending a year early was accepted";
  } catch (const input_error& e) {
    EXPECT_NE(std::string(e.what()).find("ends on 2024-12-28"), std::string::npos) << e.what();
  }
}

TEST(StartFrom, HistoryOverridesHoldInTheHistoryAndSetOnesOnlyAfterIt) {
  // A posterior draw's values are the model's: they reach the history (and the history's
  // identity, which keys the cache); a --set changes the run from its start only.
  const auto file = testing::source_dir() + "/tests/model/data/small_from_history.toml";
  const std::vector<std::string> drawn = {"startups.capability_growth_per_year=0.55",
                                          "hub.test.talent.engineers=2345"};
  const auto scenario = io::load_scenario(file, scenario_schema(), {}, drawn);
  EXPECT_EQ(scenario.history_overrides(), drawn);
  EXPECT_EQ(scenario.origin("startups.capability_growth_per_year").file, "--posterior");
  const parameters p = read_parameters(scenario);
  ASSERT_TRUE(p.history);
  EXPECT_EQ(p.world.startups.capability_growth_per_year, 0.55);
  EXPECT_EQ(p.history->world.startups.capability_growth_per_year, 0.55);
  EXPECT_EQ(p.history->hubs.front().talent.engineers, 2345)
      << "a drawn initial population is the history's, so it is not refused";
  const std::vector<std::string> set = {"startups.capability_growth_per_year=0.55"};
  const parameters q = read_parameters(io::load_scenario(file, scenario_schema(), set));
  EXPECT_EQ(q.world.startups.capability_growth_per_year, 0.55);
  EXPECT_NE(q.history->world.startups.capability_growth_per_year, 0.55);
  EXPECT_NE(p.history_identity, q.history_identity);
}

}  // namespace
}  // namespace liangzhu::model
