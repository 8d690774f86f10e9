#include "liangzhu/experiment/statistics.hpp"

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

}  // namespace liangzhu::experiment
