// Startup lifecycle (ODD submodel "Startups"): capability grows multiplicatively (Gibrat) at a
// rate set by idea quality, the team's skill, how much of its wanted team it has and how much of
// the compute it wants it gets, less obsolescence, with idiosyncratic shocks; revenue follows
// capability; the startup pays wages, compute, the offshore office and other costs, and profit
// tax less the tax break; investors value it on revenue and capability; it seeks a round when its
// runway is short, fails when its cash runs out, breaks out as a "tiger" above a valuation, may
// list on an exchange, and may be acquired by an incumbent.
#include <algorithm>

#include "labour.hpp"
#include "ledger.hpp"
#include "mechanisms.hpp"
#include "startups.hpp"

namespace liangzhu::model::detail {
namespace {

/// Compute got (times the efficiency of the startup's methods) over compute wanted, at most 1:
/// efficiency lets a starved startup do more with what it gets, but compute beyond its plan does
/// not speed it up.
double compute_fulfilment(const startup_table& st, std::size_t s) {
  if (st.compute_need[s] <= 0) return 1.0;
  return std::min(1.0, static_cast<double>(st.compute_got[s]) * st.efficiency[s] /
                           static_cast<double>(st.compute_need[s]));
}

/// The yearly log-growth rate of the startup's capability before shocks.
double capability_drift(const world_params& w, const startup_table& st, std::size_t s) {
  const double team = std::max<double>(1, st.team[s]);
  const double skill = std::max(0.0, static_cast<double>(st.team_skill[s]) / team);
  const double team_fill = std::min(1.0, team / wanted_team(w, st, s));
  return w.startups.capability_growth_per_year *
             std::pow(static_cast<double>(st.idea[s]), w.startups.capability_idea_elasticity) *
             std::sqrt(skill) * std::pow(team_fill, w.startups.team_fill_elasticity) *
             std::pow(compute_fulfilment(st, s), w.startups.compute_elasticity) -
         w.startups.capability_decay_per_year -
         w.startups.capability_size_drag * std::log(std::max(1.0, st.capability[s]));
}

void grow_capability(const context& ctx, hub_state& hub, std::size_t s, long tick) {
  const auto& w = ctx.p.world;
  auto& st = hub.startups;
  const double dt = 1.0 / ctx.ticks_per_year();
  auto r = ctx.rng(purpose::capability_shock, st.table.id_at(s).packed(), tick);
  const double shock = r.normal(0.0, w.startups.capability_volatility * std::sqrt(dt));
  st.capability[s] *= std::exp(capability_drift(w, st, s) * dt + shock);
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

/// What investors take the startup to be worth: its fundamental value (revenue and capability),
/// or its last round's price as far as it has not been written down since (private companies
/// are marked at their last round; a 'tiger' is a startup whose valuation passes a bar).
double valuation(const context& ctx, const startup_table& st, std::size_t s, double revenue,
                 long tick) {
  const auto& w = ctx.p.world;
  const double fundamental = w.startups.valuation_revenue_multiple * revenue +
                             w.startups.valuation_per_capability_cny * st.capability[s];
  if (st.last_round[s] < 0 || st.listed[s]) return fundamental;
  const double years = static_cast<double>(tick - st.last_round[s]) / ctx.ticks_per_year();
  return std::max(fundamental,
                  st.post_money[s] * std::exp(-w.startups.mark_writedown_per_year * years));
}

/// One week of a startup's operations; returns false if it cannot pay and fails.
bool operate(const context& ctx, hub_state& hub, std::size_t s, long tick) {
  const auto& w = ctx.p.world;
  auto& st = hub.startups;
  const double tpy = ctx.ticks_per_year();
  grow_capability(ctx, hub, s, tick);
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
  st.valuation[s] = valuation(ctx, st, s, revenue * tpy, tick);
  if (!st.breakout[s] && st.valuation[s] >= w.startups.tiger_valuation_cny) {
    st.breakout[s] = 1;
    hub.counts.add(counted::tigers);
    ctx.event(tick, hub, ctx.kinds.tiger, st.table.id_at(s).packed(), st.valuation[s]);
  }
  const double net_burn = std::max(1.0, burn - revenue);
  // A listed company raises on the public market, not in rounds.
  st.seeking[s] = !st.listed[s] && (st.stage_of[s] == stage::idea ||
                                    st.cash[s] / net_burn < w.startups.runway_trigger_weeks);
  return true;
}

}  // namespace

/// A startup whose capability fell well below what its team was hired for lets the excess go,
/// the latest hires first.
void shed_staff(const context& ctx, hub_state& hub, std::size_t s) {
  auto& st = hub.startups;
  constexpr double overstaffed = 1.25;  // slack before a startup cuts (hiring and firing cost)
  const double wanted = wanted_team(ctx.p.world, st, s);
  if (st.team[s] <= overstaffed * wanted) return;
  auto& roster = hub.roster[st.table.id_at(s).index];
  for (std::size_t k = roster.size(); k-- > 0 && st.team[s] > wanted;) {
    const std::size_t row = hub.engineers.table.row_of_slot(roster[k]);
    if (hub.engineers.where[row] != place::startup) continue;  // founders stay
    leave_place(hub, row);
    hub.counts.add(counted::laid_off);
  }
}

void operate_startups(const context& ctx, hub_state& hub, long tick) {
  auto& st = hub.startups;
  std::vector<std::size_t> failing;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    if (!operate(ctx, hub, s, tick)) {
      failing.push_back(s);
      continue;
    }
    shed_staff(ctx, hub, s);
  }
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
        const bool eligible = st.stage_of[s] != stage::idea && !st.breakout[s] && !st.listed[s];
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

/// Where a listing goes: government-route startups mostly to Shanghai's STAR Market, offshore
/// ones to the US as far as tension lets them, the rest to Hong Kong.
counted listing_venue(const context& ctx, const hub_state& hub, std::size_t s,
                      engine::rng_stream& r) {
  const auto& w = ctx.p.world;
  if (hub.startups.route_of[s] == route::offshore) {
    const double us = w.startups.ipo_us_share *
                      std::max(0.0, 1.0 - w.capital.foreign_tension_wariness * ctx.world.tension);
    return r.bernoulli(us) ? counted::listed_us : counted::listed_hong_kong;
  }
  if (hub.p.country != country_code::china)  // a hub outside China lists at home
    return hub.p.country == country_code::us ? counted::listed_us : counted::listed_hong_kong;
  return r.bernoulli(w.startups.ipo_star_share) ? counted::listed_star : counted::listed_hong_kong;
}

void list_startups(const context& ctx, hub_state& hub, long tick) {
  const auto& w = ctx.p.world;
  auto& st = hub.startups;
  const double chance = ctx.per_tick(w.startups.ipo_per_year);
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    if (st.listed[s] || st.valuation[s] < w.startups.ipo_valuation_cny ||
        st.revenue[s] * ctx.ticks_per_year() < w.startups.ipo_min_revenue_cny_per_year)
      continue;
    auto r = ctx.rng(purpose::listing, st.table.id_at(s).packed(), tick);
    if (!r.bernoulli(chance)) continue;
    const counted venue = listing_venue(ctx, hub, s, r);
    // Investors' stakes are realised at the market value (lock-ups are not modelled); the company
    // sells new shares for fresh money and carries on as a listed firm.
    const double value = st.valuation[s];
    realise_stakes(ctx, hub, s, value, exit_terms::listing);
    const double raised = value * w.startups.ipo_raise_share;
    book_in(hub, s, money_in::public_market, raised);
    hub.sums.add(summed::listing_raised_cny, raised);
    st.listed[s] = 1;
    st.seeking[s] = 0;
    hub.counts.add(counted::listed);
    hub.counts.add(venue);
    ctx.event(tick, hub, ctx.kinds.listing, st.table.id_at(s).packed(), value);
  }
}

}  // namespace liangzhu::model::detail
