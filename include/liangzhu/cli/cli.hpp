#pragma once
/// @file The `liangzhu` command line: subcommands run, validate, scenarios, runs, export, docs.
namespace liangzhu::cli {

/// Parses the command line, runs the chosen subcommand and returns the process exit code (see
/// exit_codes.hpp). Every error is reported on stderr as one line "liangzhu: error: ...".
int run_cli(int argc, char** argv);

}  // namespace liangzhu::cli
