#pragma once
/// @file The grass of Wolf–Sheep–Grass: per cell a fully-grown flag and a regrowth countdown.
#include <cstdint>
#include <vector>

#include "liangzhu/engine/parallel.hpp"
#include "models/bit_source.hpp"

namespace liangzhu::benchmark_models {

/// Invariant: a grown cell's countdown is 0, a bare cell's countdown is in 1..regrowth_time.
class grass_field {
 public:
  grass_field(std::size_t cells, int regrowth_time);

  /// The benchmark setup: each cell grown with probability 1/2, else a countdown uniform in
  /// 1..regrowth_time.
  void seed_randomly(bit_source& random);
  /// Sets one cell by hand (tests): countdown 0 means grown.
  void set(std::size_t cell, int countdown);

  /// Eats the grass of `cell` if it is grown (the countdown restarts); true if it was eaten.
  bool eat(std::size_t cell) {
    if (!grown_[cell]) return false;
    grown_[cell] = 0;
    countdown_[cell] = regrowth_time_;
    return true;
  }
  /// Every bare cell counts down; at 0 it is grown again. Cells are independent, so the loop
  /// runs in parallel blocks.
  void regrow(const engine::executor& ex);

  bool grown(std::size_t cell) const { return grown_[cell] != 0; }
  int countdown(std::size_t cell) const { return countdown_[cell]; }
  std::size_t grown_count() const;
  std::size_t cells() const { return grown_.size(); }

 private:
  std::uint8_t regrowth_time_;
  std::vector<std::uint8_t> grown_;
  std::vector<std::uint8_t> countdown_;
};

}  // namespace liangzhu::benchmark_models
