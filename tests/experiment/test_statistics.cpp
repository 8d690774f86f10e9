// Means with Student-t intervals and paired differences, against values worked out by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "liangzhu/experiment/statistics.hpp"

namespace liangzhu::experiment {
namespace {

TEST(Statistics, MeanAndStudentInterval) {
  const std::vector<double> x = {1, 2, 3, 4, 5};
  const estimate e = mean_with_ci(x);
  EXPECT_EQ(e.n, 5);
  EXPECT_DOUBLE_EQ(*e.mean, 3.0);
  EXPECT_NEAR(*e.sd, std::sqrt(2.5), 1e-12);
  // t(0.975, 4 df) = 2.776445; half width = t * sd / sqrt(5)
  const double half = 2.776445105 * std::sqrt(2.5) / std::sqrt(5.0);
  EXPECT_NEAR(*e.low, 3.0 - half, 1e-6);
  EXPECT_NEAR(*e.high, 3.0 + half, 1e-6);
}

TEST(Statistics, EmptyValuesAreSkippedAndSmallSamplesGiveNoInterval) {
  const std::vector<double> x = {std::nan(""), 4.0, std::nan("")};
  const estimate e = mean_with_ci(x);
  EXPECT_EQ(e.n, 1);
  EXPECT_DOUBLE_EQ(*e.mean, 4.0);
  EXPECT_FALSE(e.low.has_value());
  EXPECT_FALSE(mean_with_ci(std::vector<double>{}).mean.has_value());
}

TEST(Statistics, LargeCloseValuesKeepTheirSpread) {
  const std::vector<double> x = {1e12 + 1, 1e12 + 2, 1e12 + 3};
  EXPECT_NEAR(*mean_with_ci(x).sd, 1.0, 1e-6);
}

TEST(Statistics, PairedDifferenceUsesThePairs) {
  // b = a + 1 + small noise: the pairs see the shift, although a alone varies a lot.
  const std::vector<double> a = {10, 50, 90, 130, 170};
  const std::vector<double> b = {11.1, 50.9, 91.0, 131.1, 170.9};
  const auto d = compare_paired(a, b);
  EXPECT_NEAR(*d.difference.mean, 1.0, 1e-9);
  ASSERT_TRUE(d.p_value.has_value());
  EXPECT_LT(*d.p_value, 1e-4);
  // Differences 1.1, 0.9, 1.0, 1.1, 0.9: sd 0.1, t = 1 / (0.1 / sqrt 5) = 22.36 with 4 df, so
  // the two-sided p is 2.37e-5.
  EXPECT_NEAR(*d.p_value, 2.37e-5, 0.01e-5);
}

TEST(Statistics, DifferencesThatCancelAverageToExactlyZero) {
  const std::vector<double> a = {562, 570, 548, 601, 555, 580, 549, 575, 566, 560};
  const std::vector<double> b = {563, 569, 548, 601, 555, 580, 549, 575, 566, 560};
  EXPECT_EQ(*compare_paired(a, b).difference.mean, 0.0);
}

TEST(Statistics, NoDifferenceHasPValueOne) {
  const std::vector<double> a = {1, 2, 3};
  EXPECT_DOUBLE_EQ(*compare_paired(a, a).p_value, 1.0);
  const std::vector<double> noisy = {1.5, 1.5, 3.0};
  const auto d = compare_paired(a, noisy);
  EXPECT_GT(*d.p_value, 0.5);
}

TEST(Statistics, MiddleRangeIsTheQuantilesOfTheValues) {
  const std::vector<double> v = {5, 1, 4, 2, 3, std::nan("")};
  const auto r = middle_range(v, 0.5);
  EXPECT_DOUBLE_EQ(*r.low, 2);  // R's type 7: the 25% quantile of 1..5
  EXPECT_DOUBLE_EQ(*r.high, 4);
  EXPECT_FALSE(middle_range(std::vector<double>{1}).low);
}

TEST(Statistics, ProbabilityHigherCountsPairsAndHalfTies) {
  const std::vector<double> a = {1, 1, 1, 1, std::nan("")};
  const std::vector<double> b = {2, 0, 1, 3, 5};
  EXPECT_DOUBLE_EQ(*probability_higher(a, b), (2 + 0.5) / 4);
  EXPECT_FALSE(probability_higher(std::vector<double>{}, std::vector<double>{}));
}

TEST(Statistics, VarianceSplitSeparatesDrawsFromSeeds) {
  // Four draws at 0, 10, 20, 30 with seeds adding -1 and +1: the seeds' variance is 2 (within
  // mean square of {-1, +1}), the draws' that of 0..30 (166.67) once the seeds' share of the
  // group means (2 / 2) is taken out.
  const std::vector<double> v = {-1, 1, 9, 11, 19, 21, 29, 31};
  const auto s = split_variance(v, 2);
  EXPECT_DOUBLE_EQ(*s.seeds, 2);
  EXPECT_NEAR(*s.parameters, 500.0 / 3 - 1, 1e-9);
  EXPECT_NEAR(*s.parameter_share(), (500.0 / 3 - 1) / (500.0 / 3 + 1), 1e-12);
  // Draws that do not matter: all luck.
  const auto luck = split_variance(std::vector<double>{-1, 1, 1, -1, -1, 1}, 2);
  EXPECT_DOUBLE_EQ(*luck.parameters, 0);
  EXPECT_DOUBLE_EQ(*luck.parameter_share(), 0);
  // One seed per draw, or a single whole group, cannot tell the sources apart.
  EXPECT_FALSE(split_variance(v, 1).parameters);
  EXPECT_FALSE(split_variance(std::vector<double>{1, 2, std::nan(""), 4}, 2).parameters);
}

TEST(Statistics, RankCorrelationIsSpearmans) {
  const std::vector<double> x = {1, 2, 3, 4, 5};
  EXPECT_DOUBLE_EQ(*rank_correlation(x, std::vector<double>{2, 4, 8, 16, 1000}), 1.0)
      << "monotone, however curved";
  EXPECT_DOUBLE_EQ(*rank_correlation(x, std::vector<double>{5, 4, 3, 2, 1}), -1.0);
  // Ties share their mean rank: x ranks 1..5, y ranks 1.5 1.5 3 4 5.
  EXPECT_NEAR(*rank_correlation(x, std::vector<double>{1, 1, 2, 3, 4}), 0.9746794344808963, 1e-12);
  EXPECT_FALSE(rank_correlation(x, std::vector<double>{1, 1, 1, 1, 1}));
  EXPECT_FALSE(rank_correlation(std::vector<double>{1, 2}, std::vector<double>{1, 2}));
  EXPECT_DOUBLE_EQ(*rank_correlation(std::vector<double>{1, 2, std::nan(""), 3},
                                     std::vector<double>{3, 2, 9, 1}),
                   -1.0);
}

}  // namespace
}  // namespace liangzhu::experiment

