// Startup lifecycle (ODD submodel "Startups"): capability grows with team skill, effective
// compute (compute x efficiency) and idea quality, and wears out; revenue follows capability;
// the startup pays wages, compute, the offshore office and other costs, and profit tax less the
// tax break; investors value it on revenue and capability; it seeks a round when its runway is
// short, fails when it cannot pay, breaks out as a "tiger" above a valuation, and may be
// acquired by an incumbent.
#include <algorithm>

#include "ledger.hpp"
#include "mechanisms.hpp"
#include "startups.hpp"

namespace liangzhu::model::detail {
namespace {

void grow_capability(const context& ctx, hub_state& hub, std::size_t s) {
  const auto& w = ctx.p.world;
  auto& st = hub.startups;
  const double effective_compute = st.compute_got[s] * st.efficiency[s];
  const double growth = w.startups.capability_rate * st.idea[s] *
                        std::sqrt(std::max(0.0f, st.team_skill[s])) *
                        std::pow(1.0 + effective_compute, w.startups.compute_elasticity);
  st.capability[s] =
      st.capability[s] * (1.0 - w.startups.capability_decay_per_year / ctx.ticks_per_year()) +
      growth;
}

void pay_tax(const context&, hub_state& hub, std::size_t s, double profit) {
  if (profit <= 0) return;
  const double breaks =
      std::min(hub.p.costs.profit_tax_rate,
               hub.local.instruments.tax_break + hub.provincial.instruments.tax_break);
  const double tax = profit * (hub.p.costs.profit_tax_rate - breaks);
  book_out(hub, s, money_out::tax, tax);
  hub.sums.add(summed::tax_revenue_cny, tax);
  const double forgone = profit * breaks;
  const double local_part =
      breaks > 0 ? std::min(hub.local.instruments.tax_break, breaks) / breaks : 0.0;
  hub.local.tax_expenditure += forgone * local_part;
  hub.provincial.tax_expenditure += forgone * (1.0 - local_part);
}

/// One week of a startup's operations; returns false if it cannot pay and fails.
bool operate(const context& ctx, hub_state& hub, std::size_t s, long tick) {
  const auto& w = ctx.p.world;
  auto& st = hub.startups;
  const double tpy = ctx.ticks_per_year();
  grow_capability(ctx, hub, s);
  const bool offshore = st.route_of[s] == route::offshore;
  const double revenue = std::max(0.0, st.capability[s] - w.startups.revenue_threshold) *
                         w.startups.revenue_per_capability_cny_per_year / tpy *
                         (offshore ? 1.0 + w.startups.offshore_market_bonus : 1.0);
  const double wages = st.wage_bill[s] / tpy;
  const double costs = wages * ctx.p.world.startups.overhead_share * hub.p.costs.level;
  const double office = offshore ? w.capital.offshore_burn_cny_per_year / tpy : 0.0;
  const double burn = wages + costs + office + st.compute_cost[s];
  st.burn[s] = burn;
  st.revenue[s] = revenue;
  if (st.cash[s] + revenue < burn) return false;
  book_in(hub, s, money_in::revenue, revenue);
  book_out(hub, s, money_out::wages, wages);
  book_out(hub, s, money_out::costs, costs);
  book_out(hub, s, money_out::offshore, office);
  book_out(hub, s, money_out::compute, st.compute_cost[s]);
  pay_tax(ctx, hub, s, revenue - burn);
  st.valuation[s] = w.startups.valuation_revenue_multiple * revenue * tpy +
                    w.startups.valuation_per_capability_cny * st.capability[s];
  if (!st.breakout[s] && st.valuation[s] >= w.startups.tiger_valuation_cny) {
    st.breakout[s] = 1;
    hub.counts.add(counted::tigers);
    ctx.event(tick, hub, ctx.kinds.tiger, st.table.id_at(s).packed(), st.valuation[s]);
  }
  const double net_burn = std::max(1.0, burn - revenue);
  st.seeking[s] =
      st.stage_of[s] == stage::idea || st.cash[s] / net_burn < w.startups.runway_trigger_weeks;
  return true;
}

}  // namespace

void operate_startups(const context& ctx, hub_state& hub, long tick) {
  auto& st = hub.startups;
  std::vector<std::size_t> failing;
  for (std::size_t s = 0; s < st.table.size(); ++s)
    if (!operate(ctx, hub, s, tick)) failing.push_back(s);
  // Highest rows first: ending a startup moves the last row into its place.
  for (auto it = failing.rbegin(); it != failing.rend(); ++it)
    end_startup(ctx, hub, *it, exit_kind::failure, 0, 0.0, tick);
}

void acquisitions(const context& ctx, hub_state& hub, long tick) {
  auto& st = hub.startups;
  const auto& w = ctx.p.world;
  for (std::size_t i = 0; i < hub.incumbents.size(); ++i) {
    auto r = ctx.rng(purpose::acquisition, hub_subject(hub, i), tick);
    const auto deals = r.poisson(hub.incumbents[i].p.acquisitions_per_year / 4);
    for (std::uint64_t d = 0; d < deals; ++d) {
      std::vector<double> cumulative;
      double total = 0;
      for (std::size_t s = 0; s < st.table.size(); ++s) {
        const bool eligible = st.stage_of[s] != stage::idea && !st.breakout[s];
        const double distress = st.seeking[s] ? 1.0 + w.startups.acquisition_distress_bonus : 1.0;
        cumulative.push_back(total += eligible ? std::max(0.0, st.capability[s]) * distress : 0.0);
      }
      if (total <= 0) break;
      const double x = r.uniform() * total;
      const auto s = static_cast<std::size_t>(
          std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
      end_startup(ctx, hub, s, exit_kind::acquisition, i, st.valuation[s], tick);
    }
  }
}

}  // namespace liangzhu::model::detail
