// `liangzhu run`: one scenario, one seed, into a run store. The order of the steps matters:
// everything that can be bad input (the scenario, the model's own checks, a checkpoint to resume)
// is checked before the store is opened, so bad input never leaves a store or a run behind; and
// from begin_run on, every way out (end, signal, error) gives the run a final status.
#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "liangzhu/cli/checkpoints.hpp"
#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/progress_bar.hpp"
#include "liangzhu/cli/run_report.hpp"
#include "liangzhu/cli/signals.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/run_record.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/model/simulation.hpp"
#include "liangzhu/store/run_store.hpp"

namespace liangzhu::cli {
namespace {

using steady = std::chrono::steady_clock;

/// The command line of `liangzhu run`, as parsed.
struct run_request {
  CLI::App* app = nullptr;
  std::string scenario;
  std::uint64_t seed = 0;
  int threads = 0;
  long ticks = 0;
  std::vector<std::string> overrides;
  std::string out = "runs.db";
  std::string label;
  std::string checkpoint;
  long checkpoint_every = 0;
  std::string resume;
  long snapshot_every = 0;
  bool check_invariants = false;
  bool timings = false;
  bool quiet = false;
  std::uint64_t max_memory = 0;
  std::string histories;

  bool given(const std::string& option) const { return app->count(option) > 0; }
};

/// A simulation ready to step: built from the scenario, restored from a checkpoint if asked.
struct prepared_run {
  io::scenario scenario;
  std::unique_ptr<model::simulation> sim;
  std::string tag;
  std::string label;
};

constexpr const char* run_description =
    "Simulate a scenario into a run store. The model steps week by week and stores everything it "
    "produces (the resolved parameters, weekly series per hub, events, an end-of-run summary) as a "
    "new run in a run store, an SQLite file (default runs.db) that holds many runs. SCENARIO is a "
    "TOML file, or the name of a shipped scenario ('liangzhu scenarios' lists them). The same "
    "scenario and seed always give the same run, whatever --threads. Ctrl-C stops cleanly between "
    "two weeks: the complete weeks stay in the store, the run is marked 'interrupted', and with "
    "--checkpoint it can be continued later with --resume.";

constexpr const char* run_footer =
    "Examples:\n"
    "  liangzhu run baseline\n"
    "  liangzhu run baseline --seed 7 --out out/sweep.db --label 'seed 7'\n"
    "  liangzhu run my.toml --set hub.liangzhu.noncompete.max_months=6 --ticks 104\n"
    "  liangzhu run baseline --checkpoint base.ckpt --checkpoint-every 52\n"
    "  liangzhu run baseline --resume base.ckpt      # continue an interrupted run\n"
    "Then: liangzhu runs runs.db; liangzhu export runs.db --format csv";

/// A whole number of at least `low`, read exactly: CLI11 2.1 wraps "-1" round and saturates
/// overflow when it reads an unsigned number, and its range messages print doubles.
template <typename T>
CLI::Validator whole_number(T low) {
  return CLI::Validator(
      [low](std::string& text) -> std::string {
        T value{};
        const char* end = text.data() + text.size();
        const auto [stop, ec] = std::from_chars(text.data(), end, value);
        if (ec == std::errc() && stop == end && value >= low) return {};
        return fmt::format("must be a whole number from {} to {}", low,
                           std::numeric_limits<T>::max());
      },
      "");
}

void define_run(CLI::App& app, run_request& r) {
  r.app = &app;
  add_scenario_argument(app, r.scenario);
  app.add_option("--seed", r.seed, "Master seed (default: the scenario's 'seed')")
      ->type_name("N")
      ->check(whole_number<std::uint64_t>(0));
  app.add_option("--threads", r.threads,
                 "Worker threads; 0 = all cores (results do not depend on it)")
      ->type_name("N")
      ->check(whole_number<int>(0))
      ->check(at_most_threads())
      ->capture_default_str();
  app.add_option("--ticks", r.ticks, "Weeks to simulate (default: the scenario's 'ticks')")
      ->type_name("N")
      ->check(whole_number<long>(1));
  add_set_option(app, r.overrides);
  app.add_option("--out", r.out, "Run store to add the run to (created if missing)")
      ->type_name("PATH")
      ->capture_default_str();
  app.add_option("--label", r.label, "Free text stored with the run (e.g. the sweep point)")
      ->type_name("TEXT");
  auto* checkpoint = app.add_option(
      "--checkpoint", r.checkpoint,
      "Save the simulation state to FILE at the end, on Ctrl-C and every --checkpoint-every weeks");
  checkpoint->type_name("FILE");
  app.add_option("--checkpoint-every", r.checkpoint_every, "Also save the checkpoint every N weeks")
      ->type_name("N")
      ->check(whole_number<long>(1))
      ->needs(checkpoint);
  app.add_option("--resume", r.resume,
                 "Continue from a checkpoint of the same scenario, --set values and seed (stored "
                 "as a new run holding the weeks from the checkpoint on)")
      ->type_name("FILE");
  app.add_option("--snapshot-every", r.snapshot_every,
                 "Store per-agent tables (engineers, startups) every N weeks")
      ->type_name("N")
      ->check(whole_number<long>(1));
  app.add_flag("--check-invariants", r.check_invariants,
               "Check conservation of people and money every week, not only at the end (slower)");
  app.add_flag("--timings", r.timings, "Print the time spent in each phase of the week");
  add_max_memory_option(app, r.max_memory);
  add_histories_option(app, r.histories);
  app.add_flag("-q,--quiet", r.quiet, "No progress bar and no report (errors are still printed)");
}

model::run_options options_of(const run_request& r) {
  model::run_options o;
  if (r.given("--seed")) o.seed = r.seed;
  if (r.given("--ticks")) o.ticks = r.ticks;
  o.threads = r.threads;
  o.check_every_tick = r.check_invariants;
  o.max_memory_bytes = r.max_memory;
  o.history_directory = histories_directory(r.histories);
  return o;
}

std::string label_of(const run_request& r, long resumed_at) {
  if (r.resume.empty()) return r.label;
  std::string label = r.label.empty() ? "" : r.label + "; ";
  return label + fmt::format("resumed from {} at tick {}", r.resume, resumed_at);
}

/// Restores a checkpoint. Its checksum is verified by then, so a state the model refuses was
/// taken from another run (bad input), not damaged.
void restore(model::simulation& sim, const std::string& file, const std::string& tag) {
  const std::string state = load_checkpoint(file, tag);
  try {
    sim.restore(state);
    // A state that reads well may still not add up: checked now, not weeks into the run.
    sim.check_invariants();
  } catch (const io_error& e) {
    throw input_error(fmt::format("checkpoint does not fit this run: {}", e.what()), file);
  } catch (const input_error&) {
    throw;
  } catch (const std::exception& e) {
    // Its checksum matched, so this is not damage in transit: a state written by hand, or by
    // another build. Checkpoints are not authenticated (docs/reliability.md).
    throw io_error(
        fmt::format("{}: the checkpoint's state is inconsistent ({}): it was not "
                    "written by this version of liangzhu, or was altered",
                    file, e.what()));
  }
}

/// --ticks bypasses the scenario's checks, so it gets the bound of the scenario key `ticks`.
void check_ticks(const run_request& r) {
  const io::param_spec* spec = model::scenario_schema().find_section("")->find("ticks");
  if (r.given("--ticks") && spec && static_cast<double>(r.ticks) > spec->max)
    throw input_error(
        fmt::format("must be at most {} (the bound of the scenario key 'ticks')", spec->max),
        "--ticks");
}

/// Everything that can be bad input, before anything is written.
prepared_run prepare(const run_request& r) {
  check_ticks(r);
  prepared_run p{load_scenario_argument(r.scenario, r.overrides), nullptr, {}, {}};
  p.sim = std::make_unique<model::simulation>(p.scenario, options_of(r));
  p.tag = checkpoint_tag(p.scenario, p.sim->seed());
  if (!r.resume.empty()) {
    restore(*p.sim, r.resume, p.tag);
    if (p.sim->tick() > p.sim->ticks_total())
      throw input_error(fmt::format("checkpoint is at tick {}, beyond the run's {} ticks (--ticks)",
                                    p.sim->tick(), p.sim->ticks_total()),
                        r.resume);
  }
  p.label = label_of(r, p.sim->tick());
  return p;
}

bool due(long every, long tick) { return every > 0 && tick % every == 0; }

/// Steps until the end or a signal; writes snapshots and periodic checkpoints on the way.
void step_loop(const run_request& r, prepared_run& p, engine::collection_sink& sink,
               const interrupt_guard& stop) {
  model::simulation& sim = *p.sim;
  progress_bar bar(sim.tick(), sim.ticks_total(), stderr_is_terminal() && !r.quiet);
  while (!sim.done() && !stop.requested()) {
    sim.step();
    const long t = sim.tick();
    if (due(r.snapshot_every, t)) {
      sim.flush();  // the store then holds every tick up to the snapshot's
      for (const auto& snapshot : sim.snapshots()) sink.write_snapshot(snapshot);
    }
    if (due(r.checkpoint_every, t) && t < sim.ticks_total()) {
      sim.flush();
      save_checkpoint(sim, r.checkpoint, p.tag);
    }
    bar.update(t, sim.calendar().date_of(t).to_string());
  }
}

/// How to continue an interrupted run, as a command to paste.
std::string resume_command(const run_request& r, const prepared_run& p) {
  std::string command =
      fmt::format("liangzhu run {} --seed {}", shell_quote(r.scenario), p.sim->seed());
  for (const auto& o : r.overrides) command += fmt::format(" --set {}", shell_quote(o));
  if (r.given("--ticks")) command += fmt::format(" --ticks {}", r.ticks);
  return command +
         fmt::format(" --resume {} --out {}", shell_quote(r.checkpoint), shell_quote(r.out));
}

int report_interrupted(const run_request& r, const prepared_run& p, std::int64_t run,
                       const char* signal, long first_tick) {
  const model::simulation& sim = *p.sim;
  std::string message = fmt::format(
      "liangzhu: interrupted by {} after {} of {} ticks: run {} is stored as 'interrupted' with "
      "ticks {}-{} in {}",
      signal, sim.tick(), sim.ticks_total(), run, first_tick, sim.tick() - 1, r.out);
  if (!r.checkpoint.empty())
    message += fmt::format("; checkpoint saved, continue with: {}", resume_command(r, p));
  std::fprintf(stderr, "%s\n", message.c_str());
  return to_int(exit_code::interrupted);
}

int report_complete(const run_request& r, const prepared_run& p, std::int64_t run,
                    const std::vector<model::summary_figure>& summary, long first_tick,
                    steady::time_point started) {
  const model::simulation& sim = *p.sim;
  if (!r.quiet) {
    const finished_run facts{run,
                             r.out,
                             first_tick,
                             sim.tick(),
                             sim.calendar().date_of(first_tick).to_string(),
                             sim.calendar().date_of(sim.tick() - 1).to_string(),
                             std::chrono::duration<double>(steady::now() - started).count()};
    std::fputs(render_run_report(facts, summary).c_str(), stdout);
  }
  if (r.timings) std::fputs(render_timings(sim.timings()).c_str(), stdout);
  return to_int(exit_code::ok);
}

/// Runs the prepared simulation into run `run` of `store` and gives it its final status.
int simulate_into(store::run_store& store, std::int64_t run, const run_request& r, prepared_run& p,
                  const interrupt_guard& stop) {
  model::simulation& sim = *p.sim;
  const long first_tick = sim.tick();
  const auto started = steady::now();
  const auto sink = store.sink_for(run);
  sim.collector().set_sink(sink.get());
  step_loop(r, p, *sink, stop);
  sim.flush();
  sim.collector().set_sink(nullptr);
  if (!r.checkpoint.empty()) save_checkpoint(sim, r.checkpoint, p.tag);
  if (!sim.done()) {
    store.finish_run(run, store::run_status::interrupted, sim.tick());
    return report_interrupted(r, p, run, stop.signal_name(), first_tick);
  }
  sim.check_invariants();
  const auto summary = sim.summary();
  store.write_summary(run, experiment::summary_rows(summary));
  store.finish_run(run, store::run_status::complete, sim.tick());
  return report_complete(r, p, run, summary, first_tick, started);
}

/// Marks a run that stopped on an error as failed, keeping the ticks its store already holds.
/// Never throws: the error that got us here is the one to report.
void mark_failed(store::run_store& store, std::int64_t run) noexcept {
  try {
    const auto info = store.reader().find_run(run);
    store.finish_run(run, store::run_status::failed, info ? info->ticks_done : 0);
  } catch (...) {  // NOLINT(bugprone-empty-catch): see above
  }
}

int execute(const run_request& r) {
  const interrupt_guard stop;  // a signal from here on stops cleanly instead of killing
  prepared_run p = prepare(r);
  if (stop.requested()) {
    std::fprintf(stderr, "liangzhu: interrupted by %s before the run began; nothing was written\n",
                 stop.signal_name());
    return to_int(exit_code::interrupted);
  }
  // Create the store's folder if needed; if that fails, opening the store reports the path.
  std::error_code ignored;
  if (const auto folder = std::filesystem::path(r.out).parent_path(); !folder.empty())
    std::filesystem::create_directories(folder, ignored);
  store::run_store store(r.out);
  store.mark_stale_runs_interrupted();
  const std::int64_t run = experiment::begin_recorded_run(store, p.scenario, p.sim->params(),
                                                          p.sim->threads(), r.overrides, p.label);
  try {
    return simulate_into(store, run, r, p, stop);
  } catch (...) {
    p.sim->collector().set_sink(nullptr);
    mark_failed(store, run);
    throw;
  }
}

}  // namespace

command add_run_command(CLI::App& parent) {
  return make_command<run_request>(parent, {"run", run_description, run_footer}, define_run,
                                   execute);
}

}  // namespace liangzhu::cli
