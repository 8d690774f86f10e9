// Poaching (ODD submodel "Poaching"): incumbents make offers to startups' best engineers ("the
// defection of a core engineer to Xiaomi"), more of them the more they are short of their wanted
// headcount, and mostly to the most capable startups; an engineer weighs the offer against the
// wage and the equity it would give up, and may refuse; a startup that loses one loses
// capability in proportion to the skill that left.
#include <algorithm>

#include "labour.hpp"
#include "mechanisms.hpp"

namespace liangzhu::model::detail {
namespace {

/// Row of the most skilled non-founder of the startup in row `s`, or SIZE_MAX.
std::size_t best_member(const hub_state& hub, std::size_t s) {
  const auto& e = hub.engineers;
  std::size_t best = SIZE_MAX;
  for (const auto slot : hub.roster[hub.startups.table.id_at(s).index]) {
    const std::size_t row = e.table.row_of_slot(slot);
    if (e.where[row] == place::startup && (best == SIZE_MAX || e.skill[row] > e.skill[best]))
      best = row;
  }
  return best;
}

/// How hard incumbent `i` is recruiting: its stated offers are made at a hiring gap of
/// poaching.reference_gap_share of its wanted headcount, a quarter of them with no gap, and more
/// with a larger gap up to poaching.max_factor times.
double hiring_pressure(const hub_state& hub, std::size_t i) {
  const auto& inc = hub.incumbents[i];
  const double gap = inc.wanted > 0 ? std::max(0.0, inc.wanted - inc.headcount) / inc.wanted : 0.0;
  return std::min(hub.p.poaching.max_factor, 0.25 + gap / hub.p.poaching.reference_gap_share);
}

}  // namespace

void poach(const context& ctx, hub_state& hub, long tick) {
  auto& st = hub.startups;
  auto& e = hub.engineers;
  for (std::size_t i = 0; i < hub.incumbents.size(); ++i) {
    auto r = ctx.rng(purpose::poach, hub_subject(hub, i), tick);
    const auto offers = r.poisson(hub.incumbents[i].p.poaching_per_year * hiring_pressure(hub, i) /
                                  ctx.ticks_per_year());
    for (std::uint64_t k = 0; k < offers && st.table.size() > 0; ++k) {
      // Incumbents go after the most capable startups.
      std::vector<double> cumulative;
      double total = 0;
      for (std::size_t s = 0; s < st.table.size(); ++s)
        cumulative.push_back(total += st.team[s] > 1 ? std::max(0.0, st.capability[s]) : 0.0);
      if (total <= 0) break;
      const double x = r.uniform() * total;
      const auto s = static_cast<std::size_t>(
          std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
      const std::size_t row = best_member(hub, s);
      if (row == SIZE_MAX) continue;
      const double offer = incumbent_wage(hub, i, e.skill[row]) * (1.0 + hub.p.poaching.premium);
      // What staying is worth: the wage, and the equity and mission that brought the engineer
      // to the startup (the same value as when it joined), plus the cost of moving.
      const double stay = e.wage[row] * (1.0 + hub.p.talent.switching_premium +
                                         hub.p.talent.startup_appeal * e.propensity[row]);
      if (offer <= stay) {
        hub.counts.add(counted::poach_refused);
        continue;
      }
      const double lost = st.team_skill[s] > 0 ? e.skill[row] / st.team_skill[s] : 0.0;
      st.capability[s] *= 1.0 - hub.p.poaching.capability_loss_factor * std::min(1.0, lost);
      leave_place(hub, row);
      join_incumbent(hub, row, i, offer);
      hub.counts.add(counted::poached);
      ctx.event(tick, hub, ctx.kinds.poach, st.table.id_at(s).packed(), lost);
    }
  }
}

}  // namespace liangzhu::model::detail
