// Readers of a store that is being written: every reader sees one snapshot, whatever the writer
// commits between its reads, and never waits for the writer. The interleavings are explicit (the
// writer writes between two reads of one reader, or inside a reader's visit), not left to timing.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <thread>
#include <vector>

#include "liangzhu/engine/collector.hpp"
#include "liangzhu/store/run_store.hpp"
#include "liangzhu/store/store_reader.hpp"
#include "store/reader_pool.hpp"
#include "store/store_test_support.hpp"

namespace liangzhu::store {
namespace {

using testing::sample_run;
using testing::scratch_dir;

const std::vector<std::string> hubs{"Liangzhu", "Silicon Valley"};
const std::vector<engine::series_spec> three_series{
    {"firms", "count", "active startups"}, {"funding", "CNY", ""}, {"tigers", "count", ""}};
const std::vector<engine::event_kind_spec> one_kind{{"founded", "a startup was founded"}};

/// A run's writer, as `liangzhu run` and the dashboard's worker write one: the catalog first,
/// then batches of whole ticks.
class run_writer {
 public:
  run_writer(run_store& store, std::int64_t run) : sink_(store.sink_for(run)) {}

  void declare() { sink_->declare(hubs, three_series, one_kind); }

  /// Ticks [from, to) of both hubs, with one founding each.
  void write_ticks(int from, int to) {
    std::vector<engine::series_row> rows;
    std::vector<engine::event_record> events;
    for (int t = from; t < to; ++t) {
      for (std::uint16_t g = 0; g < 2; ++g) {
        rows.push_back({t, g, {t + 1.0, t * 1e6, g * 1.0}});
        events.push_back({t, g, 0, static_cast<std::uint64_t>(t), 1.0});
      }
    }
    sink_->write_batch(rows, events);
  }

