// The std::thread backend of the executor (built for ThreadSanitizer), tested in every build.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <thread>
#include <vector>

#include "engine/thread_team.hpp"

namespace liangzhu::engine::detail {
namespace {

template <class F>
void run_on(thread_team& team, std::size_t count, F& f) {
  team.run(
      count, [](void* context, std::size_t i) { (*static_cast<F*>(context))(i); }, &f);
}

TEST(ThreadTeam, EveryTaskRunsExactlyOnceLoopAfterLoop) {
  thread_team team(4);
  for (std::size_t count : {0u, 1u, 3u, 64u, 1000u}) {
    std::vector<std::atomic<int>> calls(count);
    auto task = [&](std::size_t i) { calls[i].fetch_add(1); };
    for (int loop = 0; loop < 50; ++loop) run_on(team, count, task);
    for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(calls[i].load(), 50) << "task " << i;
  }
}

TEST(ThreadTeam, WritesOfTheTasksAreVisibleAfterRunReturns) {
  thread_team team(3);
  std::vector<std::size_t> squares(5000);  // plain memory: run() must order the writes
  auto task = [&](std::size_t i) { squares[i] = i * i; };
  run_on(team, squares.size(), task);
  for (std::size_t i = 0; i < squares.size(); ++i) ASSERT_EQ(squares[i], i * i);
}

TEST(ThreadTeam, SpreadsTasksOverItsThreads) {
  thread_team team(2);
  std::atomic<bool> other_thread_ran{false};
  const auto caller = std::this_thread::get_id();
  // Each task waits a little so that the worker gets a share before the caller has taken them all.
  auto task = [&](std::size_t) {
    if (std::this_thread::get_id() != caller) other_thread_ran = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  };
  run_on(team, 200, task);
  EXPECT_TRUE(other_thread_ran.load());
}

TEST(ThreadTeam, ANestedLoopRunsSeriallyInsteadOfWaitingForItself) {
  thread_team team(2);
  std::atomic<int> inner_calls{0};
  auto inner = [&](std::size_t) { inner_calls.fetch_add(1); };
  auto outer = [&](std::size_t) { run_on(team, 10, inner); };
  run_on(team, 8, outer);
  EXPECT_EQ(inner_calls.load(), 80);
}

TEST(ThreadTeam, LoopsFromTwoThreadsAtOnceBothComplete) {
  thread_team team(2);
  std::atomic<int> calls{0};
  auto task = [&](std::size_t) { calls.fetch_add(1); };
  std::thread other([&] {
    for (int loop = 0; loop < 200; ++loop) run_on(team, 30, task);
  });
  for (int loop = 0; loop < 200; ++loop) run_on(team, 30, task);
  other.join();
  EXPECT_EQ(calls.load(), 2 * 200 * 30);
}

TEST(ThreadTeam, TheFirstExceptionOfATaskReachesTheCallerAndTheTeamGoesOn) {
  thread_team team(3);
  auto throwing = [](std::size_t i) {
    if (i == 17) throw std::runtime_error("task 17 failed");
  };
  EXPECT_THROW(run_on(team, 100, throwing), std::runtime_error);
  std::atomic<int> calls{0};
  auto counting = [&](std::size_t) { calls.fetch_add(1); };
  run_on(team, 100, counting);
  EXPECT_EQ(calls.load(), 100);
}

}  // namespace
}  // namespace liangzhu::engine::detail
