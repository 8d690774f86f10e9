// Calibrations and posterior draws in the store: generations round-trip whole (particles, values,
// an infinite tolerance and a missing simulated value as NULL), a generation written again
// replaces the old one, and a version-2 store gains the tables when opened for writing while one
// opened read-only reads as having none.
#include <gtest/gtest.h>

#include "liangzhu/engine/errors.hpp"
#include "store/store_test_support.hpp"

namespace liangzhu::store {
namespace {

using testing::raw_sql;
using testing::sample_run;
using testing::scratch_dir;

calibration_info sample_calibration() {
  calibration_info c;
  c.name = "posterior_historical";
  c.algorithm = "abc-smc";
  c.experiment_path = "experiments/posterior_historical.toml";
  c.experiment_text = "replicates = 2\n";
  c.experiment_hash = "00000000000000ab";
  return c;
}

calibration_generation sample_generation(std::int64_t index, double shift) {
  calibration_generation g;
  g.generation = index;
  if (index > 0) g.tolerance = 2.5 / static_cast<double>(index);
  g.simulations = 7;
  for (int i = 0; i < 3; ++i)
    g.particles.push_back({10 + i,
                           0.25 + 0.125 * i,
                           i == 2 ? std::nullopt : std::optional(0.5 * i + shift),
                           {{"startups.capability_growth_per_year", 0.6 + i + shift},
                            {"hub.liangzhu.founding.ideas_per_year", 2e-4}},
                           {{"startups_alive@2021-12-31", 400.0 + i}, {"tigers", std::nullopt}}});
  return g;
}

TEST(CalibrationTables, GenerationsRoundTripAndReplace) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  EXPECT_TRUE(store.reader().list_calibrations().empty());
  const std::int64_t id = store.begin_calibration(sample_calibration());
  store.write_calibration_generation(id, sample_generation(0, 0));
  store.write_calibration_generation(id, sample_generation(1, 0));
  auto back = store.reader().read_calibration_generations(id);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0], sample_generation(0, 0));
  EXPECT_EQ(back[1], sample_generation(1, 0));
  EXPECT_FALSE(back[0].tolerance.has_value());
  // Written again (a resumed calibration redoing it), a generation replaces the old one.
  store.write_calibration_generation(id, sample_generation(1, 5));
  back = store.reader().read_calibration_generations(id);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[1], sample_generation(1, 5));

  auto found = store.reader().find_calibration_by_hash("00000000000000ab");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->calibration_id, id);
  EXPECT_EQ(found->status, run_status::running);
  store.finish_calibration(id, run_status::complete, "5 generations");
  found = store.reader().find_calibration_by_hash("00000000000000ab");
  EXPECT_EQ(found->status, run_status::complete);
  EXPECT_EQ(found->stop_reason, "5 generations");
  EXPECT_FALSE(found->ended_at.empty());
  EXPECT_FALSE(store.reader().find_calibration_by_hash("ffffffffffffffff").has_value());
  EXPECT_THROW(store.finish_calibration(99, run_status::complete, ""), io_error);
  EXPECT_TRUE(store.reader().read_calibration_generations(99).empty());
}

TEST(CalibrationTables, SweepDrawsRoundTrip) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  sweep_info s;
  s.name = "compare";
  s.experiment_text = "x";
  s.experiment_hash = "1";
  const std::int64_t sweep = store.begin_sweep(s);
  EXPECT_TRUE(store.reader().read_sweep_draws(sweep).empty());
  const std::vector<sweep_draw> draws = {{0, 0, 3}, {1, 0, 3}, {2, 1, 7}, {3, 1, 7}};
  store.write_sweep_draws(sweep, draws);
  EXPECT_EQ(store.reader().read_sweep_draws(sweep), draws);
}

TEST(CalibrationTables, AVersionTwoStoreGainsThemWhenOpenedForWriting) {
  scratch_dir dir;
  const auto file = dir / "v2.db";
  {
    run_store store(file);
    store.begin_run(sample_run());
  }
  raw_sql(file,
          "DROP TABLE calibration_values; DROP TABLE calibration_particles; "
          "DROP TABLE calibration_generations; DROP TABLE calibrations; DROP TABLE sweep_draws; "
          "PRAGMA user_version = 2");
  {
    const run_store reader(file, run_store::mode::read_only);
    EXPECT_EQ(reader.reader().list_runs().size(), 1u);
    EXPECT_TRUE(reader.reader().list_calibrations().empty());
    EXPECT_TRUE(reader.reader().read_sweep_draws(1).empty());
  }
  run_store writer(file);
  EXPECT_GT(writer.begin_calibration(sample_calibration()), 0);
  EXPECT_EQ(writer.reader().list_runs().size(), 1u);
}

}  // namespace
}  // namespace liangzhu::store
