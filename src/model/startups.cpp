#include "startups.hpp"

#include <algorithm>

#include "liangzhu/model/liquidation.hpp"

#include "investor_ties.hpp"
#include "labour.hpp"
#include "ledger.hpp"

namespace liangzhu::model::detail {

namespace {

double stage_size_at_reference_wage(const world_params& w, stage s) {
  switch (s) {
    case stage::idea:
      return w.startups.round_seed_cny;
    case stage::seed:
      return w.startups.round_a_cny;
    case stage::a:
      return w.startups.round_b_cny;
    case stage::b:
    case stage::growth:
      return w.startups.round_growth_cny;
  }
  return w.startups.round_growth_cny;
}

}  // namespace

double stage_round_size(const world_params& w, const hub_state& hub, stage s) {
  // A round pays for a planned runway of the team: where and when engineers cost less, so does
  // the round (otherwise a 2015 startup's series A would last years longer than a 2025 one's).
  const double reference = w.startups.round_wage_cny_per_year;
  const double scale = reference > 0 ? market_wage(hub, 1.0) / reference : 1.0;
  return stage_size_at_reference_wage(w, s) * scale;
}

double round_size(const world_params& w, const hub_state& hub, std::size_t s) {
  const auto& st = hub.startups;
  const double d = w.startups.round_dilution;
  return std::max(stage_round_size(w, hub, st.stage_of[s]), st.valuation[s] * d / (1.0 - d));
}

std::size_t create_startup(const context& ctx, hub_state& hub, std::size_t founder_row, double idea,
                           long tick) {
  auto& st = hub.startups;
  const auto& e = hub.engineers;
  const auto id = st.table.create();
  const std::size_t s = st.table.row(id);
  if (hub.roster.size() < st.table.slot_count()) {
    hub.roster.resize(st.table.slot_count());
    hub.holdings.resize(st.table.slot_count());
  }
  hub.roster[id.index].clear();
  hub.holdings[id.index].clear();
  const auto founder_id = e.table.id_at(founder_row);
  st.founder[s] = founder_id.packed();
  st.founded[s] = static_cast<std::int32_t>(tick);
  st.idea[s] = static_cast<float>(idea);
  st.capability[s] = ctx.p.world.startups.capability_initial * idea;
  join_startup(hub, founder_row, s,
               startup_wage(hub, e.skill[founder_row]) * ctx.p.world.startups.founder_wage_share,
               true);
  book_founder_savings(ctx, hub, s, founder_row, tick);
  introduce_to_portfolio_investors(ctx, hub, s, tick);
  if (tick >= 0) {  // cohorts follow startups founded during the run
    const auto year = static_cast<std::size_t>(static_cast<double>(tick) / ctx.ticks_per_year());
    if (hub.cohort_founded.size() <= year) {
      hub.cohort_founded.resize(year + 1, 0.0);
      hub.cohort_alive.resize(year + 1, 0.0);
    }
    hub.cohort_founded[year] += 1;
    hub.cohort_alive[year] += 1;
  }
  return s;
}

void book_founder_savings(const context& ctx, hub_state& hub, std::size_t s, std::size_t row,
                          long tick) {
  auto r = ctx.rng(purpose::founding, hub.engineers.table.id_at(row).packed(), tick);
  book_in(hub, s, money_in::founder,
          r.lognormal_median(ctx.p.world.capital.founder_savings_median_cny,
                             ctx.p.world.capital.founder_savings_sigma));
}

void add_holding(hub_state& hub, std::size_t s, std::int64_t investor, double amount,
                 double post_money) {
  const auto slot = hub.startups.table.id_at(s).index;
  hub.holdings[slot].push_back({investor, amount, post_money > 0 ? amount / post_money : 0.0});
}

void dilute_holdings(hub_state& hub, std::size_t s, double sold) {
  for (auto& h : hub.holdings[hub.startups.table.id_at(s).index])
    h.share *= 1.0 - std::clamp(sold, 0.0, 1.0);
}

double realise_stakes(const context& ctx, hub_state& hub, std::size_t s, double value,
                      exit_terms terms) {
  const auto slot = hub.startups.table.id_at(s).index;
  auto& holdings = hub.holdings[slot];
  std::vector<preferred_stake> stakes;
  stakes.reserve(holdings.size());
  for (const auto& h : holdings) stakes.push_back({h.invested, h.share});
  const double preference =
      terms == exit_terms::sale ? ctx.p.world.capital.liquidation_preference : 0.0;
  const auto payouts = liquidation_payouts(stakes, value, preference);
  double paid = 0;
  for (std::size_t k = 0; k < holdings.size(); ++k) {
    const auto& h = holdings[k];
    const double proceeds = payouts[k];
    if (holder::is_fund(h.investor)) {
      auto& fund = ctx.world.investors[static_cast<std::size_t>(h.investor)];
      fund.proceeds += proceeds;
      // Part of what comes back may be invested again this year (recycling).
      fund.capital_left += proceeds * ctx.p.world.capital.proceeds_recycled_share;
    }
    ctx.world.exit_values.push_back(proceeds);
    hub.sums.add(summed::exit_value_cny, proceeds);
    paid += proceeds;
  }
  holdings.clear();
  return paid;
}

void end_startup(const context& ctx, hub_state& hub, std::size_t s, exit_kind how,
                 std::size_t acquirer, double price, long tick) {
  auto& st = hub.startups;
  const auto id = st.table.id_at(s);
  // Team members leave in roster order (deterministic).
  const auto members = hub.roster[id.index];
  for (const auto member_slot : members) {
    const std::size_t row = hub.engineers.table.row_of_slot(member_slot);
    const double skill = hub.engineers.skill[row];
    leave_place(hub, row);
    hub.engineers.open_founder[row] = 0;
    set_member(hub, row_set::open_founder, row, false);
    if (how == exit_kind::acquisition)
      join_incumbent(hub, row, acquirer, incumbent_wage(hub, acquirer, skill));
  }
  realise_stakes(ctx, hub, s, how == exit_kind::acquisition ? price : 0.0, exit_terms::sale);
  hub.sums.add(summed::exited_cash_cny, st.cash[s]);
  if (st.founded[s] >= 0) {
    const auto year =
        static_cast<std::size_t>(static_cast<double>(st.founded[s]) / ctx.ticks_per_year());
    if (year < hub.cohort_alive.size()) hub.cohort_alive[year] -= 1;
  }
  if (how == exit_kind::failure) {
    hub.counts.add(counted::failed);
    ctx.event(tick, hub, ctx.kinds.failure, id.packed(), st.cash[s]);
  } else {
    hub.counts.add(counted::acquired);
    hub.incumbents[acquirer].acquisitions += 1;
    hub.incumbents[acquirer].spent_on_acquisitions += price;
    ctx.event(tick, hub, ctx.kinds.acquisition, id.packed(), price);
  }
  st.table.destroy(id);
}

}  // namespace liangzhu::model::detail
