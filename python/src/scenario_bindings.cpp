// liangzhu.Scenario's compiled side: a scenario file or shipped name, --set style overrides and
// dated policy entries, loaded and checked by the CLI's own code on every change, so an error is
// raised where it is made, with the file, line, column and key the CLI would print.
#include <fmt/format.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>

#include "bindings.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/scenario_paths.hpp"
#include "liangzhu/experiment/run_record.hpp"
#include "liangzhu/io/policy_entries.hpp"
#include "liangzhu/io/schema.hpp"
#include "liangzhu/model/memory_estimate.hpp"
#include "liangzhu/model/scenario_schema.hpp"

namespace liangzhu::python {
namespace {

/// The source name errors in the added policy entries point at (a TOML text held in memory).
constexpr const char* policies_source = "<policies added in Python>";

/// The scenario with its policy entries as TOML text extending the file: what load() parses,
/// and (with the overrides as dotted keys) what to_toml() writes for the CLI.
std::string policy_text(const scenario_spec& s, bool with_overrides) {
  return io::extending_toml(
      cli::resolve_scenario(s.argument), model::scenario_schema(),
      with_overrides ? std::span<const std::string>(s.overrides) : std::span<const std::string>(),
      s.policies);
}

py::object to_python(const io::param_value& value) {
  return std::visit(
      [](const auto& v) -> py::object {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, engine::date>)
          return py::module_::import("datetime").attr("date")(v.year, v.month, v.day);
        else
          return py::cast(v);
      },
      value);
}

/// Every check of `liangzhu validate`: the file's keys, types and ranges, then the model's own
/// rules (hubs, policy dates within the run, start_from histories...).
void check(const scenario_spec& s) { (void)model::read_parameters(s.load()); }

/// Applies `change` to `s` and checks the result; undoes it and rethrows if it does not pass.
template <typename Change, typename Undo>
void change_checked(scenario_spec& s, Change change, Undo undo) {
  change(s);
  try {
    check(s);
  } catch (...) {
    undo(s);
    throw;
  }
}

}  // namespace

io::scenario scenario_spec::load() const {
  if (policies.empty()) return cli::load_scenario_argument(argument, overrides);
  return io::parse_scenario(policy_text(*this, false), policies_source, model::scenario_schema(),
                            overrides);
}

void bind_scenario(py::module_& m) {
  py::class_<scenario_spec>(m, "_Scenario")
      .def(py::init([](const std::string& argument) {
             scenario_spec s{argument, {}, {}};
             check(s);  // now: a bad file or name fails here
             return s;
           }),
           py::arg("name_or_path"))
      .def(
          "set",
          [](scenario_spec& s, const std::string& key, const std::string& toml_value) {
            change_checked(
                s, [&](scenario_spec& x) { x.overrides.push_back(key + "=" + toml_value); },
                [](scenario_spec& x) { x.overrides.pop_back(); });
          },
          py::arg("key"), py::arg("toml_value"))
      .def(
          "policy",
          [](scenario_spec& s, const std::string& hub, const std::string& date,
             const std::string& key, const std::string& toml_value) {
            change_checked(
                s,
                [&](scenario_spec& x) {
                  x.policies.push_back({hub, date, key, toml_value});
                },
                [](scenario_spec& x) { x.policies.pop_back(); });
          },
          py::arg("hub"), py::arg("date"), py::arg("key"), py::arg("toml_value"))
      .def("validate",
           [](const scenario_spec& s) {
             const io::scenario scenario = s.load();
             const model::parameters params = model::read_parameters(scenario);
             py::dict out;
             out["file"] = scenario.path().string();
             out["name"] = experiment::scenario_name_of(scenario, params);
             out["parameters"] = scenario.flattened().size();
             out["hubs"] = scenario.names("hub");
             out["memory_bytes"] = model::estimate_memory(params).bytes();
             return out;
           })
      .def("values",
           [](const scenario_spec& s) {
             py::list out;
             for (const auto& [key, value] : s.load().flattened())
               out.append(py::make_tuple(key, to_python(value)));
             return out;
           })
      .def("value", [](const scenario_spec& s,
                       const std::string& key) { return to_python(s.load().value(key)); })
      .def("to_toml", [](const scenario_spec& s) { return policy_text(s, true); })
      .def_readonly("argument", &scenario_spec::argument)
      .def_readonly("overrides", &scenario_spec::overrides)
      .def_property_readonly("policies", [](const scenario_spec& s) {
        py::list out;
        for (const auto& p : s.policies) out.append(py::make_tuple(p.hub, p.date, p.key, p.value));
        return out;
      });
  m.def(
      "shipped_scenarios",
      [] {
        py::list out;
        if (const auto dir = cli::find_scenario_dir())
          for (const auto& file : cli::shipped_scenarios(*dir))
            out.append(
                py::make_tuple(file.stem().string(), file.string(), cli::describe_scenario(file)));
        return out;
      },
      "The shipped scenarios: (name, file, description) each.");
}

}  // namespace liangzhu::python
