#include "liangzhu/engine/parallel.hpp"

#include <thread>

namespace liangzhu::engine {

executor::executor(int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads_ = threads;
  if (threads_ > 1) arena_ = std::make_unique<tbb::task_arena>(threads_);
}

}  // namespace liangzhu::engine
