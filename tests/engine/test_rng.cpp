#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <span>
#include <vector>

#include "liangzhu/engine/rng.hpp"

namespace liangzhu::engine {
namespace {

std::vector<std::uint64_t> draws(rng_stream s, int n) {
  std::vector<std::uint64_t> v;
  for (int i = 0; i < n; ++i) v.push_back(s());
  return v;
}

TEST(Rng, SameKeySameNumbers) {
  EXPECT_EQ(draws(rng_stream(1, 2, 3, 4), 50), draws(rng_stream(1, 2, 3, 4), 50));
}

TEST(Rng, EveryKeyPartChangesTheStream) {
  const auto base = draws(rng_stream(1, 2, 3, 4), 8);
  EXPECT_NE(base, draws(rng_stream(9, 2, 3, 4), 8));
  EXPECT_NE(base, draws(rng_stream(1, 9, 3, 4), 8));
  EXPECT_NE(base, draws(rng_stream(1, 2, 9, 4), 8));
  EXPECT_NE(base, draws(rng_stream(1, 2, 3, 9), 8));
}

TEST(Rng, DrawsOfOnePurposeDoNotShiftAnother) {
  // Drawing more from purpose 1 must leave purpose 2's numbers unchanged: streams are named,
  // not consumed from a shared sequence.
  rng_stream a(7, 1, 0, 0);
  for (int i = 0; i < 1000; ++i) a();
  EXPECT_EQ(draws(rng_stream(7, 2, 0, 0), 8), draws(rng_stream(7, 2, 0, 0), 8));
}

TEST(Rng, StreamsOfNeighbouringSubjectsAreUncorrelated) {
  const int n = 20000;
  double sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
  for (int i = 0; i < n; ++i) {
    const double x = rng_stream(42, 1, static_cast<std::uint64_t>(i), 0).uniform();
    const double y = rng_stream(42, 1, static_cast<std::uint64_t>(i) + 1, 0).uniform();
    sx += x, sy += y, sxy += x * y, sxx += x * x, syy += y * y;
  }
  const double cov = sxy / n - sx / n * sy / n;
  const double r = cov / std::sqrt((sxx / n - sx * sx / n / n) * (syy / n - sy * sy / n / n));
  EXPECT_LT(std::abs(r), 0.03);
}

TEST(Rng, UniformMomentsAndRange) {
  rng_stream s(3, 0, 0, 0);
  double sum = 0, sumsq = 0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    const double u = s.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u, sumsq += u * u;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);
  EXPECT_NEAR(sumsq / n - (sum / n) * (sum / n), 1.0 / 12, 0.002);
}

TEST(Rng, BelowIsUnbiasedAndInRange) {
  rng_stream s(5, 0, 0, 0);
  std::vector<int> counts(7, 0);
  for (int i = 0; i < 70000; ++i) ++counts[s.below(7)];
  for (int c : counts) EXPECT_NEAR(c, 10000, 400);
}

TEST(Rng, ShuffleGivesEveryOrderAsOften) {
  // Three items have six orders; 60,000 shuffles give each about 10,000 times.
  std::map<std::array<int, 3>, int> seen;
  for (std::uint64_t k = 0; k < 60000; ++k) {
    rng_stream s(5, 1, k, 0);
    std::array<int, 3> items{0, 1, 2};
    s.shuffle(std::span<int>(items));
    ++seen[items];
  }
  ASSERT_EQ(seen.size(), 6u);
  for (const auto& [order, count] : seen) EXPECT_NEAR(count, 10000, 400);
}

TEST(Rng, ShuffleDependsOnlyOnTheStream) {
  std::vector<int> a(50), b(50);
  for (int k = 0; k < 50; ++k) a[static_cast<std::size_t>(k)] = b[static_cast<std::size_t>(k)] = k;
  rng_stream s(9, 2, 3, 4), t(9, 2, 3, 4);
  s.shuffle(std::span<int>(a));
  t.shuffle(std::span<int>(b));
  EXPECT_EQ(a, b);
  std::vector<int> sorted = a;
  std::sort(sorted.begin(), sorted.end());
  for (int k = 0; k < 50; ++k) EXPECT_EQ(sorted[static_cast<std::size_t>(k)], k);  // a permutation
}

TEST(Rng, DistributionMeans) {
  rng_stream s(11, 0, 0, 0);
  const int n = 50000;
  double normal = 0, expo = 0, pois = 0, binom = 0, beta = 0;
  for (int i = 0; i < n; ++i) {
    normal += s.normal(2.0, 1.0);
    expo += s.exponential(4.0);
    pois += static_cast<double>(s.poisson(3.0));
    binom += static_cast<double>(s.binomial(10, 0.3));
    beta += s.beta(2.0, 6.0);
  }
  EXPECT_NEAR(normal / n, 2.0, 0.02);
  EXPECT_NEAR(expo / n, 0.25, 0.005);
  EXPECT_NEAR(pois / n, 3.0, 0.03);
  EXPECT_NEAR(binom / n, 3.0, 0.03);
  EXPECT_NEAR(beta / n, 0.25, 0.005);
}

TEST(Rng, ParetoHasItsMedianAndHeavyTail) {
  rng_stream s(13, 0, 0, 0);
  std::vector<double> v;
  for (int i = 0; i < 20001; ++i) v.push_back(s.pareto(1.0, 1.5));
  std::nth_element(v.begin(), v.begin() + 10000, v.end());
  EXPECT_NEAR(v[10000], std::pow(2.0, 1.0 / 1.5), 0.05);  // median of Pareto(1, 1.5)
  EXPECT_GT(*std::max_element(v.begin(), v.end()), 100.0);
}

TEST(Rng, DegenerateArgumentsAreSafe) {
  rng_stream s(1, 1, 1, 1);
  EXPECT_EQ(s.poisson(0.0), 0u);
  EXPECT_EQ(s.binomial(0, 0.5), 0u);
  EXPECT_EQ(s.binomial(5, 0.0), 0u);
  EXPECT_EQ(s.binomial(5, 1.0), 5u);
}

}  // namespace
}  // namespace liangzhu::engine
