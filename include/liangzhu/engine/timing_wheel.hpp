#pragma once
/// @file Agents filed by the tick of their next event, so that a tick finds the agents due in it
/// without scanning every agent.
///
/// A timing wheel (Varghese and Lauck, "Hashed and hierarchical timing wheels", 1987) with one
/// bucket per tick of a window of `span` ticks. Only events inside the window are filed; once the
/// window has passed, the owner files every agent whose event falls in the next window, in one
/// scan of its event times (refill). The scans cost 1/span of scanning every tick, and the wheel
/// holds only the events of one window, a few bytes per agent.
///
/// Entries are hints, not the truth: the owner keeps each agent's event time in its own column,
/// and an agent whose time changes stays filed under the old tick too. What take() returns must
/// therefore be checked against the column, and may name an agent twice or a slot reused since.
#include <cstdint>
#include <vector>

namespace liangzhu::engine {

class timing_wheel {
 public:
  explicit timing_wheel(int span = 32);

  /// True if `tick` lies outside the window, so the owner must advance(tick) and refill.
  bool needs_refill(long tick) const { return tick < start_ || tick >= start_ + span_; }
  /// Empties the wheel and starts its window at `tick`. The owner then files every agent whose
  /// event lies in [tick, window_end()).
  void advance(long tick);
  /// Empties the wheel and leaves it without a window: the next use refills it. For when the
  /// event times were changed in bulk (a restored checkpoint).
  void forget();
  long window_end() const { return start_ + span_; }

  /// Files `slot` under `tick` if the tick lies in the window; an event later than the window is
  /// found by the refill that reaches it.
  void schedule(std::uint32_t slot, long tick) {
    if (tick >= start_ && tick < start_ + span_) bucket(tick).push_back(slot);
  }
  /// The slots filed under `tick`, which must lie in the window; the bucket is emptied.
  std::vector<std::uint32_t> take(long tick);

  /// Entries filed now (for the memory report and tests).
  std::size_t filed() const;

 private:
  std::vector<std::uint32_t>& bucket(long tick) {
    return buckets_[static_cast<std::size_t>(tick % span_)];
  }

  long span_;
  long start_ = 0;  // the window is [start_, start_ + span_); empty until the first advance
  std::vector<std::vector<std::uint32_t>> buckets_;
};

}  // namespace liangzhu::engine
