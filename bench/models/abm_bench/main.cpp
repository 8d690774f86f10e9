// liangzhu_abm_bench: times the standard ABM benchmark models as shared/BENCHMARKS.md asks and
// compares them with the MASON and Mesa figures measured on the same kind of machine.
#include <algorithm>
#include <cstdio>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include "benchmark_cases.hpp"
#include "timing.hpp"

namespace {

using namespace liangzhu::abm_bench;

void print_header() {
  fmt::print("{:<16} {:>10} {:>9} {:>9} {:>5} {:>7} {:>9} {:>10} {:>9}\n", "model", "median ms",
             "min ms", "max ms", "steps", "agents", "agents@end", "vs MASON", "vs Mesa");
}

void print_row(const benchmark_case& c, const timing_summary& s) {
  // A ratio is how many times faster than the reference liangzhu is (reference / ours).
  fmt::print("{:<16} {:>10.3f} {:>9.3f} {:>9.3f} {:>5} {:>7} {:>10.0f} {:>9.1f}x {:>8.1f}x\n",
             c.name(), s.median_ms, s.min_ms, s.max_ms, c.steps, s.agents_at_start,
             s.mean_agents_at_end, c.mason_ms / s.median_ms, c.mesa_ms / s.median_ms);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Times the standard ABM benchmarks (Schelling, WolfSheep, Flocking; small and large)"};
  int runs = 100, threads = 1;
  std::uint64_t first_seed = 1;
  std::vector<std::string> selected;
  app.add_option("--runs", runs, "seeded runs per model; the figure is their median")
      ->check(CLI::PositiveNumber);
  app.add_option("--threads", threads, "threads of the executor (the parallel phases)")
      ->check(CLI::PositiveNumber);
  app.add_option("--seed", first_seed, "seed of the first run; run k uses seed + k");
  app.add_option("--model", selected,
                 "models to time, by name (Schelling-large) or prefix (Schelling, WolfSheep, "
                 "Flocking); default all");
  CLI11_PARSE(app, argc, argv);

  const liangzhu::engine::executor ex(threads);
  fmt::print(
      "median of {} runs (construction + all steps), {} thread(s); ratios = reference ms / ours\n",
      runs, threads);
  print_header();
  bool any = false;
  for (const auto& c : all_benchmark_cases()) {
    const bool wanted = selected.empty() ||
                        std::any_of(selected.begin(), selected.end(), [&](const std::string& s) {
                          return c.name() == s || c.model == s;
                        });
    if (!wanted) continue;
    any = true;
    print_row(c, time_case(c, runs, first_seed, ex));
    std::fflush(stdout);
  }
  if (!any) {
    fmt::print(stderr,
               "no model matches --model (names: Schelling, WolfSheep, Flocking, with -small or "
               "-large)\n");
    return 2;
  }
  return 0;
}
