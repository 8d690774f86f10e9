#include "benchmark_cases.hpp"

#include "models/flocking.hpp"
#include "models/schelling.hpp"
#include "models/wolf_sheep.hpp"

namespace liangzhu::abm_bench {
namespace {

using namespace benchmark_models;

// Builds a model, fills it the benchmark's way and runs all its steps.
template <class Model, class Params, class... Context>
run_outcome run_model(const Params& params, std::uint64_t seed, const Context&... context) {
  Model model(params, seed, context...);
  model.populate();
  const std::size_t start = model.agent_count();
  model.run();
  return {start, model.agent_count()};
}

}  // namespace

std::vector<benchmark_case> all_benchmark_cases() {
  // Reference medians (ms) from shared/BENCHMARKS.md: MASON 22 and Mesa 3.2.0, 2 cores.
  return {
      {"Schelling", "small", schelling_params::small().steps, 2.9, 60.9,
       [](std::uint64_t seed, const engine::executor&) {
         return run_model<schelling_model>(schelling_params::small(), seed);
       }},
      {"Schelling", "large", schelling_params::large().steps, 64.7, 1317.0,
       [](std::uint64_t seed, const engine::executor&) {
         return run_model<schelling_model>(schelling_params::large(), seed);
       }},
      {"WolfSheep", "small", wolf_sheep_params::small().steps, 11.3, 27.6,
       [](std::uint64_t seed, const engine::executor& ex) {
         return run_model<wolf_sheep_model>(wolf_sheep_params::small(), seed, ex);
       }},
      {"WolfSheep", "large", wolf_sheep_params::large().steps, 2517.0, 616.0,
       [](std::uint64_t seed, const engine::executor& ex) {
         return run_model<wolf_sheep_model>(wolf_sheep_params::large(), seed, ex);
       }},
      {"Flocking", "small", flocking_params::small().steps, 22.6, 1132.0,
       [](std::uint64_t seed, const engine::executor&) {
         return run_model<flocking_model>(flocking_params::small(), seed);
       }},
      {"Flocking", "large", flocking_params::large().steps, 42.3, 3029.0,
       [](std::uint64_t seed, const engine::executor&) {
         return run_model<flocking_model>(flocking_params::large(), seed);
       }},
  };
}

}  // namespace liangzhu::abm_bench
