// Investors beyond the meetup: their ties to startups (contacts and introductions), guidance funds
// co-investing with domestic VCs, and the portfolio returns in the summary.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "model/funding.hpp"
#include "model/investor_ties.hpp"
#include "model/ledger.hpp"
#include "model/mechanism_fixture.hpp"
#include "model/startups.hpp"

namespace liangzhu::model {
namespace {

using namespace detail;
using testing::hub_fixture;

bool knows(const investor_state& inv, const hub_state& hub, std::size_t s) {
  const auto id = hub.startups.table.id_at(s).packed();
  return std::any_of(inv.contacts.begin(), inv.contacts.end(),
                     [&](const investor_contact& c) { return c.startup == id; });
}

double money_from(const hub_state& hub, money_in source) { return hub.inflows.so_far(source); }

TEST(InvestorTies, AFundKeepsItsNewestContactsWithoutDuplicates) {
  hub_fixture f({"capital.investor_contacts_kept=3"});
  auto& inv = f.world.investors[0];
  for (std::size_t s = 0; s < 5; ++s) add_contact(f.ctx, inv, f.hub, s, static_cast<long>(s));
  add_contact(f.ctx, inv, f.hub, 3, 9);  // heard of again: refreshed, not added twice
  ASSERT_EQ(inv.contacts.size(), 3u);
  EXPECT_FALSE(knows(inv, f.hub, 0));
  EXPECT_FALSE(knows(inv, f.hub, 1));
  EXPECT_TRUE(knows(inv, f.hub, 2) && knows(inv, f.hub, 3) && knows(inv, f.hub, 4));
  add_contact(f.ctx, inv, f.hub, 0, 10);  // replaces the oldest (startup 2, heard of at tick 2)
  EXPECT_FALSE(knows(inv, f.hub, 2));
  EXPECT_TRUE(knows(inv, f.hub, 0) && knows(inv, f.hub, 3));
}

TEST(InvestorTies, NoContactsAreKeptWhenTheSwitchIsOff) {
  hub_fixture f({"capital.investor_contacts_kept=0"});
  add_contact(f.ctx, f.world.investors[0], f.hub, 0, 1);
  EXPECT_TRUE(f.world.investors[0].contacts.empty());
}

TEST(InvestorTies, FundsAtAMeetupGetToKnowThePitchingFounders) {
  hub_fixture f({"hub.test.meetups.pitch_chance=1"});
  for (std::size_t s = 0; s < f.hub.startups.table.size(); ++s) f.hub.startups.seeking[s] = 1;
  meetups(f.ctx, f.hub, 3);
  ASSERT_GT(static_cast<double>(f.hub.counts.this_week(detail::counted::visiting_investors)), 0);
  const auto with_contacts =
      std::count_if(f.world.investors.begin(), f.world.investors.end(),
                    [](const investor_state& inv) { return !inv.contacts.empty(); });
  EXPECT_GE(static_cast<double>(with_contacts),
            static_cast<double>(f.hub.counts.this_week(detail::counted::visiting_investors)));
}

TEST(InvestorTies, AFundLeadsTheRoundOfAStartupItKnowsWithoutAMeetup) {
  hub_fixture f({"capital.contact_followup_per_week=1", "startups.round_bar_seed=0",
                 "startups.round_bar_step=1"});
  auto& st = f.hub.startups;
  const std::size_t s = 0;
  st.seeking[s] = 1;
  const auto stage_before = st.stage_of[s];
  std::size_t local = 0;  // a fund of the hub's own city, so no foreign wariness is drawn
  while (is_foreign(f.world.investors[local], f.hub) ||
         !leads_round_at(f.world.investors[local], stage_before))
    ++local;
  add_contact(f.ctx, f.world.investors[local], f.hub, s, 0);
  const double deals = f.world.investors[local].deals;
  deal_flow_through_ties(f.ctx, f.hub, 1);
  EXPECT_EQ(static_cast<double>(f.hub.counts.this_week(detail::counted::rounds_through_ties)), 1.0);
  EXPECT_EQ(f.world.investors[local].deals, deals + 1);
  EXPECT_GT(static_cast<int>(st.stage_of[s]), static_cast<int>(stage_before));
  EXPECT_NO_THROW(check_conservation(f.hub));
}

TEST(InvestorTies, WithoutFollowUpTiesBringNoRounds) {
  hub_fixture f({"capital.contact_followup_per_week=0", "startups.round_bar_seed=0"});
  f.hub.startups.seeking[0] = 1;
  add_contact(f.ctx, f.world.investors[0], f.hub, 0, 0);
  deal_flow_through_ties(f.ctx, f.hub, 1);
  EXPECT_EQ(static_cast<double>(f.hub.counts.this_week(detail::counted::rounds_through_ties)), 0.0);
}

TEST(InvestorTies, PortfolioFoundersIntroduceTheFoundersTheyKnow) {
  hub_fixture f;
  auto& e = f.hub.engineers;
  const std::size_t backed = 0;
  add_holding(f.hub, backed, 2, 1e6, 4e6);  // fund 2 holds a stake in startup 0
  const auto backed_founder = engine::agent_id::unpack(f.hub.startups.founder[backed]);
  const std::size_t newcomer = f.someone(place::unemployed);
  f.hub.ties.add_tie(backed_founder.index, e.table.id_at(newcomer).index, 1, 1.0f);
  const std::size_t s = create_startup(f.ctx, f.hub, newcomer, 1.0, 4);
  EXPECT_TRUE(knows(f.world.investors[2], f.hub, s));
  EXPECT_FALSE(knows(f.world.investors[1], f.hub, s));
}

TEST(Funding, GuidanceFundsCoInvestBesideADomesticVc) {
  hub_fixture f({"hub.test.government.local.guidance_share_of_round=0.2",
                 "hub.test.government.provincial.guidance_share_of_round=0.2"});
  auto& st = f.hub.startups;
  const std::size_t s = 0;
  st.route_of[s] = route::government;
  st.stage_of[s] = stage::idea;  // a seed round, well within the funds' yearly pace
  const double size = round_size(f.p.world, f.hub, s);
  const double guidance = money_from(f.hub, money_in::guidance),
               vc = money_from(f.hub, money_in::domestic_vc);
  ASSERT_TRUE(raise_round(f.ctx, f.hub, s, lead::guidance, 0, 5));
  EXPECT_NEAR(money_from(f.hub, money_in::guidance) - guidance, 0.4 * size, 1e-6 * size);
  EXPECT_NEAR(money_from(f.hub, money_in::domestic_vc) - vc, 0.6 * size, 1e-6 * size);
  EXPECT_EQ(static_cast<double>(f.hub.counts.this_week(detail::counted::coinvested_rounds)), 1.0);
  const auto& stakes = f.hub.holdings[st.table.id_at(s).index];
  ASSERT_GE(stakes.size(), 2u);
  const auto& vc_stake = stakes.back();
  ASSERT_GE(vc_stake.investor, 0);
  EXPECT_FALSE(is_foreign(f.world.investors[static_cast<std::size_t>(vc_stake.investor)], f.hub));
  EXPECT_NEAR(vc_stake.share, 1.5 * stakes[stakes.size() - 2].share,
              1e-9);  // 0.6 against 0.4 of the same post-money
  EXPECT_NO_THROW(check_conservation(f.hub));
}

TEST(Funding, GuidanceFundsThatPayTheWholeRoundNeedNoCoInvestor) {
  hub_fixture f({"hub.test.government.local.guidance_share_of_round=0.5",
                 "hub.test.government.provincial.guidance_share_of_round=0.5"});
  f.hub.startups.route_of[0] = route::government;
  const double vc = money_from(f.hub, money_in::domestic_vc);
  ASSERT_TRUE(raise_round(f.ctx, f.hub, 0, lead::guidance, 0, 5));
  EXPECT_EQ(money_from(f.hub, money_in::domestic_vc), vc);
  EXPECT_EQ(static_cast<double>(f.hub.counts.this_week(detail::counted::coinvested_rounds)), 0.0);
}

TEST(Funding, WithoutAnAbleCoInvestorTheGovernmentRoundIsSmaller) {
  hub_fixture f;
  for (auto& inv : f.world.investors) inv.capital_left = 0;
  f.hub.startups.route_of[0] = route::government;
  const double vc = money_from(f.hub, money_in::domestic_vc);
  ASSERT_TRUE(raise_round(f.ctx, f.hub, 0, lead::guidance, 0, 5));
  EXPECT_EQ(money_from(f.hub, money_in::domestic_vc), vc);
  EXPECT_EQ(static_cast<double>(f.hub.counts.this_week(detail::counted::coinvested_rounds)), 0.0);
  EXPECT_NO_THROW(check_conservation(f.hub));
}

TEST(ComputeMarket, VouchersRaiseStateTies) {
  const auto ties_after_vouchers = [](const char* per_million) {
    hub_fixture f({"hub.test.chips.foreign_stock_h100e=1e6",
                   "hub.test.government.local.voucher_budget_cny_per_year=1e12",
                   std::string("capital.voucher_state_tie_per_million=") + per_million});
    clear_compute_market(f.ctx, f.hub, 0);
    double total = 0;
    for (std::size_t s = 0; s < f.hub.startups.table.size(); ++s)
      total += f.hub.startups.state_tie[s];
    return total;
  };
  EXPECT_GT(ties_after_vouchers("0.5"), ties_after_vouchers("0"));
}

TEST(Returns, EachInvestorCityHasItsPortfolioFigures) {
  const auto run = testing::run_small();
  for (const char* city : {"test", "beijing"}) {
    const std::string prefix = std::string("investors_") + city + "_";
    const double invested = run.figure(prefix + "invested_cny", "");
    const double value = run.figure(prefix + "value_cny", "");
    EXPECT_GT(invested, 0) << city;
    EXPECT_GT(run.figure(prefix + "deals", ""), 0) << city;
    EXPECT_NEAR(run.figure(prefix + "multiple", ""), value / invested, 1e-9 * value / invested)
        << city;
  }
}

/// The values of column `name` of a snapshot, one per row.
std::vector<double> snapshot_column(const engine::agent_snapshot& snap, const std::string& name) {
  const auto k = static_cast<std::size_t>(
      std::find(snap.columns.begin(), snap.columns.end(), name) - snap.columns.begin());
  EXPECT_LT(k, snap.columns.size()) << name;
  std::vector<double> out;
  for (std::size_t at = k; at < snap.values.size(); at += snap.columns.size())
    out.push_back(snap.values[at]);
  return out;
}

const engine::agent_snapshot& snapshot_of(const std::vector<engine::agent_snapshot>& all,
                                          const std::string& kind) {
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const auto& s) { return s.kind == kind; });
  if (it == all.end()) throw std::out_of_range("no snapshot " + kind);
  return *it;
}

