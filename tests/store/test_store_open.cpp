// Opening a store: creation, reopening, the writer lock, and every way opening can fail.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "liangzhu/engine/errors.hpp"
#include "store/store_test_support.hpp"

namespace liangzhu::store {
namespace {

using testing::raw_sql;
using testing::sample_run;
using testing::scratch_dir;

/// The io_error message thrown by opening `file` in mode `m`; fails the test if none is thrown.
std::string open_error(const std::filesystem::path& file, run_store::mode m) {
  try {
    run_store store(file, m);
  } catch (const io_error& e) {
    return e.what();
  }
  ADD_FAILURE() << "opening " << file << " should have failed";
  return {};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Opening `file` in each of `modes` fails with an io_error naming it and saying `why`.
void expect_open_fails(const std::filesystem::path& file,
                       std::initializer_list<run_store::mode> modes, const std::string& why) {
  for (const auto m : modes) {
    const std::string message = open_error(file, m);
    EXPECT_TRUE(contains(message, file.string())) << message;
    EXPECT_TRUE(contains(message, why)) << message;
  }
}

constexpr auto read_write = run_store::mode::read_write;
constexpr auto read_only = run_store::mode::read_only;

/// Opens `file`, begins a run and closes the store again; returns the run's id.
std::int64_t begin_run_and_close(const std::filesystem::path& file) {
  run_store store(file);
  return store.begin_run(sample_run());
}

TEST(StoreOpen, ReopenAfterCloseKeepsEverything) {
  scratch_dir dir;
  const auto file = dir / "runs.db";
  const std::int64_t first = begin_run_and_close(file);
  run_store(file).finish_run(first, run_status::complete, 522);
  {
    run_store store(file);
    EXPECT_EQ(store.path(), file);
    EXPECT_EQ(store.reader().find_run(first)->status, run_status::complete);
    EXPECT_GT(store.begin_run(sample_run()), first);
  }
  const run_store reader(file, read_only);
  EXPECT_EQ(reader.reader().list_runs().size(), 2u);
}

TEST(StoreOpen, UsesWalAndStampsTheSchemaVersion) {
  scratch_dir dir;
  const auto file = dir / "runs.db";
  const run_store store(file);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(
      sqlite3_prepare_v2(db, "SELECT user_version FROM pragma_user_version", -1, &stmt, nullptr),
      SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 3);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  EXPECT_TRUE(std::filesystem::exists(dir / "runs.db-wal"));
}

TEST(StoreOpen, ReadOnlyMissingFileNamesThePath) {
  scratch_dir dir;
  const auto file = dir / "missing.db";
  expect_open_fails(file, {read_only}, "no such file");
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(StoreOpen, ANonSqliteFileIsAnIoError) {
  scratch_dir dir;
  const auto file = dir / "notes.db";
  std::ofstream(file) << "this is not a database, just some text that is long enough to matter\n";
  expect_open_fails(file, {read_write, read_only}, "not a database");
}

TEST(StoreOpen, AnotherSqliteDatabaseIsRefused) {
  scratch_dir dir;
  const auto file = dir / "other.db";
  raw_sql(file, "CREATE TABLE t (x)");
  expect_open_fails(file, {read_write, read_only}, "not a liangzhu run store");
}

TEST(StoreOpen, ARefusedFileIsLeftAsItWasWithNothingBesideIt) {
  scratch_dir dir;
  const auto file = dir / "other.db";
  raw_sql(file, "CREATE TABLE t (x)");
  const std::string before = testing::slurp(file);
  expect_open_fails(file, {read_write}, "not a liangzhu run store");
  EXPECT_EQ(testing::slurp(file), before) << "its header was changed (journal mode WAL?)";
  for (const char* beside : {".lock", "-wal", "-shm", "-journal"})
    EXPECT_FALSE(std::filesystem::exists(file.string() + beside)) << beside;
}

TEST(StoreOpen, ValuesLiangzhuNeverWritesAreRefusedOnRead) {
  scratch_dir dir;
  const auto file = dir / "runs.db";
  {
    run_store store(file);
    store.begin_run(testing::sample_run());
  }
  raw_sql(file, "PRAGMA ignore_check_constraints = ON; UPDATE runs SET seed = 'notanumber'");
  try {
    (void)run_store(file, run_store::mode::read_only).reader().list_runs();
    ADD_FAILURE() << "a seed that is not a number was read";
  } catch (const io_error& e) {
    EXPECT_NE(std::string(e.what()).find("run 1's seed holds 'notanumber', not an integer"),
              std::string::npos)
        << e.what();
  }
  raw_sql(file, "PRAGMA ignore_check_constraints = ON; UPDATE runs SET seed = 7, status = 'pwned'");
  try {
    (void)run_store(file, run_store::mode::read_only).reader().list_runs();
    ADD_FAILURE() << "an unknown status was read";
  } catch (const io_error& e) {
    EXPECT_NE(std::string(e.what()).find("run 1 has status 'pwned'"), std::string::npos)
        << e.what();
  }
}

TEST(StoreOpen, ANewerSchemaIsRefused) {
  scratch_dir dir;
  const auto file = dir / "future.db";
  { const run_store store(file); }
  raw_sql(file, "PRAGMA user_version = 99");
  expect_open_fails(file, {read_write, read_only}, "newer");
}

TEST(StoreOpen, AnUnwritableLocationIsAClearIoError) {
  scratch_dir dir;
  // A path below a regular file cannot be created, even by root.
  std::ofstream(dir / "plain-file") << "x";
  const auto file = dir / "plain-file" / "runs.db";
  expect_open_fails(file, {read_write}, "Not a directory");
}

TEST(StoreOpen, AReadOnlyStoreRefusesWrites) {
  scratch_dir dir;
  const auto file = dir / "runs.db";
  const std::int64_t id = begin_run_and_close(file);
  run_store reader(file, read_only);
  EXPECT_THROW(reader.begin_run(sample_run()), io_error);
  EXPECT_THROW(reader.finish_run(id, run_status::complete, 1), io_error);
  EXPECT_THROW(reader.mark_stale_runs_interrupted(), io_error);
  EXPECT_EQ(reader.reader().find_run(id)->status, run_status::running);
}

TEST(StoreOpen, OneWriterAtATimeReadersAlongside) {
  scratch_dir dir;
  const auto file = dir / "runs.db";
  auto writer = std::make_unique<run_store>(file);
  const std::int64_t id = writer->begin_run(sample_run());
  expect_open_fails(file, {read_write}, "already open for writing");
  const run_store reader(file, read_only);
  EXPECT_TRUE(reader.reader().find_run(id).has_value());
  writer.reset();
  EXPECT_NO_THROW(run_store{file});
}

/// In a child process: writes ticks 0-1 and tick 2 as two batches, then dies by SIGKILL.
[[noreturn]] void write_two_batches_then_die(const std::filesystem::path& file) {
  try {
    run_store store(file);
    auto sink = store.sink_for(store.begin_run(sample_run()));
    const std::vector<std::string> groups{"g"};
    const std::vector<engine::series_spec> series{{"s", "", ""}};
    sink->declare(groups, series, {});
    const std::vector<engine::series_row> first{{0, 0, {1.0}}, {1, 0, {2.0}}};
    const std::vector<engine::series_row> second{{2, 0, {3.0}}};
    sink->write_batch(first, {});
    sink->write_batch(second, {});
    ::kill(::getpid(), SIGKILL);
  } catch (...) {
  }
  ::_exit(2);  // never back into the test runner: the parent sees a plain exit and fails
}

TEST(StoreOpen, AKilledWriterLeavesCompleteBatchesAndReleasesTheLock) {
  scratch_dir dir;
  const auto file = dir / "runs.db";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) write_two_batches_then_die(file);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  run_store store(file);  // the lock died with the child
  ASSERT_EQ(store.reader().list_runs().size(), 1u);
  const std::int64_t id = store.reader().list_runs().front().run_id;
  EXPECT_EQ(store.reader().find_run(id)->ticks_done, 3);
  EXPECT_EQ(store.reader().read_series(id).rows.size(), 3u);
  EXPECT_EQ(store.mark_stale_runs_interrupted(), 1);
  EXPECT_EQ(store.reader().find_run(id)->status, run_status::interrupted);
}

/// In a child process: starts a transaction on `file` in rollback-journal mode, big enough to
/// spill changed pages into the file, and dies in the middle of it, leaving a hot journal: what a
/// writer killed while it switched a new store to WAL mode leaves.
[[noreturn]] void die_with_a_hot_journal(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2; BEGIN; "
               "CREATE TABLE filler (x); "
               "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
               "INSERT INTO filler SELECT randomblob(100) FROM n; "
               "UPDATE runs SET label = 'half-changed';",
               nullptr, nullptr, nullptr);
  ::_exit(0);  // no COMMIT, no close: the journal stays hot
}

// Found by the sweep kill test (tests/cli/test_experiments.cpp): a store whose writer was killed
// part-way could not be read (`liangzhu runs`: "attempt to write a readonly database") until a
// writer opened it, because only a connection that may write can roll back what it left.
TEST(StoreOpen, AReaderFinishesWhatAKilledWriterLeftAndSeesTheStoreAsItWas) {
  scratch_dir dir;
  const auto file = dir / "runs.db";
  run_store(file).begin_run(sample_run("as it was"));
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) die_with_a_hot_journal(file);
  ASSERT_EQ(::waitpid(child, nullptr, 0), child);
  ASSERT_GT(std::filesystem::file_size(dir / "runs.db-journal"), 0u) << "no hot journal left";

  const run_store reader(file, run_store::mode::read_only);
  ASSERT_EQ(reader.reader().list_runs().size(), 1u);
  EXPECT_EQ(reader.reader().list_runs().front().label, "as it was");
}

}  // namespace
}  // namespace liangzhu::store
