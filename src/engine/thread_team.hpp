#pragma once
/// @file A fixed team of std::threads that shares out the blocks of one loop at a time.
///
/// The executor's alternative to oneTBB, chosen at build time (LIANGZHU_THREADS=std). It exists
/// for ThreadSanitizer: Debian's libtbb is not instrumented, so TSan cannot see the
/// happens-before edges of TBB's task spawning and waiting and reports races that are not there.
/// A team built on std::mutex and std::condition_variable is fully visible to TSan, so a race it
/// reports in the model's loops is a real one. Blocks are the same fixed blocks either way, so
/// results do not depend on the backend.
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace liangzhu::engine::detail {

class thread_team {
 public:
  /// Calls `task(context, i)`.
  using task_fn = void (*)(void* context, std::size_t index);

  /// `threads` >= 2 counts the caller: the team starts threads - 1 workers.
  explicit thread_team(int threads);
  ~thread_team();
  thread_team(const thread_team&) = delete;
  thread_team& operator=(const thread_team&) = delete;

  /// Calls task(context, i) for every i in [0, count), on the caller and the workers, and
  /// returns when all calls have; rethrows the first exception a call threw. A call from inside
  /// a task (a nested loop) or while another thread's loop runs on this team runs serially on
  /// the calling thread, so it can never wait for itself.
  void run(std::size_t count, task_fn task, void* context);

 private:
  void work();
  void take_tasks();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  std::vector<std::thread> workers_;
  // The loop being shared out; written under mutex_ before workers are woken.
  task_fn task_ = nullptr;
  void* context_ = nullptr;
  std::size_t count_ = 0;
  std::atomic<std::size_t> next_{0};
  std::size_t busy_workers_ = 0;
  std::uint64_t generation_ = 0;
  bool stopping_ = false;
  bool running_ = false;
  std::exception_ptr error_;
};

}  // namespace liangzhu::engine::detail
