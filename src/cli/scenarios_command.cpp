// `liangzhu scenarios`: what can be run by name, with what describe_scenario() says of each.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/help_format.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/scenario_paths.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/engine/errors.hpp"

namespace liangzhu::cli {
namespace {

constexpr const char* scenarios_description =
    "List the shipped scenarios. Prints one line per scenario: the name to give 'liangzhu run' or "
    "'liangzhu validate', and what it describes. The scenarios are read from "
    "$LIANGZHU_SCENARIO_DIR "
    "if it is set, else from the 'scenarios' folder of the source tree or installation this "
    "liangzhu belongs to, else from ./scenarios.";

constexpr const char* scenarios_footer =
    "Examples:\n"
    "  liangzhu scenarios\n"
    "  LIANGZHU_SCENARIO_DIR=~/my-scenarios liangzhu scenarios";

/// `liangzhu scenarios` takes no options.
struct scenarios_request {};

int list_scenarios(const scenarios_request&) {
  const auto dir = find_scenario_dir();
  const auto files = dir ? shipped_scenarios(*dir) : std::vector<std::filesystem::path>{};
  if (files.empty()) {
    std::vector<std::string> looked;
    for (const auto& candidate : scenario_dir_candidates()) looked.push_back(candidate.string());
    fmt::print(stderr, "liangzhu: no shipped scenarios found (looked in {})\n", join(looked));
    return to_int(exit_code::ok);
  }
  // The whole description, wrapped beside the names to 100 columns.
  std::size_t name_width = 0;
  for (const auto& file : files) name_width = std::max(name_width, file.stem().string().size());
  const std::size_t indent = name_width + 2;
  for (const auto& file : files) {
    const std::string text =
        wrap_text(describe_scenario(file), std::max<std::size_t>(40, 100 - indent));
    std::string lines;
    std::size_t from = 0;
    while (from < text.size()) {
      const auto end = std::min(text.find('\n', from), text.size());
      lines += (from == 0 ? "" : "\n" + std::string(indent, ' ')) + text.substr(from, end - from);
      from = end + 1;
    }
    fmt::print("{:<{}}{}\n", file.stem().string(), indent, lines);
  }
  return to_int(exit_code::ok);
}

void define_scenarios(CLI::App&, scenarios_request&) {}

}  // namespace

command add_scenarios_command(CLI::App& parent) {
  return make_command<scenarios_request>(parent,
                                         {"scenarios", scenarios_description, scenarios_footer},
                                         define_scenarios, list_scenarios);
}

}  // namespace liangzhu::cli
