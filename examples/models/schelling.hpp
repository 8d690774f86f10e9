#pragma once
/// @file Schelling's segregation model (BENCHMARKS.md): neighbour counts on a finite grid and moves
/// of unhappy agents to random empty cells.
#include <cstdint>
#include <vector>

#include "liangzhu/engine/agent_table.hpp"
#include "models/bit_source.hpp"

namespace liangzhu::benchmark_models {

/// The description of a Schelling run.
struct schelling_params {
  int side = 40;            ///< the grid is side × side cells, finite (not periodic)
  int agents = 1000;        ///< half in group 1, half in group 2
  int radius = 1;           ///< Chebyshev radius of the neighbourhood
  int min_to_be_happy = 3;  ///< same-group neighbours an agent needs to stay put
  int steps = 20;

  static schelling_params small() { return {40, 1000, 1, 3, 20}; }
  static schelling_params large() { return {100, 8000, 2, 8, 20}; }
};

/// The running state: one agent per occupied cell, and the list of empty cells to move to.
class schelling_model {
 public:
  static constexpr std::uint8_t empty = 0;

  /// An empty grid; fill it with populate() (the benchmark setup) or add_agent() (hand-made cases).
  schelling_model(const schelling_params& params, std::uint64_t seed);

  /// Places params.agents agents on distinct random cells, the first half in group 1.
  void populate();
  /// Places one agent of `group` (1 or 2) on the empty cell (x, y).
  engine::agent_id add_agent(int x, int y, std::uint8_t group);

  /// One step: every agent, in a fresh random order, counts its own group around it and either
  /// becomes happy or moves to a random empty cell.
  void step();
  void run();
  /// The activation of one agent, drawing its move (if any) from `random`.
  void activate(std::size_t row, bit_source& random);

  /// The rule may be changed between steps (it is read during the step, as BENCHMARKS.md asks).
  void set_min_to_be_happy(int value) { params_.min_to_be_happy = value; }

  std::size_t agent_count() const { return agents_.size(); }
  const engine::agent_table& agents() const { return agents_; }
  int x_of(engine::agent_id id) const {
    return static_cast<int>(cell_[agents_.row(id)]) % params_.side;
  }
  int y_of(engine::agent_id id) const {
    return static_cast<int>(cell_[agents_.row(id)]) / params_.side;
  }
  bool happy(engine::agent_id id) const { return happy_[agents_.row(id)] != 0; }
  std::uint8_t group(engine::agent_id id) const { return group_[agents_.row(id)]; }
  /// The group on cell (x, y), or `empty`.
  std::uint8_t group_at(int x, int y) const { return cell_group_[cell_of(x, y)]; }
  std::size_t empty_cells() const { return empty_cells_.size(); }
  long steps_done() const { return tick_; }

 private:
  std::uint32_t cell_of(int x, int y) const {
    return static_cast<std::uint32_t>(y * params_.side + x);
  }
  int same_group_neighbours(std::uint32_t cell, std::uint8_t group) const;
  void move_to_random_empty_cell(std::size_t row, bit_source& random);

  schelling_params params_;
  std::uint64_t seed_;
  long tick_ = 0;
  engine::agent_table agents_{"schelling_agent"};
  engine::column<std::uint32_t>& cell_ = agents_.add_column<std::uint32_t>("cell");
  engine::column<std::uint8_t>& group_ = agents_.add_column<std::uint8_t>("group");
  engine::column<std::uint8_t>& happy_ = agents_.add_column<std::uint8_t>("happy");
  // Grid side arrays: the group on each cell (what neighbour counts read, one byte a cell), and
  // each empty cell's position in empty_cells_ so a move swaps two entries in O(1).
  std::vector<std::uint8_t> cell_group_;
  std::vector<std::uint32_t> empty_cells_;
  std::vector<std::uint32_t> empty_position_;
  std::vector<std::uint32_t> order_;
};

}  // namespace liangzhu::benchmark_models
