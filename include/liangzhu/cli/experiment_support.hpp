#pragma once
/// @file What `sweep`, `compare` and `sensitivity` share: their options for running many runs,
/// finding scenarios named by an experiment, running the plan (alone or over MPI) into the store,
/// and printing numbers with their confidence intervals.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "liangzhu/cli/signals.hpp"
#include "liangzhu/experiment/cluster.hpp"
#include "liangzhu/experiment/job.hpp"
#include "liangzhu/experiment/plan.hpp"
#include "liangzhu/experiment/session.hpp"
#include "liangzhu/store/run_store.hpp"

namespace liangzhu::cli {

/// The options of every experiment command.
struct experiment_options {
  CLI::App* app = nullptr;
  std::string out = "runs.db";
  int jobs = 0;
  int threads_per_run = 1;
  std::int64_t replicates = 0;
  long ticks = 0;
  std::string store;      ///< what each run keeps in the store: summary, series or all (events too)
  std::string posterior;  ///< a posterior file whose draws the replicates take
  std::int64_t draws = 20;
  std::int64_t seeds_per_draw = 2;
  bool quiet = false;
  std::uint64_t max_memory = 0;  ///< bytes; 0: half of the machine's
  std::string histories;         ///< a directory keeping start_from histories between commands

  bool given(const std::string& option) const { return app->count(option) > 0; }
};

void add_experiment_options(CLI::App& app, experiment_options& o);
/// Adds the required EXPERIMENT argument (an experiment file).
void add_experiment_argument(CLI::App& app, std::string& experiment);

/// Simulations at once on this machine by default: its cores, shared by the MPI ranks on it and
/// divided by --threads-per-run.
int default_parallel_runs(const experiment_options& o);

/// How this rank runs the experiment's jobs: --jobs (or default_parallel_runs), --threads-per-run,
/// its share of --max-memory and --histories (created and checked here, before any run), stopped
/// by `stop`.
experiment::execution_settings execution_settings_of(const experiment_options& o,
                                                     const interrupt_guard& stop);

/// --max-memory (or half of the machine's memory), shared by the MPI ranks on this machine; 0
/// (the default limit) for a lone process without --max-memory.
std::uint64_t memory_per_rank(const experiment_options& o);

/// Applies --replicates, --ticks, --store, --posterior, --draws and --seeds-per-draw to an
/// experiment read from a file (input_error for --replicates with a posterior, whose runs per
/// point are draws x seeds per draw, and for --draws without one).
void apply_overrides(const experiment_options& o, io::experiment_spec& spec);

/// Finds the scenarios an experiment names: paths relative to the experiment file's folder,
/// other words as shipped scenario names. Errors point at where the experiment names them.
experiment::scenario_resolver scenario_resolver_for(const std::filesystem::path& experiment_file);

/// A finished (or interrupted) experiment as rank 0 sees it.
struct experiment_run {
  std::unique_ptr<store::run_store> store;
  experiment::session_outcome outcome;
  experiment::output_table values;
  const char* signal = "";
};

/// Runs `p` into the store of `o`: on this machine's cores, or, when started by mpirun, over
/// every rank. Ranks other than 0 serve jobs and get nullopt; rank 0 (or a lone process) gets
/// the outcome once every run is stored or a signal stopped it.
std::optional<experiment_run> run_plan(const experiment::plan& p, const experiment_options& o,
                                       experiment::cluster* mpi);

/// Runs `command`. In an MPI job an error on any rank is printed and ends every rank (the others
/// would otherwise wait for it for ever); without MPI it propagates as usual.
int guard_ranks(experiment::cluster* mpi, const std::function<int()>& command);

/// "12.3 [10.1, 14.5]": a mean with its confidence interval, to four significant digits; "-"
/// when missing.
std::string format_estimate(std::optional<double> mean, std::optional<double> low,
                            std::optional<double> high);
/// A number to four significant digits ("-" when missing).
std::string format_number(std::optional<double> value);

/// A figure as an analyst reads it, by its unit (docs/outputs.md): money in k, m or bn
/// ("14.1 bn CNY" is written "14.1 bn"), shares in percent ("11.8%"), counts with thousands
/// separators ("1,072") and at most four significant digits otherwise ("5.376"); "-" for none.
std::string format_quantity(std::optional<double> value, std::string_view unit);

/// "mean [low, high]" in the figure's unit.
std::string format_estimate(std::optional<double> mean, std::optional<double> low,
                            std::optional<double> high, std::string_view unit);

/// Writes `text` to `file` through a temporary file renamed over it, so a failure never leaves a
/// half-written file; io_error naming the file.
void write_file_atomically(const std::string& file, const std::string& text);

/// The message and exit code for a stopped experiment, with the command that resumes it.
int report_interrupted(const experiment_run& run, const std::string& resume_command);

}  // namespace liangzhu::cli
