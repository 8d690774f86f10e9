#pragma once
/// @file The parts of the module `liangzhu._liangzhu`, one file each (internal).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "liangzhu/io/policy_entries.hpp"
#include "liangzhu/io/scenario.hpp"

namespace liangzhu::python {

namespace py = pybind11;

/// A scenario as Python builds it: the file (or shipped name) it starts from, --set style
/// overrides and dated policy entries added on top. Loaded afresh, with every check of the CLI,
/// whenever it is used, so it is never stale and never half-checked.
struct scenario_spec {
  std::string argument;                ///< a path or a shipped scenario's name, as given
  std::vector<std::string> overrides;  ///< "key=value", TOML values
  std::vector<io::policy_entry> policies;

  /// The resolved, validated scenario; input_error naming file, line, column and key.
  io::scenario load() const;
};

/// A vector's data as a numpy array that owns it (no copy): shape `shape`, row-major.
template <typename T>
py::array_t<T> owned_array(std::vector<T>&& values, std::vector<py::ssize_t> shape) {
  auto* held = new std::vector<T>(std::move(values));
  py::capsule owner(held, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>(shape, held->data(), owner);
}

void bind_scenario(py::module_& m);
void bind_run(py::module_& m);
void bind_store(py::module_& m);

}  // namespace liangzhu::python
