// A deliberate data race in a parallel loop of the engine: ThreadSanitizer builds run it and
// expect TSan's report, which shows that the std::thread team (LIANGZHU_THREADS=std) lets TSan
// see the loops' threads and that a race in a model phase would not pass unnoticed.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include "liangzhu/engine/parallel.hpp"

int main() {
  liangzhu::engine::executor ex(2);
  long counter = 0;             // written by both blocks, unsynchronised: the planted race
  std::atomic<int> started{0};  // relaxed only: it must not order the two writes
  // Two blocks; each waits (10 s at most) until the other has started, so that the caller and the
  // worker run them at the same time whatever the scheduling (the caller alone would take both).
  ex.for_each_block(2 * liangzhu::engine::executor::block, [&](std::size_t, std::size_t) {
    started.fetch_add(1, std::memory_order_relaxed);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (started.load(std::memory_order_relaxed) < 2 &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ++counter;
  });
  std::printf("blocks started together: %s; counter %ld\n",
              started.load(std::memory_order_relaxed) == 2 ? "yes" : "no", counter);
}
