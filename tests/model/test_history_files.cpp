// Histories kept on disk (start once, branch many): a history is simulated once and loaded by later
// runs, a run from a loaded history is the run that simulated it, and a damaged or foreign file
// is simulated again and replaced rather than trusted.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <iterator>

#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/model/history_files.hpp"
#include "model/model_fixture.hpp"

namespace liangzhu::model {
namespace {

namespace fs = std::filesystem;

/// A fresh directory under the test's temporary folder.
fs::path fresh_directory(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("liangzhu_history_files_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  return dir;
}

std::size_t files_in(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(HistoryFiles, AHistoryIsSimulatedOnceAndLoadedAfter) {
  const auto dir = fresh_directory("once");
  prepare_history_directory(dir);
  int calls = 0;
  const auto run = [&] {
    ++calls;
    return std::vector<char>{'s', 't', 'a', 't', 'e'};
  };
  const auto first = stored_or_run_history(dir, "history A", 7, run);
  const auto again = stored_or_run_history(dir, "history A", 7, run);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(again, first);
  EXPECT_TRUE(fs::is_regular_file(history_file(dir, "history A", 7)));
  stored_or_run_history(dir, "history A", 8, run);  // another seed
  stored_or_run_history(dir, "history B", 7, run);  // another history
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(files_in(dir), 3u);
  EXPECT_NE(history_file(dir, "history A", 7), history_file(dir, "history A", 8));
  EXPECT_NE(history_file(dir, "history A", 7), history_file(dir, "history B", 7));
  EXPECT_NE(history_file(dir, "h", 7).filename().string().find(code_identity()), std::string::npos)
      << "the file names the code that wrote it";
  fs::remove_all(dir);
}

TEST(HistoryFiles, ADamagedOrForeignFileIsSimulatedAgainAndReplaced) {
  const auto dir = fresh_directory("damaged");
  prepare_history_directory(dir);
  int calls = 0;
  const auto run = [&] {
    ++calls;
    return std::vector<char>(100, 'x');
  };
  const auto file = history_file(dir, "history", 1);
  stored_or_run_history(dir, "history", 1, run);
  {  // a byte flipped on disk
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(-5, std::ios::end);
    f.put('y');
  }
  EXPECT_EQ(stored_or_run_history(dir, "history", 1, run), std::vector<char>(100, 'x'));
  EXPECT_EQ(calls, 2) << "a checksum mismatch is simulated again";
  EXPECT_EQ(stored_or_run_history(dir, "history", 1, run).size(), 100u);
  EXPECT_EQ(calls, 2) << "and the replaced file is whole";
  // Another history's state under this file's name (two identities hashing alike): its header
  // names the other identity, so it is not taken for this one.
  engine::write_checkpoint_file(file, "liangzhu history\nsomething else", std::vector<char>(3));
  EXPECT_EQ(stored_or_run_history(dir, "history", 1, run).size(), 100u);
  EXPECT_EQ(calls, 3);
  fs::remove_all(dir);
}

TEST(HistoryFiles, TheDirectoryIsMadeAndCheckedBeforeAnyRun) {
  const auto dir = fresh_directory("made");
  prepare_history_directory(dir / "a" / "b");
  EXPECT_TRUE(fs::is_directory(dir / "a" / "b"));
  std::ofstream(dir / "file") << "not a directory";
  EXPECT_THROW(prepare_history_directory(dir / "file"), io_error);
  EXPECT_THROW(prepare_history_directory(dir / "file" / "below"), io_error);
  fs::remove_all(dir);
}

TEST(HistoryFiles, ARunFromALoadedHistoryIsTheRunThatSimulatedIt) {
  const auto dir = fresh_directory("run");
  prepare_history_directory(dir);
  const auto scenario = io::load_scenario(
      testing::source_dir() + "/tests/model/data/small_from_history.toml", scenario_schema());
  const auto hash_with = [&](const fs::path& histories) {
    run_options options;
    options.history_directory = histories;
    simulation sim(scenario, options);
    testing::recording_sink sink;
    sim.collector().set_sink(&sink);
    sim.run(26);
    return sink.hash();
  };
  const auto plain = hash_with({});
  const auto writing = hash_with(dir);
  ASSERT_EQ(files_in(dir), 1u);
  const auto file = fs::directory_iterator(dir)->path();
  const auto written = fs::last_write_time(file);
  const auto loading = hash_with(dir);
  EXPECT_EQ(writing, plain);
  EXPECT_EQ(loading, plain);
  EXPECT_EQ(fs::last_write_time(file), written)
      << "the second run loaded the history instead of simulating and writing it again";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace liangzhu::model
