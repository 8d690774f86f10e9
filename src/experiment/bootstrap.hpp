#pragma once
// Bootstrap resampling shared by the sensitivity measures: resamples drawn from counter-based
// streams (one per resample), so the intervals are the same on every machine and thread count.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "liangzhu/experiment/sensitivity.hpp"

namespace liangzhu::experiment {

/// Calls `visit` with `resamples` resamples (with replacement) of the indices 0..n-1.
void for_each_resample(std::size_t n, std::size_t resamples, std::uint64_t seed,
                       const std::function<void(std::span<const std::size_t>)>& visit);

/// `value` with the percentile interval of `draws` (no interval when `draws` is empty).
index_estimate with_interval(double value, std::vector<double> draws, double confidence);

}  // namespace liangzhu::experiment
