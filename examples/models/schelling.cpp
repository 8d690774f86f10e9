#include "models/schelling.hpp"

#include <algorithm>
#include <numeric>

#include "liangzhu/engine/errors.hpp"
#include "models/random_order.hpp"

namespace liangzhu::benchmark_models {
namespace {

// Purposes of the random streams; each step draws its order and its moves from separate streams.
enum purpose : std::uint64_t { placement = 1, activation_order, moves };

}  // namespace

schelling_model::schelling_model(const schelling_params& params, std::uint64_t seed)
    : params_(params), seed_(seed) {
  LIANGZHU_ASSERT(params.side > 0 && params.agents <= params.side * params.side, "grid too small");
  const auto cells = static_cast<std::size_t>(params.side) * static_cast<std::size_t>(params.side);
  cell_group_.assign(cells, empty);
  empty_cells_.resize(cells);
  std::iota(empty_cells_.begin(), empty_cells_.end(), std::uint32_t{0});
  empty_position_ = empty_cells_;
  agents_.reserve(static_cast<std::size_t>(params.agents));
}

void schelling_model::populate() {
  bit_source random(engine::rng_stream(seed_, placement, 0, 0));
  for (int i = 0; i < params_.agents; ++i) {
    // Taking a random entry of the empty list places every agent on a distinct uniform cell.
    const auto cell = empty_cells_[random.below(static_cast<std::uint32_t>(empty_cells_.size()))];
    const auto group = static_cast<std::uint8_t>(i < params_.agents / 2 ? 1 : 2);
    add_agent(static_cast<int>(cell) % params_.side, static_cast<int>(cell) / params_.side, group);
  }
}

engine::agent_id schelling_model::add_agent(int x, int y, std::uint8_t group) {
  const std::uint32_t cell = cell_of(x, y);
  LIANGZHU_ASSERT(cell_group_[cell] == empty && group != empty, "add_agent on an occupied cell");
  // Remove the cell from the empty list by moving the list's last entry into its place.
  const std::uint32_t last = empty_cells_.back();
  empty_cells_[empty_position_[cell]] = last;
  empty_position_[last] = empty_position_[cell];
  empty_cells_.pop_back();
  const auto id = agents_.create();
  const auto row = agents_.row(id);
  cell_[row] = cell;
  group_[row] = group;
  cell_group_[cell] = group;
  return id;
}

void schelling_model::step() {
  const auto tick = static_cast<std::uint64_t>(tick_);
  bit_source order_random(engine::rng_stream(seed_, activation_order, 0, tick));
  draw_random_order(order_, agents_.size(), order_random);
  bit_source move_random(engine::rng_stream(seed_, moves, 0, tick));
  for (const auto row : order_) activate(row, move_random);
  ++tick_;
}

void schelling_model::run() {
  for (int s = 0; s < params_.steps; ++s) step();
}

void schelling_model::activate(std::size_t row, bit_source& random) {
  // The threshold is read here, during the step, so a change between steps takes effect.
  if (same_group_neighbours(cell_[row], group_[row]) >= params_.min_to_be_happy) {
    happy_[row] = 1;
  } else {
    happy_[row] = 0;
    move_to_random_empty_cell(row, random);
  }
}

int schelling_model::same_group_neighbours(std::uint32_t cell, std::uint8_t group) const {
  const int side = params_.side, r = params_.radius;
  const int x = static_cast<int>(cell) % side, y = static_cast<int>(cell) / side;
  // The grid is finite: the neighbourhood is clipped at the edges.
  const int x0 = std::max(0, x - r), x1 = std::min(side - 1, x + r);
  const int y0 = std::max(0, y - r), y1 = std::min(side - 1, y + r);
  int count = 0;
  for (int yy = y0; yy <= y1; ++yy) {
    const std::uint8_t* line = cell_group_.data() + yy * side;
    for (int xx = x0; xx <= x1; ++xx) count += line[xx] == group;
  }
  return count - 1;  // the agent itself is not its own neighbour
}

void schelling_model::move_to_random_empty_cell(std::size_t row, bit_source& random) {
  if (empty_cells_.empty()) return;
  const auto slot = random.below(static_cast<std::uint32_t>(empty_cells_.size()));
  const std::uint32_t from = cell_[row], to = empty_cells_[slot];
  // The cell left behind takes the place of the cell taken in the empty list.
  empty_cells_[slot] = from;
  empty_position_[from] = slot;
  cell_group_[to] = group_[row];
  cell_group_[from] = empty;
  cell_[row] = to;
}

}  // namespace liangzhu::benchmark_models
