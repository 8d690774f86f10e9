// The `liangzhu` command: CLI11 parses, the chosen subcommand runs, and every way a command can
// fail is turned into one line on stderr and one of the documented exit codes (exit_codes.hpp).
#include "liangzhu/cli/cli.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <new>
#include <string>
#include <vector>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/help_format.hpp"
#include "liangzhu/cli/signals.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/did_you_mean.hpp"
#include "liangzhu/version.hpp"

namespace liangzhu::cli {
namespace {

constexpr const char* description =
    "liangzhu simulates an AI innovation hub (Liangzhu, Hangzhou) week by week: engineers, "
    "startups, investors, incumbents, governments and chips, agent by agent. A scenario file "
    "(TOML) says what to simulate; 'run' simulates it into a run store (an SQLite file holding "
    "many runs), 'export' turns stored runs into CSV files and 'report' into an HTML page of "
    "charts. Run 'liangzhu COMMAND --help' for the options of a command.";

std::string footer() {
  return fmt::format(
      "Examples:\n"
      "  liangzhu scenarios                      # what can be run by name\n"
      "  liangzhu validate baseline              # check a scenario without running it\n"
      "  liangzhu run baseline --seed 7          # simulate into runs.db\n"
      "  liangzhu runs runs.db                   # list the stored runs\n"
      "  liangzhu export runs.db --format csv    # write runs-csv/*.csv\n"
      "  liangzhu report runs.db -o report.html  # charts of the latest run, one HTML file\n"
      "\n{}",
      exit_code_help);
}

/// One line on stderr, whatever the message holds.
void print_error(std::string message) {
  std::replace(message.begin(), message.end(), '\n', ' ');
  fmt::print(stderr, "liangzhu: error: {}\n", message);
}

/// "liangzhu run --help" for the subcommand being parsed, "liangzhu --help" if none.
std::string help_hint(const std::vector<command>& commands) {
  for (const auto& c : commands)
    if (c.app->parsed()) return fmt::format("liangzhu {} --help", c.app->get_name());
  return "liangzhu --help";
}

/// For an option the command does not have ("--threads"), the closest one it has
/// ("; did you mean '--threads-per-run'?"); empty otherwise.
std::string option_hint(const CLI::ParseError& e, const std::vector<command>& commands) {
  if (dynamic_cast<const CLI::ExtrasError*>(&e) == nullptr) return "";
  for (const auto& c : commands) {
    if (!c.app->parsed()) continue;
    std::vector<std::string> names;
    for (const CLI::Option* o : c.app->get_options())
      for (const auto& name : o->get_lnames()) names.push_back("--" + name);
    const std::string message = e.what();
    for (std::size_t at = message.find("--"); at != std::string::npos;
         at = message.find("--", at + 2)) {
      const std::string given = message.substr(at, message.find_first_of(" ,=", at) - at);
      // A shortened name ("--threads" for "--threads-per-run") is as plausible as a typo.
      for (const auto& name : names)
        if (name.size() > given.size() && name.starts_with(given))
          return fmt::format("; did you mean '{}'?", name);
      if (const std::string hint = io::did_you_mean(given, names); !hint.empty()) return hint;
    }
  }
  return "";
}

int parse_failure(const CLI::App& app, const CLI::ParseError& e,
                  const std::vector<command>& commands) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success))
    return app.exit(e);  // --help, --version
  print_error(
      fmt::format("{}{} (see '{}')", e.what(), option_hint(e, commands), help_hint(commands)));
  return to_int(exit_code::bad_input);
}

/// Runs a command, turning what it throws into a message and an exit code.
int run_guarded(const command& c) {
  try {
    return c.run();
  } catch (const input_error& e) {
    print_error(e.what());
    return to_int(exit_code::bad_input);
  } catch (const io_error& e) {
    print_error(e.what());
    return to_int(exit_code::io_failure);
  } catch (const std::bad_alloc&) {
    // A resource of the machine, not a bug: runs are refused above --max-memory before they
    // allocate, so this is memory other programs took, or a limit (ulimit -v) below the estimate.
    print_error(
        "out of memory: the machine (or its limit for this process) has less free memory than "
        "the command needs; close other programs, or lower --max-memory so that runs too large "
        "are refused before they start");
    return to_int(exit_code::io_failure);
  } catch (const std::exception& e) {
    print_error(
        fmt::format("internal error: {} (this is a bug in liangzhu; please report it)", e.what()));
    return to_int(exit_code::internal_error);
  } catch (...) {
    print_error("internal error: unknown exception (this is a bug in liangzhu; please report it)");
    return to_int(exit_code::internal_error);
  }
}

}  // namespace

int run_cli(int argc, char** argv) {
  exit_1_on_abort();
  CLI::App app(description, "liangzhu");
  app.formatter(make_help_formatter());
  app.footer(footer());
  app.set_version_flag("--version", fmt::format("liangzhu {} ({})", version_string, git_revision),
                       "Print the version and git revision, then exit");
  app.require_subcommand(1);
  const std::vector<command> commands = {
      add_run_command(app),         add_validate_command(app),  add_scenarios_command(app),
      add_diff_command(app),        add_runs_command(app),      add_export_command(app),
      add_report_command(app),      add_sweep_command(app),     add_compare_command(app),
      add_sensitivity_command(app), add_calibrate_command(app), add_patterns_command(app),
      add_serve_command(app),       add_docs_command(app),
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_failure(app, e, commands);
  }
  for (const auto& c : commands)
    if (c.app->parsed()) return run_guarded(c);
  return to_int(exit_code::internal_error);  // require_subcommand(1) rules this out
}

}  // namespace liangzhu::cli
