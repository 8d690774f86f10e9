// `liangzhu run` SIGKILLed at random moments, again and again, each time resumed from its
// checkpoint (or begun again when none was saved yet) until it ends. After every kill the store
// must open, pass SQLite's integrity check and hold only whole ticks; at the end the pieces the
// successive processes stored must add up, bit for bit, to what one uninterrupted run stores.
#include <gmock/gmock.h>

#include "random_kills.hpp"
#include "store_checks.hpp"
#include "stored_ticks.hpp"

namespace liangzhu::cli::testing {
namespace {

using ::testing::IsEmpty;

/// 1000 weeks of two hubs with a checkpoint every 20 take a second or two in Release.
constexpr std::int64_t ticks = 1000;
constexpr int kills = 8;

class killed_run : public cli_test {
 protected:
  /// `liangzhu run` into `store`, checkpointing into `checkpoint`, resuming from it if it exists.
  std::vector<std::string> run_args(const std::string& store, const std::string& checkpoint) {
    std::vector<std::string> args = {"run", two_hub_scenario, "--ticks", std::to_string(ticks),
                                     "-q"};
    for (const auto& option : {"--out", store.c_str(), "--checkpoint", checkpoint.c_str(),
                               "--checkpoint-every", "20", "--threads", "1"})
      args.emplace_back(option);
    if (fs::exists(path(checkpoint))) {
      args.emplace_back("--resume");
      args.emplace_back(checkpoint);
    }
    return args;
  }

  /// The share of the run still to do, judging by the ticks the store holds.
  double share_left(const std::string& store) {
    std::int64_t done = 0;
    if (!fs::exists(path(store))) return 1.0;
    for (const auto& row : raw_store(path(store)).rows("SELECT max(ticks_done) FROM runs"))
      if (row != "NULL" && !row.starts_with("error")) done = std::stoll(row);
    return static_cast<double>(ticks - done) / static_cast<double>(ticks);
  }

  /// Files a killed process may have left beside the store and checkpoint (temporaries).
  std::vector<std::string> leftovers() {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(dir()))
      if (entry.path().filename().string().find(".tmp") != std::string::npos)
        found.push_back(entry.path().filename().string());
    return found;
  }
};

TEST_F(killed_run, RandomKillsThenResumesEndWithTheUninterruptedRunsResults) {
  const auto took = time_taken([&] {
    const result whole = run(run_args("whole.db", "whole.ckpt"));
    ASSERT_EQ(whole.code, 0) << describe(whole);
  });
  const killable_job job{[&] { return start(run_args("k.db", "k.ckpt")); },
                         [&] { return share_left("k.db"); }};
  const int survived = kill_repeatedly("the run", kills, path("k.db"), job, took);
  EXPECT_GE(survived, 5) << "most kills should land before the run ends";

  const result last = run(run_args("k.db", "k.ckpt"));
  ASSERT_EQ(last.code, 0) << describe(last);
  EXPECT_THAT(store_defects(path("k.db")), IsEmpty());
  EXPECT_THAT(leftovers(), IsEmpty());

  const auto runs = open_store(path("k.db")).reader().list_runs();
  std::vector<std::int64_t> ids;  // in the order they began
  for (const auto& r : runs) {
    ids.push_back(r.run_id);
    const bool last_one = r.run_id == runs.back().run_id;
    EXPECT_EQ(r.status, last_one ? store::run_status::complete : store::run_status::interrupted)
        << "run " << r.run_id;
  }

  const stored_ticks pieced = read_stored_ticks(path("k.db"), ids);
  const stored_ticks reference = read_stored_ticks(path("whole.db"), {1});
  EXPECT_THAT(pieced.conflicts, IsEmpty());
  EXPECT_EQ(pieced.series.size(), static_cast<std::size_t>(ticks));
  EXPECT_TRUE(pieced.series == reference.series) << "series differ";
  EXPECT_TRUE(pieced.events == reference.events) << "events differ";
  EXPECT_EQ(pieced.summary, reference.summary);
}

}  // namespace
}  // namespace liangzhu::cli::testing
