#pragma once
/// @file The subcommands of `liangzhu`, one file each in src/cli/. Each adds itself to the main
/// CLI11 app and returns what to do if the user chose it.
#include <CLI/CLI.hpp>
#include <functional>
#include <memory>

namespace liangzhu::cli {

/// A subcommand: the CLI11 app that parses its options, and the action that uses them.
struct command {
  CLI::App* app = nullptr;
  /// Runs the command once its options are parsed; returns the exit code. Throws
  /// input_error/io_error, which run_cli turns into exit codes 2 and 3.
  std::function<int()> run;
};

/// What `--help` says about a subcommand: its name, a paragraph whose first sentence is also its
/// line in `liangzhu --help`, and examples.
struct command_help {
  const char* name;
  const char* description;
  const char* footer;
};

/// Adds a subcommand: `define` declares its options, which fill a Request that lives as long as
/// the command; `action` runs the command on the parsed Request.
template <typename Request>
command make_command(CLI::App& parent, const command_help& help,
                     void (*define)(CLI::App&, Request&), int (*action)(const Request&)) {
  auto request = std::make_shared<Request>();
  CLI::App* app = parent.add_subcommand(help.name, help.description)->footer(help.footer);
  define(*app, *request);
  return {app, [request, action] { return action(*request); }};
}

/// `liangzhu run SCENARIO ...`: simulates a scenario into a run store.
command add_run_command(CLI::App& parent);
/// `liangzhu validate SCENARIO ...`: checks a scenario without running it.
command add_validate_command(CLI::App& parent);
/// `liangzhu diff A B`: the resolved keys that differ between two scenarios or stored runs.
command add_diff_command(CLI::App& parent);
/// `liangzhu scenarios`: lists the shipped scenarios.
command add_scenarios_command(CLI::App& parent);
/// `liangzhu runs STORE`: lists the runs of a store.
command add_runs_command(CLI::App& parent);
/// `liangzhu export STORE ...`: writes runs of a store as CSV files.
command add_export_command(CLI::App& parent);
/// `liangzhu report STORE [RUN_ID...]`: writes an HTML report with charts.
command add_report_command(CLI::App& parent);
/// `liangzhu serve`: the live dashboard in the browser.
command add_serve_command(CLI::App& parent);
/// `liangzhu sweep EXPERIMENT`: runs every point and replicate of an experiment.
command add_sweep_command(CLI::App& parent);
/// `liangzhu compare SCENARIO...`: scenarios side by side under common random numbers.
command add_compare_command(CLI::App& parent);
/// `liangzhu sensitivity EXPERIMENT`: Sobol indices or Morris screening of an experiment's factors.
command add_sensitivity_command(CLI::App& parent);
/// `liangzhu calibrate EXPERIMENT`: fits an experiment's factors to its target figures.
command add_calibrate_command(CLI::App& parent);
/// `liangzhu patterns STORE ...`: the pattern panel of stored runs (docs/patterns.md).
command add_patterns_command(CLI::App& parent);
/// `liangzhu docs ...`: writes the parameter and output references.
command add_docs_command(CLI::App& parent);

}  // namespace liangzhu::cli
