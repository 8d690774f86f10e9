// The panel's statistics as calibration targets: a run held in memory gives the panel exactly
// what the same run gives once stored, and pattern target names are checked.
#include <gtest/gtest.h>

#include <cmath>

#include "experiment/experiment_fixture.hpp"
#include "liangzhu/patterns/targets.hpp"
#include "liangzhu/store/run_store.hpp"
#include "liangzhu/store/store_reader.hpp"
#include "support/scratch_dir.hpp"

namespace liangzhu::patterns {
namespace {

TEST(PatternTargets, ARunInMemoryMeasuresAsTheSameRunStored) {
  const experiment::plan p = experiment::testing::plan_text(
      "scenario = \"small\"\nreplicates = 1\nticks = 260\nstore = \"all\"\n"
      "outputs = [\"tigers\"]\n");
  const auto result = experiment::run_job(p, p.jobs().front(), 1);
  const auto in_memory = measure(evidence_of(result, "test"));

  liangzhu::testing::scratch_dir dir;
  store::run_store store(dir / "runs.db");
  const std::int64_t sweep = store.begin_sweep(p.describe());
  const std::int64_t run = experiment::store_result(store, sweep, result);
  const auto stored = measure(read_evidence(store.reader(), run, "test"));

  ASSERT_EQ(in_memory.size(), stored.size());
  std::size_t computed = 0;
  for (std::size_t i = 0; i < stored.size(); ++i) {
    if (std::isnan(stored[i])) {
      EXPECT_TRUE(std::isnan(in_memory[i])) << panel()[i].id;
      continue;
    }
    ++computed;
    EXPECT_EQ(in_memory[i], stored[i]) << panel()[i].id;
  }
  EXPECT_GT(computed, panel().size() / 2) << "five years of the small hub measure most patterns";

  const auto targets = pattern_targets();
  EXPECT_FALSE(targets.check("unemployment_rate"));
  EXPECT_NE(targets.check("unemploymnt_rate").value_or("").find("did you mean 'unemployment_rate'"),
            std::string::npos);
  const auto at = std::find_if(panel().begin(), panel().end(),
                               [](const pattern& q) { return q.id == "unemployment_rate"; });
  EXPECT_EQ(targets.measure(result, "unemployment_rate", "test"),
            stored[static_cast<std::size_t>(at - panel().begin())]);
}

}  // namespace
}  // namespace liangzhu::patterns
