#include "experiment/bootstrap.hpp"

#include <algorithm>
#include <cmath>

#include "liangzhu/engine/rng.hpp"

namespace liangzhu::experiment {
namespace {

/// The stream purpose of bootstrap draws (any constant apart from the model's purposes will do:
/// the seed given is the experiment's, not a run's).
constexpr std::uint64_t bootstrap_purpose = 0xb0075724ull;

double quantile_of_sorted(const std::vector<double>& sorted, double q) {
  const double at = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(at));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double w = at - static_cast<double>(below);
  return sorted[below] * (1 - w) + sorted[above] * w;
}

}  // namespace

void for_each_resample(std::size_t n, std::size_t resamples, std::uint64_t seed,
                       const std::function<void(std::span<const std::size_t>)>& visit) {
  std::vector<std::size_t> rows(n);
  for (std::size_t b = 0; b < resamples; ++b) {
    engine::rng_stream draw(seed, bootstrap_purpose, b, 0);
    for (auto& r : rows) r = static_cast<std::size_t>(draw.below(n));
    visit(rows);
  }
}

index_estimate with_interval(double value, std::vector<double> draws, double confidence) {
  index_estimate e{value, std::nullopt, std::nullopt};
  if (draws.empty()) return e;
  std::sort(draws.begin(), draws.end());
  e.low = quantile_of_sorted(draws, (1 - confidence) / 2);
  e.high = quantile_of_sorted(draws, 1 - (1 - confidence) / 2);
  return e;
}

}  // namespace liangzhu::experiment
