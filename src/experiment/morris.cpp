#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "experiment/bootstrap.hpp"
#include "liangzhu/engine/rng.hpp"
#include "liangzhu/experiment/sensitivity.hpp"

namespace liangzhu::experiment {
namespace {

constexpr std::uint64_t morris_purpose = 0x4d0441ull;

}  // namespace

morris_design make_morris_design(std::size_t trajectories, std::size_t factors, std::size_t levels,
                                 std::uint64_t seed) {
  if (levels < 2) throw std::invalid_argument("make_morris_design: at least two levels");
  const double grid = static_cast<double>(levels - 1);
  // Morris' delta: levels / (2 (levels - 1)), a whole number of grid steps for even levels.
  const auto delta_steps =
      static_cast<std::size_t>(std::max<double>(1.0, std::floor(static_cast<double>(levels) / 2)));
  const double delta = static_cast<double>(delta_steps) / grid;
  morris_design d;
  for (std::size_t t = 0; t < trajectories; ++t) {
    engine::rng_stream draw(seed, morris_purpose, t, 0);
    // A base point on the grid low enough that +delta stays inside the cube; each factor then
    // starts at its low or high value at random and moves to the other one in a random order.
    std::vector<double> x(factors);
    std::vector<double> sign(factors);
    for (std::size_t i = 0; i < factors; ++i) {
      const double base = static_cast<double>(draw.below(levels - delta_steps)) / grid;
      sign[i] = draw.bernoulli(0.5) ? 1.0 : -1.0;
      x[i] = sign[i] > 0 ? base : base + delta;
    }
    std::vector<std::size_t> order(factors);
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t i = factors; i > 1; --i) std::swap(order[i - 1], order[draw.below(i)]);
    d.points.push_back(x);
    std::vector<double> steps;
    for (const std::size_t i : order) {
      x[i] += sign[i] * delta;
      x[i] = std::clamp(x[i], 0.0, 1.0);
      d.points.push_back(x);
      steps.push_back(sign[i] * delta);
    }
    d.changed.push_back(order);
    d.step.push_back(steps);
  }
  return d;
}

morris_result morris_effects(const morris_design& design, std::span<const double> f,
                             std::size_t bootstrap, std::uint64_t seed, double confidence) {
  const std::size_t trajectories = design.changed.size();
  const std::size_t k = trajectories > 0 ? design.changed.front().size() : 0;
  if (f.size() != design.points.size())
    throw std::invalid_argument("morris_effects: outputs do not match the design");
  // effects[i][t]: the elementary effect of factor i in trajectory t.
  std::vector<std::vector<double>> effects(k, std::vector<double>(trajectories));
  for (std::size_t t = 0; t < trajectories; ++t) {
    const std::size_t first = t * (k + 1);
    for (std::size_t s = 0; s < k; ++s) {
      const double change = f[first + s + 1] - f[first + s];
      effects[design.changed[t][s]][t] = change / design.step[t][s];
    }
  }
  morris_result r;
  for (std::size_t i = 0; i < k; ++i) {
    const auto& e = effects[i];
    const auto mean_abs = [&](std::span<const std::size_t> rows) {
      double sum = 0;
      for (const std::size_t t : rows) sum += std::fabs(e[t]);
      return rows.empty() ? 0.0 : sum / static_cast<double>(rows.size());
    };
    std::vector<std::size_t> all(trajectories);
    std::iota(all.begin(), all.end(), std::size_t{0});
    std::vector<double> draws;
    for_each_resample(trajectories, bootstrap, seed + i,
                      [&](std::span<const std::size_t> rows) { draws.push_back(mean_abs(rows)); });
    r.mu_star.push_back(with_interval(mean_abs(all), std::move(draws), confidence));
    const double mu = std::accumulate(e.begin(), e.end(), 0.0) /
                      static_cast<double>(std::max<std::size_t>(1, trajectories));
    double ss = 0;
    for (const double v : e) ss += (v - mu) * (v - mu);
    r.mu.push_back(mu);
    r.sigma.push_back(trajectories > 1 ? std::sqrt(ss / static_cast<double>(trajectories - 1))
                                       : 0.0);
  }
  return r;
}

}  // namespace liangzhu::experiment
