// Random streams: the model makes one Philox stream per (purpose, agent, tick) and draws a few
// numbers from it, so the cost that matters is construction plus the first draw (one Philox
// block), and then the per-draw cost of each distribution it uses.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "liangzhu/engine/rng.hpp"

namespace {

using liangzhu::engine::rng_stream;

constexpr std::uint64_t seed = 0x5eed;
constexpr std::uint64_t purpose = 7;

/// One op = a fresh stream for the next agent and one uniform from it.
void bm_rng_construct_uniform(benchmark::State& state) {
  std::uint64_t subject = 0;
  for (auto _ : state) {
    rng_stream r(seed, purpose, subject++, 3);
    benchmark::DoNotOptimize(r.uniform());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_rng_construct_uniform);

/// One op = a fresh stream and four draws (one Philox block: what most mechanisms use).
void bm_rng_construct_draw4(benchmark::State& state) {
  std::uint64_t subject = 0;
  for (auto _ : state) {
    rng_stream r(seed, purpose, subject++, 3);
    for (int k = 0; k < 4; ++k) benchmark::DoNotOptimize(r.uniform());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_rng_construct_draw4);

void bm_rng_uniform(benchmark::State& state) {
  rng_stream r(seed, purpose, 1, 3);
  for (auto _ : state) benchmark::DoNotOptimize(r.uniform());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_rng_uniform);

void bm_rng_normal(benchmark::State& state) {
  rng_stream r(seed, purpose, 1, 3);
  for (auto _ : state) benchmark::DoNotOptimize(r.normal(0.0, 1.0));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_rng_normal);

/// Arg = mean; Boost switches from inversion to PTRD rejection at mean 10.
void bm_rng_poisson(benchmark::State& state) {
  rng_stream r(seed, purpose, 1, 3);
  const auto mean = static_cast<double>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(r.poisson(mean));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_rng_poisson)->Arg(3)->Arg(50);

/// Arg = bound n of below(n) (12: a tie row; 1e6: a random agent).
void bm_rng_below(benchmark::State& state) {
  rng_stream r(seed, purpose, 1, 3);
  const auto n = static_cast<std::uint64_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(r.below(n));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(bm_rng_below)->Arg(12)->Arg(1'000'000);

}  // namespace
