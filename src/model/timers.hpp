#pragma once
// Waiting times of engineers' own processes (job search, ideas, departure), drawn once and stored
// as the tick they fire, so a tick only compares integers instead of drawing for every engineer.
#include <climits>
#include <cmath>

#include "context.hpp"

namespace liangzhu::model::detail {

/// The first tick after `now` at which a Bernoulli process of per-tick probability `p` fires
/// (`never` if that is week 32,767 or later: no run gets there, see `week`).
inline week next_firing(engine::rng_stream& r, double p, long now) {
  if (p <= 0.0) return never;
  if (p >= 1.0) return as_week(now + 1);
  const double wait = std::floor(std::log1p(-r.uniform()) / std::log1p(-p));
  const double at = static_cast<double>(now) + 1.0 + wait;
  return at >= static_cast<double>(never) ? never : static_cast<week>(at);
}

/// The highest idea rate an engineer can have (per year), for thinning.
inline double max_idea_rate(const hub_params& h, double propensity) {
  return h.founding.ideas_per_year * propensity *
         (1.0 + h.founding.founder_ties_counted * h.founding.tie_boost + h.founding.meetup_boost) *
         (1.0 + h.founding.incumbent_idea_boost);
}

/// Draws the next search, idea and departure ticks of the engineer in `row`.
inline void draw_timers(const context& ctx, hub_state& hub, std::size_t row, long now,
                        purpose why) {
  auto& e = hub.engineers;
  auto r = ctx.rng(why, e.table.id_at(row).packed(), now);
  e.next_search[row] = next_firing(r, ctx.per_tick(hub.p.talent.job_search_per_year), now);
  e.next_idea[row] = next_firing(r, ctx.per_tick(max_idea_rate(hub.p, e.propensity[row])), now);
  e.leave_tick[row] = next_firing(r, ctx.per_tick(hub.p.talent.leave_rate_per_year), now);
}

}  // namespace liangzhu::model::detail
