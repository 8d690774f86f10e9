#pragma once
/// @file The machine's memory bandwidth, measured like STREAM's triad (a = b + s * c over arrays
/// much larger than the caches), the ceiling for a model that streams through its agents.
#include <cstddef>

namespace liangzhu::model_bench {

struct bandwidth_result {
  int threads = 1;
  double best_gb_per_s =
      0;  ///< 10^9 bytes per second, counting 24 bytes per element as STREAM does
};

/// Best of `repeats` triads over three arrays of `elements` doubles each.
bandwidth_result measure_triad(int threads, std::size_t elements, int repeats);

}  // namespace liangzhu::model_bench
