#include "liangzhu/experiment/statistics.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <vector>

namespace liangzhu::experiment {

estimate mean_with_ci(std::span<const double> values, double confidence) {
  std::vector<double> x;
  for (const double v : values)
    if (!std::isnan(v)) x.push_back(v);
  estimate e;
  e.n = static_cast<std::int64_t>(x.size());
  if (x.empty()) return e;
  // Two passes: the mean as a plain sum (exact for the counts most outputs are, so differences
  // that cancel give 0, not 1e-17), then the squared deviations from it (stable for the large,
  // close values, yuan in the billions, that other outputs hold).
  double sum = 0;
  for (const double v : x) sum += v;
  const double mean = sum / static_cast<double>(x.size());
  double m2 = 0;
  for (const double v : x) m2 += (v - mean) * (v - mean);
  e.mean = mean;
  if (x.size() < 2) return e;
  const double n = static_cast<double>(x.size());
  const double sd = std::sqrt(m2 / (n - 1));
  e.sd = sd;
  const boost::math::students_t t(n - 1);
  const double half =
      boost::math::quantile(boost::math::complement(t, (1 - confidence) / 2)) * sd / std::sqrt(n);
  e.low = mean - half;
  e.high = mean + half;
  return e;
}

paired_difference compare_paired(std::span<const double> a, std::span<const double> b,
                                 double confidence) {
  std::vector<double> d;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
    if (!std::isnan(a[i]) && !std::isnan(b[i])) d.push_back(b[i] - a[i]);
  paired_difference out;
  out.difference = mean_with_ci(d, confidence);
  if (d.size() < 2) return out;
  const double sd = *out.difference.sd;
  if (sd == 0) {
    out.p_value = *out.difference.mean == 0 ? 1.0 : 0.0;
    return out;
  }
  const double n = static_cast<double>(d.size());
  const double t_stat = *out.difference.mean / (sd / std::sqrt(n));
  const boost::math::students_t t(n - 1);
  out.p_value = 2 * boost::math::cdf(boost::math::complement(t, std::fabs(t_stat)));
  return out;
}

value_range middle_range(std::span<const double> values, double share) {
  std::vector<double> x;
  for (const double v : values)
    if (!std::isnan(v)) x.push_back(v);
  value_range out;
  if (x.size() < 2) return out;
  std::ranges::sort(x);
  const auto quantile = [&](double q) {
    const double h = q * static_cast<double>(x.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(h));
    const std::size_t above = std::min(below + 1, x.size() - 1);
    return x[below] + (h - static_cast<double>(below)) * (x[above] - x[below]);
  };
  out.low = quantile((1 - share) / 2);
  out.high = quantile((1 + share) / 2);
  return out;
}

std::optional<double> probability_higher(std::span<const double> a, std::span<const double> b) {
  double wins = 0;
  std::size_t pairs = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (std::isnan(a[i]) || std::isnan(b[i])) continue;
    ++pairs;
    wins += b[i] > a[i] ? 1.0 : b[i] == a[i] ? 0.5 : 0.0;
  }
  if (pairs == 0) return std::nullopt;
  return wins / static_cast<double>(pairs);
}

std::optional<double> variance_split::parameter_share() const {
  if (!parameters || !seeds || *parameters + *seeds <= 0) return std::nullopt;
  return *parameters / (*parameters + *seeds);
}

variance_split split_variance(std::span<const double> values, std::int64_t seeds_per_draw) {
  variance_split out;
  if (seeds_per_draw < 2) return out;
  const auto k = static_cast<std::size_t>(seeds_per_draw);
  std::vector<std::span<const double>> groups;
  for (std::size_t first = 0; first + k <= values.size(); first += k) {
    const auto group = values.subspan(first, k);
    if (std::ranges::none_of(group, [](double v) { return std::isnan(v); }))
      groups.push_back(group);
  }
  if (groups.size() < 2) return out;
  std::vector<double> means;
  double within = 0;
  for (const auto group : groups) {
    double sum = 0;
    for (const double v : group) sum += v;
    const double mean = sum / static_cast<double>(k);
    for (const double v : group) within += (v - mean) * (v - mean);
    means.push_back(mean);
  }
  double grand = 0;
  for (const double m : means) grand += m;
  grand /= static_cast<double>(means.size());
  double between = 0;
  for (const double m : means) between += (m - grand) * (m - grand);
  const double g = static_cast<double>(groups.size());
  const double within_square = within / (g * static_cast<double>(k - 1));
  const double between_square = static_cast<double>(k) * between / (g - 1);
  out.seeds = within_square;
  out.parameters = std::max(0.0, (between_square - within_square) / static_cast<double>(k));
  return out;
}

namespace {

/// The ranks of `v` (1-based; ties share their mean rank).
std::vector<double> ranks(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::ranges::sort(order, [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  std::vector<double> out(v.size());
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first;
    while (last + 1 < order.size() && v[order[last + 1]] == v[order[first]]) ++last;
    const double rank = 0.5 * static_cast<double>(first + last) + 1;
    for (std::size_t k = first; k <= last; ++k) out[order[k]] = rank;
    first = last + 1;
  }
  return out;
}

}  // namespace

std::optional<double> rank_correlation(std::span<const double> x, std::span<const double> y) {
  std::vector<double> a, b;
  for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
    if (!std::isnan(x[i]) && !std::isnan(y[i])) {
      a.push_back(x[i]);
      b.push_back(y[i]);
    }
  if (a.size() < 3) return std::nullopt;
  const auto ra = ranks(a), rb = ranks(b);
  const double mean = 0.5 * static_cast<double>(a.size() + 1);
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    sab += (ra[i] - mean) * (rb[i] - mean);
    saa += (ra[i] - mean) * (ra[i] - mean);
    sbb += (rb[i] - mean) * (rb[i] - mean);
  }
  if (saa == 0 || sbb == 0) return std::nullopt;
  return sab / std::sqrt(saa * sbb);
}

}  // namespace liangzhu::experiment
