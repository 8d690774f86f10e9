#pragma once
// Waiting times of engineers' own processes (job search, ideas, departure), drawn once and stored
// as the tick they fire, so a tick only compares integers instead of drawing for every engineer.
#include <climits>
#include <cmath>

#include "context.hpp"

namespace liangzhu::model::detail {

/// A Bernoulli process of per-tick probability `p`, with log(1 - p) worked out once: a rate that
/// is the same for every engineer (job search, departure, market offers) costs one logarithm per
/// waiting time drawn instead of two, and the waiting times are the same to the last bit.
struct firing_chance {
  double p;
  double log_stay;  ///< log1p(-p), when 0 < p < 1
  explicit firing_chance(double per_tick)
      : p(per_tick), log_stay(per_tick > 0.0 && per_tick < 1.0 ? std::log1p(-per_tick) : 0.0) {}
};

/// The first tick after `now` at which the process fires (`never` if that is week 32,767 or
/// later: no run gets there, see `week`).
inline week next_firing(engine::rng_stream& r, const firing_chance& chance, long now) {
  if (chance.p <= 0.0) return never;
  if (chance.p >= 1.0) return as_week(now + 1);
  const double wait = std::floor(std::log1p(-r.uniform()) / chance.log_stay);
  const double at = static_cast<double>(now) + 1.0 + wait;
  return at >= static_cast<double>(never) ? never : static_cast<week>(at);
}
/// The same for a chance used once.
inline week next_firing(engine::rng_stream& r, double p, long now) {
  return next_firing(r, firing_chance(p), now);
}

/// The weekly chances of the timers whose rates are the hub's, not the engineer's.
struct hub_chances {
  firing_chance search, leave, market_offer;
  hub_chances(const context& ctx, const hub_params& h)
      : search(ctx.per_tick(h.talent.job_search_per_year)),
        leave(ctx.per_tick(h.talent.leave_rate_per_year)),
        market_offer(h.talent.market_job_find_per_week) {}
};

/// The highest idea rate an engineer can have (per year), for thinning.
inline double max_idea_rate(const hub_params& h, double propensity) {
  return h.founding.ideas_per_year * propensity *
         (1.0 + h.founding.founder_ties_counted * h.founding.tie_boost + h.founding.meetup_boost) *
         (1.0 + h.founding.incumbent_idea_boost);
}

/// Draws the next search, idea and departure ticks of the engineer in `row` (`chances` are the
/// hub's, worked out once for many engineers).
inline void draw_timers(const context& ctx, hub_state& hub, const hub_chances& chances,
                        std::size_t row, long now, purpose why) {
  auto& e = hub.engineers;
  auto r = ctx.rng(why, e.table.id_at(row).packed(), now);
  e.next_search[row] = next_firing(r, chances.search, now);
  e.next_idea[row] = next_firing(r, ctx.per_tick(max_idea_rate(hub.p, e.propensity[row])), now);
  e.leave_tick[row] = next_firing(r, chances.leave, now);
}

}  // namespace liangzhu::model::detail
