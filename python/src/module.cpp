// The compiled half of the Python package `liangzhu` (python/liangzhu/__init__.py is the other):
// scenarios loaded and checked by the same code as the CLI, runs simulated in this process with
// the GIL released, and stores read as the CLI wrote them. Results cross into Python as numpy
// arrays that own the simulation's buffers (no copy) and plain lists; the package turns them into
// pandas DataFrames.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "bindings.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/version.hpp"

namespace py = pybind11;

namespace {

/// The Python exception types, created at import: liangzhu.InputError (a ValueError) carries
/// file, line, column and key like the CLI's messages; liangzhu.StoreError (an OSError) a file
/// or store that cannot be read or written.
PyObject* input_error_type = nullptr;
PyObject* store_error_type = nullptr;

void raise_with_fields(PyObject* type, const liangzhu::input_error& e) {
  py::object error = py::reinterpret_borrow<py::object>(type)(e.what());
  error.attr("message") = e.message();
  error.attr("file") = e.file();
  error.attr("line") = e.line();
  error.attr("column") = e.column();
  error.attr("key") = e.key();
  PyErr_SetObject(type, error.ptr());
}

}  // namespace

PYBIND11_MODULE(_liangzhu, m) {
  m.doc() = "liangzhu's simulator and run store, compiled (use the package `liangzhu`)";
  m.attr("__version__") = liangzhu::version_string;
  m.attr("git_revision") = liangzhu::git_revision;

  const py::object base = py::reinterpret_borrow<py::object>(PyExc_Exception);
  py::object liangzhu_error = py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(
      "liangzhu.LiangzhuError", "Any error liangzhu reports on purpose.", base.ptr(), nullptr));
  py::object input_bases = py::make_tuple(liangzhu_error, py::handle(PyExc_ValueError));
  input_error_type = PyErr_NewExceptionWithDoc(
      "liangzhu.InputError",
      "Bad input (a scenario, a key, a value, an option): attributes file, line, column (1-based, "
      "0 if unknown) and key say where, as the CLI's messages do.",
      input_bases.ptr(), nullptr);
  py::object store_bases = py::make_tuple(liangzhu_error, py::handle(PyExc_OSError));
  store_error_type = PyErr_NewExceptionWithDoc(
      "liangzhu.StoreError",
      "A file or run store that cannot be read or written (missing, read-only, corrupt).",
      store_bases.ptr(), nullptr);
  m.attr("LiangzhuError") = liangzhu_error;
  m.attr("InputError") = py::handle(input_error_type);
  m.attr("StoreError") = py::handle(store_error_type);

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const liangzhu::input_error& e) {
      raise_with_fields(input_error_type, e);
    } catch (const liangzhu::io_error& e) {
      PyErr_SetString(store_error_type, e.what());
    }
  });

  liangzhu::python::bind_scenario(m);
  liangzhu::python::bind_run(m);
  liangzhu::python::bind_store(m);
}
