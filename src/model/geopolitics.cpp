// Geopolitical tension: an Ornstein-Uhlenbeck index kept in [0, 1], with dated shocks from the
// scenario. It drives foreign investors' wariness (funding.cpp) and the cost of the offshore
// route ("the same fate as ByteDance").
#include <algorithm>
#include <cmath>

#include "mechanisms.hpp"

namespace liangzhu::model::detail {

void update_tension(const context& ctx, long tick) {
  const auto& w = ctx.p.world;
  const double dt = 1.0 / ctx.ticks_per_year();
  auto r = ctx.rng(purpose::tension, 0, tick);
  const double drift = w.geopolitics.tension_reversion_per_year *
                       (w.geopolitics.tension_mean - ctx.world.tension) * dt;
  const double noise =
      w.geopolitics.tension_volatility_per_year * std::sqrt(dt) * r.normal(0.0, 1.0);
  ctx.world.tension = std::clamp(ctx.world.tension + drift + noise, 0.0, 1.0);
}

void apply_tension_shock(const context& ctx, const tension_shock& shock, long tick) {
  ctx.world.tension = std::clamp(ctx.world.tension + shock.size, 0.0, 1.0);
  ctx.events.record({static_cast<std::int32_t>(tick), 0, ctx.kinds.tension_shock, 0, shock.size});
}

}  // namespace liangzhu::model::detail
