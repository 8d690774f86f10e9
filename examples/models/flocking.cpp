#include "models/flocking.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <utility>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/engine/rng.hpp"
#include "models/random_order.hpp"

namespace liangzhu::benchmark_models {
namespace {

enum purpose : std::uint64_t { placement = 1, activation_order };

// The neighbour scan takes `scan_lanes` candidates at a time in double lanes (GCC/Clang vector
// extensions; baseline x86-64 has SSE2, registers of 2 doubles). Offsets, distance tests and masks
// are computed lane-wise; the sums are then added candidate by candidate in slot order, x and y
// side by side in one 2-double register, so each sum sees the same additions in the same order as
// the scalar loop did and the results are bit-identical. 4 double lanes (two SSE2 registers) were
// slower: GCC 12 splits 32-byte vectors poorly without AVX. Float lanes (4 to a register) would
// change the model's arithmetic: docs/benchmark-models.md, Targets.
constexpr std::size_t scan_lanes = 2;
using lanes_f64 = double __attribute__((vector_size(scan_lanes * sizeof(double))));
using lanes_mask = decltype(lanes_f64{} < lanes_f64{});
using pair_f64 = double __attribute__((vector_size(2 * sizeof(double))));

[[gnu::always_inline]] inline lanes_f64 broadcast(double v) { return lanes_f64{} + v; }
[[gnu::always_inline]] inline lanes_f64 load(const double* p) {
  lanes_f64 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
/// v where m is set, +0 elsewhere (adding it leaves a sum unchanged, as the scalar loop's 0 weights
/// did). A vector select: GCC 12 turns the equivalent `m & bit_cast(v)` into scalar moves.
[[gnu::always_inline]] inline lanes_f64 keep(lanes_mask m, lanes_f64 v) {
  return m ? v : lanes_f64{};
}

/// sum += (x[k], y[k]) for k = 0, 1, …: one candidate after the other, in slot order.
template <std::size_t... k>
[[gnu::always_inline]] inline void add_in_order(pair_f64& sum, lanes_f64 x, lanes_f64 y,
                                                std::index_sequence<k...>) {
  ((sum += __builtin_shufflevector(x, y, k, k + scan_lanes)), ...);
}

/// What a bird sees, as the scan accumulates it.
struct lane_sums {
  lanes_f64 count{};                        // per lane (whole numbers: any order is exact)
  pair_f64 heading{}, close{}, velocity{};  // (x, y)
};

}  // namespace

flocking_model::flocking_model(const flocking_params& params, std::uint64_t seed)
    : params_(params),
      seed_(seed),
      space_{params.extent},
      grid_(params.extent, params.visual_distance + params.speed) {
  LIANGZHU_ASSERT(params.speed < params.extent, "a bird must not cross the space in one step");
  birds_.reserve(static_cast<std::size_t>(params.birds));
  // A block of cells away from the space's first and last columns holds birds that were in its
  // cells when indexed and have moved by at most `speed` since: if a cell is wider than that, none
  // has wrapped around, and if the block's reach plus that move is under half the extent, the
  // minimum image leaves every offset to them as it is, so the scan may skip it (likewise for rows;
  // a rounding's margin on both conditions).
  const double cell = params.extent / grid_.cells_per_side();
  interior_needs_no_wrap_ =
      grid_.cells_per_side() > 1 && params.speed < cell * (1 - 1e-9) &&
      (grid_.reach_cells() + 1) * cell + params.speed < 0.5 * params.extent * (1 - 1e-9);
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
  // Padded, so a scan may load whole lanes past the last slot (lanes beyond a span are masked).
  for (auto* sorted : {&sorted_x_, &sorted_y_, &sorted_vx_, &sorted_vy_})
    sorted->assign(n + scan_lanes, 0.0);
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

template <bool wrap_x, bool wrap_y>
neighbourhood flocking_model::look_around(std::uint32_t cell, double own_x, double own_y) const {
  const double extent = params_.extent;
  const lanes_f64 own_xs = broadcast(own_x), own_ys = broadcast(own_y);
  const lanes_f64 extents = broadcast(extent), half = broadcast(0.5 * extent),
                  minus_half = broadcast(-0.5 * extent);
  const lanes_f64 visual2 = broadcast(params_.visual_distance * params_.visual_distance);
  const lanes_f64 separation2 = broadcast(params_.separation * params_.separation);
  const lanes_f64 ones = broadcast(1.0), lane_count = broadcast(scan_lanes);
  lanes_f64 first_lanes{};
  for (std::size_t k = 0; k < scan_lanes; ++k) first_lanes[k] = static_cast<double>(k);
  const double *xs = sorted_x_.data(), *ys = sorted_y_.data(), *vxs = sorted_vx_.data(),
               *vys = sorted_vy_.data();
  // The minimum image, as periodic_space::offset computes it.
  const auto offset = [&](lanes_f64 d) {
    d -= keep(d > half, extents);
    d += keep(d < minus_half, extents);
    return d;
  };
  lane_sums sums;
  grid_.for_each_span(cell, [&](std::uint32_t begin, std::uint32_t end) {
    // At least one pass, masked out if the span is empty: most spans of the small flock hold 0 to 2
    // birds, and a loop that always runs once exits where the branch predictor expects it to.
    const lanes_f64 ends = broadcast(end);
    lanes_f64 slots = first_lanes + static_cast<double>(begin);
    std::uint32_t j = begin;
    do {
      lanes_f64 dx = load(xs + j) - own_xs, dy = load(ys + j) - own_ys;
      if constexpr (wrap_x) dx = offset(dx);
      if constexpr (wrap_y) dy = offset(dy);
      const lanes_f64 d2 = dx * dx + dy * dy;
      const lanes_mask seen = (d2 <= visual2) & (slots < ends);
      const lanes_mask close = seen & (d2 < separation2);
      sums.count += keep(seen, ones);
      constexpr auto each = std::make_index_sequence<scan_lanes>{};
      add_in_order(sums.heading, keep(seen, dx), keep(seen, dy), each);
      add_in_order(sums.velocity, keep(seen, load(vxs + j)), keep(seen, load(vys + j)), each);
      add_in_order(sums.close, keep(close, dx), keep(close, dy), each);
      j += scan_lanes;
      slots += lane_count;
    } while (j < end);
  });
  neighbourhood seen;
  for (std::size_t k = 0; k < scan_lanes; ++k) seen.count += sums.count[k];
  seen.heading_sum = {sums.heading[0], sums.heading[1]};
  seen.close_sum = {sums.close[0], sums.close[1]};
  seen.velocity_sum = {sums.velocity[0], sums.velocity[1]};
  return seen;
}

void flocking_model::activate(std::size_t row) {
  const std::uint32_t self = slot_of_row_[row];
  const double own_x = sorted_x_[self], own_y = sorted_y_[self];
  // The bird does not see itself: while it looks around it is infinitely far away (its own slot is
  // overwritten with its new position at the end).
  sorted_x_[self] = std::numeric_limits<double>::infinity();
  const std::uint32_t cell = grid_.home_cell(row);
  const bool wrap_x = !interior_needs_no_wrap_ || grid_.block_touches_edge_x(cell);
  const bool wrap_y = !interior_needs_no_wrap_ || grid_.block_touches_edge_y(cell);
  const neighbourhood seen = wrap_x ? (wrap_y ? look_around<true, true>(cell, own_x, own_y)
                                              : look_around<true, false>(cell, own_x, own_y))
                                    : (wrap_y ? look_around<false, true>(cell, own_x, own_y)
                                              : look_around<false, false>(cell, own_x, own_y));
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
