#include "liangzhu/cli/experiment_support.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/progress_bar.hpp"
#include "liangzhu/cli/scenario_paths.hpp"
#include "liangzhu/cli/signals.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/model/memory_estimate.hpp"

namespace liangzhu::cli {
namespace {

/// Ranks of this MPI job on this machine (1 without mpirun): they share its cores.
int local_ranks() {
  const char* size = std::getenv("OMPI_COMM_WORLD_LOCAL_SIZE");
  return size != nullptr && std::atoi(size) > 0 ? std::atoi(size) : 1;
}

}  // namespace

int default_parallel_runs(const experiment_options& o) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::max(1, cores / local_ranks() / std::max(1, o.threads_per_run));
}

std::uint64_t memory_per_rank(const experiment_options& o) {
  const auto ranks = static_cast<std::uint64_t>(local_ranks());
  if (o.max_memory == 0 && ranks == 1) return 0;  // the default, named as such in refusals
  return (o.max_memory > 0 ? o.max_memory : model::default_memory_limit()) / ranks;
}

experiment::execution_settings execution_settings_of(const experiment_options& o,
                                                     const interrupt_guard& stop) {
  experiment::execution_settings settings;
  settings.parallel_runs = o.jobs > 0 ? o.jobs : default_parallel_runs(o);
  settings.threads_per_run = o.threads_per_run;
  settings.max_memory_bytes = memory_per_rank(o);
  settings.history_directory = histories_directory(o.histories);
  settings.stop = [&stop] { return stop.requested(); };
  return settings;
}

namespace {

bool looks_like_path(const std::string& text) {
  return text.find('/') != std::string::npos || text.ends_with(".toml");
}

}  // namespace

void add_experiment_options(CLI::App& app, experiment_options& o) {
  o.app = &app;
  app.add_option("--out", o.out, "Run store to add the runs and results to (created if missing)")
      ->type_name("PATH")
      ->capture_default_str();
  app.add_option("--jobs", o.jobs,
                 "Runs at once on this machine; 0 = one per core (shared by the MPI ranks on it)")
      ->type_name("N")
      ->check(CLI::Range(0, 4096))
      ->check(at_most_threads())
      ->capture_default_str();
  app.add_option("--threads-per-run", o.threads_per_run,
                 "Worker threads inside each run (results do not depend on it)")
      ->type_name("N")
      ->check(CLI::Range(1, 4096))
      ->check(at_most_threads())
      ->capture_default_str();
  app.add_option("--replicates", o.replicates, "Runs per point (default: the experiment's)")
      ->type_name("N")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000}));
  app.add_option("--ticks", o.ticks, "Weeks per run (default: the scenario's)")
      ->type_name("N")
      ->check(CLI::Range(1L, 1000000L));
  add_max_memory_option(app, o.max_memory);
  app.add_option("--store", o.store,
                 "What each run keeps in the store: summary, series, or all (series and events, "
                 "which 'liangzhu patterns' needs); default: the experiment's")
      ->type_name("DETAIL")
      ->check(CLI::IsMember({"summary", "series", "all"}));
  app.add_option("--posterior", o.posterior,
                 "Posterior file (liangzhu calibrate --write-posterior): replicate r of every "
                 "point takes draw r / seeds-per-draw of it and seed r, so the intervals carry "
                 "parameter uncertainty as well as luck")
      ->type_name("FILE");
  app.add_option("--draws", o.draws, "Posterior draws (with --posterior)")
      ->type_name("N")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100000}))
      ->capture_default_str();
  app.add_option("--seeds-per-draw", o.seeds_per_draw,
                 "Seeds per posterior draw (with --posterior); two or more split the spread into "
                 "the parameters' share and luck's")
      ->type_name("N")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000}))
      ->capture_default_str();
  add_histories_option(app, o.histories);
  app.add_flag("-q,--quiet", o.quiet, "No progress bar and no table (errors are still printed)");
}

void add_experiment_argument(CLI::App& app, std::string& experiment) {
  app.add_option("EXPERIMENT", experiment, "Experiment file (TOML; see docs/experiments.md)")
      ->required()
      ->type_name("");
}

void apply_overrides(const experiment_options& o, io::experiment_spec& spec) {
  if (o.given("--posterior")) {
    if (!spec.posterior) {
      spec.posterior.emplace();
      spec.posterior->draws = o.draws;
      spec.posterior->seeds_per_draw = o.seeds_per_draw;
    }
    spec.posterior->file = o.posterior;
    spec.posterior->origin = {"--posterior", 0, 0};
  }
  if (!spec.posterior && (o.given("--draws") || o.given("--seeds-per-draw")))
    throw input_error("--draws and --seeds-per-draw need --posterior FILE (or a [posterior] table)",
                      o.given("--draws") ? "--draws" : "--seeds-per-draw");
  if (spec.posterior) {
    if (o.given("--replicates"))
      throw input_error(
          "--replicates with a posterior: the runs per point are --draws x --seeds-per-draw",
          "--replicates");
    if (o.given("--draws")) spec.posterior->draws = o.draws;
    if (o.given("--seeds-per-draw")) spec.posterior->seeds_per_draw = o.seeds_per_draw;
    // Checked before anything is planned: the replicates are allocated per point.
    if (spec.posterior->draws * spec.posterior->seeds_per_draw > 1000000)
      throw input_error("--draws x --seeds-per-draw is more than 1,000,000 runs per point",
                        "--draws");
    spec.replicates = spec.posterior->draws * spec.posterior->seeds_per_draw;
  }
  if (o.given("--replicates")) spec.replicates = o.replicates;
  if (o.given("--ticks")) spec.ticks = o.ticks;
  if (o.given("--store"))
    spec.store = o.store == "all"       ? io::stored_detail::all
                 : o.store == "summary" ? io::stored_detail::summary
                                        : io::stored_detail::series;
}

