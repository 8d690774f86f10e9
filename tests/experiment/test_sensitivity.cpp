// Sobol indices and Morris effects against functions whose answers are known: the Ishigami
// function (Ishigami & Homma 1990; analytic indices in Saltelli et al. 2008, ch. 4) and linear
// functions.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "liangzhu/experiment/sensitivity.hpp"

namespace liangzhu::experiment {
namespace {

constexpr double pi = std::numbers::pi;

/// Ishigami with a = 7, b = 0.1 on [-pi, pi]^3, from unit coordinates.
double ishigami(const std::vector<double>& u) {
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + 7 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

/// The analytic indices for a = 7, b = 0.1.
struct analytic {
  double variance, s1, s2, s3, st1, st2, st3;
};

analytic ishigami_truth() {
  const double a = 7, b = 0.1;
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2);
  const double v2 = a * a / 8;
  const double v13 = std::pow(b, 2) * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v13;
  return {v, v1 / v, v2 / v, 0.0, (v1 + v13) / v, v2 / v, v13 / v};
}

void expect_inside(const index_estimate& e, double truth, const char* what) {
  ASSERT_TRUE(e.low && e.high) << what;
  EXPECT_LE(*e.low, truth) << what << " estimate " << e.value;
  EXPECT_GE(*e.high, truth) << what << " estimate " << e.value;
  EXPECT_NEAR(e.value, truth, 0.05) << what;
}

TEST(Sobol, SaltelliDesignTakesOneColumnFromB) {
  const auto d = saltelli_design(4, 3);
  ASSERT_EQ(d.size(), 4u * 5);
  for (std::size_t n = 0; n < 4; ++n) {
    const auto& a = d[n * 5];
    const auto& b = d[n * 5 + 4];
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& ab = d[n * 5 + 1 + i];
      for (std::size_t j = 0; j < 3; ++j) EXPECT_EQ(ab[j], j == i ? b[j] : a[j]);
    }
    for (double x : a) {
      EXPECT_GE(x, 0.0);
      EXPECT_LT(x, 1.0);
    }
  }
  EXPECT_NE(d[0], d[5]);  // base points differ
}

TEST(Sobol, IshigamiIndicesLieInsideTheirBootstrapIntervals) {
  const std::size_t n = 4096;
  const auto design = saltelli_design(n, 3);
  std::vector<double> f;
  for (const auto& u : design) f.push_back(ishigami(u));
  const auto r = sobol_indices(f, n, 3, 300, 42);
  const analytic t = ishigami_truth();
  EXPECT_NEAR(r.variance, t.variance, 0.05 * t.variance);
  expect_inside(r.first_order[0], t.s1, "S1");
  expect_inside(r.first_order[1], t.s2, "S2");
  expect_inside(r.first_order[2], t.s3, "S3");
  expect_inside(r.total[0], t.st1, "ST1");
  expect_inside(r.total[1], t.st2, "ST2");
  expect_inside(r.total[2], t.st3, "ST3");
}

TEST(Sobol, AdditiveFunctionHasEqualFirstOrderAndTotal) {
  const std::size_t n = 1024;
  const auto design = saltelli_design(n, 2);
  std::vector<double> f;
  for (const auto& u : design) f.push_back(3 * u[0] + u[1]);  // variances 9/12 and 1/12
  const auto r = sobol_indices(f, n, 2, 0, 1);
  EXPECT_NEAR(r.first_order[0].value, 0.9, 0.02);
  EXPECT_NEAR(r.total[0].value, 0.9, 0.02);
  EXPECT_NEAR(r.first_order[1].value, 0.1, 0.02);
  EXPECT_FALSE(r.first_order[0].low.has_value());  // no bootstrap asked
}

TEST(Sobol, RejectsMismatchedOrEmptyOutputs) {
  EXPECT_THROW(sobol_indices(std::vector<double>(5), 2, 2, 0, 1), std::invalid_argument);
  std::vector<double> f(8, 1.0);
  f[3] = std::nan("");
  EXPECT_THROW(sobol_indices(f, 2, 2, 0, 1), std::invalid_argument);
}

TEST(Morris, LinearFunctionGivesItsSlopesExactly) {
  const auto d = make_morris_design(20, 3, 4, 9);
  ASSERT_EQ(d.points.size(), 20u * 4);
  std::vector<double> f;
  for (const auto& x : d.points) f.push_back(5 * x[0] - 2 * x[1]);  // x3 does nothing
  const auto r = morris_effects(d, f, 100, 9);
  EXPECT_NEAR(r.mu_star[0].value, 5.0, 1e-9);
  EXPECT_NEAR(r.mu_star[1].value, 2.0, 1e-9);
  EXPECT_NEAR(r.mu[1], -2.0, 1e-9);
  EXPECT_NEAR(r.mu_star[2].value, 0.0, 1e-12);
  EXPECT_NEAR(r.sigma[0], 0.0, 1e-9);
}

TEST(Morris, TrajectoriesMoveOneFactorByDeltaInsideTheCube) {
  const auto d = make_morris_design(10, 4, 4, 3);
  const double delta = 2.0 / 3.0;  // levels / (2 (levels - 1)) for 4 levels
  for (std::size_t t = 0; t < 10; ++t) {
    for (std::size_t s = 0; s < 4; ++s) {
      const auto& before = d.points[t * 5 + s];
      const auto& after = d.points[t * 5 + s + 1];
      int moved = 0;
      for (std::size_t i = 0; i < 4; ++i) {
        if (before[i] != after[i]) {
          ++moved;
          EXPECT_NEAR(std::fabs(after[i] - before[i]), delta, 1e-12);
        }
        EXPECT_GE(after[i], 0.0);
        EXPECT_LE(after[i], 1.0);
      }
      EXPECT_EQ(moved, 1);
    }
  }
}

TEST(Morris, IshigamiScreeningRanksTheInfluentialFactors) {
  const auto d = make_morris_design(50, 3, 4, 5);
  std::vector<double> f;
  for (const auto& x : d.points) f.push_back(ishigami(x));
  const auto r = morris_effects(d, f, 0, 5);
  // x3 acts only with x1 (sigma large relative to mu); x1 and x2 matter most.
  EXPECT_GT(r.mu_star[0].value, 0.0);
  EXPECT_GT(r.mu_star[1].value, 0.0);
  EXPECT_GT(r.sigma[2], std::fabs(r.mu[2]));
}

}  // namespace
}  // namespace liangzhu::experiment
