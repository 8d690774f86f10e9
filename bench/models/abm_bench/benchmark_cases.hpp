#pragma once
/// @file The six timed runs of BENCHMARKS.md and the reference figures they are compared with.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "liangzhu/engine/parallel.hpp"

namespace liangzhu::abm_bench {

/// Agent counts of one run, at the start and after the last step.
struct run_outcome {
  std::size_t agents_at_start = 0;
  std::size_t agents_at_end = 0;
};

/// One model at one size, with the medians BENCHMARKS.md measured side by side on a 2-core machine.
struct benchmark_case {
  std::string model;  ///< Schelling, WolfSheep or Flocking
  std::string size;   ///< small or large
  int steps = 0;
  double mason_ms = 0.0;  ///< MASON 22
  double mesa_ms = 0.0;   ///< Mesa 3.2.0
  /// Builds the model with `seed` and runs all its steps: the work that is timed.
  std::function<run_outcome(std::uint64_t seed, const engine::executor& ex)> run;

  std::string name() const { return model + "-" + size; }
};

std::vector<benchmark_case> all_benchmark_cases();

}  // namespace liangzhu::abm_bench
