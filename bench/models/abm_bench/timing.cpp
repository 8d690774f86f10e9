#include "timing.hpp"

#include <algorithm>
#include <chrono>
#include <vector>

namespace liangzhu::abm_bench {

timing_summary time_case(const benchmark_case& c, int runs, std::uint64_t first_seed,
                         const engine::executor& ex) {
  std::vector<double> ms;
  ms.reserve(static_cast<std::size_t>(runs));
  timing_summary summary;
  summary.runs = runs;
  double agents_at_end = 0.0;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const run_outcome outcome = c.run(first_seed + static_cast<std::uint64_t>(r), ex);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    if (r == 0) summary.agents_at_start = outcome.agents_at_start;
    agents_at_end += static_cast<double>(outcome.agents_at_end);
  }
  std::sort(ms.begin(), ms.end());
  const std::size_t n = ms.size();
  summary.median_ms = n % 2 == 1 ? ms[n / 2] : 0.5 * (ms[n / 2 - 1] + ms[n / 2]);
  summary.min_ms = ms.front();
  summary.max_ms = ms.back();
  summary.mean_agents_at_end = agents_at_end / runs;
  return summary;
}

}  // namespace liangzhu::abm_bench
