#include "targets.hpp"

#include <fmt/core.h>

namespace liangzhu::model_bench {
namespace {

constexpr double gib = 1024.0 * 1024.0 * 1024.0;

double total_s(const measurement& m) { return m.setup_s + m.run_s; }

/// The run of `scale` on `threads` if it was taken for the full length; else why not, in `why`.
const measurement* full_run(const measurements& taken, const std::string& scale, int threads,
                            std::string& why) {
  const auto s = taken.find(scale);
  if (s == taken.end() || s->second.count(threads) == 0) {
    why = fmt::format("not run on {} thread{}", threads, threads == 1 ? "" : "s");
    return nullptr;
  }
  const measurement& m = s->second.at(threads);
  if (m.ticks != target_weeks) {
    why = fmt::format("{} weeks run, the target is for {}", m.ticks, target_weeks);
    return nullptr;
  }
  return &m;
}

struct timed_target {
  std::string scale;
  int threads;
  double limit_s;
  std::string target;
};

}  // namespace

std::vector<target_result> judge_targets(const measurements& taken) {
  std::vector<target_result> results;
  const auto judge = [&](std::string target, const measurement* m, const std::string& why,
                         const auto& figure_of, const auto& met) {
    if (m == nullptr) {
      results.push_back({std::move(target), why, verdict::not_measured});
      return;
    }
    results.push_back({std::move(target), figure_of(*m), met(*m) ? verdict::met : verdict::missed});
  };
  const auto seconds = [](const measurement& m) { return fmt::format("{:.2f} s", total_s(m)); };

  const timed_target timed[] = {
      {"city", 1, 0.4, "city run <= 0.4 s on 1 thread, set-up included"},
      {"national", 2, 30, "national run <= 30 s on 2 threads, set-up included"},
      {"axtell", 2, 600, "axtell run <= 10 minutes on 2 threads"}};
  for (const auto& t : timed) {
    if (taken.count(t.scale) == 0) continue;
    std::string why;
    const measurement* m = full_run(taken, t.scale, t.threads, why);
    judge(t.target, m, why, seconds,
          [&](const measurement& run) { return total_s(run) <= t.limit_s; });
  }

  if (taken.count("national") != 0) {
    std::string why_one, why_two;
    const measurement* one = full_run(taken, "national", 1, why_one);
    const measurement* two = full_run(taken, "national", 2, why_two);
    judge(
        "2 threads >= 1.85x 1 thread at national scale", one && two ? two : nullptr,
        one ? why_two : why_one,
        [&](const measurement& m) { return fmt::format("{:.2f}x", total_s(*one) / total_s(m)); },
        [&](const measurement& m) { return total_s(*one) / total_s(m) >= 1.85; });
  }

  if (taken.count("axtell") != 0) {
    // Memory is judged on any thread count's full run: the state does not depend on threads.
    std::string why;
    const measurement* m = nullptr;
    for (const auto& [threads, run] : taken.at("axtell")) {
      m = full_run(taken, "axtell", threads, why);
      if (m != nullptr) break;
    }
    judge(
        "axtell peak memory <= 20 GiB", m, why,
        [](const measurement& run) {
          return fmt::format("{:.1f} GiB", static_cast<double>(run.peak_rss_bytes) / gib);
        },
        [](const measurement& run) { return static_cast<double>(run.peak_rss_bytes) <= 20 * gib; });
    judge(
        "axtell <= 160 bytes per engineer, all in", m, why,
        [](const measurement& run) {
          return fmt::format("{:.0f} B",
                             static_cast<double>(run.peak_rss_bytes) / run.peak_engineers);
        },
        [](const measurement& run) {
          return static_cast<double>(run.peak_rss_bytes) <= 160 * run.peak_engineers;
        });
  }
  return results;
}

}  // namespace liangzhu::model_bench
