// Schelling's segregation model on the liangzhu engine: the benchmark's small grid with one seed,
// and after every step how many agents are happy where they live.
#include <cstddef>
#include <cstdio>

#include "models/schelling.hpp"

namespace {

using liangzhu::benchmark_models::schelling_model;

std::size_t happy_agents(const schelling_model& model) {
  std::size_t happy = 0;
  for (std::size_t row = 0; row < model.agent_count(); ++row)
    happy += model.happy(model.agents().id_at(row)) ? 1 : 0;
  return happy;
}

}  // namespace

int main() {
  const auto params = liangzhu::benchmark_models::schelling_params::small();
  schelling_model model(params, /*seed=*/42);
  model.populate();
  for (int step = 1; step <= params.steps; ++step) {
    model.step();
    std::printf("schelling step %d: %zu of %zu agents happy\n", step, happy_agents(model),
                model.agent_count());
  }
}
