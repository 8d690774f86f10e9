// liangzhu.run's compiled side: the simulation of a scenario in this process, the GIL released
// while it steps (other Python threads run; Ctrl-C is checked every week and stops it cleanly),
// its outputs kept in memory and handed to Python as arrays that own them.
#include <pybind11/stl.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "liangzhu/engine/collector.hpp"
#include "liangzhu/experiment/run_record.hpp"
#include "liangzhu/experiment/statistics.hpp"
#include "liangzhu/model/history_files.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::python {
namespace {

/// Everything a run hands its sink, kept column by column as numpy will hold it.
class memory_sink final : public engine::collection_sink {
 public:
  void declare(std::span<const std::string> groups, std::span<const engine::series_spec> series,
               std::span<const engine::event_kind_spec> kinds) override {
    groups_.assign(groups.begin(), groups.end());
    series_.assign(series.begin(), series.end());
    kinds_.assign(kinds.begin(), kinds.end());
  }
  void write_batch(std::span<const engine::series_row> rows,
                   std::span<const engine::event_record> events) override {
    for (const auto& r : rows) {
      row_tick_.push_back(r.tick);
      row_group_.push_back(r.group);
      values_.insert(values_.end(), r.values.begin(), r.values.end());
    }
    for (const auto& e : events) {
      event_tick_.push_back(e.tick);
      event_group_.push_back(e.group);
      event_kind_.push_back(e.kind);
      event_subject_.push_back(e.subject);
      event_value_.push_back(e.value);
    }
  }
  void write_snapshot(const engine::agent_snapshot& s) override { snapshots_.push_back(s); }

  /// The collected outputs as a dict of arrays and lists (moved out: call once).
  py::dict release(const model::simulation& sim) {
    py::dict out;
    py::list names, units, descriptions;
    for (const auto& s : series_) {
      names.append(s.name);
      units.append(s.unit);
      descriptions.append(s.description);
    }
    out["hubs"] = groups_;
    out["series_names"] = names;
    out["series_units"] = units;
    out["series_descriptions"] = descriptions;
    const auto rows = static_cast<py::ssize_t>(row_tick_.size());
    out["row_tick"] = owned_array(std::move(row_tick_), {rows});
    out["row_hub"] = owned_array(std::move(row_group_), {rows});
    out["values"] =
        owned_array(std::move(values_), {rows, static_cast<py::ssize_t>(series_.size())});
    py::list kind_names;
    for (const auto& k : kinds_) kind_names.append(k.name);
    out["event_kinds"] = kind_names;
    const auto events = static_cast<py::ssize_t>(event_tick_.size());
    out["event_tick"] = owned_array(std::move(event_tick_), {events});
    out["event_hub"] = owned_array(std::move(event_group_), {events});
    out["event_kind"] = owned_array(std::move(event_kind_), {events});
    out["event_subject"] = owned_array(std::move(event_subject_), {events});
    out["event_value"] = owned_array(std::move(event_value_), {events});
    py::list snapshots;
    for (auto& s : snapshots_) {
      const auto width = static_cast<py::ssize_t>(s.columns.size());
      const auto agents = width == 0 ? 0 : static_cast<py::ssize_t>(s.values.size()) / width;
      snapshots.append(py::make_tuple(s.tick, s.kind, s.columns,
                                      owned_array(std::move(s.values), {agents, width})));
    }
    out["snapshots"] = snapshots;
    py::list dates;
    for (long t = 0; t <= sim.ticks_total(); ++t)
      dates.append(sim.calendar().date_of(t).to_string());
    out["dates"] = dates;
    py::list summary;
    for (const auto& f : sim.summary())
      summary.append(py::make_tuple(f.hub, f.name, f.value ? py::cast(*f.value) : py::none(),
                                    f.text, f.unit, f.description));
    out["summary"] = summary;
    return out;
  }

 private:
  std::vector<std::string> groups_;
  std::vector<engine::series_spec> series_;
  std::vector<engine::event_kind_spec> kinds_;
  std::vector<std::int32_t> row_tick_;
  std::vector<std::uint16_t> row_group_;
  std::vector<double> values_;
  std::vector<std::int32_t> event_tick_;
  std::vector<std::uint16_t> event_group_;
  std::vector<std::uint16_t> event_kind_;
  std::vector<std::uint64_t> event_subject_;
  std::vector<double> event_value_;
  std::vector<engine::agent_snapshot> snapshots_;
};

/// The histories (start_from) this process's runs began from, as the command line keeps them for
/// a sweep's runs: a loop over seeds or scenarios in a notebook simulates each history once.
model::history_cache histories(std::size_t{1} << 30);

py::dict run(const scenario_spec& spec, std::optional<std::uint64_t> seed,
             std::optional<long> ticks, int threads, long snapshot_every,
             const py::object& progress, const std::string& history_directory) {
  const io::scenario scenario = spec.load();
  model::run_options options;
  options.seed = seed;
  options.ticks = ticks;
  options.threads = threads;
  options.histories = &histories;
  if (!history_directory.empty()) {
    model::prepare_history_directory(history_directory);
    options.history_directory = history_directory;
  }
  std::unique_ptr<model::simulation> sim;
  {
    py::gil_scoped_release free;  // building a city-scale hub takes a while
    sim = std::make_unique<model::simulation>(scenario, options);
  }
  memory_sink sink;
  sim->collector().set_sink(&sink);
  while (!sim->done()) {
    {
      py::gil_scoped_release free;
      sim->step();
      if (snapshot_every > 0 && sim->tick() % snapshot_every == 0) {
        sim->flush();
        for (const auto& snapshot : sim->snapshots()) sink.write_snapshot(snapshot);
      }
    }
    // Ctrl-C (and any other signal Python handles) stops the run here, between two weeks.
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (!progress.is_none())
      progress(sim->tick(), sim->ticks_total(), sim->calendar().date_of(sim->tick()).to_string());
  }
  {
    py::gil_scoped_release free;
    sim->flush();
  }
  py::dict out = sink.release(*sim);
  out["seed"] = sim->seed();
  out["threads"] = sim->threads();
  out["scenario_name"] = experiment::scenario_name_of(scenario, sim->params());
  out["scenario_file"] = scenario.path().string();
  out["scenario_hash"] = scenario.hash();
  return out;
}

}  // namespace

void bind_run(py::module_& m) {
  m.def("_run", &run, py::arg("scenario"), py::arg("seed") = py::none(),
        py::arg("ticks") = py::none(), py::arg("threads") = 1, py::arg("snapshot_every") = 0,
        py::arg("progress") = py::none(), py::arg("histories") = "",
        "Simulates `scenario` in this process; a dict of arrays (use liangzhu.run).");
  m.def(
      "_compare_paired",
      [](const std::vector<double>& a, const std::vector<double>& b) {
        const auto d = experiment::compare_paired(a, b);
        const auto number = [](const std::optional<double>& v) {
          return v ? py::cast(*v) : py::cast(std::nan(""));
        };
        return py::make_tuple(number(d.difference.mean), number(d.difference.low),
                              number(d.difference.high), number(d.p_value));
      },
      "b - a pair by pair (the CLI's paired t-test): mean, 95% low and high, p-value.");
}

}  // namespace liangzhu::python
