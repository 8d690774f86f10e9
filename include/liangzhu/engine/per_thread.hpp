#pragma once
/// @file One value per thread that touches it: buffers that parallel loops fill without sharing
/// and a serial step reads afterwards.
///
/// Normally oneTBB's enumerable_thread_specific. Builds for ThreadSanitizer
/// (LIANGZHU_STD_THREADS=1, the tsan preset) use a list guarded by a mutex instead: TBB's lookup
/// synchronises inside the uninstrumented libtbb, where TSan cannot see it (the same reason the
/// executor then runs on a std::thread team, src/engine/thread_team.hpp).
#if LIANGZHU_STD_THREADS
#include <list>
#include <mutex>
#include <thread>
#include <utility>
#else
#include <tbb/enumerable_thread_specific.h>
#endif

namespace liangzhu::engine {

template <class T>
class per_thread {
 public:
#if LIANGZHU_STD_THREADS
  per_thread() = default;
  // Movable like the TBB version (the mutex is not moved: nobody may use either side meanwhile).
  per_thread(per_thread&& other) noexcept : values_(std::move(other.values_)) {}
  per_thread& operator=(per_thread&& other) noexcept {
    values_ = std::move(other.values_);
    return *this;
  }
#endif

  /// The calling thread's value (default-constructed on its first call).
  T& local() {
#if LIANGZHU_STD_THREADS
    const auto me = std::this_thread::get_id();
    std::lock_guard lock(mutex_);
    for (auto& [owner, value] : values_)
      if (owner == me) return value;
    return values_.emplace_back(me, T{}).second;
#else
    return values_.local();
#endif
  }

  /// Calls f(value) for every thread's value; not concurrently with local().
  template <class F>
  void for_each(F&& f) {
#if LIANGZHU_STD_THREADS
    std::lock_guard lock(mutex_);
    for (auto& entry : values_) f(entry.second);
#else
    for (auto& value : values_) f(value);
#endif
  }

 private:
#if LIANGZHU_STD_THREADS
  std::mutex mutex_;
  std::list<std::pair<std::thread::id, T>> values_;  // a list: references stay valid as it grows
#else
  tbb::enumerable_thread_specific<T> values_;
#endif
};

}  // namespace liangzhu::engine
