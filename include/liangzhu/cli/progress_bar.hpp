#pragma once
/// @file The progress line of `liangzhu run` on a terminal:
/// `[########............]  45% tick 234/522  2029-06-30  1,234 ticks/s  ETA 0:03`.
#include <chrono>
#include <string>
#include <string_view>

namespace liangzhu::cli {

/// One progress line (without the carriage return).
/// `unit` names what is counted ("tick", or "run" for an experiment).
std::string render_progress(long done, long total, std::string_view date, double per_second,
                            double eta_seconds, std::string_view unit = "tick");

/// `n` with a comma every three digits ("1,234,567").
std::string group_thousands(long long n);

/// A duration as m:ss, or h:mm:ss from an hour on.
std::string format_duration(double seconds);

/// True if stderr is a terminal (only then is a progress line drawn).
bool stderr_is_terminal();

/// Redraws the progress line on stderr, at most ten times a second, and erases it when done.
/// A disabled bar (stderr not a terminal, or --quiet) writes nothing at all.
///
/// As a log (`log_every` > 0, for long commands whose stderr is a file or a pipe: a batch job,
/// CI) it writes the same line as a line of its own at most once per `log_every`, the first after
/// `log_every` has passed, so that a short command stays silent and a long one is not.
class progress_bar {
 public:
  using clock = std::chrono::steady_clock;
  /// `first` is the tick the run starts from (non-zero after a resume), `total` its last.
  progress_bar(long first, long total, bool enabled, std::string unit = "tick",
               clock::duration log_every = {});
  ~progress_bar();
  progress_bar(const progress_bar&) = delete;
  progress_bar& operator=(const progress_bar&) = delete;

  /// Reports that `done` ticks are complete; `date` is the simulated date reached.
  void update(long done, std::string_view date);
  /// Erases the line (so that later messages start on a clean line).
  void clear();

 private:
  long first_;
  long total_;
  bool enabled_;
  std::string unit_;
  clock::duration log_every_;
  bool drawn_ = false;
  clock::time_point start_ = clock::now();
  clock::time_point last_draw_{};
};

}  // namespace liangzhu::cli
