#pragma once
// The 16-bit week of the engineers' date columns.
#include <climits>
#include <cstdint>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::model::detail {

/// A week of the run as an engineer's columns keep it (its timers, bindings, hire, last meetup):
/// 16 bits, half the memory of a 32-bit tick for eight columns of every engineer. It holds any
/// week a run can refer to: a run and the histories it starts from are at most 5 x 5,218 weeks
/// (ticks and the start_from depth are bounded), and what a history moves back (its clock) stays
/// above -32,768. A timer that would fire at week 32,767 or later never fires in any run.
using week = std::int16_t;
inline constexpr week never = INT16_MAX;
/// `tick` as a week; a tick outside 16 bits is a bug (see `week`).
inline week as_week(long tick) {
  LIANGZHU_ASSERT(tick >= INT16_MIN && tick <= INT16_MAX, "a week beyond 16 bits");
  return static_cast<week>(tick);
}

}  // namespace liangzhu::model::detail
