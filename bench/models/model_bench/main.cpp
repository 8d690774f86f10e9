// liangzhu_model_bench: times the Liangzhu baseline at three scales (small, city, national) on 1
// and 2 threads, and at axtell's 120 M engineers when asked, each run in a process of its own,
// and measures the machine's memory bandwidth; with --branching, the saving of starting several
// scenarios from one history.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include "bandwidth.hpp"
#include "branching.hpp"
#include "child_process.hpp"
#include "measurement.hpp"
#include "scales.hpp"
#include "targets.hpp"

namespace {

using namespace liangzhu::model_bench;

struct options {
  std::vector<std::string> scales{"small", "city", "national"};
  std::vector<int> threads{1, 2};
  long ticks = 0;
  long national_ticks = 0;
  long axtell_ticks = 0;
  std::string scenario = LIANGZHU_SOURCE_DIR "/scenarios/baseline.toml";
  bool bandwidth_only = false;
  bool no_bandwidth = false;
  bool branching = false;
  std::vector<std::string> branches{"baseline", "subsidy_cut", "noncompete_reform",
                                    "export_controls_tighten"};
  double max_memory_gb = 0;  // 0: what the machine has available
  std::string child_scale;   // set in the child processes only
  int child_threads = 1;
};

void print_bandwidth() {
  constexpr std::size_t elements = std::size_t{1} << 26;  // 3 x 512 MiB, far beyond any cache
  for (const int t : {1, 2}) {
    const auto b = measure_triad(t, elements, 10);
    fmt::print("memory bandwidth (STREAM triad, best of 10), {} thread(s): {:.1f} GB/s\n",
               b.threads, b.best_gb_per_s);
    std::fflush(stdout);
  }
}

void print_header() {
  fmt::print("{:<9} {:>3} {:>5} {:>8} {:>8} {:>8} {:>10} {:>12} {:>9} {:>7} {:>8} {:<16}\n",
             "scale", "thr", "ticks", "setup s", "run s", "total s", "engineers", "updates/s",
             "peak MiB", "B/agent", "speed-up", "output hash");
}

void print_row(const std::string& scale, int threads, const measurement& m,
               const measurement* one_thread) {
  const double total = m.setup_s + m.run_s;
  const std::string speed_up =
      one_thread ? fmt::format("{:.2f}x", (one_thread->setup_s + one_thread->run_s) / total) : "";
  fmt::print(
      "{:<9} {:>3} {:>5} {:>8.2f} {:>8.2f} {:>8.2f} {:>10.0f} {:>12.3e} {:>9.0f} {:>7.0f} {:>8} "
      "{:016x}\n",
      scale, threads, m.ticks, m.setup_s, m.run_s, total, m.peak_engineers,
      m.engineer_weeks / m.run_s, static_cast<double>(m.peak_rss_bytes) / (1 << 20),
      static_cast<double>(m.peak_rss_bytes) / m.peak_engineers, speed_up, m.output_hash);
  std::fflush(stdout);
}

long ticks_for(const options& o, const std::string& scale) {
  if (scale == "national" && o.national_ticks > 0) return o.national_ticks;
  if (scale == "axtell" && o.axtell_ticks > 0) return o.axtell_ticks;
  return o.ticks;
}

std::uint64_t max_memory_bytes(const options& o) {
  return static_cast<std::uint64_t>(o.max_memory_gb * 1e9);
}

/// Whether a run of `scale` fits in the memory this machine has available now; if not, says so
/// in the table (the run is skipped, not failed: the figure is the machine's, not the model's).
bool fits(const options& o, const std::string& scale, int threads) {
  const auto outlook =
      memory_outlook_for({o.scenario, scale, threads, ticks_for(o, scale), max_memory_bytes(o)});
  if (outlook.fits()) return true;
  fmt::print(
      "{:<9} {:>3} {:>5} skipped: needs about {:.1f} GB ({:.3g} engineers at its end x {:.0f} "
      "bytes), {:.1f} GB {}\n",
      scale, threads, outlook.ticks, outlook.needed_bytes / 1e9, outlook.peak_engineers,
      outlook.bytes_per_engineer, static_cast<double>(outlook.available_bytes) / 1e9,
      o.max_memory_gb > 0 ? "allowed (--max-memory)" : "available");
  std::fflush(stdout);
  return false;
}

void print_targets(const measurements& taken) {
  const auto results = judge_targets(taken);
  if (results.empty()) return;
  fmt::print(
      "targets of issue 21 (each miss is explained with its profile in "
      "docs/performance.md, Targets):\n");
  for (const auto& r : results)
    fmt::print("  {:<13} {:<52} {}\n",
               r.outcome == verdict::met      ? "met"
               : r.outcome == verdict::missed ? "MISSED"
                                              : "not measured",
               r.target, r.figure);
}

/// Runs every scale on every thread count; returns false if a scale's outputs differ by threads.
bool run_scales(const options& o) {
  print_header();
  bool identical = true;
  measurements taken;
  for (const auto& name : o.scales) {
    std::map<int, measurement>& by_threads = taken[name];
    for (const int t : o.threads) {
      if (!fits(o, name, t)) continue;
      const auto line = run_self({"--child", name, "--child-threads", std::to_string(t), "--ticks",
                                  std::to_string(ticks_for(o, name)), "--scenario", o.scenario,
                                  "--max-memory", fmt::format("{}", o.max_memory_gb)});
      const measurement m = decode(line);
      print_row(name, t, m, by_threads.count(1) != 0 && t != 1 ? &by_threads.at(1) : nullptr);
      by_threads[t] = m;
    }
    for (const auto& [t, m] : by_threads)
      if (m.output_hash != by_threads.begin()->second.output_hash) identical = false;
  }
  fmt::print("outputs bit-identical across thread counts: {}\n", identical ? "yes" : "NO");
  print_targets(taken);
  return identical;
}

/// Start once, branch many; returns false if the ways give different outputs.
bool run_branching(const options& o) {
  branching_request request;
  for (const auto& name : o.branches)
    request.scenario_files.push_back(name.find('/') != std::string::npos || name.ends_with(".toml")
                                         ? name
                                         : LIANGZHU_SOURCE_DIR "/scenarios/" + name + ".toml");
  request.threads = o.threads.front();
  request.ticks = o.ticks;
  request.scratch = std::filesystem::temp_directory_path() /
                    ("liangzhu_model_bench_histories_" + std::to_string(::getpid()));
  fmt::print("start once, branch many: {} scenarios from one history, seed 1, {} thread(s)\n",
             request.scenario_files.size(), request.threads);
  fmt::print("{:<40} {:>8} {:>12} {:<16}\n", "how", "total s", "per branch s", "output hash");
  const auto cases = measure_branching(request);
  for (const auto& c : cases) {
    const bool one_branch = &c == &cases.back();
    fmt::print("{:<40} {:>8.2f} {:>12.2f} {:016x}\n", c.how, c.seconds,
               c.seconds / (one_branch ? 1.0 : static_cast<double>(request.scenario_files.size())),
               c.output_hash);
  }
  const bool identical =
      cases[0].output_hash == cases[1].output_hash && cases[0].output_hash == cases[2].output_hash;
  fmt::print("outputs bit-identical however the history was had: {}\n", identical ? "yes" : "NO");
  return identical;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Times the Liangzhu baseline at three scales on 1 and 2 threads, and the memory bandwidth"};
  options o;
  app.add_option("--scale", o.scales,
                 "scales to run: small (30k engineers), city (300k), national (10M), axtell "
                 "(120M; not run unless named)")
      ->check(CLI::IsMember({"small", "city", "national", "axtell"}));
  app.add_option("--threads", o.threads, "thread counts to run each scale with")
      ->check(CLI::PositiveNumber);
  app.add_option("--ticks", o.ticks, "weeks to run (default: the scenario's 522)");
  app.add_option("--national-ticks", o.national_ticks,
                 "weeks to run at national scale (default: as --ticks)");
  app.add_option("--axtell-ticks", o.axtell_ticks,
                 "weeks to run at axtell scale (default: as --ticks)");
  app.add_option("--scenario", o.scenario, "the baseline scenario file");
  app.add_flag("--bandwidth", o.bandwidth_only, "only measure the memory bandwidth");
  app.add_flag("--no-bandwidth", o.no_bandwidth, "skip the memory bandwidth");
  app.add_flag("--branching", o.branching,
               "only time start once, branch many: the --branches scenarios from one history, "
               "on the first of --threads");
  app.add_option("--branches", o.branches,
                 "scenarios that start from the same history (shipped names or files)");
  app.add_option("--max-memory", o.max_memory_gb,
                 "GB a run may use, instead of what the machine has available now: the model's "
                 "estimate counts every graduate and no departure, so a run it says cannot fit "
                 "may still fit")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--child", o.child_scale)
      ->group("");  // internal: one measurement, printed encoded
  app.add_option("--child-threads", o.child_threads)->group("");
  CLI11_PARSE(app, argc, argv);
  try {
    if (!o.child_scale.empty()) {
      fmt::print("{}\n", encode(measure({o.scenario, o.child_scale, o.child_threads, o.ticks,
                                         max_memory_bytes(o)})));
      return 0;
    }
    if (o.branching) return run_branching(o) ? 0 : 1;
    if (!o.no_bandwidth) print_bandwidth();
    if (o.bandwidth_only) return 0;
    return run_scales(o) ? 0 : 1;
  } catch (const std::exception& e) {
    fmt::print(stderr, "liangzhu_model_bench: {}\n", e.what());
    return 2;
  }
}
