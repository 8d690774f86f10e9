#pragma once
/// @file The order of work within a tick: phases that run every tick or every N ticks, and
/// one-off actions on dated ticks (policy changes, export-control steps, shocks).
#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace liangzhu::engine {

/// A step of the tick. Runs on ticks first, first + period, first + 2 * period, ...
struct phase {
  std::string name;
  std::function<void(long tick)> run;
  int period = 1;
  int first = 0;
  bool due(long tick) const { return tick >= first && (tick - first) % period == 0; }
};

/// Wall time spent in a phase, for profiling (`liangzhu run --timings`).
struct phase_timing {
  std::string name;
  double seconds = 0.0;
  long calls = 0;
};

/// An ordered list of phases plus dated actions.
class schedule {
 public:
  /// Appends a phase that runs every tick.
  void every_tick(std::string name, std::function<void(long)> run);
  /// Appends a phase that runs on ticks first, first + period, ... (`first` may be a later
  /// period's tick: a yearly phase that skips the set-up year starts at the first year's end).
  void every(int period, int first, std::string name, std::function<void(long)> run);
  /// Adds a one-off action at the start of `tick` (before the phases). Actions on the same tick
  /// run in the order they were added.
  void at(long tick, std::string name, std::function<void(long)> run);

  /// After a resume from a checkpoint taken before `tick`: marks the dated actions of earlier
  /// ticks as done (their effect is part of the restored state).
  void resume_at(long tick);

  /// Runs the dated actions of `tick`, then every phase due at `tick`, in order.
  void run_tick(long tick);

  const std::vector<phase>& phases() const { return phases_; }
  /// Per-phase timings accumulated so far (dated actions are summed under "dated actions").
  std::vector<phase_timing> timings() const;

 private:
  struct dated_action {
    long tick;
    std::size_t order;
    std::string name;
    std::function<void(long)> run;
  };
  std::vector<phase> phases_;
  std::vector<dated_action> dated_;  // kept sorted by (tick, order)
  std::size_t next_dated_ = 0;
  std::vector<phase_timing> timings_;
  phase_timing dated_timing_{"dated actions", 0.0, 0};
};

}  // namespace liangzhu::engine
