#include "liangzhu/engine/timing_wheel.hpp"

#include <climits>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::engine {

timing_wheel::timing_wheel(int span) : span_(span), buckets_(static_cast<std::size_t>(span)) {
  LIANGZHU_ASSERT(span > 0, "a timing wheel needs at least one bucket");
  forget();
}

void timing_wheel::advance(long tick) {
  LIANGZHU_ASSERT(tick >= 0, "ticks start at 0");
  for (auto& b : buckets_) b.clear();
  start_ = tick;
}

void timing_wheel::forget() {
  for (auto& b : buckets_) b.clear();
  start_ = LONG_MIN / 2;  // a window no tick falls in
}

std::vector<std::uint32_t> timing_wheel::take(long tick) {
  LIANGZHU_ASSERT(!needs_refill(tick), "take() of a tick outside the window");
  std::vector<std::uint32_t> out;
  out.swap(bucket(tick));
  return out;
}

std::size_t timing_wheel::filed() const {
  std::size_t n = 0;
  for (const auto& b : buckets_) n += b.size();
  return n;
}

}  // namespace liangzhu::engine
