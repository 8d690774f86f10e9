#include "models/flocking.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/engine/rng.hpp"
#include "models/random_order.hpp"

namespace liangzhu::benchmark_models {
namespace {

enum purpose : std::uint64_t { placement = 1, activation_order };

/// What a bird sees of the birds within its visual distance.
struct neighbourhood {
  int count = 0;
  vec2 heading_sum;     // sum of (neighbour position − own position)
  vec2 close_sum;       // the same, over neighbours closer than the separation
  vec2 velocity_sum;
};

}  // namespace

flocking_model::flocking_model(const flocking_params& params, std::uint64_t seed)
    : params_(params), seed_(seed), space_{params.extent}, grid_(params.extent, params.visual_distance + params.speed) {
  LIANGZHU_ASSERT(params.speed < params.extent, "a bird must not cross the space in one step");
  birds_.reserve(static_cast<std::size_t>(params.birds));
}

void flocking_model::populate() {
  engine::rng_stream rng(seed_, placement, 0, 0);
  for (int i = 0; i < params_.birds; ++i) {
    const vec2 position{rng.uniform(0.0, params_.extent), rng.uniform(0.0, params_.extent)};
    const double angle = rng.uniform(0.0, 2.0 * std::numbers::pi);
    add_bird(position, {std::cos(angle), std::sin(angle)});
  }
}

engine::agent_id flocking_model::add_bird(vec2 position, vec2 velocity) {
  const double norm = std::hypot(velocity.x, velocity.y);
  LIANGZHU_ASSERT(norm > 0.0, "a bird needs a heading");
  const auto id = birds_.create();
  const auto row = birds_.row(id);
  x_[row] = space_.wrap(position.x);
  y_[row] = space_.wrap(position.y);
  vx_[row] = velocity.x / norm;
  vy_[row] = velocity.y / norm;
  return id;
}

void flocking_model::step() {
  bit_source order_random(engine::rng_stream(seed_, activation_order, 0, static_cast<std::uint64_t>(tick_)));
  draw_random_order(order_, birds_.size(), order_random);
  begin_step();
  for (const auto row : order_) activate(row);
  ++tick_;
}

void flocking_model::run() {
  for (int s = 0; s < params_.steps; ++s) step();
}

void flocking_model::begin_step() { grid_.index(x_.values(), y_.values()); }

void flocking_model::activate(std::size_t row) {
  const double own_x = x_[row], own_y = y_[row];
  const double visual2 = params_.visual_distance * params_.visual_distance;
  const double separation2 = params_.separation * params_.separation;
  neighbourhood seen;
  grid_.for_each_near(row, [&](std::uint32_t other) {
    const double dx = space_.offset(own_x, x_[other]), dy = space_.offset(own_y, y_[other]);
    const double d2 = dx * dx + dy * dy;
    if (other == row || d2 > visual2) return;
    ++seen.count;
    seen.heading_sum.x += dx;
    seen.heading_sum.y += dy;
    seen.velocity_sum.x += vx_[other];
    seen.velocity_sum.y += vy_[other];
    if (d2 < separation2) {
      seen.close_sum.x += dx;
      seen.close_sum.y += dy;
    }
  });
  const double n = std::max(seen.count, 1);
  const double cohere = params_.cohere_factor / n, separate = params_.separate_factor / n;
  const double match = params_.match_factor / n;
  double vx = (vx_[row] + seen.heading_sum.x * cohere - seen.close_sum.x * separate + seen.velocity_sum.x * match) / 2;
  double vy = (vy_[row] + seen.heading_sum.y * cohere - seen.close_sum.y * separate + seen.velocity_sum.y * match) / 2;
  const double norm = std::hypot(vx, vy);
  if (norm > 0.0) {  // a bird whose pulls cancel exactly keeps its heading
    vx_[row] = vx / norm;
    vy_[row] = vy / norm;
  }
  x_[row] = space_.wrap(own_x + vx_[row] * params_.speed);
  y_[row] = space_.wrap(own_y + vy_[row] * params_.speed);
}

}  // namespace liangzhu::benchmark_models