experiment::scenario_resolver scenario_resolver_for(const std::filesystem::path& experiment_file) {
  const std::filesystem::path base = experiment_file.parent_path();
  return [base](const std::string& argument, const io::value_origin& where) {
    try {
      if (looks_like_path(argument) && std::filesystem::path(argument).is_relative())
        return resolve_scenario((base / argument).lexically_normal().string());
      return resolve_scenario(argument);
    } catch (const input_error& e) {
      throw input_error(fmt::format("scenario '{}': {}", argument, e.message()), where.file,
                        where.line, where.column, "scenario");
    }
  };
}

std::optional<experiment_run> run_plan(const experiment::plan& p, const experiment_options& o,
                                       experiment::cluster* mpi) {
  const interrupt_guard stop;
  const experiment::execution_settings settings = execution_settings_of(o, stop);
  experiment::check_memory(p, settings);  // before the store is touched
  if (mpi != nullptr && mpi->rank() != 0) {
    mpi->serve(p, settings);
    return std::nullopt;
  }
  std::error_code ignored;
  if (const auto folder = std::filesystem::path(o.out).parent_path(); !folder.empty())
    std::filesystem::create_directories(folder, ignored);
  experiment_run run;
  run.store = std::make_unique<store::run_store>(o.out);
  run.store->mark_stale_runs_interrupted();
  const auto total = static_cast<long>(p.jobs().size());
  // On a terminal a line redrawn in place; in a log (a file, a pipe) a line every ten seconds.
  const bool terminal = stderr_is_terminal();
  progress_bar bar(0, total, !o.quiet, "run",
                   terminal ? progress_bar::clock::duration{} : std::chrono::seconds(10));
  run.outcome = experiment::run_experiment(
      *run.store, p, settings, mpi,
      [&bar](std::int64_t done, std::int64_t) { bar.update(static_cast<long>(done), ""); });
  bar.clear();
  run.values = experiment::read_output_table(*run.store, p, run.outcome.sweep_id);
  run.signal = stop.signal_name();
  return run;
}

int guard_ranks(experiment::cluster* mpi, const std::function<int()>& command) {
  if (mpi == nullptr) return command();
  // Every rank ends the whole job on an error: a rank that gave up alone would leave the others
  // waiting for it for ever. Rank 0 speaks for the job; the others say which rank they are.
  const auto fail = [mpi](const char* message, exit_code code) {
    if (mpi->rank() == 0)
      std::fprintf(stderr, "liangzhu: error: %s\n", message);
    else
      std::fprintf(stderr, "liangzhu: error on MPI rank %d: %s\n", mpi->rank(), message);
    mpi->abort(to_int(code));
  };
  try {
    return command();
  } catch (const input_error& e) {
    fail(e.what(), exit_code::bad_input);
  } catch (const io_error& e) {
    fail(e.what(), exit_code::io_failure);
  } catch (const std::exception& e) {
    fail(e.what(), exit_code::internal_error);
  }
  return to_int(exit_code::internal_error);  // not reached: abort() ends the process
}

std::string format_number(std::optional<double> value) {
  if (!value) return "-";
  return fmt::format("{:.4g}", *value);
}

std::string format_quantity(std::optional<double> value, std::string_view unit) {
  if (!value || std::isnan(*value)) return "-";
  const double v = *value, magnitude = std::fabs(v);
  if (unit.starts_with("share")) return format_share(v);
  if (unit.starts_with("CNY") && magnitude >= 1e4) {
    for (const auto& [scale, suffix] : {std::pair{1e9, "bn"}, {1e6, "m"}, {1e3, "k"}})
      if (magnitude >= scale) return fmt::format("{:.3g} {}", v / scale, suffix);
  }
  if (magnitude >= 1000) return format_count(v);
  return fmt::format("{:.4g}", v);
}

std::string format_estimate(std::optional<double> mean, std::optional<double> low,
                            std::optional<double> high, std::string_view unit) {
  if (!mean) return "-";
  if (!low || !high) return format_quantity(mean, unit);
  return fmt::format("{} [{}, {}]", format_quantity(mean, unit), format_quantity(low, unit),
                     format_quantity(high, unit));
}

std::string format_estimate(std::optional<double> mean, std::optional<double> low,
                            std::optional<double> high) {
  if (!mean) return "-";
  if (!low || !high) return format_number(mean);
  return fmt::format("{} [{}, {}]", format_number(mean), format_number(low), format_number(high));
}

void write_file_atomically(const std::string& file, const std::string& text) {
  const std::string temporary = file + ".tmp";
  {
    std::ofstream out(temporary);
    out << text;
    if (!out.flush()) throw io_error(fmt::format("{}: cannot be written", file));
  }
  std::error_code ec;
  std::filesystem::rename(temporary, file, ec);
  if (ec) throw io_error(fmt::format("{}: cannot be written ({})", file, ec.message()));
}

int report_interrupted(const experiment_run& run, const std::string& resume_command) {
  std::fprintf(stderr,
               "liangzhu: interrupted by %s: experiment %lld has %lld of its runs in %s; the same "
               "command resumes it: %s\n",
               run.signal[0] != '\0' ? run.signal : "a signal",
               static_cast<long long>(run.outcome.sweep_id),
               static_cast<long long>(run.outcome.reused + run.outcome.ran),
               run.store->path().c_str(), resume_command.c_str());
  return to_int(exit_code::interrupted);
}

}  // namespace liangzhu::cli
