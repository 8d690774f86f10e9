#pragma once
/// @file Killing a `liangzhu` process at random moments. The moments come from a generator whose
/// seed is printed with the test's output; LIANGZHU_KILL_SEED=<seed> replays the same delays (how
/// far the process got by then still depends on the machine's speed).
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <thread>

#include "cli_test_support.hpp"
#include "store_checks.hpp"

namespace liangzhu::cli::testing {

/// The random delays before each kill of one test.
class kill_clock {
 public:
  kill_clock() : seed_(chosen_seed()), random_(seed_) {
    fmt::print("[ kill seed ] {} (replay the delays with LIANGZHU_KILL_SEED={})\n", seed_, seed_);
    ::testing::Test::RecordProperty("kill_seed", std::to_string(seed_));
  }

  std::uint64_t seed() const { return seed_; }

  /// A delay drawn uniformly from [0, longest].
  std::chrono::milliseconds delay(std::chrono::milliseconds longest) {
    std::uniform_int_distribution<std::int64_t> draw(0, longest.count());
    return std::chrono::milliseconds(draw(random_));
  }

 private:
  static std::uint64_t chosen_seed() {
    if (const char* given = std::getenv("LIANGZHU_KILL_SEED"))
      return std::strtoull(given, nullptr, 10);
    return std::random_device{}();
  }

  std::uint64_t seed_;
  std::mt19937_64 random_;
};

/// Waits `delay`, SIGKILLs the process and returns what it left: code 128 + SIGKILL, or its own
/// exit code if it ended first (a process not yet waited for cannot be replaced by another with
/// the same pid, so the kill never hits a stranger).
inline result kill_after(child& c, std::chrono::milliseconds delay) {
  std::this_thread::sleep_for(delay);
  ::kill(c.pid(), SIGKILL);
  return c.wait();
}

/// True if the result is that of a process ended by SIGKILL.
inline bool was_killed(const result& r) { return r.code == 128 + SIGKILL; }

/// How long `work` takes.
inline std::chrono::milliseconds time_taken(const std::function<void()>& work) {
  const auto started = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               started);
}

/// A job done in pieces by processes that are killed at random moments: what starts the next
/// process, and how much of the job is left (1 before the first).
struct killable_job {
  std::function<child()> start;
  std::function<double()> share_left;
};

/// Starts `job` and SIGKILLs it after a random delay, up to `kills` times in a row; after each
/// kill the store `store` must be whole (store_defects) and its writer lock free. A delay is at
/// most 30% of the time the rest of the job should take (`whole_job` for all of it), so that a
/// kill lands before the end even if the machine is three times faster than when `whole_job` was
/// measured (ctest runs two tests at once). Stops early when a process ends before its kill (it
/// must have succeeded). Prints and returns the number of kills that landed.
inline int kill_repeatedly(const std::string& what, int kills, const fs::path& store,
                           const killable_job& job, std::chrono::milliseconds whole_job) {
  kill_clock clock;
  int landed = 0;
  for (int k = 0; k < kills; ++k) {
    const double longest = 0.3 * static_cast<double>(whole_job.count()) * job.share_left();
    const auto delay = clock.delay(std::chrono::milliseconds(static_cast<std::int64_t>(longest)));
    child c = job.start();
    const result r = kill_after(c, delay);
    if (!was_killed(r)) {
      EXPECT_EQ(r.code, 0) << describe(r);
      break;
    }
    ++landed;
    SCOPED_TRACE(
        fmt::format("after kill {} at {} ms (kill seed {})", landed, delay.count(), clock.seed()));
    EXPECT_FALSE(writer_lock_held(store)) << "the kernel releases a killed writer's lock";
    EXPECT_THAT(store_defects(store), ::testing::IsEmpty());
  }
  fmt::print("[ kills ] {} survived {} kills (uninterrupted, it takes {} ms)\n", what, landed,
             whole_job.count());
  ::testing::Test::RecordProperty("kills_survived", landed);
  return landed;
}

}  // namespace liangzhu::cli::testing
