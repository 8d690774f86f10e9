// Two-sample tests of equal distributions. Boost.Math (1.74, Debian 12) has Student's t but no
// Kolmogorov-Smirnov distribution, so Kolmogorov's series is summed here.
#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <vector>

#include "liangzhu/experiment/statistics.hpp"

namespace liangzhu::experiment {
namespace {

std::vector<double> numbers(std::span<const double> values) {
  std::vector<double> x;
  for (const double v : values)
    if (!std::isnan(v)) x.push_back(v);
  return x;
}

double mean(const std::vector<double>& x) {
  double sum = 0;
  for (const double v : x) sum += v;
  return sum / static_cast<double>(x.size());
}

double variance(const std::vector<double>& x, double m) {
  double sum = 0;
  for (const double v : x) sum += (v - m) * (v - m);
  return sum / static_cast<double>(x.size() - 1);
}

double welch_p(const std::vector<double>& a, const std::vector<double>& b) {
  const double ma = mean(a), mb = mean(b);
  const double ea = variance(a, ma) / static_cast<double>(a.size());
  const double eb = variance(b, mb) / static_cast<double>(b.size());
  if (ea + eb == 0) return ma == mb ? 1.0 : 0.0;
  const double t = (ma - mb) / std::sqrt(ea + eb);
  // Welch-Satterthwaite degrees of freedom.
  const double df =
      (ea + eb) * (ea + eb) /
      (ea * ea / static_cast<double>(a.size() - 1) + eb * eb / static_cast<double>(b.size() - 1));
  return 2 * boost::math::cdf(boost::math::complement(boost::math::students_t(df), std::abs(t)));
}

/// The largest distance between the empirical CDFs of two sorted samples.
double ks_distance(const std::vector<double>& a, const std::vector<double>& b) {
  const auto na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  std::size_t i = 0, j = 0;
  double d = 0;
  while (i < a.size() && j < b.size()) {
    const double x = std::min(a[i], b[j]);
    while (i < a.size() && a[i] == x) ++i;  // ties step both CDFs at once
    while (j < b.size() && b[j] == x) ++j;
    d = std::max(d, std::abs(static_cast<double>(i) / na - static_cast<double>(j) / nb));
  }
  return d;
}

/// P(K > lambda) for Kolmogorov's distribution: 2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 lambda^2).
double kolmogorov_survival(double lambda) {
  if (lambda < 0.2) return 1.0;  // the series converges slowly there, and the value is 1 - 1e-20
  double sum = 0, sign = 1;
  for (int j = 1; j <= 100; ++j) {
    const double term = sign * std::exp(-2.0 * j * j * lambda * lambda);
    sum += term;
    if (std::abs(term) < 1e-16 * std::abs(sum)) break;
    sign = -sign;
  }
  return std::clamp(2 * sum, 0.0, 1.0);
}

}  // namespace

two_sample_test compare_samples(std::span<const double> a_values,
                                std::span<const double> b_values) {
  auto a = numbers(a_values), b = numbers(b_values);
  two_sample_test out;
  if (a.size() < 2 || b.size() < 2) return out;
  out.welch_p = welch_p(a, b);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  out.ks_statistic = ks_distance(a, b);
  const double n = std::sqrt(static_cast<double>(a.size() * b.size()) /
                             static_cast<double>(a.size() + b.size()));
  // Stephens (1970): the limit distribution at (sqrt(n) + 0.12 + 0.11 / sqrt(n)) D is close for
  // samples as small as a few values.
  out.ks_p = kolmogorov_survival((n + 0.12 + 0.11 / n) * out.ks_statistic);
  return out;
}

}  // namespace liangzhu::experiment
