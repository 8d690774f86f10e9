#include <gtest/gtest.h>

#include <algorithm>

#include "liangzhu/engine/timing_wheel.hpp"

namespace liangzhu::engine {
namespace {

std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(TimingWheel, AWheelWithoutAWindowFilesNothingAndAsksForARefill) {
  timing_wheel w(8);
  EXPECT_TRUE(w.needs_refill(0));
  w.schedule(1, 0);
  w.schedule(2, 5);
  EXPECT_EQ(w.filed(), 0u);
}

TEST(TimingWheel, FilesTheWindowsEventsAndGivesThemBackOnTheirTick) {
  timing_wheel w(8);
  w.advance(10);
  EXPECT_FALSE(w.needs_refill(10));
  EXPECT_FALSE(w.needs_refill(17));
  EXPECT_TRUE(w.needs_refill(18));
  EXPECT_TRUE(w.needs_refill(9));
  EXPECT_EQ(w.window_end(), 18);
  w.schedule(4, 12);
  w.schedule(7, 12);
  w.schedule(9, 17);
  w.schedule(3, 18);  // after the window: the next refill's
  w.schedule(5, 9);   // before it: never due again
  EXPECT_EQ(w.filed(), 3u);
  EXPECT_TRUE(w.take(11).empty());
  EXPECT_EQ(sorted(w.take(12)), (std::vector<std::uint32_t>{4, 7}));
  EXPECT_TRUE(w.take(12).empty()) << "a bucket is emptied when taken";
  EXPECT_EQ(w.take(17), std::vector<std::uint32_t>{9});
  EXPECT_EQ(w.filed(), 0u);
}

TEST(TimingWheel, AdvancingOrForgettingEmptiesTheWheel) {
  timing_wheel w(4);
  w.advance(0);
  w.schedule(1, 2);
  w.advance(4);
  EXPECT_EQ(w.filed(), 0u);
  w.schedule(1, 6);
  // Buckets are reused modulo the span: tick 2's bucket now holds tick 6.
  EXPECT_EQ(w.take(6), std::vector<std::uint32_t>{1});
  w.schedule(2, 7);
  w.forget();
  EXPECT_EQ(w.filed(), 0u);
  EXPECT_TRUE(w.needs_refill(7));
}

}  // namespace
}  // namespace liangzhu::engine
