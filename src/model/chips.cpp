// Chips and compute (ODD submodel "Compute market"). Demand in H100-equivalents comes from
// incumbents (growing) and startups (by team and stage). Supply is the installed stock, which
// wears out and is topped up from domestic output (national capacity x yield x performance,
// all growing; the hub buys its share) and from foreign vendors as far as the hub's
// export-control regime allows. The market clears each week: incumbents are served first,
// startups share what is left ("limited AI services"), the price rises with unmet demand, and
// compute vouchers pay part of startups' bills. Chip independence is the first date from which
// domestic supply covers a set share of demand for a set run of weeks.
#include <algorithm>

#include "ledger.hpp"
#include "mechanisms.hpp"

namespace liangzhu::model::detail {
namespace {

/// A quantity that starts at `initial` and closes half its gap to `final` every `half_life` years.
double converging(double initial, double final, double half_life, double years) {
  return final + (initial - final) * std::pow(0.5, years / half_life);
}

/// H100e of domestic chips the hub can buy this week.
double domestic_output(const context& ctx, const hub_state& hub, long tick) {
  const auto& w = ctx.p.world;
  const double years = static_cast<double>(tick) / ctx.ticks_per_year();
  const double dies = w.chips.domestic_capacity_dies_per_year *
                      std::pow(1.0 + w.chips.domestic_capacity_growth, years);
  const double yield = converging(w.chips.domestic_yield_initial, w.chips.domestic_yield_final,
                                  w.chips.domestic_progress_half_life_years, years);
  const double perf =
      converging(w.chips.domestic_performance_initial, w.chips.domestic_performance_final,
                 w.chips.domestic_progress_half_life_years, years);
  return dies * yield * perf * hub.p.chips.domestic_allocation_share / ctx.ticks_per_year();
}

double startup_need(const context& ctx, const hub_state& hub, std::size_t s) {
  const auto& w = ctx.p.world;
  return hub.startups.team[s] * w.startups.compute_per_engineer_h100e *
         std::pow(w.startups.compute_stage_factor, static_cast<int>(hub.startups.stage_of[s]));
}

/// Share of a compute bill vouchers pay for this startup (before caps and budgets).
double voucher_share(const hub_state& hub, double domestic_share, double yearly_bill) {
  double share = 0;
  for (const auto* g : {&hub.local.instruments, &hub.provincial.instruments}) {
    const double mixed = domestic_share * g->voucher_share_domestic +
                         (1 - domestic_share) * g->voucher_share_foreign;
    share += yearly_bill < hub.p.vouchers.small_contract_cny
                 ? std::max(mixed, g->voucher_share_small)
                 : mixed;
  }
  return std::min(share, hub.p.vouchers.stack_cap);
}

/// Vouchers for one week's bill: within the stacked share, the firm's yearly cap, and the
/// budgets of the two levels (local pays first, as Hangzhou's scheme is the city's).
double pay_vouchers(hub_state& hub, std::size_t s, double bill, double share) {
  auto& st = hub.startups;
  double want =
      std::min(bill * share, std::max(0.0, hub.p.vouchers.cap_per_firm_cny - st.voucher_year[s]));
  double paid = 0;
  for (auto* level : {&hub.local, &hub.provincial}) {
    const double part = std::min(want, level->voucher_left);
    level->voucher_left -= part;
    level->spent_voucher += part;
    want -= part;
    paid += part;
  }
  st.voucher_year[s] += paid;
  return paid;
}

void buy_chips(const context& ctx, hub_state& hub, long tick) {
  const double wear = 1.0 / (ctx.p.world.chips.compute_life_years * ctx.ticks_per_year());
  hub.foreign_stock *= 1.0 - wear;
  hub.domestic_stock *= 1.0 - wear;
  double gap = std::max(0.0, hub.compute_demand - hub.foreign_stock - hub.domestic_stock);
  // Buyers take all the domestic chips on offer first (the push for domestic alternatives),
  // then foreign chips within the export-control regime.
  const double domestic = std::min(gap, domestic_output(ctx, hub, tick));
  hub.domestic_stock += domestic;
  gap -= domestic;
  const double foreign_cap = hub.p.chips.foreign_supply_h100e_per_year / ctx.ticks_per_year() *
                             hub.foreign_supply_share * hub.foreign_performance;
  hub.foreign_stock += std::min(gap, foreign_cap);
}

}  // namespace

void clear_compute_market(const context& ctx, hub_state& hub, long tick) {
  const auto& w = ctx.p.world;
  auto& st = hub.startups;
  const double years = static_cast<double>(tick) / ctx.ticks_per_year();
  double incumbent_need = 0;
  for (auto& inc : hub.incumbents) {
    inc.compute_need = inc.p.compute_h100e * std::pow(1.0 + inc.p.compute_growth, years);
    incumbent_need += inc.compute_need;
  }
  double startup_total = 0;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    st.compute_need[s] = static_cast<float>(startup_need(ctx, hub, s));
    startup_total += st.compute_need[s];
  }
  hub.compute_demand = incumbent_need + startup_total;
  buy_chips(ctx, hub, tick);
  const double supply = hub.foreign_stock + hub.domestic_stock;
  hub.compute_unmet = std::max(0.0, hub.compute_demand - supply);
  const double unmet_share = hub.compute_demand > 0 ? hub.compute_unmet / hub.compute_demand : 0.0;
  hub.compute_price =
      w.chips.compute_price_cny_per_week * (1.0 + w.chips.compute_scarcity_price * unmet_share);

