// decay_steps: the decay that drops a weight, against multiplying it out one decay at a time in
// float, for the factors and thresholds a scenario can give and for the edge cases (no decay,
// no threshold, a factor of zero, subnormal thresholds whose products round back to themselves).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "liangzhu/engine/decay_steps.hpp"
#include "liangzhu/engine/rng.hpp"

namespace liangzhu::engine {
namespace {

/// The decay that drops `w`, multiplying one decay at a time (`limit` decays at most).
std::uint32_t by_hand(float w, float factor, float threshold, std::uint32_t limit) {
  for (std::uint32_t k = 1; k <= limit; ++k)
    if ((w *= factor) < threshold) return k;
  return decay_steps::never;
}

TEST(DecaySteps, AgreeWithMultiplyingOutOneDecayAtATime) {
  rng_stream r(3, 1, 2, 0);
  // Factors of 4-week periods for decay rates of 0.1 to 3 a year, and harsher ones.
  for (const float factor : {0.9923f, 0.9623f, 0.7926f, 0.5f, 0.1f, 0.999f}) {
    for (const float threshold : {0.05f, 0.01f, 0.3f, 1e-6f}) {
      decay_steps steps(factor, threshold);
      for (int i = 0; i < 4000; ++i) {
        // Mostly weights of ties (0 to 1), some far above, some just at the table's boundaries.
        float w = static_cast<float>(i % 4 == 0 ? r.uniform(0.0, 50.0) : r.uniform(0.0, 1.0));
        if (i % 7 == 0) w = threshold / std::pow(factor, static_cast<float>(i % 40));
        if (i % 11 == 0) w = std::nextafter(w, i % 2 == 0 ? 0.0f : 100.0f);
        ASSERT_EQ(steps(w), by_hand(w, factor, threshold, 1u << 20))
            << "w " << w << " factor " << factor << " threshold " << threshold;
      }
      if (steps(0.8f) > 3) {
        EXPECT_EQ(steps(steps.after(0.8f, 3)), steps(0.8f) - 3) << "three decays later";
      }
    }
  }
}

TEST(DecaySteps, NoDecayNoThresholdAndNoFactor) {
  decay_steps none(1.0f, 0.05f);
  EXPECT_EQ(none(0.5f), decay_steps::never);
  EXPECT_EQ(none(0.01f), 1u) << "a weight already below the threshold drops at the next decay";
  decay_steps no_threshold(0.5f, 0.0f);
  EXPECT_EQ(no_threshold(0.5f), decay_steps::never);
  decay_steps zero(0.0f, 0.05f);
  EXPECT_EQ(zero(1e30f), 1u);
  decay_steps default_schedule;
  EXPECT_EQ(default_schedule(0.5f), decay_steps::never);
}

TEST(DecaySteps, SubnormalWeightsThatRoundBackToThemselvesNeverDrop) {
  const float tiny = std::numeric_limits<float>::denorm_min();
  // 3 x denorm_min x 0.9 rounds back to 3 x denorm_min: such a weight stays for ever.
  decay_steps steps(0.9f, 2 * tiny);
  for (const float w : {2 * tiny, 3 * tiny, 10 * tiny, 1e-40f, 1.0f})
    EXPECT_EQ(steps(w), by_hand(w, 0.9f, 2 * tiny, 100000)) << w;
}

}  // namespace
}  // namespace liangzhu::engine
