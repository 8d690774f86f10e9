#pragma once
/// @file SIGINT/SIGTERM handling for `liangzhu run`: the handlers only set a flag, and the run loop
/// stops between ticks, so the store and the checkpoint only ever hold complete ticks.
namespace liangzhu::cli {

/// While alive, SIGINT and SIGTERM set a flag instead of killing the process. A second signal of
/// the same kind kills it as usual (the store stays consistent: every write is a transaction).
class interrupt_guard {
 public:
  interrupt_guard();
  ~interrupt_guard();
  interrupt_guard(const interrupt_guard&) = delete;
  interrupt_guard& operator=(const interrupt_guard&) = delete;

  /// True once a signal arrived.
  bool requested() const noexcept;
  /// "SIGINT" or "SIGTERM" (the first that arrived), "" if none.
  const char* signal_name() const noexcept;
};

/// Makes a failed assertion (abort) exit with code 1, the documented code of internal errors,
/// instead of 134. The assertion has printed its message already.
void exit_1_on_abort();

}  // namespace liangzhu::cli
