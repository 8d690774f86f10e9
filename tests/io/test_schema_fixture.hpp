#pragma once
/// @file A small schema with every kind of section, and helpers shared by the io tests.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/schema.hpp"
#include "support/scratch_dir.hpp"

namespace liangzhu::io::test {

/// Top level, a single section, a named section, one named inside it and a dated list.
inline schema make_test_schema() {
  schema s;
  s.add_section(
      {.path = "",
       .kind = section_kind::single,
       .title = "Run",
       .description = "What is run, from when, for how long.",
       .params = {string_param("name", "unnamed", "Scenario name.", "assumption"),
                  date_param("start", {2025, 1, 1}, "First simulated day.", "assumption"),
                  integer("ticks", 520, 1, 5200, "weeks", "Run length.", "assumption"),
                  integer("seed", 1, 0, 4294967295.0, "", "Random seed.", "assumption")}});
  s.add_section(
      {.path = "world",
       .kind = section_kind::single,
       .title = "World",
       .description = "Geopolitics.",
       .params = {real("tension.initial", 0.3, 0, 1, "share (0-1)", "Initial US-China tension.",
                       "assumption"),
                  real("tension.drift", 0.0, -1, 1, "per year", "Yearly drift.", "assumption"),
                  choice("regime", "baseline", {"baseline", "decoupling", "detente"},
                         "Policy regime.", "assumption")}});
  s.add_section(
      {.path = "hub",
       .kind = section_kind::named,
       .title = "Hubs",
       .description = "Innovation hubs.",
       .params = {integer("engineers", 1000, 0, 1e7, "people", "AI engineers.", "Survey 2024"),
                  real("subsidy.per_startup_cny", 0, 0, 1e9, "CNY", "Subsidy per new startup.",
                       "assumption"),
                  integer("noncompete.max_months", 12, 0, 24, "months",
                          "Longest enforceable non-compete.", "PRC Labour Contract Law"),
                  boolean("open_source", true, "Open-source culture.", "assumption")}});
  s.add_section({.path = "hub.*.incumbent",
                 .kind = section_kind::named,
                 .title = "Incumbents",
                 .description = "Large firms of a hub.",
                 .params = {integer("headcount", 100, 0, 1e6, "people", "Staff.", "assumption"),
                            date_param("founded", {2000, 1, 1}, "Founding date.", "assumption")}});
  s.add_section({.path = "hub.*.export_control",
                 .kind = section_kind::dated_list,
                 .title = "Export controls",
                 .description = "Chip export rules in force from a date.",
                 .params = {integer("level", 1, 0, 3, "", "Strictness.", "assumption"),
                            string_param("note", "", "Comment.", "assumption")}});
  return s;
}

/// The source tree: $LIANGZHU_SOURCE_DIR (set by ctest), else the path compiled in.
inline std::filesystem::path source_dir() {
  if (const char* env = std::getenv("LIANGZHU_SOURCE_DIR"); env && *env) return env;
  return LIANGZHU_SOURCE_DIR;
}

/// A fixture file of scenarios/testdata/.
inline std::filesystem::path testdata(std::string_view name) {
  return source_dir() / "scenarios" / "testdata" / name;
}

/// Runs `f`, which must throw input_error, and returns the error for inspection.
template <typename F>
input_error catch_input_error(F&& f) {
  try {
    f();
  } catch (const input_error& e) {
    return e;
  }
  ADD_FAILURE() << "expected an input_error";
  return input_error("no error");
}

using temp_dir = liangzhu::testing::scratch_dir;

}  // namespace liangzhu::io::test
