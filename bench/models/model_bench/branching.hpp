#pragma once
/// @file Start once, branch many: the time to run several scenarios that begin from the same
/// history (start_from) when each run simulates the history itself, when one process shares it in
/// memory (what a sweep or comparison does), and when it is loaded from the file an earlier
/// process kept (`--histories`). Every way gives the same outputs, which the benchmark checks.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace liangzhu::model_bench {

struct branching_request {
  std::vector<std::string> scenario_files;  ///< the branches, each with the same start_from
  std::uint64_t seed = 1;
  int threads = 1;
  long ticks = 0;                 ///< of each branch; <= 0: the scenario's
  std::filesystem::path scratch;  ///< a directory for the kept history (emptied first)
};

struct branching_case {
  std::string how;
  double seconds = 0;             ///< all branches, histories included
  std::uint64_t output_hash = 0;  ///< of every branch's outputs in order
};

/// The three ways, each timed over all branches, then a fourth line: writing the history file
/// (what the first process with --histories pays once).
std::vector<branching_case> measure_branching(const branching_request& request);

}  // namespace liangzhu::model_bench
