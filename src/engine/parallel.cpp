#include "liangzhu/engine/parallel.hpp"

#include <thread>

#if LIANGZHU_STD_THREADS
#include "thread_team.hpp"
#else
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#endif

namespace liangzhu::engine {

namespace detail {

#if LIANGZHU_STD_THREADS
class block_runner {
 public:
  explicit block_runner(int threads) : team_(threads) {}
  void run(std::size_t blocks, void (*task)(void*, std::size_t), void* context) {
    team_.run(blocks, task, context);
  }

 private:
  thread_team team_;
};
#else
class block_runner {
 public:
  explicit block_runner(int threads) : arena_(threads) {}
  void run(std::size_t blocks, void (*task)(void*, std::size_t), void* context) {
    arena_.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1),
                        [&](const tbb::blocked_range<std::size_t>& r) {
                          for (std::size_t b = r.begin(); b < r.end(); ++b) task(context, b);
                        });
    });
  }

 private:
  tbb::task_arena arena_;
};
#endif

}  // namespace detail

executor::executor(int threads) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads_ = threads;
  if (threads_ > 1) runner_ = std::make_unique<detail::block_runner>(threads_);
}

executor::~executor() = default;
executor::executor(executor&&) noexcept = default;
executor& executor::operator=(executor&&) noexcept = default;

void executor::run_blocks(std::size_t blocks, void (*task)(void*, std::size_t),
                          void* context) const {
  runner_->run(blocks, task, context);
}

}  // namespace liangzhu::engine
