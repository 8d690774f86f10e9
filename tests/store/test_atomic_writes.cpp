// run_store::atomically: writes grouped into one transaction are stored all together or not at
// all, so that a process killed or refused a write half-way through (a full disk) never leaves a
// run without its parameters or an experiment run without its results.
#include <gtest/gtest.h>

#include <stdexcept>

#include "liangzhu/engine/errors.hpp"
#include "store/store_test_support.hpp"

namespace liangzhu::store {
namespace {

using testing::sample_run;
using testing::scratch_dir;

const std::vector<std::pair<std::string, std::string>> parameters = {{"seed", "7"}};

TEST(AtomicWrites, GroupedWritesAreStoredTogether) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  std::int64_t run = 0;
  store.atomically([&] {
    run = store.begin_run(sample_run());
    store.write_parameters(run, parameters);
    store.finish_run(run, run_status::complete, 522);
  });
  const run_store reader(dir / "runs.db", run_store::mode::read_only);
  EXPECT_EQ(reader.reader().find_run(run)->status, run_status::complete);
  EXPECT_EQ(reader.reader().read_parameters(run), parameters);
}

TEST(AtomicWrites, AnErrorPartWayLeavesNothingOfTheGroup) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const auto fail_after_begin = [&] {
    const std::int64_t run = store.begin_run(sample_run());
    store.write_parameters(run, parameters);
    store.finish_run(run + 1, run_status::complete, 1);  // no such run: io_error
  };
  EXPECT_THROW(store.atomically(fail_after_begin), io_error);
  EXPECT_TRUE(store.reader().list_runs().empty());
  EXPECT_THROW(store.atomically([] { throw std::runtime_error("not a store error"); }),
               std::runtime_error);
  // The store is usable afterwards, outside and inside a group.
  const std::int64_t run = store.begin_run(sample_run());
  store.atomically([&] { store.write_parameters(run, parameters); });
  EXPECT_EQ(store.reader().read_parameters(run), parameters);
}

TEST(AtomicWrites, AFailedWriteCaughtInsideTheGroupUndoesOnlyItself) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  std::int64_t run = 0;
  store.atomically([&] {
    run = store.begin_run(sample_run());
    EXPECT_THROW(store.finish_run(run + 1, run_status::failed, 0), io_error);
    store.write_parameters(run, parameters);
  });
  EXPECT_EQ(store.reader().read_parameters(run), parameters);
  EXPECT_EQ(store.reader().find_run(run)->status, run_status::running);
}

}  // namespace
}  // namespace liangzhu::store