namespace liangzhu::experiment {
namespace {

// Reference values from SciPy 1.10: stats.ttest_ind(a, b, equal_var=False).pvalue, and
// stats.kstwobign.sf((sqrt(n) + 0.12 + 0.11 / sqrt(n)) * stats.ks_2samp(a, b).statistic) with
// n = na nb / (na + nb).
TEST(TwoSampleTests, WelchAndKolmogorovSmirnovAgreeWithSciPy) {
  const std::vector<double> a{1.2, 3.4, 2.2, 5.1, 0.3, 2.8, 3.3, 4.0};
  const std::vector<double> b{2.5, 6.1, 4.4, 5.5, 3.9, 7.2, 4.8};
  const auto t = compare_samples(a, b);
  EXPECT_NEAR(t.ks_statistic, 0.6071428571428571, 1e-12);
  ASSERT_TRUE(t.welch_p && t.ks_p);
  EXPECT_NEAR(*t.welch_p, 0.019249376937999173, 1e-9);
  EXPECT_NEAR(*t.ks_p, 0.07528772410866562, 1e-9);
  const auto same = compare_samples(b, b);
  EXPECT_EQ(same.ks_statistic, 0.0);
  EXPECT_EQ(*same.ks_p, 1.0);
  EXPECT_NEAR(*same.welch_p, 1.0, 1e-12);
}

TEST(TwoSampleTests, ShiftedSamplesAreToldApartAndTiesStepTogether) {
  std::vector<double> a, b, shifted;
  for (int i = 0; i < 40; ++i) {
    a.push_back(i);
    b.push_back(i + 0.5);
    shifted.push_back(i + 20);
  }
  const auto close = compare_samples(a, b);
  EXPECT_NEAR(close.ks_statistic, 0.025, 1e-12);
  EXPECT_NEAR(*close.welch_p, 0.8488087226825707, 1e-9);
  EXPECT_EQ(*close.ks_p, 1.0);
  const auto far = compare_samples(a, shifted);
  EXPECT_NEAR(far.ks_statistic, 0.5, 1e-12);
  EXPECT_LT(*far.ks_p, 1e-3);
  EXPECT_LT(*far.welch_p, 1e-3);
  // Counts tie a lot: equal values move both empirical CDFs at once.
  const auto counts =
      compare_samples(std::vector<double>{0, 0, 1, 1, 2}, std::vector<double>{0, 1, 1, 2, 2});
  EXPECT_NEAR(counts.ks_statistic, 0.2, 1e-12);
}

TEST(TwoSampleTests, TooFewValuesOrConstantSamples) {
  const double nan = std::nan("");
  const auto few = compare_samples(std::vector<double>{1.0, nan}, std::vector<double>{1, 2, 3});
  EXPECT_FALSE(few.welch_p);
  EXPECT_FALSE(few.ks_p);
  EXPECT_EQ(*compare_samples(std::vector<double>{2, 2}, std::vector<double>{2, 2, 2}).welch_p, 1.0);
  EXPECT_EQ(*compare_samples(std::vector<double>{2, 2}, std::vector<double>{3, 3}).welch_p, 0.0);
}

}  // namespace
}  // namespace liangzhu::experiment
