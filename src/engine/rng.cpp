#include "liangzhu/engine/rng.hpp"

#include <cmath>

#include <boost/random/beta_distribution.hpp>
#include <boost/random/binomial_distribution.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::engine {

std::uint64_t rng_stream::below(std::uint64_t n) {
  LIANGZHU_ASSERT(n > 0, "below(0)");
  __extension__ using u128 = unsigned __int128;  // GCC/Clang builtin, the fast path for 64x64
  u128 m = static_cast<u128>((*this)()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<u128>((*this)()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

double rng_stream::normal(double mean, double sd) {
  return boost::random::normal_distribution<double>(mean, sd)(*this);
}

double rng_stream::lognormal_median(double median, double sigma) {
  return median * std::exp(normal(0.0, sigma));
}

double rng_stream::exponential(double rate) {
  return boost::random::exponential_distribution<double>(rate)(*this);
}

double rng_stream::pareto(double x_min, double alpha) {
  // Inverse transform; 1 - u lies in (0, 1], so the result is finite.
  return x_min / std::pow(1.0 - uniform(), 1.0 / alpha);
}

std::uint64_t rng_stream::poisson(double mean) {
  if (mean <= 0.0) return 0;
  return static_cast<std::uint64_t>(boost::random::poisson_distribution<long, double>(mean)(*this));
}

std::uint64_t rng_stream::binomial(std::uint64_t n, double p) {
  if (n == 0 || p <= 0.0) return 0;
  if (p >= 1.0) return n;
  return static_cast<std::uint64_t>(
      boost::random::binomial_distribution<long, double>(static_cast<long>(n), p)(*this));
}

double rng_stream::beta(double a, double b) {
  return boost::random::beta_distribution<double>(a, b)(*this);
}

}  // namespace liangzhu::engine
