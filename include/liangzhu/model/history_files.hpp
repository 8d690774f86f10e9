#pragma once
/// @file The end states of start_from histories kept on disk, so that later processes — another
/// comparison, sweep or calibration branching from the same history — load them instead of
/// simulating them again (start once, branch many). The in-process history_cache shares a
/// history among one process's runs; these files share it among processes and sessions.
///
/// A file is keyed by the history's identity (its resolved scenario), its seed and the code that
/// simulated it (a hash of the binary, so a rebuilt model never loads a state an older one wrote).
/// A missing, damaged or foreign file is simulated again and replaced; results never depend on
/// whether a state was loaded or simulated.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace liangzhu::model {

/// The state kept in `directory` for the history `identity` run with `seed`, or the one `run`
/// returns, written there first (atomically: a kill leaves the old file or the new one, and two
/// processes writing the same history at once each write a whole file). Throws io_error when the
/// state cannot be written, and what `run` throws.
std::vector<char> stored_or_run_history(const std::filesystem::path& directory,
                                        const std::string& identity, std::uint64_t seed,
                                        const std::function<std::vector<char>()>& run);

/// The file of (identity, seed) in `directory`, for this binary's code.
std::filesystem::path history_file(const std::filesystem::path& directory,
                                   const std::string& identity, std::uint64_t seed);

/// Creates `directory` if needed and checks that files can be written in it, before any run
/// starts; throws io_error naming it otherwise.
void prepare_history_directory(const std::filesystem::path& directory);

/// A hash (16 hex digits) of the binary file this code was loaded from — the executable, or the
/// Python module — read once per process.
const std::string& code_identity();

}  // namespace liangzhu::model
