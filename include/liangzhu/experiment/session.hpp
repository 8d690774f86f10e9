#pragma once
/// @file An experiment against a run store: begun or resumed (same plan hash), its missing runs
/// done, and its outputs read back per point and replicate for the statistics.
#include <cstdint>
#include <functional>
#include <vector>

#include "liangzhu/experiment/plan.hpp"
#include "liangzhu/experiment/runner.hpp"
#include "liangzhu/store/run_store.hpp"

namespace liangzhu::experiment {

class cluster;

struct session_outcome {
  std::int64_t sweep_id = 0;
  /// Runs found complete in the store from an earlier, interrupted attempt.
  std::int64_t reused = 0;
  /// Runs done now.
  std::int64_t ran = 0;
  /// Whether every (point, replicate) now has a complete run.
  bool complete = false;
};

/// Called after each run is stored, with the runs done so far and the total.
using progress_handler = std::function<void(std::int64_t done, std::int64_t total)>;

/// The id of the experiment of `p` in `store`: the latest one with the same hash, else a new one
/// begun with its points (status running).
std::int64_t begin_experiment(store::run_store& store, const plan& p);

/// Begins the experiment in `store`, or resumes the latest one with the same hash; runs every
/// (point, replicate) without a complete run (a comparison's replicate by replicate), locally or
/// over `mpi` when given (rank 0 only); marks the experiment complete, or interrupted after a stop.
session_outcome run_experiment(store::run_store& store, const plan& p,
                               const execution_settings& settings, cluster* mpi = nullptr,
                               const progress_handler& progress = {});

/// The outputs of an experiment's complete runs: values[point][replicate][output], NaN where a
/// run is missing or a figure is empty.
using output_table = std::vector<std::vector<std::vector<double>>>;
output_table read_output_table(const store::run_store& store, const plan& p, std::int64_t sweep);

/// Per point and output: the mean over replicates with its 95% confidence interval.
std::vector<store::sweep_result> point_results(const plan& p, const output_table& values);

}  // namespace liangzhu::experiment