TEST(Returns, PortfolioSnapshotsAddUpToTheSummary) {
  simulation sim(testing::small_scenario({"ticks=104"}), {});
  sim.run();
  const auto snaps = sim.snapshots();
  const auto summary = sim.summary();
  const auto figure = [&](const std::string& name) {
    for (const auto& f : summary)
      if (f.name == name) return f.value.value_or(0.0);
    throw std::out_of_range(name);
  };
  const auto& funds = snapshot_of(snaps, "investor");
  const auto& stakes = snapshot_of(snaps, "test.holding");
  const auto city = snapshot_column(funds, "city");
  const auto invested = snapshot_column(funds, "invested_cny");
  const auto proceeds = snapshot_column(funds, "proceeds_cny");
  const auto held = snapshot_column(funds, "held_value_cny");
  const auto& cities = sim.params().world.investor_cities;
  ASSERT_EQ(cities.size(), 3u);
  for (std::size_t c = 0; c < cities.size(); ++c) {
    double in = 0, value = 0;
    for (std::size_t i = 0; i < city.size(); ++i)
      if (city[i] == static_cast<double>(c)) in += invested[i], value += proceeds[i] + held[i];
    std::string name = cities[c].name;
    EXPECT_NEAR(in, figure("investors_" + name + "_invested_cny"), 1e-6 * (1 + in)) << name;
    EXPECT_NEAR(value, figure("investors_" + name + "_value_cny"), 1e-6 * (1 + value)) << name;
  }
  // Every fund's held value is the sum of its stakes in the holding snapshot.
  const auto owner = snapshot_column(stakes, "investor");
  const auto stake_value = snapshot_column(stakes, "value_cny");
  std::vector<double> by_fund(city.size(), 0.0);
  bool guidance_seen = false;
  for (std::size_t k = 0; k < owner.size(); ++k) {
    if (owner[k] >= 0) by_fund[static_cast<std::size_t>(owner[k])] += stake_value[k];
    guidance_seen = guidance_seen || owner[k] == -1;
  }
  EXPECT_TRUE(guidance_seen);
  for (std::size_t i = 0; i < held.size(); ++i)
    EXPECT_NEAR(by_fund[i], held[i], 1e-6 * (1 + held[i])) << i;
  // Shares of one startup never exceed the whole of it.
  const auto slot = snapshot_column(stakes, "startup_slot");
  const auto share = snapshot_column(stakes, "share");
  std::map<double, double> owned;
  for (std::size_t k = 0; k < slot.size(); ++k) owned[slot[k]] += share[k];
  for (const auto& [s, total] : owned) EXPECT_LE(total, 1.0 + 1e-9) << "startup slot " << s;
}

}  // namespace
}  // namespace liangzhu::model
