// `liangzhu validate`: the checks of `liangzhu run` without the run, so a scenario can be fixed
// (or checked in CI) in a fraction of a second.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/model/scenario_schema.hpp"

namespace liangzhu::cli {
namespace {

struct validate_request {
  std::string scenario;
  std::vector<std::string> overrides;
};

constexpr const char* validate_description =
    "Check a scenario without running it. Reads SCENARIO (a file or a shipped scenario's name) "
    "with its 'extends' files and --set overrides, checks every key, type and range against the "
    "parameter reference (docs/parameters.md), and the model's own rules (at least one hub, known "
    "policy instruments...). Prints 'ok: FILE (N parameters, hubs)' and exits 0, or prints the "
    "first error with its file, line and column and exits 2. Nothing is written.";

constexpr const char* validate_footer =
    "Examples:\n"
    "  liangzhu validate baseline\n"
    "  liangzhu validate my.toml --set hub.liangzhu.talent.engineers=5000";

std::string hub_list(const model::parameters& p) {
  std::vector<std::string> names;
  for (const auto& hub : p.hubs) names.push_back(hub.name);
  return fmt::format("{} hub{}: {}", names.size(), names.size() == 1 ? "" : "s", join(names));
}

int validate(const validate_request& r) {
  const io::scenario scenario = load_scenario_argument(r.scenario, r.overrides);
  const model::parameters params = model::read_parameters(scenario);
  fmt::print("ok: {} ({} parameters, {})\n", scenario.path().string(), scenario.flattened().size(),
             hub_list(params));
  return to_int(exit_code::ok);
}

void define_validate(CLI::App& app, validate_request& r) {
  add_scenario_argument(app, r.scenario);
  add_set_option(app, r.overrides);
}

}  // namespace

command add_validate_command(CLI::App& parent) {
  return make_command<validate_request>(parent, {"validate", validate_description, validate_footer},
                                        define_validate, validate);
}

}  // namespace liangzhu::cli
