#pragma once
/// @file Flocking (boids) in a periodic continuous square (BENCHMARKS.md).
#include <cstdint>
#include <vector>

#include "liangzhu/engine/agent_table.hpp"
#include "models/bird_grid.hpp"
#include "models/periodic_space.hpp"

namespace liangzhu::benchmark_models {

/// The description of a Flocking run. Every bird shares these properties.
struct flocking_params {
  double extent = 100.0;  ///< the space is extent × extent and wraps around
  int birds = 200;
  double visual_distance = 5.0;
  double speed = 1.0;
  double separation = 1.0;
  double cohere_factor = 0.03;
  double separate_factor = 0.015;
  double match_factor = 0.05;
  int steps = 100;

  static flocking_params small() { return {}; }
  static flocking_params large() {
    flocking_params p;
    p.extent = 150.0;
    p.birds = 400;
    p.visual_distance = 15.0;
    return p;
  }
};

/// A 2-D vector.
struct vec2 {
  double x = 0.0, y = 0.0;
};

/// What a bird sees of the birds within its visual distance.
struct neighbourhood {
  double count = 0.0;
  vec2 heading_sum;  // sum of (neighbour position − own position)
  vec2 close_sum;    // the same, over neighbours closer than the separation
  vec2 velocity_sum;
};

/// The running state: one agent per bird with position and unit velocity.
class flocking_model {
 public:
  /// No birds; fill with populate() or add_bird() (tests).
  flocking_model(const flocking_params& params, std::uint64_t seed);

  /// The benchmark setup: birds at uniform random positions with uniform random headings.
  void populate();
  /// Places a bird; `velocity` is normalised.
  engine::agent_id add_bird(vec2 position, vec2 velocity);

  /// One step: every bird, in a fresh random order, steers by its neighbours and moves.
  void step();
  void run();
  /// Indexes the birds' positions; activate() relies on an index taken this step.
  void begin_step();
  /// One bird steers by the birds within visual distance of it now and moves by its speed.
  void activate(std::size_t row);

  std::size_t agent_count() const { return birds_.size(); }
  const engine::agent_table& birds() const { return birds_; }
  vec2 position(engine::agent_id id) const { return {x_[birds_.row(id)], y_[birds_.row(id)]}; }
  vec2 velocity(engine::agent_id id) const { return {vx_[birds_.row(id)], vy_[birds_.row(id)]}; }
  long steps_done() const { return tick_; }

 private:
  /// What a bird at (own_x, own_y) in `cell` sees; the minimum image only on the axes asked for.
  template <bool wrap_x, bool wrap_y>
  neighbourhood look_around(std::uint32_t cell, double own_x, double own_y) const;

  flocking_params params_;
  std::uint64_t seed_;
  long tick_ = 0;
  periodic_space space_;
  // A bird moves at most `speed` per step and the querying bird has not moved yet when it acts,
  // so a step-start index that reaches visual_distance + speed misses no neighbour.
  bird_grid grid_;
  bool interior_needs_no_wrap_ = false;  // see the constructor
  engine::agent_table birds_{"bird"};
  engine::column<double>& x_ = birds_.add_column<double>("x");
  engine::column<double>& y_ = birds_.add_column<double>("y");
  engine::column<double>& vx_ = birds_.add_column<double>("vx");
  engine::column<double>& vy_ = birds_.add_column<double>("vy");
  std::vector<std::uint32_t> order_;
  // The birds' state copied in the grid's cell order at the start of a step (and kept current as
  // birds move), so a neighbour scan reads contiguous memory, a few lanes at a time, without
  // branches; padded with a few slots past the last.
  std::vector<double> sorted_x_, sorted_y_, sorted_vx_, sorted_vy_;
  std::vector<std::uint32_t> slot_of_row_;
};

}  // namespace liangzhu::benchmark_models
