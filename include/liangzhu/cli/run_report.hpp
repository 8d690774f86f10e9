#pragma once
/// @file What `liangzhu run` prints when a run ends: a few headline figures per hub, where the
/// results are and how to export them; and, with --timings, the time spent per phase.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "liangzhu/engine/schedule.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::cli {

/// The facts of a finished run the report states besides its summary.
struct finished_run {
  std::int64_t run_id = 0;
  std::filesystem::path store;
  long first_tick = 0;  ///< non-zero for a resumed run
  long ticks_done = 0;
  /// The dates the first and the last week run begin, as the report's runs table shows them.
  std::string first_date, last_date;
  double seconds = 0.0;
};

/// The end-of-run report (stdout).
std::string render_run_report(const finished_run& run,
                              std::span<const model::summary_figure> summary);

/// The per-phase wall times, slowest first, with their share of the total (stdout).
std::string render_timings(std::span<const engine::phase_timing> timings);

/// `text` quoted for a POSIX shell if it needs quoting, so printed commands can be pasted.
std::string shell_quote(const std::string& text);

}  // namespace liangzhu::cli
