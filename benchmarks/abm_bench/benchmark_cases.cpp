#include "benchmark_cases.hpp"

#include "models/flocking.hpp"
#include "models/schelling.hpp"
#include "models/wolf_sheep.hpp"

namespace liangzhu::abm_bench {
namespace {

using namespace benchmark_models;

run_outcome run_schelling(const schelling_params& params, std::uint64_t seed) {
  schelling_model model(params, seed);
  model.populate();
  const std::size_t start = model.agents().size();
  model.run();
  return {start, model.agents().size()};
}

run_outcome run_wolf_sheep(const wolf_sheep_params& params, std::uint64_t seed, const engine::executor& ex) {
  wolf_sheep_model model(params, seed, ex);
  model.populate();
  const auto animals = [&] { return model.sheep().table.size() + model.wolves().table.size(); };
  const std::size_t start = animals();
  model.run();
  return {start, animals()};
}

run_outcome run_flocking(const flocking_params& params, std::uint64_t seed) {
  flocking_model model(params, seed);
  model.populate();
  const std::size_t start = model.birds().size();
  model.run();
  return {start, model.birds().size()};
}

}  // namespace

std::vector<benchmark_case> all_benchmark_cases() {
  // Reference medians (ms) from shared/BENCHMARKS.md: MASON 22 and Mesa 3.2.0, 2 cores.
  return {
      {"Schelling", "small", schelling_params::small().steps, 2.9, 60.9,
       [](std::uint64_t seed, const engine::executor&) { return run_schelling(schelling_params::small(), seed); }},
      {"Schelling", "large", schelling_params::large().steps, 64.7, 1317.0,
       [](std::uint64_t seed, const engine::executor&) { return run_schelling(schelling_params::large(), seed); }},
      {"WolfSheep", "small", wolf_sheep_params::small().steps, 11.3, 27.6,
       [](std::uint64_t seed, const engine::executor& ex) { return run_wolf_sheep(wolf_sheep_params::small(), seed, ex); }},
      {"WolfSheep", "large", wolf_sheep_params::large().steps, 2517.0, 616.0,
       [](std::uint64_t seed, const engine::executor& ex) { return run_wolf_sheep(wolf_sheep_params::large(), seed, ex); }},
      {"Flocking", "small", flocking_params::small().steps, 22.6, 1132.0,
       [](std::uint64_t seed, const engine::executor&) { return run_flocking(flocking_params::small(), seed); }},
      {"Flocking", "large", flocking_params::large().steps, 42.3, 3029.0,
       [](std::uint64_t seed, const engine::executor&) { return run_flocking(flocking_params::large(), seed); }},
  };
}

}  // namespace liangzhu::abm_bench
