#include "thread_team.hpp"

namespace liangzhu::engine::detail {

namespace {
// Set while a thread executes tasks of any team: a loop started from inside a task runs serially.
thread_local bool inside_task = false;
}  // namespace

thread_team::thread_team(int threads) {
  for (int i = 1; i < threads; ++i) workers_.emplace_back([this] { work(); });
}

thread_team::~thread_team() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void thread_team::run(std::size_t count, task_fn task, void* context) {
  const auto serially = [&] {
    for (std::size_t i = 0; i < count; ++i) task(context, i);
  };
  if (inside_task) return serially();
  {
    std::unique_lock lock(mutex_);
    if (running_) {
      lock.unlock();
      return serially();
    }
    running_ = true;
    task_ = task;
    context_ = context;
    count_ = count;
    next_.store(0, std::memory_order_relaxed);
    busy_workers_ = workers_.size();
    error_ = nullptr;
    ++generation_;
  }
  wake_.notify_all();
  take_tasks();
  std::exception_ptr error;
  {
    // Every worker checks out of this loop before the next can start, so none misses one.
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return busy_workers_ == 0; });
    running_ = false;
    error = std::exchange(error_, nullptr);
  }
  if (error) std::rethrow_exception(error);
}

void thread_team::take_tasks() {
  inside_task = true;
  for (std::size_t i = next_.fetch_add(1, std::memory_order_relaxed); i < count_;
       i = next_.fetch_add(1, std::memory_order_relaxed)) {
    try {
      task_(context_, i);
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = std::current_exception();
    }
  }
  inside_task = false;
}

void thread_team::work() {
  std::uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
    }
    take_tasks();
    {
      std::lock_guard lock(mutex_);
      if (--busy_workers_ == 0) done_.notify_one();
    }
  }
}

}  // namespace liangzhu::engine::detail
