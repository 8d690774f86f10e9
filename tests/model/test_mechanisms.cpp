// One test (or a few) per mechanism, on a hub built by the model's initialisation.
#include <gtest/gtest.h>

#include "model/agenda.hpp"
#include "model/funding.hpp"
#include "model/ledger.hpp"
#include "model/mechanism_fixture.hpp"
#include "model/noncompete.hpp"
#include "model/outputs.hpp"
#include "model/startups.hpp"
#include "model/timers.hpp"

namespace liangzhu::model {
namespace {

using namespace detail;
using testing::hub_fixture;

TEST(Initialisation, PopulationMatchesTheScenario) {
  hub_fixture f;
  EXPECT_EQ(f.hub.engineers.table.size(), 6000u);
  EXPECT_EQ(f.hub.startups.table.size(), 40u);
  EXPECT_EQ(f.hub.incumbents[0].headcount, 1500);
  EXPECT_EQ(f.hub.incumbents[1].headcount, 500);
  EXPECT_GT(f.hub.ties.tie_count(), 6000u);
  EXPECT_NO_THROW(check_conservation(f.hub));
  double zju = 0;
  for (std::size_t r = 0; r < 6000; ++r) zju += f.hub.engineers.zju[r];
  EXPECT_NEAR(zju / 6000, f.hub.p.talent.zju_share, 0.03);
}

TEST(Labour, MovesKeepEveryoneInExactlyOnePlace) {
  hub_fixture f;
  const std::size_t row = f.someone(place::market);
  leave_place(f.hub, row);
  join_incumbent(f.hub, row, 1, 100.0);
  EXPECT_EQ(f.hub.incumbents[1].headcount, 501);
  leave_place(f.hub, row);
  join_startup(f.hub, row, 0, 50.0, false);
  EXPECT_NO_THROW(check_conservation(f.hub));
  remove_engineer(f.hub, row);
  EXPECT_EQ(f.hub.engineers.table.size(), 5999u);
  EXPECT_NO_THROW(check_conservation(f.hub));
}

/// Rows of the unemployed engineers who are not waiting out a noncompete.
std::vector<std::size_t> job_seekers(const hub_fixture& f) {
  std::vector<std::size_t> rows;
  const auto& e = f.hub.engineers;
  for (std::size_t r = 0; r < e.table.size(); ++r)
    if (e.where[r] == place::unemployed && e.waiting_since[r] < 0) rows.push_back(r);
  return rows;
}

TEST(Labour, TheUnemployedGetMarketOffersAtTheWeeklyRate) {
  // Half the engineers out of work at the start; after the first week's job moves, those still
  // unemployed had no market offer in it, so their next one comes a geometric wait later:
  // P(week 1) = p and a mean of 1/p weeks (the weekly Bernoulli draws it replaces).
  hub_fixture f({"hub.test.talent.engineers=40000", "hub.test.talent.unemployed_share=0.5"});
  const double p = f.hub.p.talent.market_job_find_per_week;
  const auto before = job_seekers(f);
  f.hub.clock = 0;
  job_moves(f.ctx, f.hub, 0);
  const auto& e = f.hub.engineers;
  double n = 0, first_week = 0, weeks = 0, hired_by_market = 0;
  for (const std::size_t row : before) {
    if (e.where[row] == place::market) hired_by_market += 1;
    if (e.where[row] != place::unemployed) continue;
    ASSERT_GE(e.next_market_offer[row], 1) << "row " << row;
    n += 1;
    first_week += e.next_market_offer[row] == 1;
    weeks += e.next_market_offer[row];
  }
  ASSERT_GT(n, 10000);
  const double share_se = std::sqrt(p * (1 - p) / n);
  EXPECT_NEAR(first_week / n, p, 4 * share_se);
  EXPECT_NEAR(weeks / n, 1 / p, 4 * std::sqrt(1 - p) / p / std::sqrt(n));
  // Everyone with a market offer in week 0 took it (the unemployed take their best offer).
  const auto m = static_cast<double>(before.size());
  EXPECT_NEAR(hired_by_market / m, p, 4 * std::sqrt(p * (1 - p) / m));
}

TEST(Labour, AnEngineersMarketOfferWeekIsItsOwnWhoeverElseIsOutOfWork) {
  // Common random numbers: a policy that puts other engineers out of work must not move the
  // week of anyone else's market offer.
  const std::vector<std::string> many_out_of_work{"hub.test.talent.unemployed_share=0.3"};
  hub_fixture some(many_out_of_work), more(many_out_of_work);
  for (std::size_t row = 0; row < more.hub.engineers.table.size(); row += 7)
    if (more.hub.engineers.where[row] == place::market) leave_place(more.hub, row);
  for (long tick = 0; tick < 3; ++tick) {
    some.hub.clock = more.hub.clock = static_cast<std::int32_t>(tick);
    job_moves(some.ctx, some.hub, tick);
    job_moves(more.ctx, more.hub, tick);
  }
  std::size_t compared = 0;
  const auto& a = some.hub.engineers;
  const auto& b = more.hub.engineers;
  ASSERT_EQ(a.table.size(), b.table.size());
  for (std::size_t row = 0; row < a.table.size(); ++row) {
    if (a.where[row] != place::unemployed || b.where[row] != place::unemployed) continue;
    if (a.hired[row] != b.hired[row]) continue;  // out of work since different weeks
    EXPECT_EQ(a.next_market_offer[row], b.next_market_offer[row]) << "row " << row;
    ++compared;
  }
  EXPECT_GT(compared, 500u);
}

/// The value of output `name` for the fixture's hub now.
double output(const hub_fixture& f, std::string_view name) {
  for (const auto& o : series_outputs())
    if (o.spec.name == name) return o.read(f.ctx, f.hub);
  throw std::logic_error("no such output");
}

TEST(Labour, TheMarketsVacanciesAreItsHiresTimesHowLongAVacancyStaysOpen) {
  hub_fixture f({"hub.test.talent.market_vacancy_weeks=5"});
  for (long tick = 0; tick < 4 && f.hub.counts.this_week(counted::market_hires) == 0; ++tick) {
    f.hub.counts.start_week();
    job_moves(f.ctx, f.hub, tick);
  }
  const auto hires = static_cast<double>(f.hub.counts.this_week(counted::market_hires));
  ASSERT_GT(hires, 0);  // the unemployed of the set-up find market jobs
  EXPECT_EQ(output(f, "vacancies_market"), 5 * hires);
  EXPECT_GE(output(f, "vacancies"), 5 * hires);
}

TEST(Invariants, DetectABrokenCount) {
  hub_fixture f;
  f.hub.incumbents[0].headcount += 1;
  EXPECT_THROW(check_conservation(f.hub), error);
}

TEST(Invariants, DetectUntracedMoney) {
  hub_fixture f;
  f.hub.startups.cash[0] += 1000.0;  // money from nowhere
  EXPECT_THROW(check_conservation(f.hub), error);
}

TEST(Invariants, DetectGovernmentMoneyNobodyReceived) {
  hub_fixture f;
  f.hub.local.spent_voucher += 1000.0;
  EXPECT_THROW(check_conservation(f.hub), error);
}

TEST(Invariants, DetectVentureMoneyThatReachedNoStartup) {
  hub_fixture f;
  EXPECT_NO_THROW(check_investor_sources(f.world, {&f.hub}));
  f.world.investors[0].invested += 1e6;
  EXPECT_THROW(check_investor_sources(f.world, {&f.hub}), error);
}

TEST(Timers, NextFiringHasTheGeometricMean) {
  double sum = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    engine::rng_stream r(1, 2, static_cast<std::uint64_t>(i), 0);
    sum += next_firing(r, 0.1, 0);
  }
  EXPECT_NEAR(sum / n, 10.0, 0.2);  // first success of p = 0.1 after tick 0
  engine::rng_stream r(1, 2, 3, 4);
  EXPECT_EQ(next_firing(r, 0.0, 5), never);
  EXPECT_EQ(next_firing(r, 1.0, 5), 6);
  // A wait beyond the 16-bit weeks never fires (no run reaches week 32,767), whatever it drew.
  for (int i = 0; i < 100; ++i) EXPECT_EQ(next_firing(r, 1e-9, 5), never);
  EXPECT_EQ(next_firing(r, 1.0, 32765), 32766);
}

TEST(Noncompete, DurationIsCappedByTheLaw) {
  hub_fixture f({"hub.test.noncompete.max_months=6", "hub.test.incumbent.big.noncompete_months=24",
                 "hub.test.incumbent.big.noncompete_share=1"});
  const std::size_t row = f.someone(place::incumbent);
  const auto until = binding_end(f.ctx, f.hub, row, 0, 100);
  EXPECT_EQ(until, 100 + std::lround(6 * f.cal.ticks_per_year() / 12));
}

TEST(Noncompete, VoidWhereCourtsDoNotEnforce) {
  hub_fixture f({"hub.test.noncompete.enforceable=0", "hub.test.incumbent.big.noncompete_share=1"});
  const std::size_t row = f.someone(place::incumbent);
  const std::size_t former = f.hub.engineers.employer[row];
  leave_place(f.hub, row);
  maybe_bind(f.ctx, f.hub, row, former, 10);
  EXPECT_GT(f.hub.engineers.bound_until[row], 10);
  EXPECT_FALSE(is_restricted(f.ctx, f.hub, row, 11));
}

TEST(Noncompete, CompensationIsPaidWhileBound) {
  hub_fixture f({"hub.test.incumbent.big.noncompete_share=1"});
  const std::size_t row = f.someone(place::incumbent);
  const std::size_t former = f.hub.engineers.employer[row];
  leave_place(f.hub, row);
  maybe_bind(f.ctx, f.hub, row, former, 10);
  pay_noncompete_compensation(f.ctx, f.hub, 11);
  EXPECT_NEAR(f.hub.sums.so_far(detail::summed::noncompete_compensation_cny),
              f.hub.p.noncompete.compensation_share *
                  market_wage(f.hub, f.hub.engineers.skill[row]) / f.cal.ticks_per_year(),
              1e-6);
}

/// Damages startups paid in suits all falling this week, with the employers' win rate `rate`.
double damages_with_win_rate(const char* rate) {
  hub_fixture f({std::string("hub.test.noncompete.suit_win_rate=") + rate});
  auto& st = f.hub.startups;
  for (std::size_t s = 0; s < st.table.size(); ++s) st.suit_tick[s] = 9;
  litigate(f.ctx, f.hub, 9);
  EXPECT_EQ(static_cast<double>(f.hub.counts.this_week(detail::counted::litigations)),
            static_cast<double>(st.table.size()));
  return f.hub.outflows.so_far(money_out::damages);
}

TEST(Noncompete, StartupsPayDamagesOnlyForTheSuitsTheyLose) {
  EXPECT_EQ(damages_with_win_rate("0"), 0.0);
  const double some = damages_with_win_rate("0.5");
  const double all = damages_with_win_rate("1");
  EXPECT_GT(some, 0.0);
  EXPECT_LT(some, all);
}

TEST(Founding, BoundEngineersWaitWhenEnforcementIsCertain) {
  hub_fixture f(
      {"hub.test.founding.ideas_per_year=1", "hub.test.incumbent.big.noncompete_share=1",
       "hub.test.incumbent.big.enforcement=1", "hub.test.incumbent.other.noncompete_share=1",
       "hub.test.incumbent.other.enforcement=1", "hub.test.noncompete.found_anyway_bias=0"});
  for (long t = 0; t < 20; ++t) {
    f.hub.clock = static_cast<std::int32_t>(t);  // the week being run, as the schedule sets it
    found_startups(f.ctx, f.hub, t);
  }
  EXPECT_GT(static_cast<double>(f.hub.counts.so_far(detail::counted::started_waiting)), 0);
  EXPECT_EQ(static_cast<double>(f.hub.counts.so_far(detail::counted::founded_while_bound)), 0);
  EXPECT_GT(static_cast<double>(f.hub.counts.so_far(detail::counted::founded)),
            0);  // engineers outside incumbents still found
  EXPECT_NO_THROW(check_conservation(f.hub));
}

TEST(Founding, AnEngineerWaitingOutANoncompeteHasIdeasAgainLater) {
  // Its idea timer fires while it waits: the idea is passed over, but the timer is drawn again
  // into the future (left at this week it would never fire again).
  hub_fixture f;
  auto& e = f.hub.engineers;
  const std::size_t row = f.someone(place::unemployed);
  constexpr long week = 5;
  f.hub.clock = static_cast<std::int32_t>(week);
  e.waiting_since[row] = 0;
  e.bound_until[row] = 100;
  e.idea_quality[row] = 1.0f;
  set_member(f.hub, row_set::waiting, row, true);
  set_member(f.hub, row_set::bound, row, true);
  set_timer(f.hub, timer::idea, row, week);
  found_startups(f.ctx, f.hub, week);
  EXPECT_GT(e.next_idea[row], week);
  EXPECT_NO_THROW(check_agenda(f.hub, week));
}

TEST(Founding, FoundersBringCofoundersAndTakeTheSubsidy) {
  hub_fixture f({"hub.test.founding.ideas_per_year=0.5"});
  const double before = f.hub.local.spent_subsidy;
  for (long t = 0; t < 10; ++t) found_startups(f.ctx, f.hub, t);
  ASSERT_GT(static_cast<double>(f.hub.counts.so_far(detail::counted::founded)), 0);
  EXPECT_EQ(f.hub.local.spent_subsidy - before,
            static_cast<double>(f.hub.counts.so_far(detail::counted::subsidised)) *
                f.hub.p.local.subsidy_per_startup_cny);
  double team = 0;
  for (std::size_t s = 40; s < f.hub.startups.table.size(); ++s) team += f.hub.startups.team[s];
  EXPECT_GT(team, static_cast<double>(
                      f.hub.counts.so_far(detail::counted::founded)));  // some co-founders joined
}

TEST(Poaching, TakesTheBestEngineerAndCapability) {
  hub_fixture f({"hub.test.incumbent.big.poaching_per_year=5200"});
  double capability = 0;
  for (double c : f.hub.startups.capability.values()) capability += c;
  poach(f.ctx, f.hub, 1);
  double after = 0;
  for (double c : f.hub.startups.capability.values()) after += c;
  EXPECT_GT(static_cast<double>(f.hub.counts.this_week(detail::counted::poached)), 0);
  EXPECT_LT(after, capability);
  EXPECT_NO_THROW(check_conservation(f.hub));
}

TEST(ComputeMarket, IncumbentsAreServedFirst) {
  hub_fixture f({"hub.test.chips.foreign_stock_h100e=1000", "hub.test.chips.domestic_stock_h100e=0",
                 "hub.test.chips.foreign_supply_h100e_per_year=0",
                 "hub.test.chips.domestic_allocation_share=0"});
  clear_compute_market(f.ctx, f.hub, 0);
  EXPECT_NEAR(f.hub.incumbents[0].compute_got + f.hub.incumbents[1].compute_got,
              f.hub.foreign_stock, 1e-6);
  EXPECT_EQ(f.hub.startup_compute_got, 0.0);
  EXPECT_GT(f.hub.compute_price, f.p.world.chips.compute_price_cny_per_week);
}

TEST(ComputeMarket, VouchersRespectTheStackedShareAndTheFirmCap) {
  hub_fixture f({"hub.test.chips.foreign_stock_h100e=1e6",
                 "hub.test.vouchers.cap_per_firm_cny=1000",
                 "hub.test.government.local.voucher_budget_cny_per_year=1e12"});
  clear_compute_market(f.ctx, f.hub, 0);
  for (std::size_t s = 0; s < f.hub.startups.table.size(); ++s) {
    EXPECT_LE(f.hub.startups.voucher_year[s], 1000.0 + 1e-9);
    EXPECT_LE(f.hub.startups.voucher_year[s],
              f.hub.p.vouchers.stack_cap * f.hub.startups.compute_cost[s] + 1e-9);
  }
}

TEST(ComputeMarket, ExportControlsCutForeignPurchases) {
  hub_fixture open({"hub.test.chips.foreign_stock_h100e=0"});
  hub_fixture closed({"hub.test.chips.foreign_stock_h100e=0"});
  apply_export_control(closed.ctx, closed.hub, {{2025, 1, 1}, "none", 0.0, 0.3}, 0);
  apply_export_control(open.ctx, open.hub, {{2025, 1, 1}, "all", 1.0, 1.0}, 0);
  clear_compute_market(open.ctx, open.hub, 0);
  clear_compute_market(closed.ctx, closed.hub, 0);
  EXPECT_GT(open.hub.foreign_stock, 0.0);
  EXPECT_EQ(closed.hub.foreign_stock, 0.0);
}

TEST(Efficiency, BreakthroughsRaiseEfficiencyAndOpenSourceRaisesTheFrontier) {
  hub_fixture f({"efficiency.breakthrough_per_year=52", "efficiency.open_source_share=1"});
  efficiency_research(f.ctx, f.hub, 0);
  EXPECT_GT(static_cast<double>(f.hub.counts.this_week(detail::counted::breakthroughs)), 0);
  EXPECT_GT(f.world.open_frontier, 1.0);
  hub_fixture g({"efficiency.spillover_per_year=52"});
  g.world.open_frontier = 2.0;
  efficiency_spillover(g.ctx, g.hub, 0);
  for (const float e : g.hub.startups.efficiency.values()) EXPECT_GT(e, 1.0f);
}

TEST(Funding, ForeignAppetiteFallsWithStateTiesAndTension) {
  hub_fixture f;
  const double free = foreign_appetite(f.ctx, f.hub, 0.0);
  EXPECT_LT(foreign_appetite(f.ctx, f.hub, 0.5), free);
  f.world.tension = 1.0;
  EXPECT_LT(foreign_appetite(f.ctx, f.hub, 0.0), free);
}

TEST(Funding, StageFocusDecidesWhichRoundsAFundLeads) {
  investor_state early, late, any;
  early.late = false;
  late.early = false;
  EXPECT_TRUE(leads_round_at(early, stage::idea));
  EXPECT_FALSE(leads_round_at(late, stage::idea));
  EXPECT_TRUE(leads_round_at(early, stage::seed));
  EXPECT_TRUE(leads_round_at(late, stage::seed));
  EXPECT_FALSE(leads_round_at(early, stage::b));
  EXPECT_TRUE(leads_round_at(late, stage::growth));
  EXPECT_TRUE(leads_round_at(any, stage::idea) && leads_round_at(any, stage::growth));
}

TEST(Funding, NobodyGoesOffshoreWithoutTheMoney) {
  hub_fixture f({"capital.offshore_cost_cny=1e12", "capital.route_preference_offshore=1e9"});
  for (std::size_t s = 0; s < f.hub.startups.table.size(); ++s) {
    f.hub.startups.route_of[s] = route::undecided;
    decide_route(f.ctx, f.hub, s, 0.0, 3);
    EXPECT_EQ(f.hub.startups.route_of[s], route::government);
  }
}

TEST(Funding, GuidanceRoundsRaiseStateTies) {
  hub_fixture f;
  const std::size_t s = 0;
  f.hub.startups.route_of[s] = route::government;
  const float tie = f.hub.startups.state_tie[s];
  ASSERT_TRUE(raise_round(f.ctx, f.hub, s, lead::guidance, 0, 5));
  EXPECT_GT(f.hub.startups.state_tie[s], tie);
  EXPECT_NO_THROW(check_conservation(f.hub));
}

TEST(Acquisitions, TheAcquirerPaysThePriceToTheInvestorsPerStake) {
  hub_fixture f({"capital.liquidation_preference=0"});  // ordinary shares
  const std::size_t s = 0;
  add_holding(f.hub, s, 1, 1e6, 4e6);  // fund 1 holds a quarter
  const double before = f.world.investors[1].proceeds;
  const auto stakes = f.hub.holdings[f.hub.startups.table.id_at(s).index];
  end_startup(f.ctx, f.hub, s, exit_kind::acquisition, 0, 8e6, 5);
  EXPECT_EQ(f.hub.incumbents[0].spent_on_acquisitions, 8e6);
  EXPECT_EQ(f.hub.incumbents[0].acquisitions, 1.0);
  EXPECT_DOUBLE_EQ(f.world.investors[1].proceeds - before, 0.25 * 8e6);
  double paid_out = 0;
  for (const auto& stake : stakes) paid_out += stake.share * 8e6;
  EXPECT_NEAR(f.hub.sums.so_far(detail::summed::exit_value_cny), paid_out, 1e-6);
}

TEST(Acquisitions, ASaleBelowWhatWasInvestedPaysTheInvestorsPreferencesFirst) {
  hub_fixture f;  // capital.liquidation_preference = 1
  const std::size_t s = 0;
  f.hub.holdings[f.hub.startups.table.id_at(s).index].clear();
  add_holding(f.hub, s, 1, 3e6, 12e6);  // a quarter for 3 M, then a tenth for 2 M
  dilute_holdings(f.hub, s, 0.1);
  add_holding(f.hub, s, 2, 2e6, 20e6);
  const double before1 = f.world.investors[1].proceeds, before2 = f.world.investors[2].proceeds;
  end_startup(f.ctx, f.hub, s, exit_kind::acquisition, 0, 4e6, 5);
  // 4 M does not cover the 5 M invested: the two share it pro rata to their preferences; as
  // ordinary shares they would have had 0.9 M and 0.4 M.
  EXPECT_DOUBLE_EQ(f.world.investors[1].proceeds - before1, 4e6 * 3.0 / 5.0);
  EXPECT_DOUBLE_EQ(f.world.investors[2].proceeds - before2, 4e6 * 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(f.hub.sums.so_far(detail::summed::exit_value_cny), 4e6);
}

TEST(Lifecycle, AStartupThatCannotPayFails) {
  hub_fixture f;
  auto& st = f.hub.startups;
  const double cash = st.cash[0];
  book_out(f.hub, 0, money_out::costs, cash);  // spend everything
  st.compute_cost[0] = 1e9;
  const double failed = static_cast<double>(f.hub.counts.so_far(detail::counted::failed));
  operate_startups(f.ctx, f.hub, 1);
  EXPECT_GE(static_cast<double>(f.hub.counts.so_far(detail::counted::failed)), failed + 1);
  EXPECT_NO_THROW(check_conservation(f.hub));
}

TEST(Lifecycle, HighValuationMakesATiger) {
  hub_fixture f({"startups.tiger_valuation_cny=1"});
  operate_startups(f.ctx, f.hub, 1);
  EXPECT_GT(static_cast<double>(f.hub.counts.so_far(detail::counted::tigers)), 0);
}

TEST(Geopolitics, TensionStaysInItsRangeAndShocksMoveIt) {
  hub_fixture f({"geopolitics.tension_volatility_per_year=2"});
  for (long t = 0; t < 500; ++t) {
    update_tension(f.ctx, t);
    ASSERT_GE(f.world.tension, 0.0);
    ASSERT_LE(f.world.tension, 1.0);
  }
  f.world.tension = 0.5;
  apply_tension_shock(f.ctx, {{2026, 1, 1}, 0.2}, 0);
  EXPECT_DOUBLE_EQ(f.world.tension, 0.7);
}

TEST(Government, PolicyChangesSetInstrumentsAndBudgetsRenewYearly) {
  hub_fixture f;
  apply_policy_change(f.ctx, f.hub,
                      {{2026, 1, 1}, "government.local.subsidy_per_startup_cny", 42.0}, 0);
  EXPECT_EQ(f.hub.local.instruments.subsidy_per_startup_cny, 42.0);
  EXPECT_NE(f.hub.p.local.subsidy_per_startup_cny, 42.0)
      << "the parameters stay as the scenario set";
  apply_policy_change(f.ctx, f.hub,
                      {{2026, 1, 1}, "government.provincial.budget_cny_per_year", 7e6}, 0);
  EXPECT_EQ(f.hub.provincial.instruments.budget_cny_per_year, 7e6);
  f.hub.local.budget_left = 0;
  start_budget_year(f.hub);
  EXPECT_EQ(f.hub.local.budget_left, f.hub.local.instruments.budget_cny_per_year);
  EXPECT_EQ(f.hub.provincial.budget_left, 7e6);
}

TEST(Meetups, CreateTiesAndDealFlow) {
  hub_fixture f({"hub.test.meetups.attendance_share=0.05", "hub.test.meetups.pitch_chance=1"});
  const auto ties = f.hub.ties.tie_count();
  for (std::size_t s = 0; s < f.hub.startups.table.size(); ++s) f.hub.startups.seeking[s] = 1;
  meetups(f.ctx, f.hub, 3);
  EXPECT_GT(static_cast<double>(f.hub.counts.this_week(detail::counted::meetup_attendance)), 100);
  EXPECT_GT(f.hub.ties.tie_count(), ties);
  EXPECT_EQ(static_cast<double>(f.hub.counts.this_week(detail::counted::pitches)),
            static_cast<double>(f.hub.startups.table.size()));
  EXPECT_GT(static_cast<double>(f.hub.counts.this_week(detail::counted::visiting_investors)), 0);
}

}  // namespace
}  // namespace liangzhu::model
