#include "branching.hpp"

#include <chrono>
#include <functional>

#include "hashing_sink.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/history_cache.hpp"
#include "liangzhu/model/history_files.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::model_bench {
namespace {

/// Runs every branch with the options `configure` sets; the time of all and the hash of all
/// outputs, branch after branch.
branching_case time_branches(const branching_request& request, std::string how,
                             const std::function<void(model::run_options&)>& configure) {
  std::vector<io::scenario> scenarios;
  for (const auto& file : request.scenario_files)
    scenarios.push_back(io::load_scenario(file, model::scenario_schema()));
  branching_case result{std::move(how)};
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t hash = engine::fnv1a64("");
  for (const auto& scenario : scenarios) {
    model::run_options options;
    options.seed = request.seed;
    options.threads = request.threads;
    if (request.ticks > 0) options.ticks = request.ticks;
    configure(options);
    model::simulation sim(scenario, options);
    hashing_sink sink;
    sim.collector().set_sink(&sink);
    sim.run();
    const std::uint64_t branch = sink.hash();
    hash = engine::fnv1a64({reinterpret_cast<const char*>(&branch), sizeof branch}, hash);
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.output_hash = hash;
  return result;
}

}  // namespace

std::vector<branching_case> measure_branching(const branching_request& request) {
  std::filesystem::remove_all(request.scratch);
  model::prepare_history_directory(request.scratch);
  std::vector<branching_case> cases;
  cases.push_back(time_branches(request, "each run simulates its history", [](auto&) {}));
  model::history_cache memory(std::size_t{1} << 30);
  cases.push_back(time_branches(request, "one history in memory (one process)",
                                [&](model::run_options& o) { o.histories = &memory; }));
  // The first process with --histories simulates and writes the history; later ones load it.
  const auto keep = [&](model::run_options& o) { o.history_directory = request.scratch; };
  branching_request first = request;
  first.scenario_files.resize(1);
  auto writing = time_branches(first, "first branch, writing the history file", keep);
  cases.push_back(time_branches(request, "one history from a file (--histories)", keep));
  cases.push_back(writing);
  std::filesystem::remove_all(request.scratch);
  return cases;
}

}  // namespace liangzhu::model_bench
