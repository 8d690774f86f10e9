#pragma once
// Shared by the experiment tests: experiments over the model tests' small scenario, planned with
// a resolver that knows only that file.
#include <filesystem>
#include <string>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/plan.hpp"
#include "liangzhu/io/experiment.hpp"

namespace liangzhu::experiment::testing {

inline std::filesystem::path small_scenario() {
  return std::filesystem::path(LIANGZHU_SOURCE_DIR) / "tests/model/data/small.toml";
}

/// Resolves "small" (and nothing else) to the small scenario.
inline scenario_resolver small_resolver() {
  return [](const std::string& argument, const io::value_origin& where) {
    if (argument != "small")
      throw input_error("unknown scenario " + argument, where.file, where.line, where.column,
                        "scenario");
    return small_scenario();
  };
}

/// A 2 x 2 grid on the small scenario, 2 replicates, 20 weeks per run.
inline const char* small_grid =
    "name = \"grid\"\n"
    "scenario = \"small\"\n"
    "replicates = 2\n"
    "master_seed = 11\n"
    "ticks = 20\n"
    "outputs = [\"startups_founded\", \"rounds\", \"test.poached\", \"tension_end\"]\n"
    "\n"
    "[[vary]]\n"
    "key = \"hub.test.government.local.subsidy_per_startup_cny\"\n"
    "values = [0, 2000000]\n"
    "\n"
    "[[vary]]\n"
    "key = \"tie_capacity\"\n"
    "from = 4\n"
    "to = 12\n"
    "steps = 2\n";

inline plan plan_text(const std::string& text, store::sweep_kind kind = store::sweep_kind::sweep) {
  return plan_experiment(io::parse_experiment(text, "exp.toml"), small_resolver(), kind);
}

}  // namespace liangzhu::experiment::testing
