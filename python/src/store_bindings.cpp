// liangzhu.open_store's compiled side: a run store opened read-only, as `liangzhu runs` and
// `liangzhu export` open it, and its tables as lists and arrays. Each call reads through one
// store_reader, so what it returns is the store as of one moment even while a run writes.
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/run_record.hpp"
#include "liangzhu/store/run_store.hpp"
#include "liangzhu/store/store_reader.hpp"

namespace liangzhu::python {
namespace {

py::object optional_number(const std::optional<double>& v) { return v ? py::cast(*v) : py::none(); }

/// A store held open for reading from Python.
class py_store {
 public:
  explicit py_store(const std::filesystem::path& file) : store_(cli::open_existing_store(file)) {}

  py::list runs() const {
    py::list out;
    for (const auto& r : store_.reader().list_runs()) {
      py::dict row;
      row["run_id"] = r.run_id;
      row["scenario"] = r.scenario_name;
      row["scenario_path"] = r.scenario_path;
      row["scenario_hash"] = r.scenario_hash;
      row["seed"] = r.seed;
      row["threads"] = r.threads;
      row["start_date"] = r.start_date;
      row["ticks_total"] = r.ticks_total;
      row["ticks_done"] = r.ticks_done;
      row["status"] = std::string(store::to_string(r.status));
      row["label"] = r.label;
      row["started_at"] = r.started_at;
      row["ended_at"] = r.ended_at;
      row["version"] = r.version;
      row["overrides"] = experiment::recorded_overrides(r.scenario_text);
      out.append(row);
    }
    return out;
  }

  std::vector<std::pair<std::string, std::string>> parameters(std::int64_t run) const {
    return store_.reader().read_parameters(known(run));
  }

  py::list summary(std::int64_t run) const {
    py::list out;
    for (const auto& r : store_.reader().read_summary(known(run)))
      out.append(
          py::make_tuple(r.group, r.name, optional_number(r.value), r.text, r.unit, r.description));
    return out;
  }

  /// The wide series table: ticks, dates, hubs and a (rows x series) array of values.
  py::dict series(std::int64_t run) const {
    const auto reader = store_.reader();
    const auto table = reader.read_series(known(run));
    const auto catalog = reader.read_catalog(run);
    std::vector<std::int64_t> ticks;
    std::vector<double> values;
    py::list dates, hubs, units, descriptions;
    for (const auto& row : table.rows) {
      ticks.push_back(row.tick);
      dates.append(row.date);
      hubs.append(row.group);
      values.insert(values.end(), row.values.begin(), row.values.end());
    }
    for (const auto& name : table.columns) {
      std::string unit, description;
      for (const auto& spec : catalog.series)
        if (spec.name == name) unit = spec.unit, description = spec.description;
      units.append(unit);
      descriptions.append(description);
    }
    const auto rows = static_cast<py::ssize_t>(ticks.size());
    py::dict out;
    out["series_names"] = table.columns;
    out["series_units"] = units;
    out["series_descriptions"] = descriptions;
    out["tick"] = owned_array(std::move(ticks), {rows});
    out["date"] = dates;
    out["hub"] = hubs;
    out["values"] =
        owned_array(std::move(values), {rows, static_cast<py::ssize_t>(table.columns.size())});
    return out;
  }

  py::dict events(std::int64_t run) const {
    const auto reader = store_.reader();
    const auto catalog = reader.read_catalog(known(run));
    std::vector<std::int64_t> ticks;
    std::vector<std::uint64_t> subjects;
    std::vector<double> values;
    py::list hubs, kinds;
    reader.visit_events(run, [&](const engine::event_record& e) {
      ticks.push_back(e.tick);
      subjects.push_back(e.subject);
      values.push_back(e.value);
      hubs.append(e.group < catalog.groups.size() ? catalog.groups[e.group] : "");
      kinds.append(e.kind < catalog.event_kinds.size() ? catalog.event_kinds[e.kind].name : "");
    });
    const auto n = static_cast<py::ssize_t>(ticks.size());
    py::dict out;
    out["tick"] = owned_array(std::move(ticks), {n});
    out["hub"] = hubs;
    out["kind"] = kinds;
    out["subject"] = owned_array(std::move(subjects), {n});
    out["value"] = owned_array(std::move(values), {n});
    return out;
  }

  py::list experiments() const {
    py::list out;
    for (const auto& s : store_.reader().list_sweeps()) {
      py::dict row;
      row["experiment_id"] = s.sweep_id;
      row["kind"] = std::string(store::to_string(s.kind));
      row["name"] = s.name;
      row["points"] = s.points;
      row["replicates"] = s.replicates;
      row["master_seed"] = s.master_seed;
      row["status"] = std::string(store::to_string(s.status));
      row["created_at"] = s.created_at;
      row["ended_at"] = s.ended_at;
      out.append(row);
    }
    return out;
  }

  /// An experiment's points (their coordinates), runs, per-point results and, for a sensitivity
  /// analysis, its indices.
  py::dict experiment(std::int64_t id) const {
    const auto reader = store_.reader();
    if (!reader.find_sweep(id))
      throw input_error("no experiment " + std::to_string(id) + " in " + path().string());
    py::list points, runs, results;
    for (const auto& c : reader.read_sweep_points(id))
      points.append(py::make_tuple(c.point, c.key, c.value));
    for (const auto& r : reader.read_sweep_runs(id))
      runs.append(py::make_tuple(r.point, r.replicate, r.seed, r.run_id,
                                 std::string(store::to_string(r.status))));
    for (const auto& r : reader.read_sweep_results(id))
      results.append(py::make_tuple(r.point, r.output, r.n, optional_number(r.mean),
                                    optional_number(r.sd), optional_number(r.ci_low),
                                    optional_number(r.ci_high)));
    py::list sensitivity;
    for (const auto& r : reader.read_sensitivity(id))
      sensitivity.append(py::make_tuple(r.output, r.parameter, r.measure, optional_number(r.value),
                                        optional_number(r.ci_low), optional_number(r.ci_high)));
    py::dict out;
    out["points"] = points;
    out["runs"] = runs;
    out["results"] = results;
    out["sensitivity"] = sensitivity;
    return out;
  }

  const std::filesystem::path& path() const { return store_.path(); }

 private:
  /// `run` if the store has it, else input_error naming the store.
  std::int64_t known(std::int64_t run) const {
    if (!store_.reader().find_run(run))
      throw input_error("no run " + std::to_string(run) + " in " + path().string() +
                        " (runs() lists them)");
    return run;
  }

  store::run_store store_;
};

}  // namespace

void bind_store(py::module_& m) {
  py::class_<py_store>(m, "_Store")
      .def(py::init<const std::filesystem::path&>(), py::arg("path"))
      .def("runs", &py_store::runs)
      .def("parameters", &py_store::parameters, py::arg("run"))
      .def("summary", &py_store::summary, py::arg("run"))
      .def("series", &py_store::series, py::arg("run"))
      .def("events", &py_store::events, py::arg("run"))
      .def("experiments", &py_store::experiments)
      .def("experiment", &py_store::experiment, py::arg("experiment_id"))
      .def_property_readonly("path", &py_store::path);
}

}  // namespace liangzhu::python
