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

/// The range that holds the middle `share` of the values that are not NaN (their (1 - share) / 2
/// and (1 + share) / 2 quantiles, interpolated as R's default type 7): where one run's figure
/// falls, as against the confidence interval of the mean. Empty below two values.
struct value_range {
  std::optional<double> low, high;
};
value_range middle_range(std::span<const double> values, double share = 0.95);

/// The share of pairs (a[i], b[i]), both numbers, where b beats a (b > a; a tie counts half);
/// empty without pairs. With posterior draws it is the probability, over parameters and luck,
/// that a run of b ends above the same draw's run of a.
std::optional<double> probability_higher(std::span<const double> a, std::span<const double> b);

/// Spearman's rank correlation of the pairs (x[i], y[i]) where both are numbers (ties get their
/// mean rank); empty below three pairs or when either side is constant. Over a calibration's
/// draws from the prior it says which factors move which targets before anything is fitted.
std::optional<double> rank_correlation(std::span<const double> x, std::span<const double> y);

/// The variance of replicates that took posterior draws, split by source: replicates come in
/// consecutive groups of `seeds_per_draw` that share a draw, so a one-way random-effects analysis
/// of variance separates the spread between draws (the parameters) from that within them (the
/// seeds): seeds = the within-group mean square, parameters = max(0, between-group mean square -
/// within) / seeds_per_draw. Groups holding a NaN are left out; both parts are empty below two
/// whole groups or with one seed per draw.
struct variance_split {
  std::optional<double> parameters, seeds;
  /// parameters / (parameters + seeds); empty when both are 0.
  std::optional<double> parameter_share() const;
};
variance_split split_variance(std::span<const double> values, std::int64_t seeds_per_draw);

/// Whether two independent samples (their values that are not NaN) could come from one
/// distribution: the two-sided p-values of Welch's t-test on the means, and of the two-sample
/// Kolmogorov-Smirnov test on the whole distribution (Kolmogorov's limit distribution, with
/// Stephens' correction for small samples, at the statistic D). Both p-values are empty below two
/// values on either side; Welch's is 1 when both samples are constant and equal, 0 when constant
/// and different. Used to check that a change of a mechanism's random stream keeps its outputs'
/// distributions (tests/model/test_equivalence.cpp).
struct two_sample_test {
  std::optional<double> welch_p, ks_p;
  double ks_statistic = 0;  ///< D: the largest distance between the two empirical CDFs
};
two_sample_test compare_samples(std::span<const double> a, std::span<const double> b);

}  // namespace liangzhu::experiment
