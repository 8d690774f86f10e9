#include "liangzhu/engine/decay_steps.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::engine {
namespace {

constexpr float infinity = std::numeric_limits<float>::infinity();

/// Beyond this many decays a weight counts as never dropped: 16 M decays are 1.3 million years
/// of four-week periods, and the table would take 64 MB.
constexpr std::size_t most_steps = std::size_t{1} << 24;

}  // namespace

decay_steps::decay_steps(float factor, float threshold) : factor_(factor), threshold_(threshold) {
  LIANGZHU_ASSERT(factor >= 0 && !std::isnan(threshold),
                  "decay factor and threshold must be numbers");
}

float decay_steps::after(float w, std::uint32_t times) const {
  for (std::uint32_t i = 0; i < times; ++i) w *= factor_;
  return w;
}

float decay_steps::least_reaching(float from) const {
  // Rounding is monotone, so the least such weight is found by stepping from the real-number
  // answer to the first float that reaches `from`.
  const auto survives = [&](float w) { return w * factor_ >= from; };
  if (factor_ == 0 || !survives(std::numeric_limits<float>::max())) return infinity;
  float w = static_cast<float>(
      std::min(static_cast<double>(from) / factor_, double{std::numeric_limits<float>::max()}));
  while (!survives(w)) w = std::nextafter(w, infinity);
  while (w > 0 && survives(std::nextafter(w, 0.0f))) w = std::nextafter(w, 0.0f);
  return w;
}

void decay_steps::cover(float w) {
  LIANGZHU_ASSERT(w >= 0, "tie weights are not negative");
  if (!(threshold_ > 0) || factor_ >= 1) return;
  while (w < stuck_ && (least_.empty() || w >= least_.back()) && least_.size() < most_steps) {
    // A weight survives k decays if one decay takes it to a weight that survives k - 1 (at least
    // the threshold for k = 1).
    const float previous = least_.empty() ? threshold_ : least_.back();
    const float next = least_reaching(previous);
    if (!least_.empty() && next == previous) {
      // Among subnormal floats a product can round back to the weight itself: from here on
      // such weights stay where they are and are never dropped.
      stuck_ = next;
      break;
    }
    least_.push_back(next);
  }
}

std::uint32_t decay_steps::lookup(float w) const {
  if (!(threshold_ > 0)) return never;
  // No decay (a factor of 1 or more): the weight drops at the first decay or never.
  if (factor_ >= 1) return w * factor_ < threshold_ ? 1 : never;
  if (w >= stuck_ || least_.empty() || w >= least_.back()) return never;
  // The number of k with w >= least_[k - 1], by a binary search without branches (the compiler
  // makes the choice a conditional move): a few nanoseconds for the few hundred entries.
  const float* base = least_.data();
  std::size_t n = least_.size();
  while (n > 1) {
    const std::size_t half = n / 2;
    base = base[half] <= w ? base + half : base;
    n -= half;
  }
  return static_cast<std::uint32_t>(1 + (base - least_.data()) + (*base <= w ? 1 : 0));
}

}  // namespace liangzhu::engine
