// A deliberate data race in a parallel loop of the engine: ThreadSanitizer builds run it and
// expect TSan's report, which shows that the std::thread team (LIANGZHU_THREADS=std) lets TSan
// see the loops' threads and that a race in a model phase would not pass unnoticed.
#include <cstdio>

#include "liangzhu/engine/parallel.hpp"

int main() {
  liangzhu::engine::executor ex(2);
  long counter = 0;  // shared by every iteration, unsynchronised: the planted race
  // Enough blocks that the worker thread takes some before the caller has taken them all.
  ex.for_each(std::size_t{20'000'000}, [&](std::size_t) { ++counter; });
  std::printf("%ld\n", counter);
}
