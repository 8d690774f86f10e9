#pragma once
/// @file Summaries of replicates: means with Student-t confidence intervals, and paired
/// differences between scenarios run with common random numbers.
#include <cstdint>
#include <optional>
#include <span>

namespace liangzhu::experiment {

/// Mean of the values that are not NaN, with their standard deviation and a two-sided
/// confidence interval from Student's t (empty where n is too small to give one).
struct estimate {
  std::int64_t n = 0;
  std::optional<double> mean, sd, low, high;
};

estimate mean_with_ci(std::span<const double> values, double confidence = 0.95);

/// The mean of b - a over pairs where both are numbers (replicate r of a and of b share a seed),
/// with its confidence interval and the two-sided p-value of the paired t-test (1 when every
/// difference is zero, empty when fewer than two pairs).
struct paired_difference {
  estimate difference;
  std::optional<double> p_value;
};

paired_difference compare_paired(std::span<const double> a, std::span<const double> b,
                                 double confidence = 0.95);

}  // namespace liangzhu::experiment
