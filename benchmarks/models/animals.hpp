#pragma once
/// @file One kind of animal of Wolf–Sheep–Grass (sheep or wolves): an agent table with the
/// attributes BENCHMARKS.md gives every animal.
#include <cstdint>
#include <string>

#include "liangzhu/engine/agent_table.hpp"

namespace liangzhu::benchmark_models {

/// The attributes of a newborn or hand-placed animal.
struct animal_traits {
  int x = 0, y = 0;
  double energy = 0.0;
  double reproduction = 0.0;  ///< probability of reproducing each step
  double energy_gain = 0.0;   ///< Δenergy: what one meal brings
};

/// The agents of one kind; rows are dense, ids stable.
struct animals {
  explicit animals(std::string kind) : table(std::move(kind)) {}

  engine::agent_id create(const animal_traits& traits);
  /// A newborn in the parent's cell with the parent's properties and `energy`.
  engine::agent_id create_offspring(std::size_t parent_row, double energy);
  std::size_t cell(std::size_t row, int width) const {
    return static_cast<std::size_t>(y[row]) * static_cast<std::size_t>(width) + x[row];
  }

  engine::agent_table table;
  engine::column<std::uint16_t>& x = table.add_column<std::uint16_t>("x");
  engine::column<std::uint16_t>& y = table.add_column<std::uint16_t>("y");
  engine::column<double>& energy = table.add_column<double>("energy");
  engine::column<double>& reproduction = table.add_column<double>("reproduction");
  engine::column<double>& energy_gain = table.add_column<double>("energy_gain");
};

}  // namespace liangzhu::benchmark_models
