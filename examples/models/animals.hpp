#pragma once
/// @file One kind of animal of Wolf–Sheep–Grass (sheep or wolves): an agent table with the
/// attributes BENCHMARKS.md gives every animal.
#include <cstdint>
#include <string>

#include "liangzhu/engine/agent_table.hpp"

namespace liangzhu::benchmark_models {

/// The attributes of one animal. They are read together at every activation, so they share one
/// 16-byte column (one cache access per animal, one column to grow on a birth).
struct animal {
  std::uint16_t x = 0, y = 0;
  float energy = 0.0f;
  float reproduction = 0.0f;  ///< probability of reproducing each step
  float energy_gain = 0.0f;   ///< Δenergy: what one meal brings
};

/// The agents of one kind; rows are dense, ids stable.
struct animals {
  explicit animals(std::string kind) : table(std::move(kind)) {}

  /// Takes a copy: a reference into `state` would dangle when the new row reallocates it.
  engine::agent_id create(animal attributes) {
    const auto id = table.create();
    state[table.row(id)] = attributes;
    return id;
  }

  engine::agent_table table;
  engine::column<animal>& state = table.add_column<animal>("state");
};

}  // namespace liangzhu::benchmark_models
