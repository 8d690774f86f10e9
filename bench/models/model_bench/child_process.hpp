#pragma once
/// @file Runs this executable again as a child process and returns what it printed, so that each
/// measurement has a process (and a peak RSS) of its own.
#include <string>
#include <vector>

namespace liangzhu::model_bench {

/// Runs /proc/self/exe with `args` and returns its standard output; throws std::runtime_error if
/// it cannot start or does not exit with 0.
std::string run_self(const std::vector<std::string>& args);

}  // namespace liangzhu::model_bench
