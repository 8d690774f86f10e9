// One job of an experiment: what it records does not depend on threads, survives the trip to
// another MPI rank intact, and equals what a store holds after the sweep.
#include <gtest/gtest.h>

#include <cmath>

#include "experiment/experiment_fixture.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/job.hpp"
#include "liangzhu/experiment/session.hpp"
#include "support/scratch_dir.hpp"

namespace liangzhu::experiment {
namespace {

using testing::plan_text;
using testing::small_grid;

bool same_outputs(const recorded_outputs& a, const recorded_outputs& b) {
  if (a.groups != b.groups || a.rows.size() != b.rows.size() || a.events != b.events) return false;
  for (std::size_t i = 0; i < a.rows.size(); ++i)
    if (a.rows[i].tick != b.rows[i].tick || a.rows[i].values != b.rows[i].values) return false;
  return true;
}

TEST(ExperimentJobs, ResultDoesNotDependOnThreads) {
  const plan p = plan_text(small_grid);
  const job task = p.jobs()[3];
  const job_result one = run_job(p, task, 1);
  const job_result two = run_job(p, task, 2);
  EXPECT_TRUE(same_outputs(one.outputs, two.outputs));
  EXPECT_EQ(one.summary, two.summary);
  EXPECT_EQ(one.run.seed, task.seed);
  EXPECT_EQ(one.run.ticks_total, 20);
  EXPECT_FALSE(one.outputs.rows.empty());
  EXPECT_TRUE(one.outputs.events.empty());  // the default stores series, not events
}

TEST(ExperimentJobs, SerializedResultComesBackEqual) {
  const std::string text = std::string("store = \"all\"\n") + small_grid;
  const plan p = plan_text(text);
  const job_result r = run_job(p, p.jobs()[1], 1);
  ASSERT_FALSE(r.outputs.events.empty());
  const auto bytes = serialize(r);
  const job_result back = deserialize({bytes.data(), bytes.size()});
  EXPECT_EQ(back.task.index, r.task.index);
  EXPECT_EQ(back.run, r.run);
  EXPECT_EQ(back.parameters, r.parameters);
  EXPECT_EQ(back.summary, r.summary);
  EXPECT_TRUE(same_outputs(back.outputs, r.outputs));
  EXPECT_EQ(back.outputs.series.size(), r.outputs.series.size());
}

TEST(ExperimentJobs, DamagedBytesAreAnIoErrorNotACrash) {
  const plan p = plan_text(small_grid);
  const auto bytes = serialize(run_job(p, p.jobs()[0], 1));
  for (const std::size_t cut : {std::size_t{0}, std::size_t{7}, bytes.size() / 2, bytes.size() - 1})
    EXPECT_THROW(deserialize({bytes.data(), cut}), io_error) << "cut at " << cut;
  std::vector<char> longer = bytes;
  longer.push_back('x');
  EXPECT_THROW(deserialize({longer.data(), longer.size()}), io_error);
}

// Found by fuzz/checkpoint.cpp (minimized): a string count of about 2^60 was allocated before
// the strings were read, an abort for being too big instead of an io_error.
TEST(ExperimentJobs, AHugeStringCountIsAnIoError) {
  const std::string bytes(
      "\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
      "\x00\x00\x00\x00\xd1\x55\x16\xe4\x1c\xeb\xfc\x20\x04\x00\x07\x00"
      "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
      "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
      "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
      "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
      "\x00\x65\x6f\x5a\x7e\x00\x00\x00\x00\x00\x00\x00\x00\x00\x65\x6f"
      "\x68\x65\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
      "\x00\x00\x00\x00\x00\x00\x00\x00\x65\x68\x00\x68\x65\x00\x00\x00",
      144);
  EXPECT_THROW(deserialize(bytes), io_error);
}

TEST(ExperimentJobs, StopCancelsARun) {
  const plan p = plan_text(small_grid);
  EXPECT_THROW(run_job(p, p.jobs()[0], 1, [] { return true; }), job_cancelled);
}

TEST(ExperimentSession, RunsEveryJobOnceAndResumesWithoutRedoing) {
  liangzhu::testing::scratch_dir dir;
  const plan p = plan_text(small_grid);
  store::run_store store(dir / "runs.db");
  execution_settings settings;
  settings.parallel_runs = 2;
  const auto first = run_experiment(store, p, settings);
  EXPECT_TRUE(first.complete);
  EXPECT_EQ(first.ran, 8);
  EXPECT_EQ(first.reused, 0);
  EXPECT_EQ(store.reader().find_sweep(first.sweep_id)->status, store::run_status::complete);
  EXPECT_EQ(store.reader().read_sweep_points(first.sweep_id).size(), 8u);  // 4 points x 2 factors

  // A run an interrupted attempt left behind is redone; the others are kept.
  const auto runs = store.reader().read_sweep_runs(first.sweep_id);
  store.finish_run(runs[5].run_id, store::run_status::interrupted, 3);
  const auto second = run_experiment(store, p, settings);
  EXPECT_EQ(second.sweep_id, first.sweep_id);
  EXPECT_EQ(second.ran, 1);
  EXPECT_EQ(second.reused, 7);
  const auto redone = store.reader().read_sweep_runs(first.sweep_id)[5];
  EXPECT_NE(redone.run_id, runs[5].run_id);
  EXPECT_EQ(redone.status, store::run_status::complete);
  // The redone run equals the one it replaces (same seed, same point).
  EXPECT_EQ(store.reader().read_series(redone.run_id).rows.size(),
            store.reader().read_series(runs[5].run_id).rows.size());
  EXPECT_EQ(store.reader().read_summary(redone.run_id).size(),
            store.reader().read_summary(runs[0].run_id).size());
}

// A result is stored in one transaction: one that cannot be stored whole (here: its experiment
// is missing, which the foreign key refuses) leaves no run behind. It used to leave a run
// 'running' without parameters or results, listed among the store's runs.
TEST(ExperimentJobs, AResultThatCannotBeStoredWholeLeavesNothing) {
  liangzhu::testing::scratch_dir dir;
  const plan p = plan_text(small_grid);
  store::run_store store(dir / "runs.db");
  const job_result result = run_job(p, p.jobs()[0], 1);
  EXPECT_THROW(store_result(store, 42, result), io_error);
  EXPECT_TRUE(store.reader().list_runs().empty());
}

TEST(ExperimentSession, StoredRunsEqualTheJobsRunOneByOne) {
  liangzhu::testing::scratch_dir dir;
  const plan p = plan_text(small_grid);
  store::run_store store(dir / "runs.db");
  execution_settings settings;
  settings.parallel_runs = 3;
  const auto outcome = run_experiment(store, p, settings);
  const auto jobs = p.jobs();
  for (const auto& r : store.reader().read_sweep_runs(outcome.sweep_id)) {
    const job& task = jobs[static_cast<std::size_t>(r.point * p.replicates() + r.replicate)];
    EXPECT_EQ(r.seed, task.seed);
    const job_result alone = run_job(p, task, 1);
    EXPECT_EQ(store.reader().read_summary(r.run_id), alone.summary);
    EXPECT_EQ(store.reader().read_parameters(r.run_id), alone.parameters);
    const auto series = store.reader().read_series(r.run_id);
    ASSERT_EQ(series.rows.size(), alone.outputs.rows.size());
    for (std::size_t i = 0; i < series.rows.size(); ++i)
      for (std::size_t j = 0; j < series.rows[i].values.size(); ++j) {
        const double a = series.rows[i].values[j], b = alone.outputs.rows[i].values[j];
        EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b)));
      }
  }
}

TEST(ExperimentSession, PointResultsAverageTheReplicates) {
  liangzhu::testing::scratch_dir dir;
  const plan p = plan_text(small_grid);
  store::run_store store(dir / "runs.db");
  const auto outcome = run_experiment(store, p, {});
  const auto values = read_output_table(store, p, outcome.sweep_id);
  const auto results = point_results(p, values);
  ASSERT_EQ(results.size(), 4u * 4);
  const auto& r = results[4];  // point 1, first output
  EXPECT_EQ(r.point, 1);
  EXPECT_EQ(r.output, "startups_founded");
  EXPECT_EQ(r.n, 2);
  EXPECT_DOUBLE_EQ(*r.mean, (values[1][0][0] + values[1][1][0]) / 2);
  // "tension_end" is a whole-run figure; "test.poached" names the hub.
  EXPECT_FALSE(std::isnan(values[0][0][3]));
  EXPECT_FALSE(std::isnan(values[0][0][2]));
}

}  // namespace
}  // namespace liangzhu::experiment
