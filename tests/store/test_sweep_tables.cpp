// Experiments in the store: a sweep's rows round-trip, its runs carry their runs' status, results
// are replaced whole, and a version-1 store gains the experiment tables when opened for writing.
#include <gtest/gtest.h>

#include "liangzhu/engine/errors.hpp"
#include "store/store_test_support.hpp"

namespace liangzhu::store {
namespace {

using testing::raw_sql;
using testing::sample_run;
using testing::scratch_dir;

sweep_info sample_sweep() {
  sweep_info s;
  s.name = "subsidy_x_noncompete";
  s.kind = sweep_kind::sweep;
  s.experiment_path = "experiments/subsidy_x_noncompete.toml";
  s.experiment_text = "replicates = 2\n";
  s.experiment_hash = "0123456789abcdef";
  s.master_seed = 0xfedcba9876543210ull;  // above 2^63: stored as two's complement
  s.points = 2;
  s.replicates = 2;
  return s;
}

TEST(SweepTables, BeginFindAndFinish) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  EXPECT_TRUE(store.reader().list_sweeps().empty());
  const std::int64_t id = store.begin_sweep(sample_sweep());
  auto back = store.reader().find_sweep_by_hash("0123456789abcdef");
  ASSERT_TRUE(back.has_value());
  sweep_info expected = sample_sweep();
  expected.sweep_id = id;
  expected.created_at = back->created_at;
  EXPECT_EQ(*back, expected);
  EXPECT_FALSE(store.reader().find_sweep_by_hash("ffffffffffffffff").has_value());
  store.finish_sweep(id, run_status::complete);
  EXPECT_EQ(store.reader().find_sweep(id)->status, run_status::complete);
  EXPECT_FALSE(store.reader().find_sweep(id)->ended_at.empty());
  EXPECT_THROW(store.finish_sweep(id + 1, run_status::complete), io_error);
  // The latest sweep with a hash is the one resumed.
  const std::int64_t again = store.begin_sweep(sample_sweep());
  EXPECT_EQ(store.reader().find_sweep_by_hash("0123456789abcdef")->sweep_id, again);
  EXPECT_EQ(store.reader().list_sweeps().size(), 2u);
}

TEST(SweepTables, RunsCarryTheirStatusAndAreReplacedPerPair) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::int64_t sweep = store.begin_sweep(sample_sweep());
  const std::int64_t first = store.begin_run(sample_run());
  const std::int64_t second = store.begin_run(sample_run());
  store.add_sweep_run(sweep, {0, 1, 42, first, run_status::running});
  store.add_sweep_run(sweep, {0, 0, 41, second, run_status::running});
  store.finish_run(second, run_status::complete, 10);
  auto runs = store.reader().read_sweep_runs(sweep);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0], (sweep_run{0, 0, 41, second, run_status::complete}));
  EXPECT_EQ(runs[1], (sweep_run{0, 1, 42, first, run_status::running}));
  const std::int64_t redo = store.begin_run(sample_run());
  store.add_sweep_run(sweep, {0, 1, 42, redo, run_status::running});
  runs = store.reader().read_sweep_runs(sweep);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1].run_id, redo);
}

TEST(SweepTables, PointsResultsAndIndicesAreReplacedWhole) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::int64_t sweep = store.begin_sweep(sample_sweep());
  const std::vector<sweep_coordinate> points = {{0, "b", "1"}, {0, "a", "2"}, {1, "b", "3"}};
  store.write_sweep_points(sweep, points);
  store.write_sweep_points(sweep, points);
  EXPECT_EQ(store.reader().read_sweep_points(sweep), points);  // written order within a point

  std::vector<sweep_result> results = {
      {0, "tigers", 3, 2.0, 1.0, -0.48, 4.48},
      {1, "tigers", 1, 5.0, std::nullopt, std::nullopt, std::nullopt}};
  store.write_sweep_results(sweep, results);
  EXPECT_EQ(store.reader().read_sweep_results(sweep), results);
  results.pop_back();
  store.write_sweep_results(sweep, results);
  EXPECT_EQ(store.reader().read_sweep_results(sweep), results);

  const std::vector<sensitivity_row> indices = {
      {"tigers", "x", "S1", 0.3, 0.2, 0.4}, {"tigers", "x", "ST", 0.5, std::nullopt, std::nullopt}};
  store.write_sensitivity(sweep, indices);
  EXPECT_EQ(store.reader().read_sensitivity(sweep), indices);
}

TEST(SweepTables, VersionOneStoreIsUpgradedWhenOpenedForWriting) {
  scratch_dir dir;
  const auto file = dir / "old.db";
  {
    run_store store(file);
    store.begin_run(sample_run());
  }
  // Make it look like a store written before experiments existed.
  raw_sql(file,
          "DROP TABLE calibration_values; DROP TABLE calibration_particles; "
          "DROP TABLE calibration_generations; DROP TABLE calibrations; DROP TABLE sweep_draws; "
          "DROP TABLE sensitivity_indices; DROP TABLE sweep_results; DROP TABLE sweep_runs; "
          "DROP TABLE sweep_points; DROP TABLE sweeps; PRAGMA user_version = 1");
  {
    const run_store reader(file, run_store::mode::read_only);
    EXPECT_EQ(reader.reader().list_runs().size(), 1u);
    EXPECT_TRUE(reader.reader().list_sweeps().empty());
  }
  run_store writer(file);
  EXPECT_EQ(writer.reader().list_runs().size(), 1u);
  EXPECT_GT(writer.begin_sweep(sample_sweep()), 0);
}

}  // namespace
}  // namespace liangzhu::store
