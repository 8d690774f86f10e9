// Data collection at the model's width (60 series × 2 hubs): the per-tick cost of setting every
// value and closing the tick (copies the rows, drains and sorts the events), and the cost of
// recording events through the per-thread logs, serially and from a 2-thread parallel loop.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include "bench_shapes.hpp"
#include "liangzhu/engine/collector.hpp"
#include "liangzhu/engine/parallel.hpp"

namespace {

namespace shapes = liangzhu::bench;
using liangzhu::engine::collector;
using liangzhu::engine::event_log;
using liangzhu::engine::event_record;
using liangzhu::engine::executor;

collector make_collector() {
  collector c(shapes::hub_names());
  for (auto& spec : shapes::series_specs()) c.declare(std::move(spec));
  for (int k = 0; k < 4; ++k) c.declare_event_kind({fmt::format("kind_{}", k), ""});
  return c;
}

/// An event of tick `t` whose fields vary with `i`, so the sort has work to do.
event_record make_event(std::int32_t t, std::uint64_t i) {
  return {t, static_cast<std::uint16_t>(i % shapes::group_count), static_cast<std::uint16_t>(i % 4),
          (i * 0x9E3779B97F4A7C15ull) >> 20, static_cast<double>(i)};
}

/// One op = one tick: set 120 values, record Arg events, end_tick; every 52 ticks the pending
/// batch is flushed (no sink, so the flush only frees it).
void bm_collector_tick(benchmark::State& state) {
  collector c = make_collector();
  const auto events = static_cast<std::uint64_t>(state.range(0));
  std::int32_t tick = 0;
  for (auto _ : state) {
    for (std::uint16_t g = 0; g < shapes::group_count; ++g)
      for (std::size_t s = 0; s < shapes::series_count; ++s)
        c.set(g, s, static_cast<double>(tick) + static_cast<double>(s));
    for (std::uint64_t i = 0; i < events; ++i) c.events().record(make_event(tick, i));
    c.end_tick(tick);
    if (++tick % shapes::batch_ticks == 0) c.flush();
  }
  benchmark::DoNotOptimize(c.last_rows().data());
  state.SetItemsProcessed(state.iterations());
  state.counters["events_per_tick"] = static_cast<double>(events);
}
BENCHMARK(bm_collector_tick)->Arg(0)->Arg(20)->Arg(1000);

/// One iteration = Arg events recorded serially, then drained sorted; items = events.
void bm_event_log(benchmark::State& state) {
  event_log log;
  std::vector<event_record> out;
  const auto events = static_cast<std::uint64_t>(state.range(0));
  for (auto _ : state) {
    for (std::uint64_t i = 0; i < events; ++i) log.record(make_event(0, i));
    out.clear();
    log.drain_sorted(out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(events));
}
BENCHMARK(bm_event_log)->Arg(1000);

/// One iteration = 1e5 agents visited by executor::for_each on Arg threads, one in 10 recording
/// an event (per-thread buffers, no lock), then the 1e4 events drained sorted; items = events.
void bm_event_log_parallel(benchmark::State& state) {
  constexpr std::size_t agents = 100'000;
  const executor ex(static_cast<int>(state.range(0)));
  event_log log;
  std::vector<event_record> out;
  for (auto _ : state) {
    ex.for_each(agents, [&](std::size_t i) {
      if (i % 10 == 0) log.record(make_event(0, i));
    });
    out.clear();
    log.drain_sorted(out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(agents / 10));
  state.counters["threads"] = static_cast<double>(state.range(0));
}
BENCHMARK(bm_event_log_parallel)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMicrosecond);

}  // namespace
