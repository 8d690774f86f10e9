#pragma once
/// @file One timed run of the model at one scale and thread count, in the current process.
#include <cstdint>
#include <string>

namespace liangzhu::model_bench {

struct measurement {
  double setup_s = 0;         ///< building the initial state
  double run_s = 0;           ///< the weekly ticks, outputs collected
  double engineer_weeks = 0;  ///< agent-updates: engineers alive summed over ticks
  double peak_engineers = 0;
  long ticks = 0;
  std::uint64_t peak_rss_bytes = 0;  ///< VmHWM of the process
  std::uint64_t output_hash = 0;     ///< FNV-1a of every series value and event
};

struct run_request {
  std::string scenario_file;
  std::string scale;
  int threads = 1;
  long ticks = 0;  ///< <= 0: the scenario's length
  /// Memory the run may use; 0: what the machine has available now (MemAvailable).
  std::uint64_t max_memory_bytes = 0;
};

/// What a run as asked would need at its peak, by the model's own estimate (the figure a run
/// checks before building anything), and what this machine has available now.
struct memory_outlook {
  long ticks = 0;  ///< the run's length
  double needed_bytes = 0;
  double peak_engineers = 0;
  double bytes_per_engineer = 0;
  /// The request's max_memory_bytes, else MemAvailable of /proc/meminfo; 0 if unknown.
  std::uint64_t available_bytes = 0;
  /// A machine that does not say what it has available is not second-guessed: the run's own
  /// check (half of the machine) still applies.
  bool fits() const {
    return available_bytes == 0 || needed_bytes <= static_cast<double>(available_bytes);
  }
};
memory_outlook memory_outlook_for(const run_request& request);

/// Builds and runs the model as asked and measures it, allowing it the request's memory or else
/// all the memory the machine has available (a run's own limit is half of the machine's, and
/// stays so if the machine does not say). Run it in a fresh process, so that
/// the peak RSS is this run's alone.
measurement measure(const run_request& request);

/// One line of text carrying a measurement from a child process to its parent, and back.
std::string encode(const measurement& m);
measurement decode(const std::string& line);

}  // namespace liangzhu::model_bench
