// A store that cannot grow (RLIMIT_FSIZE in the child, the way a full disk refuses a write)
// under `liangzhu run` and `liangzhu sweep`: the command ends with an I/O error naming the store
// and the reason, and the store it leaves is whole: it opens, SQLite's integrity check passes,
// it holds only whole ticks and whole experiment runs, and the run or experiment is marked
// failed. The same command with room to write then works on the same store.
#include <gmock/gmock.h>

#include "child_limits.hpp"
#include "store_checks.hpp"

namespace liangzhu::cli::testing {
namespace {

using ::testing::IsEmpty;

/// 1 MiB: the two-hub run below needs about 2.5 MB, the sweep about 2.7 MB.
constexpr rlim_t limit = 1 << 20;

using disk_full = cli_test;

/// What the command says when the store cannot grow.
constexpr const char* file_too_large = "disk I/O error (File too large)";

TEST_F(disk_full, ARunThatCannotGrowItsStoreFailsCleanly) {
  const std::vector<std::string> args = {"run",   two_hub_scenario, "--ticks", "1000",
                                         "--out", "full.db",        "-q"};
  const result r = start(args, file_size_limit(limit)).wait();
  expect_store_error(r, "full.db", file_too_large);
  EXPECT_THAT(store_defects(path("full.db")), IsEmpty());
  const auto runs = open_store(path("full.db")).reader().list_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].status, store::run_status::failed);
  EXPECT_GT(runs[0].ticks_done, 0) << "the ticks stored before the disk filled stay";
  EXPECT_LT(runs[0].ticks_done, 1000);
  fmt::print("[ stored ] ticks {} of 1000 before the limit\n", runs[0].ticks_done);

  const result again = run(args);
  ASSERT_EQ(again.code, 0) << describe(again);
  EXPECT_THAT(store_defects(path("full.db")), IsEmpty());
}

TEST_F(disk_full, ASweepThatCannotGrowItsStoreFailsCleanly) {
  write_file(path("exp.toml"), small_experiment);
  const std::vector<std::string> args = {"sweep",   "exp.toml", "--ticks", "80", "--out",
                                         "full.db", "--jobs",   "1",       "-q"};
  const result r = start(args, file_size_limit(limit)).wait();
  expect_store_error(r, "full.db", file_too_large);
  EXPECT_THAT(store_defects(path("full.db")), IsEmpty());
  const auto s = open_store(path("full.db"));
  ASSERT_EQ(s.reader().list_sweeps().size(), 1u);
  EXPECT_EQ(s.reader().list_sweeps()[0].status, store::run_status::failed);
  const auto kept = s.reader().read_sweep_runs(1).size();
  EXPECT_LT(kept, 18u);
  fmt::print("[ stored ] {} of 18 runs before the limit\n", kept);

  const result again = run(args);
  ASSERT_EQ(again.code, 0) << describe(again);
  EXPECT_THAT(store_defects(path("full.db")), IsEmpty());
  EXPECT_EQ(open_store(path("full.db")).reader().read_sweep_runs(1).size(), 18u);
}

// Memory that runs out under a run the estimate let through (here: an address-space limit far
// below the run's needs, with --max-memory raised above them) is a resource of the machine, not
// a bug: exit 3 and one line saying so, never "internal error" or a signal.
TEST_F(disk_full, MemoryThatRunsOutIsAnIoFailureNotABug) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "the sanitizers' shadow memory needs more address space than the limit";
#else
  const result r = start({"run", "small.toml", "--set", "hub.liangzhu.talent.engineers=20000000",
                          "--max-memory", "100G", "--threads", "1", "--out", "oom.db", "-q"},
                         address_space_limit(rlim_t{1} << 30))
                       .wait();
  EXPECT_EQ(r.code, 3) << describe(r);
  EXPECT_THAT(r.err, ::testing::HasSubstr("liangzhu: error: out of memory"));
#endif
}

}  // namespace
}  // namespace liangzhu::cli::testing
