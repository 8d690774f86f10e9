// Noncompete agreements: an engineer leaving an incumbent may be bound for a period (PRC Labor
// Contract Law art. 24: at most 2 years) during which the former employer pays monthly
// compensation (art. 23; 30% of the former wage by default). A bound engineer with an idea
// either waits for the end ("biding their time", founding.cpp) or founds anyway and risks a suit
// (litigate below). Courts' willingness to enforce is a hub parameter (0 in California).
#include "noncompete.hpp"

#include <algorithm>

#include "labour.hpp"
#include "ledger.hpp"
#include "mechanisms.hpp"

namespace liangzhu::model::detail {

double effective_enforcement(const hub_state& hub, std::size_t incumbent) {
  return hub.incumbents[incumbent].p.enforcement * hub.p.noncompete.enforceable;
}

bool is_restricted(const context&, const hub_state& hub, std::size_t row, long tick) {
  const auto& e = hub.engineers;
  return e.bound_until[row] > tick && effective_enforcement(hub, e.bound_by[row]) > 0;
}

std::int32_t binding_end(const context& ctx, const hub_state& hub, std::size_t row,
                         std::size_t former, long tick) {
  const auto& e = hub.engineers;
  const auto& inc = hub.incumbents[former];
  // The contract's clause is a property of this departure: the same stream answers whether the
  // engineer asks in advance (a startup weighing a hire) or actually leaves.
  auto r =
      ctx.rng(purpose::search, e.table.id_at(row).packed(), tick, substream::noncompete_clause);
  const double months = std::min(inc.p.noncompete_months, hub.p.noncompete.max_months);
  if (months <= 0 || !r.bernoulli(inc.p.noncompete_share)) return -1;
  return static_cast<std::int32_t>(tick + std::lround(months * ctx.ticks_per_year() / 12.0));
}

bool leaving_would_restrict(const context& ctx, const hub_state& hub, std::size_t row, long tick) {
  const auto& e = hub.engineers;
  if (e.where[row] != place::incumbent) return false;
  return effective_enforcement(hub, e.employer[row]) > 0 &&
         binding_end(ctx, hub, row, e.employer[row], tick) > tick;
}

void maybe_bind(const context& ctx, hub_state& hub, std::size_t row, std::size_t former,
                long tick) {
  const std::int32_t until = binding_end(ctx, hub, row, former, tick);
  if (until < 0) return;
  hub.engineers.bound_until[row] = as_week(until);
  set_member(hub, row_set::bound, row, true);
  hub.engineers.bound_by[row] = static_cast<std::uint16_t>(former);
}

void pay_noncompete_compensation(const context& ctx, hub_state& hub, long tick) {
  auto& e = hub.engineers;
  // Compensation is due for every week of the binding, from the former employer, whatever the
  // engineer does meanwhile; its base is the market wage of the engineer's skill.
  std::vector<double> paid(hub.incumbents.size(), 0.0);
  for (const std::size_t row : rows_in(hub, row_set::bound)) {
    if (e.bound_until[row] <= tick) {  // the binding has ended
      set_member(hub, row_set::bound, row, false);
      continue;
    }
    paid[e.bound_by[row]] +=
        hub.p.noncompete.compensation_share * market_wage(hub, e.skill[row]) / ctx.ticks_per_year();
  }
  for (std::size_t i = 0; i < paid.size(); ++i) {
    hub.incumbents[i].noncompete_paid += paid[i];
    hub.sums.add(summed::noncompete_compensation_cny, paid[i]);
  }
}

void litigate(const context& ctx, hub_state& hub, long tick) {
  auto& st = hub.startups;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    if (st.suit_tick[s] != tick) continue;
    auto r = ctx.rng(purpose::litigation, st.table.id_at(s).packed(), tick);
    const bool won = r.bernoulli(hub.p.noncompete.suit_win_rate);
    const double damages =
        won ? std::min(hub.p.noncompete.litigation_damages_cny, std::max(0.0, st.cash[s])) : 0.0;
    if (damages > 0) book_out(hub, s, money_out::damages, damages);
    hub.counts.add(counted::litigations);
    ctx.event(tick, hub, ctx.kinds.litigation, st.table.id_at(s).packed(), damages);
  }
}

void schedule_suit(const context& ctx, hub_state& hub, std::size_t s, std::size_t founder_row,
                   long tick) {
  auto& st = hub.startups;
  const auto& e = hub.engineers;
  const std::size_t former = e.bound_by[founder_row];
  st.founded_bound[s] = 1;
  st.bound_by[s] = static_cast<std::uint16_t>(former);
  auto r = ctx.rng(purpose::litigation, st.table.id_at(s).packed(), tick);
  // The former employer sues with the enforcement probability, at a uniform time within the
  // rest of the binding.
  if (!r.bernoulli(effective_enforcement(hub, former))) return;
  const long left = std::max(1L, static_cast<long>(e.bound_until[founder_row]) - tick);
  st.suit_tick[s] = static_cast<std::int32_t>(
      tick + 1 + static_cast<long>(r.below(static_cast<std::uint64_t>(left))));
}

}  // namespace liangzhu::model::detail