 private:
  std::unique_ptr<engine::collection_sink> sink_;
};

/// What every reader must see of a run: series rows as wide as its catalog, whole ticks for
/// every hub, and as many ticks as the run's ticks_done says.
void expect_consistent(const store_reader& reader, std::int64_t run) {
  const run_catalog catalog = reader.read_catalog(run);
  const series_table table = reader.read_series(run);
  ASSERT_EQ(table.columns.size(), catalog.series.size());
  for (const auto& row : table.rows) ASSERT_EQ(row.values.size(), table.columns.size());
  const auto info = reader.find_run(run);
  ASSERT_TRUE(info.has_value());
  ASSERT_EQ(table.rows.size(), static_cast<std::size_t>(info->ticks_done) * catalog.groups.size());
  ASSERT_EQ(reader.read_events(run).size(), table.rows.size());
}

class store_reader_test : public ::testing::Test {
 protected:
  scratch_dir dir_;
  std::filesystem::path file_ = dir_ / "runs.db";
};

TEST_F(store_reader_test, a_catalog_declared_between_two_reads_is_not_seen_by_the_second) {
  run_store store(file_);
  const std::int64_t run = store.begin_run(sample_run());
  run_writer writer(store, run);
  const store_reader reader = store.reader();
  const run_catalog before = reader.read_catalog(run);
  ASSERT_TRUE(before.series.empty());

  // What crashed the dashboard: the writer declares its catalog and writes its first batch
  // between the reader's catalog query and its rows query.
  writer.declare();
  writer.write_ticks(0, 3);

  const series_table table = reader.read_series(run);
  EXPECT_EQ(table.columns.size(), before.series.size());
  EXPECT_TRUE(table.rows.empty());
  EXPECT_EQ(reader.find_run(run)->ticks_done, 0);
  EXPECT_TRUE(reader.read_events(run).empty());
  expect_consistent(reader, run);

  // A reader opened afterwards sees all of it.
  const store_reader later = store.reader();
  EXPECT_EQ(later.read_series(run).rows.size(), 6U);
  expect_consistent(later, run);
}

TEST_F(store_reader_test, the_writer_commits_while_a_reader_is_in_the_middle_of_a_query) {
  run_store store(file_);
  const std::int64_t run = store.begin_run(sample_run());
  run_writer writer(store, run);
  writer.declare();
  writer.write_ticks(0, 2);
  const store_reader reader = store.reader();
  std::size_t rows_seen = 0;
  reader.visit_series(run, [&](const series_table_row&) {
    // The reader holds an open statement; the writer neither waits for it nor shows through.
    if (rows_seen++ == 0) writer.write_ticks(2, 5);
  });
  EXPECT_EQ(rows_seen, 4U);
  EXPECT_EQ(reader.find_run(run)->ticks_done, 2);
  expect_consistent(reader, run);
  EXPECT_EQ(store.reader().find_run(run)->ticks_done, 5);
}

TEST_F(store_reader_test, a_summary_written_after_a_reader_opened_is_not_half_seen) {
  run_store store(file_);
  const std::int64_t run = store.begin_run(sample_run());
  const store_reader reader = store.reader();
  store.atomically([&] {
    store.write_summary(run,
                        std::vector<summary_row>{{"Liangzhu", "tigers", 4.0, "", "count", ""}});
    store.finish_run(run, run_status::complete, 0);
  });
  EXPECT_TRUE(reader.read_summary(run).empty());
  EXPECT_EQ(reader.find_run(run)->status, run_status::running);
  EXPECT_EQ(store.reader().read_summary(run).size(), 1U);
  EXPECT_EQ(store.reader().find_run(run)->status, run_status::complete);
}

TEST_F(store_reader_test, another_process_reading_the_store_sees_one_snapshot_too) {
  run_store store(file_);
  const std::int64_t run = store.begin_run(sample_run());
  run_writer writer(store, run);
  // As `liangzhu export` or a notebook would open it while `liangzhu run` writes.
  const run_store other(file_, run_store::mode::read_only);
  const store_reader reader = other.reader();
  ASSERT_TRUE(reader.read_catalog(run).series.empty());
  writer.declare();
  writer.write_ticks(0, 4);
  EXPECT_TRUE(reader.read_series(run).rows.empty());
  expect_consistent(reader, run);
  EXPECT_EQ(other.reader().read_series(run).rows.size(), 8U);
}

TEST_F(store_reader_test, readers_on_many_threads_always_see_whole_ticks_while_a_run_is_written) {
  run_store store(file_);
  const std::int64_t run = store.begin_run(sample_run());
  constexpr int ticks = 60;
  constexpr int readers = 4;
  constexpr int reads_each = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  // Whatever the interleaving, each reader's answers agree with one another.
  for (int t = 0; t < readers; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < reads_each; ++i) {
        const store_reader reader = store.reader();
        expect_consistent(reader, run);
        if (::testing::Test::HasFatalFailure()) ++failures;
      }
    });
  }
  run_writer writer(store, run);
  writer.declare();
  for (int t = 0; t < ticks; ++t) writer.write_ticks(t, t + 1);
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  expect_consistent(store.reader(), run);
  EXPECT_EQ(store.reader().find_run(run)->ticks_done, ticks);
}

/// The files this process has open on `file` (the store, its log and shared memory).
std::size_t open_files_on(const std::filesystem::path& file) {
  std::size_t count = 0;
  for (const auto& fd : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(fd.path(), ec);
    if (!ec && target.string().starts_with(file.string())) ++count;
  }
  return count;
}

TEST_F(store_reader_test, a_store_keeps_a_fixed_set_of_connections_however_many_read_at_once) {
  run_store store(file_);
  const std::int64_t run = store.begin_run(sample_run());
  (void)store.reader().list_runs();
  const std::size_t after_one = open_files_on(file_);
  for (int i = 0; i < 20; ++i) EXPECT_TRUE(store.reader().find_run(run).has_value());
  std::vector<store_reader> all;
  for (std::size_t i = 0; i < detail::reader_pool::size; ++i) all.push_back(store.reader());
  for (const auto& r : all) EXPECT_EQ(r.list_runs().size(), 1U);
  // One more reader waits for a connection, and gets the first one handed back.
  std::optional<std::int64_t> found;
  std::thread waiting([&] { found = store.reader().find_run(run)->run_id; });
  all.pop_back();
  waiting.join();
  EXPECT_EQ(found, run);
  all.clear();
  EXPECT_EQ(open_files_on(file_), after_one);
  EXPECT_EQ(store.reader().path(), file_);
  EXPECT_FALSE(store.reader().find_run(run + 1).has_value());
}

}  // namespace
}  // namespace liangzhu::store
