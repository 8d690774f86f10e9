// The cache of start_from histories: a history is run once per seed however many runs (and
// threads) ask for it, a run from a kept history is the run that simulated it, failures are not
// kept, and the byte budget is held.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "liangzhu/model/history_cache.hpp"
#include "model/model_fixture.hpp"

namespace liangzhu::model {
namespace {

std::vector<char> bytes(std::size_t n, char c) { return std::vector<char>(n, c); }

TEST(HistoryCache, RunsEachHistoryOnceAndKeepsItsState) {
  history_cache cache(1000);
  int calls = 0;
  const auto run = [&] {
    ++calls;
    return bytes(10, 'a');
  };
  const auto first = cache.get_or_run("h", 1, run);
  const auto again = cache.get_or_run("h", 1, run);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(first, again) << "the same state is shared";
  cache.get_or_run("h", 2, run);  // another seed
  cache.get_or_run("g", 1, run);  // another history
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(cache.runs(), 3u);
  EXPECT_EQ(cache.hits(), 1u);
  EXPECT_EQ(cache.bytes(), 30u);
}

TEST(HistoryCache, ThreadsAskingAtOnceWaitForOneRun) {
  history_cache cache(1000);
  std::atomic<int> calls = 0;
  const auto run = [&] {
    ++calls;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return bytes(10, 'a');
  };
  std::vector<std::thread> threads;
  std::vector<history_cache::state> got(4);
  for (std::size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] { got[i] = cache.get_or_run("h", 1, run); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(calls.load(), 1);
  for (const auto& g : got) EXPECT_EQ(g, got[0]);
}

TEST(HistoryCache, AFailedRunIsNotKept) {
  history_cache cache(1000);
  EXPECT_THROW(
      cache.get_or_run("h", 1, []() -> std::vector<char> { throw std::runtime_error("x"); }),
      std::runtime_error);
  const auto state = cache.get_or_run("h", 1, [] { return bytes(3, 'b'); });
  EXPECT_EQ(state->size(), 3u) << "the next caller runs the history again";
  EXPECT_EQ(cache.runs(), 2u);
}

TEST(HistoryCache, TheLeastRecentlyUsedGoFirstAndTooLargeStatesAreNotKept) {
  history_cache cache(25);
  int calls = 0;
  const auto run_of = [&](std::size_t n) {
    return [&calls, n] {
      ++calls;
      return bytes(n, 'c');
    };
  };
  cache.get_or_run("a", 1, run_of(10));
  cache.get_or_run("b", 1, run_of(10));
  cache.get_or_run("a", 1, run_of(10));  // a is now the most recent
  cache.get_or_run("c", 1, run_of(10));  // b goes
  EXPECT_EQ(cache.bytes(), 20u);
  EXPECT_EQ(calls, 3);
  cache.get_or_run("a", 1, run_of(10));
  EXPECT_EQ(calls, 3) << "a was kept";
  cache.get_or_run("b", 1, run_of(10));
  EXPECT_EQ(calls, 4) << "b was dropped";
  cache.get_or_run("big", 1, run_of(30));
  cache.get_or_run("big", 1, run_of(30));
  EXPECT_EQ(calls, 6) << "a state over the budget is run each time";
  EXPECT_LE(cache.bytes(), 25u);
}

TEST(HistoryCache, ARunFromAKeptHistoryIsTheRunThatSimulatedIt) {
  const auto scenario = io::load_scenario(
      testing::source_dir() + "/tests/model/data/small_from_history.toml", scenario_schema());
  history_cache cache(std::size_t{1} << 30);
  run_options plain, cached;
  cached.histories = &cache;
  std::uint64_t hashes[3] = {};
  for (int i = 0; i < 3; ++i) {
    simulation sim(scenario, i == 0 ? plain : cached);
    testing::recording_sink sink;
    sim.collector().set_sink(&sink);
    sim.run(26);
    hashes[i] = sink.hash();
  }
  EXPECT_EQ(hashes[1], hashes[0]);
  EXPECT_EQ(hashes[2], hashes[0]);
  EXPECT_EQ(cache.runs(), 1u);
  EXPECT_EQ(cache.hits(), 1u);
  // Another seed: another history.
  run_options other = cached;
  other.seed = 99;
  simulation sim(scenario, other);
  EXPECT_EQ(cache.runs(), 2u);
  // A changed history file's text is another history: an override of the run is not.
  const std::vector<std::string> set = {"hub.test.noncompete.max_months=6"};
  const auto changed = io::load_scenario(
      testing::source_dir() + "/tests/model/data/small_from_history.toml", scenario_schema(), set);
  simulation again(changed, cached);
  EXPECT_EQ(cache.runs(), 2u) << "the run's own --set does not change its history";
}

}  // namespace
}  // namespace liangzhu::model
