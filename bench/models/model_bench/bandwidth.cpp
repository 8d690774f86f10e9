#include "bandwidth.hpp"

#include <algorithm>
#include <chrono>
#include <memory>

#include "liangzhu/engine/parallel.hpp"

namespace liangzhu::model_bench {

bandwidth_result measure_triad(int threads, std::size_t elements, int repeats) {
  const engine::executor ex(threads);
  // Raw arrays, first touched by the loop that uses them (pages land near the threads on NUMA).
  const std::unique_ptr<double[]> a(new double[elements]), b(new double[elements]),
      c(new double[elements]);
  ex.for_each(elements, [&](std::size_t i) {
    a[i] = 0.0;
    b[i] = 1.0;
    c[i] = 2.0;
  });
  const double s = 3.0;
  double best = 0;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    ex.for_each_block(elements, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) a[i] = b[i] + s * c[i];
    });
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::max(best, 3.0 * sizeof(double) * static_cast<double>(elements) / seconds / 1e9);
  }
  // Use the result, so the compiler cannot drop the loops.
  if (a[elements / 2] != 7.0) return {threads, 0.0};
  return {threads, best};
}

}  // namespace liangzhu::model_bench
