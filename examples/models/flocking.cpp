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

}  // namespace

flocking_model::flocking_model(const flocking_params& params, std::uint64_t seed)
    : params_(params),
      seed_(seed),
      space_{params.extent},
      grid_(params.extent, params.visual_distance + params.speed) {
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
  bit_source order_random(
      engine::rng_stream(seed_, activation_order, 0, static_cast<std::uint64_t>(tick_)));
  draw_random_order(order_, birds_.size(), order_random);
  begin_step();
  for (const auto row : order_) activate(row);
  ++tick_;
}

void flocking_model::run() {
  for (int s = 0; s < params_.steps; ++s) step();
}

void flocking_model::begin_step() {
  grid_.index(x_.values(), y_.values());
  const auto rows = grid_.sorted_rows();
  const std::size_t n = rows.size();
  sorted_x_.resize(n);
  sorted_y_.resize(n);
  sorted_vx_.resize(n);
  sorted_vy_.resize(n);
  slot_of_row_.resize(n);
  for (std::size_t slot = 0; slot < n; ++slot) {
    const std::uint32_t row = rows[slot];
    sorted_x_[slot] = x_[row];
    sorted_y_[slot] = y_[row];
    sorted_vx_[slot] = vx_[row];
    sorted_vy_[slot] = vy_[row];
    slot_of_row_[row] = static_cast<std::uint32_t>(slot);
  }
}

void flocking_model::scan(std::uint32_t begin, std::uint32_t end, std::uint32_t self,
                          neighbourhood& seen) const {
  const double own_x = sorted_x_[self], own_y = sorted_y_[self];
  const double visual2 = params_.visual_distance * params_.visual_distance;
  const double separation2 = params_.separation * params_.separation;
  // Sums in locals, not in `seen`: the compiler cannot prove `seen` does not alias the arrays and
  // would store and reload it every iteration. Weights of 0 or 1 instead of branches (the tests
  // are unpredictable): adding 0 leaves a sum exactly as skipping would.
  neighbourhood local = seen;
  for (std::uint32_t j = begin; j < end; ++j) {
    const double dx = space_.offset(own_x, sorted_x_[j]), dy = space_.offset(own_y, sorted_y_[j]);
    const double d2 = dx * dx + dy * dy;
    const double in_sight = static_cast<double>((d2 <= visual2) & (j != self));
    const double too_close = in_sight * static_cast<double>(d2 < separation2);
    local.count += in_sight;
    local.heading_sum.x += in_sight * dx;
    local.heading_sum.y += in_sight * dy;
    local.velocity_sum.x += in_sight * sorted_vx_[j];
    local.velocity_sum.y += in_sight * sorted_vy_[j];
    local.close_sum.x += too_close * dx;
    local.close_sum.y += too_close * dy;
  }
  seen = local;
}

void flocking_model::activate(std::size_t row) {
  const std::uint32_t self = slot_of_row_[row];
  const double own_x = sorted_x_[self], own_y = sorted_y_[self];
  neighbourhood seen;
  grid_.for_each_span(grid_.home_cell(row), [&](std::uint32_t begin, std::uint32_t end) {
    scan(begin, end, self, seen);
  });
  const double n = std::max(seen.count, 1.0);
  const double cohere = params_.cohere_factor / n, separate = params_.separate_factor / n;
  const double match = params_.match_factor / n;
  double vx = (vx_[row] + seen.heading_sum.x * cohere - seen.close_sum.x * separate +
               seen.velocity_sum.x * match) /
              2;
  double vy = (vy_[row] + seen.heading_sum.y * cohere - seen.close_sum.y * separate +
               seen.velocity_sum.y * match) /
              2;
  const double norm = std::sqrt(vx * vx + vy * vy);
  if (norm > 0.0) {  // a bird whose pulls cancel exactly keeps its heading
    vx /= norm;
    vy /= norm;
  } else {
    vx = vx_[row];
    vy = vy_[row];
  }
  const double x = space_.wrap(own_x + vx * params_.speed),
               y = space_.wrap(own_y + vy * params_.speed);
  // The table is the model's state; the sorted copy serves the rest of this step's scans.
  x_[row] = sorted_x_[self] = x;
  y_[row] = sorted_y_[self] = y;
  vx_[row] = sorted_vx_[self] = vx;
  vy_[row] = sorted_vy_[self] = vy;
}

}  // namespace liangzhu::benchmark_models
