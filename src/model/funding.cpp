// Funding (ODD submodel "Funding and the founder's choice"). A startup short of runway seeks its
// next round. Domestic VCs meet it at meetups (meetups.cpp); government guidance funds back
// government-route startups and raise their state-tie score; foreign VCs fund mostly offshore
// startups, warily: "You either take government funding and stay focused on China, or raise
// enough on your own to open an office in Singapore or elsewhere. Most people can't afford the
// second route."
#include "funding.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <span>
#include <vector>

#include "ledger.hpp"
#include "mechanisms.hpp"
#include "startups.hpp"

namespace liangzhu::model::detail {
namespace {

double offshore_cost(const context& ctx) {
  return ctx.p.world.capital.offshore_cost_cny *
         (1.0 + ctx.p.world.capital.offshore_tension_cost * ctx.world.tension);
}

double guidance_share(const hub_state& hub) {
  return std::min(1.0, hub.local.instruments.guidance_share_of_round +
                           hub.provincial.instruments.guidance_share_of_round);
}

/// Pays each level's share of a round of `size` from its guidance fund (as far as the fund's
/// capital and yearly pace allow); returns the amount.
double pay_guidance(hub_state& hub, double size) {
  double paid = 0;
  for (auto* level : {&hub.local, &hub.provincial}) {
    const double part = std::min({level->guidance_left, level->guidance_year_left,
                                  size * level->instruments.guidance_share_of_round});
    level->guidance_left -= part;
    level->guidance_year_left -= part;
    level->invested_guidance += part;
    paid += part;
  }
  return paid;
}

/// A domestic fund to invest `amount` beside the guidance funds in the round of startup `s`,
/// among those that take part in rounds at its stage and have the capital and the pace left: one
/// drawn at random among those that know the startup if any does, else among all of them. None:
/// the round is smaller.
std::optional<std::size_t> find_coinvestor(const context& ctx, const hub_state& hub, std::size_t s,
                                           double amount, long tick) {
  const auto& st = hub.startups;
  const auto id = st.table.id_at(s).packed();
  std::vector<std::size_t> able, knowing;
  for (std::size_t i = 0; i < ctx.world.investors.size(); ++i) {
    const auto& inv = ctx.world.investors[i];
    if (is_foreign(inv, hub) || !leads_round_at(inv, st.stage_of[s]) || inv.capital_left < amount ||
        inv.deals_this_year >= inv.deals_per_year)
      continue;
    const bool knows = std::any_of(
        inv.contacts.begin(), inv.contacts.end(),
        [&](const investor_contact& c) { return c.startup == id && c.hub == hub.index; });
    (knows ? knowing : able).push_back(i);
  }
  const auto& pool = knowing.empty() ? able : knowing;
  if (pool.empty()) return std::nullopt;
  auto r = ctx.rng(purpose::coinvestor, id, tick);
  return pool[r.below(pool.size())];
}

/// Takes `amount` from fund `i` for a stake in startup `s`.
void invest(const context& ctx, hub_state& hub, std::size_t s, std::size_t i, money_in source,
            double amount) {
  auto& inv = ctx.world.investors[i];
  inv.capital_left -= amount;
  inv.invested += amount;
  inv.deals += 1;
  inv.deals_this_year += 1;
  book_in(hub, s, source, amount);
}

}  // namespace

std::vector<std::size_t> fund_order(const context& ctx, const hub_state& hub, fund_phase phase,
                                    long tick) {
  std::vector<std::size_t> order(ctx.world.investors.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto r = ctx.rng(purpose::fund_order,
                   engine::mix_subject(hub.index, static_cast<std::uint64_t>(phase)), tick);
  r.shuffle(std::span<std::size_t>(order));
  return order;
}

double pitch_signal(const context& ctx, const hub_state& hub, std::size_t s) {
  const auto& st = hub.startups;
  // One impression per startup and stage: every investor reads the same deck, so pitching again
  // does not help until the capability behind it has grown.
  auto r = ctx.rng(purpose::pitch_impression, st.table.id_at(s).packed(),
                   static_cast<long>(st.stage_of[s]));
  return st.capability[s] * r.lognormal_median(1.0, ctx.p.world.startups.pitch_noise);
}

double foreign_appetite(const context& ctx, const hub_state& hub, double state_tie) {
  const auto& w = ctx.p.world;
  return w.capital.foreign_base_appetite *
         std::exp(-w.capital.foreign_state_tie_wariness * hub.p.funding.state_tie_stigma *
                  state_tie) *
         std::max(0.0, 1.0 - w.capital.foreign_tension_wariness * ctx.world.tension);
}

void pay_offshore_office(const context& ctx, hub_state& hub, std::size_t s) {
  book_out(hub, s, money_out::offshore, offshore_cost(ctx));
}

void decide_route(const context& ctx, hub_state& hub, std::size_t s, double incoming, long tick) {
  auto& st = hub.startups;
  if (st.route_of[s] != route::undecided || !hub.p.funding.government_route) return;
  const auto& w = ctx.p.world;
  const double cost = offshore_cost(ctx);
  const double next = stage_round_size(
      w, hub,
      static_cast<stage>(std::min<int>(static_cast<int>(st.stage_of[s]) + 1, stage_count - 1)));
  const double value_offshore =
      foreign_appetite(ctx, hub, 0.0) * next - cost + w.capital.route_preference_offshore;
  const double value_government = guidance_share(hub) * next;
  const bool affordable = st.cash[s] + incoming >= cost;
  auto r = ctx.rng(purpose::funding_choice, st.table.id_at(s).packed(), tick);
  const double scale = ctx.p.world.capital.route_choice_noise * next;
  const double p_offshore = 1.0 / (1.0 + std::exp(-(value_offshore - value_government) / scale));
  const bool prefers_offshore =
      r.bernoulli(p_offshore);  // drawn either way, to count who is priced out
  if (affordable) hub.counts.add(counted::could_afford_offshore);
  if (!affordable && prefers_offshore) hub.counts.add(counted::priced_out_of_offshore);
  if (affordable && prefers_offshore) {
    st.route_of[s] = route::offshore;
    hub.counts.add(counted::chose_offshore);
  } else {
    st.route_of[s] = route::government;
    hub.counts.add(counted::chose_government);
  }
}

bool raise_round(const context& ctx, hub_state& hub, std::size_t s, lead who, std::size_t investor,
                 long tick) {
  auto& st = hub.startups;
  const auto& w = ctx.p.world;
  const double size = round_size(w, hub, s);
  const route before = st.route_of[s];
  // The lead's part, then (government rounds) the part a domestic fund co-invests.
  double amount = 0;
  std::optional<std::size_t> coinvestor;
  double coinvested = 0;
  if (who == lead::guidance) {
    amount = pay_guidance(hub, size);
    if (amount <= 0) return false;
    book_in(hub, s, money_in::guidance, amount);
    st.state_tie[s] += static_cast<float>(w.capital.guidance_state_tie);
    const double rest = size * (1.0 - guidance_share(hub));
    if (rest > 0 && (coinvestor = find_coinvestor(ctx, hub, s, rest, tick))) {
      coinvested = rest;
      invest(ctx, hub, s, *coinvestor, money_in::domestic_vc, coinvested);
      hub.counts.add(counted::coinvested_rounds);
    }
  } else {
    auto& inv = ctx.world.investors[investor];
    if (inv.capital_left < size || inv.deals_this_year >= inv.deals_per_year) return false;
    // Whether the round on offer may pay for the Singapore office ("raise enough on your own").
    const office_payer rule = w.capital.office_paid_from_round;
    const bool round_pays =
        rule == office_payer::any || (rule == office_payer::foreign && who == lead::foreign_vc);
    decide_route(ctx, hub, s, round_pays ? size : 0.0, tick);
    amount = size;
    invest(ctx, hub, s, investor,
           who == lead::foreign_vc ? money_in::foreign_vc : money_in::domestic_vc, amount);
    if (before == route::undecided && st.route_of[s] == route::offshore)
      pay_offshore_office(ctx, hub, s);
  }
  const double total = amount + coinvested;
  // The floor on the price is a multiple of the stage's usual round, so that a round sized on the
  // valuation prices the company at its valuation (no ratchet from one round to the next).
  const double pre =
      std::max(st.valuation[s], std::min(total, stage_round_size(w, hub, st.stage_of[s])) *
                                    ctx.p.world.capital.min_pre_money_multiple);
  dilute_holdings(hub, s, total / (pre + total));  // the new shares dilute every earlier stake
  const auto investor_id =
      who == lead::guidance ? holder::guidance_funds : static_cast<std::int64_t>(investor);
  add_holding(hub, s, investor_id, amount, pre + total);
  if (coinvestor)
    add_holding(hub, s, static_cast<std::int64_t>(*coinvestor), coinvested, pre + total);
  st.stage_of[s] =
      static_cast<stage>(std::min<int>(static_cast<int>(st.stage_of[s]) + 1, stage_count - 1));
  st.last_round[s] = static_cast<std::int32_t>(tick);
  st.post_money[s] = pre + total;
  st.valuation[s] = std::max(st.valuation[s], pre + total);
  st.seeking[s] = 0;
  hub.counts.add(counted::rounds);
  const auto kind = who == lead::guidance     ? ctx.kinds.round_guidance
                    : who == lead::foreign_vc ? ctx.kinds.round_foreign_vc
                                              : ctx.kinds.round_domestic_vc;
  ctx.event(tick, hub, kind, st.table.id_at(s).packed(), total);
  ctx.event(tick, hub, ctx.kinds.valuation, st.table.id_at(s).packed(), pre + total);
  ctx.event(tick, hub, ctx.kinds.round_stage, st.table.id_at(s).packed(),
            static_cast<double>(st.stage_of[s]));
  return true;
}

void guidance_rounds(const context& ctx, hub_state& hub, long tick) {
  if (!hub.p.funding.government_route) return;
  auto& st = hub.startups;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    if (!st.seeking[s] || st.route_of[s] == route::offshore) continue;
    auto r = ctx.rng(purpose::guidance_round, st.table.id_at(s).packed(), tick);
    if (!r.bernoulli(ctx.p.world.capital.guidance_screening_per_week)) continue;
    if (pitch_signal(ctx, hub, s) <
        ctx.p.world.capital.guidance_bar_factor * round_bar(ctx.p.world, st.stage_of[s]))
      continue;
    decide_route(ctx, hub, s, 0.0, tick);
    if (st.route_of[s] == route::offshore)
      pay_offshore_office(ctx, hub, s);
    else
      raise_round(ctx, hub, s, lead::guidance, 0, tick);
  }
}

void foreign_office_rounds(const context& ctx, hub_state& hub, long tick) {
  std::vector<std::size_t> foreign;
  for (std::size_t i = 0; i < ctx.world.investors.size(); ++i)
    if (is_foreign(ctx.world.investors[i], hub)) foreign.push_back(i);
  if (foreign.empty()) return;
  auto& st = hub.startups;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    if (!st.seeking[s] || st.route_of[s] != route::offshore) continue;
    auto r = ctx.rng(purpose::foreign_round, st.table.id_at(s).packed(), tick);
    if (!r.bernoulli(ctx.p.world.capital.offshore_screening_per_week *
                     foreign_appetite(ctx, hub, st.state_tie[s])))
      continue;
    if (pitch_signal(ctx, hub, s) < round_bar(ctx.p.world, st.stage_of[s])) continue;
    const std::size_t i = foreign[r.below(foreign.size())];
    if (leads_round_at(ctx.world.investors[i], st.stage_of[s]))
      raise_round(ctx, hub, s, lead::foreign_vc, i, tick);
  }
}

}  // namespace liangzhu::model::detail
