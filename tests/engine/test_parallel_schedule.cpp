#include <gtest/gtest.h>

#include <atomic>
#include <cmath>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/engine/ordered_buffer.hpp"
#include "liangzhu/engine/parallel.hpp"
#include "liangzhu/engine/schedule.hpp"

namespace liangzhu::engine {
namespace {

TEST(Executor, ForEachVisitsEveryIndexOnce) {
  for (int threads : {1, 2, 8}) {
    executor ex(threads);
    std::vector<std::atomic<int>> hits(10007);
    ex.for_each(hits.size(), [&](std::size_t i) { hits[i]++; });
    for (auto& h : hits) ASSERT_EQ(h.load(), 1);
  }
}

TEST(Executor, FloatingSumIsBitIdenticalAcrossThreadCounts) {
  const std::size_t n = 1'000'003;
  auto term = [](std::size_t i) { return std::sin(static_cast<double>(i)) * 1e-3 + 1e-9; };
  const double s1 = executor(1).sum(n, 0.0, term);
  for (int threads : {2, 3, 8}) EXPECT_EQ(executor(threads).sum(n, 0.0, term), s1);
}

TEST(Executor, SelectAndSelectMapKeepIndexOrderWhateverTheThreads) {
  const std::size_t n = 100'003;  // not a multiple of the block or of 64
  auto pred = [](std::size_t i) { return i % 7 == 3 || i % 1000 == 999; };
  std::vector<std::size_t> expected;
  for (std::size_t i = 0; i < n; ++i)
    if (pred(i)) expected.push_back(i);
  for (int threads : {1, 2, 8}) {
    const executor ex(threads);
    EXPECT_EQ(ex.select(n, pred), expected);
    std::vector<std::atomic<int>> prepared(n);
    const auto pairs = ex.select_map(
        n, pred, [](std::size_t i) { return i * 2; }, [&](std::size_t i) { prepared[i]++; });
    ASSERT_EQ(pairs.size(), expected.size());
    for (std::size_t k = 0; k < pairs.size(); ++k) {
      EXPECT_EQ(pairs[k].first, expected[k]);
      EXPECT_EQ(pairs[k].second, expected[k] * 2);
      EXPECT_EQ(prepared[expected[k]].load(), 1);
    }
  }
}

TEST(OrderedBuffer, DrainIsSortedWhateverTheThreads) {
  executor ex(4);
  ordered_buffer<int> buf;
  ex.for_each(50000, [&](std::size_t i) { buf.record(50000 - i, static_cast<int>(i)); });
  const auto all = buf.drain();
  ASSERT_EQ(all.size(), 50000u);
  for (std::size_t k = 0; k < all.size(); ++k) ASSERT_EQ(all[k].key, k + 1);
  EXPECT_TRUE(buf.drain().empty());
}

TEST(Schedule, PhasesRunInOrderAndOnTheirPeriods) {
  schedule s;
  std::string log;
  s.every_tick("a", [&](long) { log += 'a'; });
  s.every(4, 1, "q", [&](long) { log += 'q'; });
  s.every_tick("b", [&](long) { log += 'b'; });
  for (long t = 0; t < 6; ++t) s.run_tick(t);
  EXPECT_EQ(log,
            "ab"
            "aqb"
            "ab"
            "ab"
            "ab"
            "aqb");
}

TEST(Schedule, DatedActionsRunOnceBeforePhasesInInsertionOrder) {
  schedule s;
  std::string log;
  s.every_tick("p", [&](long) { log += 'p'; });
  s.at(2, "y", [&](long) { log += 'y'; });
  s.at(1, "x", [&](long) { log += 'x'; });
  s.at(2, "z", [&](long) { log += 'z'; });
  s.at(-5, "early", [&](long) { log += 'e'; });
  for (long t = 0; t < 4; ++t) s.run_tick(t);
  EXPECT_EQ(log,
            "ep"
            "xp"
            "yzp"
            "p");
}

TEST(Schedule, ResumeSkipsActionsAlreadyApplied) {
  schedule s;
  int applied = 0;
  s.at(1, "x", [&](long) { ++applied; });
  s.at(3, "y", [&](long) { applied += 10; });
  s.resume_at(2);
  for (long t = 2; t < 5; ++t) s.run_tick(t);
  EXPECT_EQ(applied, 10);
}

TEST(Calendar, WeeksAndDates) {
  const calendar c(*date::parse("2025-01-01"));
  EXPECT_EQ(c.date_of(0).to_string(), "2025-01-01");
  EXPECT_EQ(c.date_of(1).to_string(), "2025-01-08");
  EXPECT_EQ(c.date_of(522).to_string(), "2035-01-03");
  EXPECT_EQ(c.tick_of(*date::parse("2025-01-08")), 1);
  EXPECT_EQ(c.tick_of(*date::parse("2025-01-09")), 2);
  EXPECT_EQ(c.tick_of(*date::parse("2024-12-31")), -1);
  EXPECT_EQ(c.tick_of(*date::parse("2024-12-25")), -1);
  EXPECT_EQ(c.tick_of(*date::parse("2024-12-24")), -2);
}

TEST(Calendar, ParseRejectsImpossibleDates) {
  EXPECT_TRUE(date::parse("2025-04").has_value());
  EXPECT_FALSE(date::parse("2025-02-30").has_value());
  EXPECT_FALSE(date::parse("2025-13-01").has_value());
  EXPECT_FALSE(date::parse("25-01-01").has_value());
  EXPECT_FALSE(date::parse("2025-1-1").has_value());
}

}  // namespace
}  // namespace liangzhu::engine
