#include "liangzhu/experiment/job.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "liangzhu/experiment/dated_outputs.hpp"
#include "liangzhu/experiment/run_record.hpp"
#include "liangzhu/model/memory_estimate.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::experiment {
namespace {

/// Keeps what the collector sends; events only when asked, since they dominate a run's size.
class recording_sink final : public engine::collection_sink {
 public:
  recording_sink(recorded_outputs& out, bool keep_events) : out_(out), keep_events_(keep_events) {}

  void declare(std::span<const std::string> groups, std::span<const engine::series_spec> series,
               std::span<const engine::event_kind_spec> event_kinds) override {
    out_.groups.assign(groups.begin(), groups.end());
    out_.series.assign(series.begin(), series.end());
    out_.event_kinds.assign(event_kinds.begin(), event_kinds.end());
  }
  void write_batch(std::span<const engine::series_row> rows,
                   std::span<const engine::event_record> events) override {
    out_.rows.insert(out_.rows.end(), rows.begin(), rows.end());
    if (keep_events_) out_.events.insert(out_.events.end(), events.begin(), events.end());
  }
  void write_snapshot(const engine::agent_snapshot& /*snapshot*/) override {}

 private:
  recorded_outputs& out_;
  bool keep_events_;
};

std::string label_of(const plan& p, const job& task) {
  std::string label =
      fmt::format("{} point {} replicate {}", p.spec.name, task.point, task.replicate);
  for (const auto& [key, value] : p.points[static_cast<std::size_t>(task.point)].coordinates)
    label += fmt::format("; {}={}", key, value);
  if (!p.draws.empty())
    label +=
        fmt::format("; posterior draw {}", p.draws[static_cast<std::size_t>(task.replicate)].draw);
  return label;
}

/// The histories (start_from) of this process's runs: the points of a sweep share their
/// replicates' histories. 1 GiB holds about 20 city-scale histories (50 MB each, enough for the
/// replicates_per_history_block replicates every point runs together, plan.hpp); a
/// national-scale one is not kept.
model::history_cache histories(std::size_t{1} << 30);

/// How many weeks go to the store per transaction when a result is written.
constexpr std::size_t ticks_per_batch = 52;

void replay(const recorded_outputs& outputs, engine::collection_sink& sink) {
  sink.declare(outputs.groups, outputs.series, outputs.event_kinds);
  const std::size_t per_tick = std::max<std::size_t>(1, outputs.groups.size());
  const std::size_t rows_per_batch = ticks_per_batch * per_tick;
  std::size_t event = 0;
  for (std::size_t first = 0; first < outputs.rows.size(); first += rows_per_batch) {
    const std::size_t last = std::min(outputs.rows.size(), first + rows_per_batch);
    const std::int32_t end_tick = outputs.rows[last - 1].tick;
    std::size_t event_end = event;
    while (event_end < outputs.events.size() && outputs.events[event_end].tick <= end_tick)
      ++event_end;
    sink.write_batch({outputs.rows.data() + first, last - first},
                     {outputs.events.data() + event, event_end - event});
    event = event_end;
  }
}

model::run_options run_options_of(const job& task, const execution_settings& settings) {
  model::run_options options;
  options.seed = task.seed;
  options.threads = settings.threads_per_run;
  options.histories = &histories;
  options.max_memory_bytes = settings.max_memory_bytes;
  options.history_directory = settings.history_directory;
  options.runs_at_once = std::max(1, settings.parallel_runs);
  return options;
}

}  // namespace

job_result run_job(const plan& p, const job& task, const execution_settings& settings,
                   const std::function<bool()>& stop) {
  const point& pt = p.points[static_cast<std::size_t>(task.point)];
  const io::scenario scenario = io::load_scenario(pt.scenario_file, model::scenario_schema(),
                                                  pt.overrides, p.draw_overrides(task.replicate));
  model::simulation sim(scenario, run_options_of(task, settings));

  job_result result;
  result.task = task;
  // The run lists every override it ran with, its posterior draw's included.
  std::vector<std::string> overrides = pt.overrides;
  const auto drawn = p.draw_overrides(task.replicate);
  overrides.insert(overrides.end(), drawn.begin(), drawn.end());
  result.run = describe_run(scenario, sim.params(), sim.threads(), overrides, label_of(p, task));
  result.parameters = recorded_parameters(scenario, sim.params(), sim.threads());
  recording_sink sink(result.outputs, p.spec.store == io::stored_detail::all);
  const bool dated = has_dated_outputs(p.spec.outputs);
  if (p.spec.store != io::stored_detail::summary || dated) sim.collector().set_sink(&sink);
  while (!sim.done()) {
    if (stop && stop()) throw job_cancelled{};
    sim.step();
  }
  sim.flush();
  sim.collector().set_sink(nullptr);
  sim.check_invariants();
  result.summary = summary_rows(sim.summary());
  add_dated_outputs(p.spec.outputs, pt.hubs, result);
  // Series kept only to read figures at dates are not stored.
  if (p.spec.store == io::stored_detail::summary) result.outputs = {};
  return result;
}

std::int64_t store_result(store::run_store& store, std::int64_t sweep, const job_result& result) {
  std::int64_t run = 0;
  store.atomically([&] {
    run = store.begin_run(result.run);
    store.add_sweep_run(sweep, {result.task.point, result.task.replicate, result.task.seed, run,
                                store::run_status::running});
    store.write_parameters(run, result.parameters);
    if (!result.outputs.groups.empty()) {
      const auto sink = store.sink_for(run);
      replay(result.outputs, *sink);
    }
    store.write_summary(run, result.summary);
    store.finish_run(run, store::run_status::complete, result.run.ticks_total);
  });
  return run;
}

job_result run_job(const plan& p, const job& task, int threads, const std::function<bool()>& stop) {
  execution_settings settings;
  settings.threads_per_run = threads;
  return run_job(p, task, settings, stop);
}

void check_memory(const plan& p, const execution_settings& settings) {
  for (const point& pt : p.points)
    model::check_memory(pt.memory, settings.max_memory_bytes, std::max(1, settings.parallel_runs));
}

}  // namespace liangzhu::experiment
