// The deterministic executor over 1e6 agents on 1 and 2 threads (Arg): a memory-bound body
// (one multiply-add per agent), a compute-bound body (a Philox stream per agent, as the model's
// phases do) and a block-ordered reduction. Shows the blocking overhead on one thread and how
// far two threads scale. Real time is reported, since CPU time counts only the calling thread.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "liangzhu/engine/parallel.hpp"
#include "liangzhu/engine/rng.hpp"

namespace {

using liangzhu::engine::executor;
using liangzhu::engine::rng_stream;

constexpr std::size_t agents = 1'000'000;

/// Values 0.0, 0.5, ... 499.5 repeating, one per agent.
std::vector<double> ramp() {
  std::vector<double> v(agents);
  for (std::size_t i = 0; i < agents; ++i) v[i] = static_cast<double>(i % 1000) * 0.5;
  return v;
}

void set_rates(benchmark::State& state) {
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(agents));
  state.counters["threads"] = static_cast<double>(state.range(0));
}

/// Times executor::for_each over a wealth column on Arg threads; body(wealth, i, tick) is the
/// loop body and `tick` advances every iteration.
template <class Body>
void time_for_each(benchmark::State& state, Body body) {
  const executor ex(static_cast<int>(state.range(0)));
  std::vector<double> wealth = ramp();
  std::uint64_t tick = 0;
  for (auto _ : state) {
    ex.for_each(agents, [&](std::size_t i) { body(wealth, i, tick); });
    ++tick;
    benchmark::ClobberMemory();
  }
  benchmark::DoNotOptimize(wealth.data());
  set_rates(state);
}

/// wealth[i] = wealth[i] * 0.999 + income[i]: two loads and a store per agent.
void bm_for_each_axpy(benchmark::State& state) {
  const std::vector<double> income = ramp();
  time_for_each(state, [&](std::vector<double>& wealth, std::size_t i, std::uint64_t) {
    wealth[i] = wealth[i] * 0.999 + income[i];
  });
}
BENCHMARK(bm_for_each_axpy)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMicrosecond);

/// wealth[i] += a uniform draw from agent i's own stream (the model's typical phase body).
void bm_for_each_rng(benchmark::State& state) {
  time_for_each(state, [](std::vector<double>& wealth, std::size_t i, std::uint64_t tick) {
    rng_stream r(1, 2, i, tick);
    wealth[i] += r.uniform();
  });
}
BENCHMARK(bm_for_each_rng)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMicrosecond);

/// executor::sum of one column (per-block partial sums, combined in block order).
void bm_sum(benchmark::State& state) {
  const executor ex(static_cast<int>(state.range(0)));
  const std::vector<double> wealth = ramp();
  for (auto _ : state) {
    const double total = ex.sum(agents, 0.0, [&](std::size_t i) { return wealth[i]; });
    benchmark::DoNotOptimize(total);
  }
  set_rates(state);
}
BENCHMARK(bm_sum)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace
