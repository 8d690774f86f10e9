// Run metadata, parameters, summaries and stale runs: what the CLI writes around a simulation.
#include <gtest/gtest.h>

#include <cmath>

#include "liangzhu/engine/errors.hpp"
#include "store/store_test_support.hpp"

namespace liangzhu::store {
namespace {

using testing::sample_run;
using testing::scratch_dir;

/// Whether `text` reads like "2025-03-01T09:30:00Z". (No std::regex: GCC 12 warns inside it.)
bool is_utc_timestamp(const std::string& text) {
  const std::string shape = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() != shape.size()) return false;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const bool digit = text[i] >= '0' && text[i] <= '9';
    if (shape[i] == 'd' ? !digit : text[i] != shape[i]) return false;
  }
  return true;
}

TEST(RunStore, BeginRunRoundTripsRunInfo) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const run_info info = sample_run();
  const std::int64_t id = store.begin_run(info);
  const auto back = store.reader().find_run(id);
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(is_utc_timestamp(back->started_at)) << back->started_at;
  run_info expected = info;  // what the store adds: the id and the start time
  expected.run_id = id;
  expected.started_at = back->started_at;
  EXPECT_EQ(*back, expected);
  EXPECT_FALSE(store.reader().find_run(id + 1).has_value());
}

TEST(RunStore, KeepsAGivenStartTimeAndListsRunsInOrder) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  run_info info = sample_run("");
  info.started_at = "2025-02-03T04:05:06Z";
  const std::int64_t first = store.begin_run(info);
  const std::int64_t second = store.begin_run(sample_run("b"));
  EXPECT_LT(first, second);
  const auto runs = store.reader().list_runs();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].run_id, first);
  EXPECT_EQ(runs[0].started_at, "2025-02-03T04:05:06Z");
  EXPECT_EQ(runs[0].label, "");
  EXPECT_EQ(runs[1].label, "b");
}

TEST(RunStore, FinishRunSetsStatusTicksAndEnd) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::int64_t id = store.begin_run(sample_run());
  store.finish_run(id, run_status::complete, 522);
  const auto back = store.reader().find_run(id);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->status, run_status::complete);
  EXPECT_EQ(back->ticks_done, 522);
  EXPECT_FALSE(back->ended_at.empty());
  EXPECT_THROW(store.finish_run(id + 7, run_status::failed, 0), io_error);
}

TEST(RunStore, StatusNamesRoundTrip) {
  for (const auto s :
       {run_status::running, run_status::complete, run_status::interrupted, run_status::failed})
    EXPECT_EQ(parse_run_status(to_string(s)), s);
  EXPECT_FALSE(parse_run_status("done").has_value());
}

TEST(RunStore, ParametersRoundTripInOrderAndReplace) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::int64_t id = store.begin_run(sample_run());
  const std::vector<std::pair<std::string, std::string>> first{
      {"simulation.seed", "42"}, {"hubs.names", "Liangzhu, \"West\"\nLake"}, {"名字", "良渚"}};
  store.write_parameters(id, first);
  EXPECT_EQ(store.reader().read_parameters(id), first);
  const std::vector<std::pair<std::string, std::string>> change{{"simulation.seed", "7"}};
  store.write_parameters(id, change);
  const auto back = store.reader().read_parameters(id);
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back.back(), change.front());
  EXPECT_TRUE(store.reader().read_parameters(id + 1).empty());
}

TEST(RunStore, SummaryRoundTrips) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::int64_t id = store.begin_run(sample_run());
  const std::vector<summary_row> rows{
      {"", "firms_founded", 1234.0, "", "firms", "startups founded over the run"},
      {"Liangzhu", "median_valuation", 0.1 + 0.2, "", "CNY", "median post-money valuation"},
      {"Liangzhu", "top_sector", std::nullopt, "embodied AI", "", "most funded sector"},
      {"Hangzhou West", "growth", -1e-300, "note, with \"quotes\"", "%/yr", ""}};
  store.write_summary(id, rows);
  EXPECT_EQ(store.reader().read_summary(id), rows);
}

TEST(RunStore, MarkStaleRunsInterruptedSparesLiveRuns) {
  scratch_dir dir;
  std::int64_t stale = 0;
  {
    run_store killed(dir / "runs.db");
    stale = killed.begin_run(sample_run());
    auto sink = killed.sink_for(stale);
    const std::vector<std::string> groups{"g"};
    const std::vector<engine::series_spec> series{{"s", "", ""}};
    sink->declare(groups, series, {});
    const std::vector<engine::series_row> rows{{0, 0, {1.0}}, {1, 0, {2.0}}};
    sink->write_batch(rows, {});
  }  // closed without finish_run: what a killed process leaves behind
  run_store store(dir / "runs.db");
  const std::int64_t finished = store.begin_run(sample_run());
  store.finish_run(finished, run_status::complete, 522);
  const std::int64_t live = store.begin_run(sample_run());
  EXPECT_EQ(store.mark_stale_runs_interrupted(), 1);
  const auto back = store.reader().find_run(stale);
  EXPECT_EQ(back->status, run_status::interrupted);
  EXPECT_EQ(back->ticks_done, 2);
  EXPECT_FALSE(back->ended_at.empty());
  EXPECT_EQ(store.reader().find_run(finished)->status, run_status::complete);
  EXPECT_EQ(store.reader().find_run(live)->status, run_status::running);
  EXPECT_EQ(store.mark_stale_runs_interrupted(), 0);
}

}  // namespace
}  // namespace liangzhu::store
