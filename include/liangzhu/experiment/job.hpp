#pragma once
/// @file One run of an experiment, done apart from the store: the simulation's outputs are
/// recorded in memory and handed to whoever writes the store (the same process, or MPI rank 0),
/// so that a run's rows are the same wherever it ran.
#include <atomic>
#include <cstdint>
#include <filesystem>
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

/// How an experiment's runs are executed (what they are is the plan's).
struct execution_settings {
  /// Runs at once in this process (>= 1).
  int parallel_runs = 1;
  /// Worker threads inside each run (results do not depend on it).
  int threads_per_run = 1;
  /// Most memory this process's runs may take together, in bytes (0: half of the machine's);
  /// each run is refused before it allocates if its share would not do.
  std::uint64_t max_memory_bytes = 0;
  /// Where start_from histories are kept on disk for other processes (empty: only in memory;
  /// model/history_files.hpp). Results do not depend on it.
  std::filesystem::path history_directory;
  /// Polled between weeks and between jobs: true stops taking jobs and cancels running ones.
  std::function<bool()> stop;
};

/// Thrown by run_job when `stop` turned true before the run ended.
struct job_cancelled {};

/// Runs `task` of `p` with `settings.threads_per_run` worker threads and its share of
/// `settings.max_memory_bytes`, checking the conservation invariants at the end. `stop` is polled
/// between weeks. The result does not depend on the threads.
job_result run_job(const plan& p, const job& task, const execution_settings& settings,
                   const std::function<bool()>& stop = {});

/// The same with `threads` worker threads and the default memory limit, one run at a time.
job_result run_job(const plan& p, const job& task, int threads,
                   const std::function<bool()>& stop = {});

/// Throws input_error if a run of any point of `p` would need more than its share of
/// `settings.max_memory_bytes` (model/memory_estimate.hpp): checked before a store is touched.
void check_memory(const plan& p, const execution_settings& settings);

/// Writes a result as a complete run of `sweep` and returns its run id, in one transaction: after
/// a crash or an error (a full disk) the store holds the whole run or nothing of it, so every run
/// an experiment lists is complete, and a resumed experiment redoes the missing ones.
std::int64_t store_result(store::run_store& store, std::int64_t sweep, const job_result& result);

/// A result as bytes (for MPI) and back; io_error if the bytes are damaged.
std::vector<char> serialize(const job_result& result);
job_result deserialize(std::string_view bytes);

}  // namespace liangzhu::experiment
