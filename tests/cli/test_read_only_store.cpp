// A store its user may not write: a write is refused up front with a message naming the store and
// the reason, exit code 3, and the file is left exactly as it was; reading it (`runs`, `export`)
// still works, even in a folder where SQLite cannot create its shared-memory file. The tests run
// as root in CI, and root may write anything: the commands then run as 'nobody' (child_limits.hpp).
#include <gmock/gmock.h>

#include "child_limits.hpp"
#include "store_checks.hpp"

namespace liangzhu::cli::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr auto read_only_file =
    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
constexpr auto read_only_folder =
    read_only_file | fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec;

/// The store's folder: its name has the characters a URI must escape, for the reader that opens
/// the store as an SQLite URI (immutable) in a folder it may not write.
const std::string folder = "read only #1?%";
const std::string store_file = folder + "/runs.db";

/// A store holding one complete run in `folder`, then made read-only to the commands.
class read_only_store : public cli_test {
 protected:
  read_only_store() {
    fs::create_directory(path(folder));
    const result made = run({"run", "small.toml", "--ticks", "20", "--out", store_file, "-q"});
    EXPECT_EQ(made.code, 0) << describe(made);
    fs::remove(path(store_file + ".lock"));  // a writer would need to create it again
    fs::permissions(path(store_file), read_only_file);
    before_ = slurp(path(store_file));
  }
  ~read_only_store() override {
    // Back to writable, so that the folder can be removed (by a user other than root).
    std::error_code ignored;
    fs::permissions(path(folder), fs::perms::owner_all, fs::perm_options::add, ignored);
  }

  /// The store's folder writable by the commands, or not.
  void folder_writable(bool writable) {
    fs::permissions(path(folder), writable ? fs::perms::all : read_only_folder);
  }

  /// Runs `liangzhu args...` as a user who may not write the store; skips the test if no such
  /// user can be had.
  result run_as_reader(const std::vector<std::string>& args) {
    result r = start(args, as_nobody()).wait();
    if (r.code == cannot_change_user || r.code == cannot_exec) {
      skipped_ = fmt::format(
          "cannot run liangzhu as user 'nobody' (exit {}: {}); the tests run as "
          "root, who may write any file",
          r.code, r.err);
    }
    return r;
  }

  /// The store is byte for byte what the setup left, and whole.
  void expect_untouched() {
    EXPECT_TRUE(slurp(path(store_file)) == before_) << "the store file changed";
    EXPECT_THAT(store_defects(path(store_file)), IsEmpty());
    EXPECT_EQ(open_store(path(store_file)).reader().list_runs().size(), 1u);
  }

  std::string skipped_;

 private:
  std::string before_;
};

#define SKIP_IF_NO_READER()                   \
  if (!skipped_.empty()) {                    \
    fmt::print("[ skipped ] {}\n", skipped_); \
    GTEST_SKIP() << skipped_;                 \
  }

TEST_F(read_only_store, RunAndSweepIntoAReadOnlyFileAreRefusedAndWriteNothing) {
  folder_writable(true);
  const result r = run_as_reader({"run", "small.toml", "--out", store_file, "-q"});
  SKIP_IF_NO_READER();
  const std::string refused = "cannot be written (Permission denied); it can still be read";
  expect_store_error(r, store_file, refused);
  write_file(path("exp.toml"), small_experiment);
  expect_store_error(run_as_reader({"sweep", "exp.toml", "--out", store_file, "-q"}), store_file,
                     refused);
  expect_untouched();
}

TEST_F(read_only_store, RunIntoAStoreInAReadOnlyFolderIsRefused) {
  folder_writable(false);
  const result r = run_as_reader({"run", "small.toml", "--out", store_file, "-q"});
  SKIP_IF_NO_READER();
  expect_store_error(
      r, store_file,
      "cannot open it for writing (lock file '" + store_file + ".lock'): Permission denied");
  expect_untouched();
}

TEST_F(read_only_store, RunsAndExportReadAStoreInAReadOnlyFolder) {
  folder_writable(false);
  fs::create_directory(path("csv"));
  fs::permissions(path("csv"), fs::perms::all);
  const result listed = run_as_reader({"runs", store_file});
  SKIP_IF_NO_READER();
  EXPECT_EQ(listed.code, 0) << describe(listed);
  EXPECT_THAT(listed.out, HasSubstr("complete"));
  const result exported = run_as_reader({"export", store_file, "--format", "csv", "--dir", "csv"});
  EXPECT_EQ(exported.code, 0) << describe(exported);
  EXPECT_TRUE(fs::exists(path("csv/series.csv")));
  expect_untouched();
}

}  // namespace
}  // namespace liangzhu::cli::testing
