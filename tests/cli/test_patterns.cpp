// `liangzhu patterns`: the pattern panel of stored runs, end to end on the real binary.
#include "cli_test_support.hpp"

namespace liangzhu::cli::testing {
namespace {

/// The small hub from 2025, starting from its 2022-2024 history, for ten years; tigers at a low
/// valuation so that the tiger patterns have tigers to measure.
std::vector<std::string> ten_year_run() {
  return {"run",     std::string(LIANGZHU_SOURCE_DIR) + "/tests/model/data/small_from_history.toml",
          "--ticks", "522",
          "--set",   "startups.tiger_valuation_cny=1e8",
          "--quiet"};
}

class patterns_command : public cli_test {};

TEST_F(patterns_command, EveryPatternComputesOnAShortRun) {
  ASSERT_EQ(run(ten_year_run()).code, 0);
  const result r = run({"patterns", "runs.db", "--csv"});
  ASSERT_EQ(r.code, 0) << describe(r);
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_TRUE(line.starts_with("id,topic,title,unit,")) << line;
  int patterns = 0;
  while (std::getline(lines, line)) {
    ++patterns;
    EXPECT_NE(line.find(",1,"), std::string::npos) << "one run: " << line;
    const bool judged = line.find(",inside,") != std::string::npos ||
                        line.find(",near,") != std::string::npos ||
                        line.find(",far,") != std::string::npos;
    EXPECT_TRUE(judged) << "a pattern did not compute: " << line;
  }
  EXPECT_GE(patterns, 15);
}

TEST_F(patterns_command, PrintsATableOrMarkdown) {
  ASSERT_EQ(run({"run", "small.toml", "-q"}).code, 0);
  const result table = run({"patterns", "runs.db"});
  ASSERT_EQ(table.code, 0) << describe(table);
  EXPECT_NE(table.out.find("Pattern panel: run 1 ("), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("survival_2y"), std::string::npos) << table.out;
  const result markdown = run({"patterns", "runs.db", "1", "--markdown"});
  ASSERT_EQ(markdown.code, 0) << describe(markdown);
  EXPECT_NE(markdown.out.find("| `survival_2y` "), std::string::npos) << markdown.out;
}

TEST_F(patterns_command, AnExperimentGetsOnePanelPerPoint) {
  const result compare = run({"compare", "small.toml",
                              std::string(LIANGZHU_SOURCE_DIR) + "/tests/model/data/small.toml",
                              "--replicates", "2", "--ticks", "60", "--store", "all", "-q"});
  ASSERT_EQ(compare.code, 0) << describe(compare);
  const result r = run({"patterns", "runs.db", "--experiment", "1"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_NE(r.out.find("experiment 1 point 0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("experiment 1 point 1"), std::string::npos) << r.out;
}

TEST_F(patterns_command, BadRunsHubsAndExperimentsAreBadInput) {
  ASSERT_EQ(run({"run", "small.toml", "-q"}).code, 0);
  const result no_run = run({"patterns", "runs.db", "7"});
  EXPECT_EQ(no_run.code, 2) << describe(no_run);
  EXPECT_NE(no_run.err.find("no run 7"), std::string::npos) << no_run.err;
  const result no_hub = run({"patterns", "runs.db", "--hub", "atlantis"});
  EXPECT_EQ(no_hub.code, 2) << describe(no_hub);
  EXPECT_NE(no_hub.err.find("no hub 'atlantis'"), std::string::npos) << no_hub.err;
  const result no_experiment = run({"patterns", "runs.db", "--experiment", "4"});
  EXPECT_EQ(no_experiment.code, 2) << describe(no_experiment);
  EXPECT_NE(no_experiment.err.find("no experiment 4"), std::string::npos) << no_experiment.err;
  const result both = run({"patterns", "runs.db", "1", "--experiment", "1"});
  EXPECT_EQ(both.code, 2) << describe(both);
  const result missing = run({"patterns", "nope.db"});
  EXPECT_EQ(missing.code, 2) << describe(missing);
}

}  // namespace
}  // namespace liangzhu::cli::testing
