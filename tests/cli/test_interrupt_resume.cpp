// Stopping a run with a signal, and continuing one from a checkpoint.
#include <map>

#include "cli_test_support.hpp"
#include "liangzhu/engine/archive.hpp"

namespace liangzhu::cli::testing {
namespace {

using interrupt_resume = cli_test;

/// The rows of the last tick of a run's series.
std::vector<store::series_table_row> last_tick(const store::series_table& t) {
  std::vector<store::series_table_row> rows;
  for (const auto& row : t.rows)
    if (row.tick == t.rows.back().tick) rows.push_back(row);
  return rows;
}

/// Waits until run 1 of the store has stored at least one tick (or gives up after 60 s).
void wait_for_first_batch(const fs::path& store_file) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!fs::exists(store_file)) continue;
    try {
      const auto run = open_store(store_file).reader().find_run(1);
      if (run && run->ticks_done > 0) return;
    } catch (const std::exception&) {
      // The writer may be creating the file: try again.
    }
  }
}

TEST_F(interrupt_resume, SigintStopsBetweenTicksAndKeepsTheCompleteOnes) {
  child c = start({"run", "small.toml", "--ticks", "5000", "--checkpoint", "stop.ckpt"});
  wait_for_first_batch(path("runs.db"));
  ASSERT_EQ(::kill(c.pid(), SIGINT), 0);
  const result r = c.wait();
  EXPECT_EQ(r.code, 4) << describe(r);
  EXPECT_NE(r.err.find("interrupted by SIGINT"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--resume stop.ckpt"), std::string::npos) << r.err;
  const auto s = open_store(path("runs.db"));
  const auto run = s.reader().find_run(1);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->status, store::run_status::interrupted);
  EXPECT_GT(run->ticks_done, 0);
  EXPECT_LT(run->ticks_done, 5000);
  const auto series = s.reader().read_series(1);
  ASSERT_EQ(static_cast<std::int64_t>(series.rows.size()), run->ticks_done)
      << "one hub: one row per tick";
  EXPECT_EQ(series.rows.back().tick, run->ticks_done - 1);
  EXPECT_TRUE(fs::exists(path("stop.ckpt")));
}

TEST_F(interrupt_resume, ResumedRunEndsWhereTheUninterruptedOneDoes) {
  const result whole = run({"run", "small.toml", "-q", "--out", "whole.db", "--checkpoint-every",
                            "10", "--checkpoint", "whole.ckpt"});
  ASSERT_EQ(whole.code, 0) << describe(whole);
  EXPECT_TRUE(fs::exists(path("whole.ckpt")));
  const result first =
      run({"run", "small.toml", "-q", "--ticks", "20", "--checkpoint", "at20.ckpt"});
  ASSERT_EQ(first.code, 0) << describe(first);
  const result resumed = run({"run", "small.toml", "-q", "--resume", "at20.ckpt"});
  ASSERT_EQ(resumed.code, 0) << describe(resumed);

  const auto s = open_store(path("runs.db"));
  const auto info = s.reader().find_run(2);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->status, store::run_status::complete);
  EXPECT_EQ(info->label, "resumed from at20.ckpt at tick 20");
  EXPECT_EQ(info->ticks_done, 30);
  const auto series = s.reader().read_series(2);
  ASSERT_EQ(series.rows.size(), 10u);
  EXPECT_EQ(series.rows.front().tick, 20);
  const auto reference = open_store(path("whole.db")).reader().read_series(1);
  store::series_table a{reference.columns, last_tick(reference)};
  store::series_table b{series.columns, last_tick(series)};
  EXPECT_EQ(b.rows.front().tick, 29);
  EXPECT_TRUE(same_series(a, b));
}

TEST_F(interrupt_resume, ResumeWithAnotherSeedOrScenarioIsBadInput) {
  ASSERT_EQ(run({"run", "small.toml", "-q", "--ticks", "5", "--checkpoint", "c.ckpt"}).code, 0);
  const result seed = run({"run", "small.toml", "-q", "--seed", "12", "--resume", "c.ckpt"});
  EXPECT_EQ(seed.code, 2) << describe(seed);
  EXPECT_NE(seed.err.find("seed 11"), std::string::npos) << seed.err;
  const result scenario = run({"run", "small.toml", "-q", "--set",
                               "hub.liangzhu.talent.engineers=2900", "--resume", "c.ckpt"});
  EXPECT_EQ(scenario.code, 2) << describe(scenario);
  EXPECT_NE(scenario.err.find("scenario"), std::string::npos) << scenario.err;
  EXPECT_EQ(open_store(path("runs.db")).reader().list_runs().size(), 1u)
      << "a refused resume writes no run";
}

TEST_F(interrupt_resume, ACorruptCheckpointIsAnIoError) {
  write_file(path("junk.ckpt"), "not a checkpoint at all");
  const result r = run({"run", "small.toml", "-q", "--resume", "junk.ckpt"});
  EXPECT_EQ(r.code, 3) << describe(r);
  EXPECT_NE(r.err.find("junk.ckpt"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(path("runs.db")));
}

TEST_F(interrupt_resume, AForgedCheckpointWithAValidChecksumIsNeverABug) {
  // Bytes of the state changed, one place at a time, and the checksum recomputed, as someone
  // forging a checkpoint would: each resume ends with 0 (a change that still adds up), 2 (a state
  // that does not fit the run) or 3 (an inconsistent one), never "internal error" or a signal.
  ASSERT_EQ(run({"run", "small.toml", "-q", "--ticks", "20", "--checkpoint", "c.ckpt"}).code, 0);
  // The tag cli/checkpoints.cpp writes: the scenario's hash and the seed (small.toml's is 11).
  const std::string tag =
      "liangzhu/" + open_store(path("runs.db")).reader().list_runs()[0].scenario_hash + "/11";
  const std::string state = engine::read_checkpoint_file(path("c.ckpt"), tag);
  std::map<int, int> codes;
  constexpr int probes = 80;
  for (int k = 1; k <= probes; ++k) {
    std::string forged = state;
    const std::size_t at = forged.size() * static_cast<std::size_t>(k) / (probes + 1);
    forged[at] = k % 2 == 0 ? static_cast<char>(forged[at] ^ 0x5a) : '\xff';
    engine::write_checkpoint_file(path("forged.ckpt"), tag,
                                  std::vector<char>(forged.begin(), forged.end()));
    const result r = run({"run", "small.toml", "-q", "--ticks", "22", "--resume", "forged.ckpt",
                          "--out", "forged.db"});
    ++codes[r.code];
    EXPECT_TRUE(r.code == 0 || r.code == 2 || r.code == 3) << "byte " << at << ": " << describe(r);
    EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  }
  for (const auto& [code, n] : codes) fmt::print("[ forged ] exit {}: {} of {}\n", code, n, probes);
}

}  // namespace
}  // namespace liangzhu::cli::testing