  // Incumbents first, pro rata among them; startups share the rest pro rata to need.
  const double to_incumbents = std::min(supply, incumbent_need);
  for (auto& inc : hub.incumbents)
    inc.compute_got = incumbent_need > 0 ? inc.compute_need * to_incumbents / incumbent_need : 0.0;
  const double left = supply - to_incumbents;
  const double served = startup_total > 0 ? std::min(1.0, left / startup_total) : 1.0;
  const double domestic_share = supply > 0 ? hub.domestic_stock / supply : 0.0;
  hub.startup_compute_need = startup_total;
  hub.startup_compute_got = 0;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    const double got = st.compute_need[s] * served;
    st.compute_got[s] = static_cast<float>(got);
    hub.startup_compute_got += got;
    const double bill = got * hub.compute_price;
    const double share = voucher_share(hub, domestic_share, bill * ctx.ticks_per_year());
    st.compute_cost[s] = bill;
    const double voucher = pay_vouchers(hub, s, bill, share);
    if (voucher > 0) {
      book_in(hub, s, money_in::voucher, voucher);
      // Vouchers are government money taken too ("state-tie score: rises with government money").
      st.state_tie[s] +=
          static_cast<float>(ctx.p.world.capital.voucher_state_tie_per_million * voucher / 1e6);
    }
  }

  hub.sums.add(summed::startup_compute_need_h100e, startup_total);
  hub.sums.add(summed::startup_compute_got_h100e, hub.startup_compute_got);
  hub.sums.add(summed::compute_price_cny, hub.compute_price);
  hub.counts.add(counted::market_weeks);

  // Chip independence: domestic supply covers the set share of demand, week after week.
  const bool covered = hub.compute_demand > 0 &&
                       hub.domestic_stock >= w.chips.independence_share * hub.compute_demand;
  hub.independence_streak = covered ? hub.independence_streak + 1 : 0;
  if (hub.independence_tick < 0 &&
      hub.independence_streak >= static_cast<long>(w.chips.independence_weeks)) {
    hub.independence_tick = tick - hub.independence_streak + 1;
    ctx.event(tick, hub, ctx.kinds.independence, 0, static_cast<double>(hub.independence_tick));
  }
}

}  // namespace liangzhu::model::detail
