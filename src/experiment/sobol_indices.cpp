#include <boost/random/sobol.hpp>
#include <cmath>
#include <stdexcept>

#include "experiment/bootstrap.hpp"
#include "liangzhu/experiment/sensitivity.hpp"

namespace liangzhu::experiment {
namespace {

/// The outputs of a Saltelli design, by base point: f(A_n), f(AB_n^(i)), f(B_n).
struct saltelli_outputs {
  std::span<const double> f;
  std::size_t k;
  double a(std::size_t n) const { return f[n * (k + 2)]; }
  double ab(std::size_t n, std::size_t i) const { return f[n * (k + 2) + 1 + i]; }
  double b(std::size_t n) const { return f[n * (k + 2) + k + 1]; }
};

/// The indices over the base points `rows` (all of them, or a bootstrap resample). Outputs are
/// centred on their mean first: outputs in yuan run to billions, and the estimators subtract
/// nearly equal products.
void estimate(const saltelli_outputs& out, std::span<const std::size_t> rows,
              std::vector<double>& first, std::vector<double>& total, double& variance) {
  const double n = static_cast<double>(rows.size());
  double mean = 0;
  for (const std::size_t r : rows) mean += out.a(r) + out.b(r);
  mean /= 2 * n;
  variance = 0;
  for (const std::size_t r : rows)
    variance += (out.a(r) - mean) * (out.a(r) - mean) + (out.b(r) - mean) * (out.b(r) - mean);
  variance /= 2 * n;
  first.assign(out.k, 0.0);
  total.assign(out.k, 0.0);
  for (std::size_t i = 0; i < out.k; ++i) {
    double s = 0, st = 0;
    for (const std::size_t r : rows) {
      s += (out.b(r) - mean) * (out.ab(r, i) - out.a(r));
      const double d = out.a(r) - out.ab(r, i);
      st += d * d;
    }
    first[i] = variance > 0 ? s / n / variance : 0.0;
    total[i] = variance > 0 ? st / (2 * n) / variance : 0.0;
  }
}

}  // namespace

std::vector<std::vector<double>> saltelli_design(std::size_t base_samples, std::size_t factors) {
  boost::random::sobol sequence(2 * factors);
  sequence.discard(2 * factors);  // the origin: a corner of the cube, not a typical point
  std::vector<std::vector<double>> design;
  design.reserve(base_samples * (factors + 2));
  for (std::size_t n = 0; n < base_samples; ++n) {
    std::vector<double> row(2 * factors);
    for (double& x : row) x = std::ldexp(static_cast<double>(sequence()), -64);
    const std::vector<double> a(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(factors));
    const std::vector<double> b(row.begin() + static_cast<std::ptrdiff_t>(factors), row.end());
    design.push_back(a);
    for (std::size_t i = 0; i < factors; ++i) {
      std::vector<double> ab = a;
      ab[i] = b[i];
      design.push_back(std::move(ab));
    }
    design.push_back(b);
  }
  return design;
}

sobol_result sobol_indices(std::span<const double> f, std::size_t base_samples, std::size_t factors,
                           std::size_t bootstrap, std::uint64_t seed, double confidence) {
  if (f.size() != base_samples * (factors + 2))
    throw std::invalid_argument("sobol_indices: outputs do not match the design");
  for (const double v : f)
    if (std::isnan(v)) throw std::invalid_argument("sobol_indices: an output is empty (NaN)");
  const saltelli_outputs out{f, factors};
  std::vector<std::size_t> all(base_samples);
  for (std::size_t n = 0; n < base_samples; ++n) all[n] = n;

  sobol_result result;
  std::vector<double> first, total;
  estimate(out, all, first, total, result.variance);
  std::vector<std::vector<double>> first_draws(factors), total_draws(factors);
  double ignored = 0;
  for_each_resample(base_samples, bootstrap, seed, [&](std::span<const std::size_t> rows) {
    std::vector<double> s, st;
    estimate(out, rows, s, st, ignored);
    for (std::size_t i = 0; i < factors; ++i) {
      first_draws[i].push_back(s[i]);
      total_draws[i].push_back(st[i]);
    }
  });
  for (std::size_t i = 0; i < factors; ++i) {
    result.first_order.push_back(with_interval(first[i], first_draws[i], confidence));
    result.total.push_back(with_interval(total[i], total_draws[i], confidence));
  }
  return result;
}

}  // namespace liangzhu::experiment
