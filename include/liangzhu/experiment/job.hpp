#pragma once
/// @file One run of an experiment, done apart from the store: the simulation's outputs are
/// recorded in memory and handed to whoever writes the store (the same process, or MPI rank 0),
/// so that a run's rows are the same wherever it ran.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liangzhu/engine/collector.hpp"
#include "liangzhu/experiment/plan.hpp"
#include "liangzhu/store/run_store.hpp"

namespace liangzhu::experiment {

/// Everything a collector sent to its sink over a run.
struct recorded_outputs {
  std::vector<std::string> groups;
  std::vector<engine::series_spec> series;
  std::vector<engine::event_kind_spec> event_kinds;
  std::vector<engine::series_row> rows;
  std::vector<engine::event_record> events;
};

/// A finished run of a job, ready to be stored.
struct job_result {
  job task;
  store::run_info run;
  std::vector<std::pair<std::string, std::string>> parameters;
  std::vector<store::summary_row> summary;
  /// Empty when the experiment stores summaries only; no events unless it stores everything.
  recorded_outputs outputs;
};

/// Thrown by run_job when `stop` turned true before the run ended.
struct job_cancelled {};

/// Runs `task` of `p` with `threads` worker threads, checking the conservation invariants at the
/// end. `stop` is polled between weeks. The result does not depend on `threads`.
job_result run_job(const plan& p, const job& task, int threads,
                   const std::function<bool()>& stop = {});

/// Writes a result as a complete run of `sweep` and returns its run id, in one transaction: after
/// a crash or an error (a full disk) the store holds the whole run or nothing of it, so every run
/// an experiment lists is complete, and a resumed experiment redoes the missing ones.
std::int64_t store_result(store::run_store& store, std::int64_t sweep, const job_result& result);

/// A result as bytes (for MPI) and back; io_error if the bytes are damaged.
std::vector<char> serialize(const job_result& result);
job_result deserialize(std::string_view bytes);

}  // namespace liangzhu::experiment
