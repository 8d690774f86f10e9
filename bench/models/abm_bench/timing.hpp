#pragma once
/// @file Timing a benchmark case the way BENCHMARKS.md asks: many seeded runs in one process.
#include "benchmark_cases.hpp"

namespace liangzhu::abm_bench {

/// The spread of one case's run times (milliseconds) and its agent counts.
struct timing_summary {
  double median_ms = 0.0, min_ms = 0.0, max_ms = 0.0;
  int runs = 0;
  std::size_t agents_at_start = 0;  ///< of the first run
  double mean_agents_at_end = 0.0;  ///< over all runs (births and deaths change it)
};

/// Runs `c` with seeds first_seed, first_seed + 1, ... and times each run: construction + steps.
timing_summary time_case(const benchmark_case& c, int runs, std::uint64_t first_seed,
                         const engine::executor& ex);

}  // namespace liangzhu::abm_bench
