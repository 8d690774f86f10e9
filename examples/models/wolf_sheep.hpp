#pragma once
/// @file Wolf–Sheep–Grass predation (BENCHMARKS.md): two agent kinds on a toroidal grid, births
/// and deaths every step.
#include <cstdint>
#include <vector>

#include "liangzhu/engine/parallel.hpp"
#include "models/animals.hpp"
#include "models/bit_source.hpp"
#include "models/grass_field.hpp"

namespace liangzhu::benchmark_models {

/// The description of a Wolf–Sheep–Grass run.
struct wolf_sheep_params {
  int width = 25, height = 25;  ///< the grid wraps around (a torus)
  int sheep = 60, wolves = 40;
  int regrowth_time = 20;
  double sheep_reproduction = 0.2, wolf_reproduction = 0.1;
  double sheep_gain = 5.0, wolf_gain = 13.0;  ///< Δenergy
  int steps = 100;

  static wolf_sheep_params small() { return {25, 25, 60, 40, 20, 0.2, 0.1, 5.0, 13.0, 100}; }
  static wolf_sheep_params large() { return {100, 100, 1000, 500, 10, 0.4, 0.2, 5.0, 13.0, 100}; }
};

/// Births and removals of one kind since the model was built, for conservation checks.
struct population_changes {
  long births = 0;
  long starved = 0;  ///< died for lack of energy
  long eaten = 0;
};

/// The running state: sheep, wolves and grass.
class wolf_sheep_model {
 public:
  /// No animals and all grass grown; fill with populate() or by hand (tests).
  wolf_sheep_model(const wolf_sheep_params& params, std::uint64_t seed, const engine::executor& ex);

  /// The benchmark setup: animals on random cells with energy uniform in [1, 2·Δenergy), grass
  /// grown on half the cells.
  void populate();
  /// Places an animal with the model's reproduction probability and Δenergy for its kind.
  engine::agent_id add_sheep(int x, int y, double energy);
  engine::agent_id add_wolf(int x, int y, double energy);
  grass_field& grass() { return grass_; }

  /// One step: all sheep in random order, then all wolves in random order, then grass.
  void step();
  void run();
  void sheep_phase();
  void wolves_phase();
  void grass_phase() { grass_.regrow(ex_); }

  const population_changes& sheep_changes() const { return sheep_changes_; }
  const population_changes& wolf_changes() const { return wolf_changes_; }
  std::size_t agent_count() const { return sheep_.table.size() + wolves_.table.size(); }
  const animals& sheep() const { return sheep_; }
  const animals& wolves() const { return wolves_; }
  const grass_field& grass() const { return grass_; }
  std::size_t cell_of(int x, int y) const {
    return static_cast<std::size_t>(y * params_.width + x);
  }
  long steps_done() const { return tick_; }

 private:
  /// Moves the animal in `row` to one of the 8 neighbouring cells, wrapping at the edges.
  void random_move(animal& a, bit_source& random) const;
  /// Death below `threshold`, else reproduction with the animal's probability.
  void die_or_reproduce(animals& kind, std::size_t row, float threshold, bit_source& random,
                        population_changes& changes);
  template <class Eat>
  void activate_all(animals& kind, std::uint64_t order_purpose, std::uint64_t action_purpose,
                    float death_threshold, population_changes& changes, Eat&& eat);
  /// Lists the sheep of every cell (singly linked through sheep_next_), for wolves to find.
  void index_sheep_by_cell();
  /// Removes one sheep of `cell` if there is one (it is eaten); true if one was.
  bool take_sheep(std::size_t cell);

  wolf_sheep_params params_;
  std::uint64_t seed_;
  const engine::executor& ex_;
  long tick_ = 0;
  animals sheep_{"sheep"};
  animals wolves_{"wolf"};
  grass_field grass_;
  population_changes sheep_changes_, wolf_changes_;
  // Scratch reused every step, so a step allocates only when populations reach a new high.
  std::vector<std::uint32_t> order_;
  std::vector<engine::agent_id> dead_;
  std::vector<engine::agent_id> eaten_;
  // Per cell, the first sheep row of its list, valid only when sheep_stamp_ equals the current
  // step's stamp: stale cells need no clearing, so the index costs O(sheep), not O(cells).
  std::vector<std::uint32_t> sheep_head_;
  std::vector<std::uint32_t> sheep_stamp_;
  std::vector<std::uint32_t> sheep_next_;
};

}  // namespace liangzhu::benchmark_models
