// Wolf–Sheep–Grass predation on the liangzhu engine: the benchmark's small field with one seed,
// and every ten steps the sheep, the wolves and the cells of grown grass.
#include <cstdio>

#include "liangzhu/engine/parallel.hpp"
#include "models/wolf_sheep.hpp"

int main() {
  const auto params = liangzhu::benchmark_models::wolf_sheep_params::small();
  // Grass regrows in parallel blocks; results are the same bits on any number of threads.
  const liangzhu::engine::executor threads(2);
  liangzhu::benchmark_models::wolf_sheep_model model(params, /*seed=*/42, threads);
  model.populate();
  for (int step = 1; step <= params.steps; ++step) {
    model.step();
    if (step % 10 != 0) continue;
    std::printf("wolf_sheep step %d: %zu sheep, %zu wolves, %zu of %zu cells grown\n", step,
                model.sheep().table.size(), model.wolves().table.size(),
                model.grass().grown_count(), model.grass().cells());
  }
}
