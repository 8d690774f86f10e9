#include <gtest/gtest.h>

#include "targets.hpp"

namespace liangzhu::model_bench {
namespace {

measurement run(double setup_s, double run_s, long ticks = target_weeks) {
  measurement m;
  m.setup_s = setup_s;
  m.run_s = run_s;
  m.ticks = ticks;
  m.peak_engineers = 1e6;
  m.peak_rss_bytes = 150'000'000;  // 150 bytes per engineer
  return m;
}

const target_result& find(const std::vector<target_result>& results, const std::string& start) {
  for (const auto& r : results)
    if (r.target.starts_with(start)) return r;
  throw std::runtime_error("no target " + start);
}

TEST(ModelBenchTargets, ATimedTargetIsMetOrMissedByItsTotalWithSetUp) {
  measurements fast{{"city", {{1, run(0.1, 0.29)}}}};
  EXPECT_EQ(find(judge_targets(fast), "city").outcome, verdict::met);
  measurements slow{{"city", {{1, run(0.31, 1.57)}}}};
  const auto results = judge_targets(slow);
  const auto& r = find(results, "city");
  EXPECT_EQ(r.outcome, verdict::missed);
  EXPECT_EQ(r.figure, "1.88 s");
}

TEST(ModelBenchTargets, AShortRunOrAnotherThreadCountIsNotMeasured) {
  measurements short_run{{"national", {{1, run(9, 20, 52)}, {2, run(9, 14, 52)}}}};
  const auto results = judge_targets(short_run);
  EXPECT_EQ(find(results, "national run").outcome, verdict::not_measured);
  EXPECT_EQ(find(results, "national run").figure, "52 weeks run, the target is for 522");
  EXPECT_EQ(find(results, "2 threads").outcome, verdict::not_measured);
  measurements one_thread{{"national", {{1, run(9, 60)}}}};
  EXPECT_EQ(find(judge_targets(one_thread), "national run").figure, "not run on 2 threads");
}

TEST(ModelBenchTargets, TheSpeedUpComparesTotalsOnOneAndTwoThreads) {
  measurements taken{{"national", {{1, run(10, 75)}, {2, run(10, 40)}}}};
  const auto results = judge_targets(taken);
  const auto& r = find(results, "2 threads");
  EXPECT_EQ(r.figure, "1.70x");
  EXPECT_EQ(r.outcome, verdict::missed);
  taken["national"][2] = run(5, 40);
  EXPECT_EQ(find(judge_targets(taken), "2 threads").outcome, verdict::met);
}

TEST(ModelBenchTargets, AxtellMemoryIsJudgedInGiBAndBytesPerEngineer) {
  measurement big = run(190, 740);
  big.peak_engineers = 149.3e6;
  big.peak_rss_bytes = static_cast<std::uint64_t>(19.4 * 1024 * 1024 * 1024);
  measurements taken{{"axtell", {{2, big}}}};
  const auto results = judge_targets(taken);
  EXPECT_EQ(find(results, "axtell peak").outcome, verdict::met);
  EXPECT_EQ(find(results, "axtell peak").figure, "19.4 GiB");
  EXPECT_EQ(find(results, "axtell <= 160").outcome, verdict::met);
  EXPECT_EQ(find(results, "axtell <= 160").figure, "140 B");
  EXPECT_EQ(find(results, "axtell run").outcome, verdict::missed);
  big.peak_rss_bytes = static_cast<std::uint64_t>(24.0 * 1024 * 1024 * 1024);
  taken["axtell"][2] = big;
  EXPECT_EQ(find(judge_targets(taken), "axtell peak").outcome, verdict::missed);
  EXPECT_EQ(find(judge_targets(taken), "axtell <= 160").outcome, verdict::missed);
}

TEST(ModelBenchTargets, OnlyTheScalesRunHaveTargets) {
  measurements small{{"small", {{1, run(0.01, 0.1)}, {2, run(0.01, 0.08)}}}};
  EXPECT_TRUE(judge_targets(small).empty());
}

}  // namespace
}  // namespace liangzhu::model_bench
