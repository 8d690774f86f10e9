// The SQLite run store's write path: one write_batch of a year of weekly ticks (52 ticks × 60
// series × 2 hubs = 6,240 series rows) plus 1,000 events, in one transaction on a WAL file in
// the temp folder, as the collector flushes it. Each iteration writes the next 52 ticks of the
// same run, so the tables grow as in a long run. Items = SQL rows inserted; bytes = payload.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "bench_shapes.hpp"
#include "liangzhu/engine/collector.hpp"
#include "liangzhu/store/run_store.hpp"

namespace {

namespace shapes = liangzhu::bench;
using liangzhu::engine::event_kind_spec;
using liangzhu::engine::event_record;
using liangzhu::engine::series_row;
using liangzhu::store::run_info;
using liangzhu::store::run_store;

run_info bench_run() {
  run_info r;
  r.scenario_name = "bench";
  r.seed = 1;
  r.start_date = "2025-01-06";
  r.ticks_total = 520;
  return r;
}

/// Args: ticks per batch, events per batch.
void bm_write_batch(benchmark::State& state) {
  const auto ticks = static_cast<std::int32_t>(state.range(0));
  const auto event_count = static_cast<std::size_t>(state.range(1));
  const auto dir =
      std::filesystem::temp_directory_path() / fmt::format("liangzhu-bench-store-{}", ::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto file = dir / "bench.db";
  {
    run_store store(file);
    const std::int64_t run = store.begin_run(bench_run());
    const auto sink = store.sink_for(run);
    const std::vector<event_kind_spec> kinds{{"founded", ""}, {"failed", ""}, {"round", ""}};
    sink->declare(shapes::hub_names(), shapes::series_specs(), kinds);

    std::vector<series_row> rows;
    for (std::int32_t t = 0; t < ticks; ++t)
      for (std::uint16_t g = 0; g < shapes::group_count; ++g) {
        series_row row{t, g, std::vector<double>(shapes::series_count)};
        for (std::size_t s = 0; s < shapes::series_count; ++s)
          row.values[s] = t * 1000.0 + g * 100.0 + static_cast<double>(s) + 0.25;
        rows.push_back(std::move(row));
      }
    std::vector<event_record> events(event_count);
    for (std::size_t i = 0; i < event_count; ++i)
      events[i] = {static_cast<std::int32_t>(i * static_cast<std::size_t>(ticks) / event_count),
                   static_cast<std::uint16_t>(i % shapes::group_count),
                   static_cast<std::uint16_t>(i % 3), 0xABCD0000ull + i,
                   static_cast<double>(i) * 1.5};

    for (auto _ : state) {
      sink->write_batch(rows, events);
      // The next batch holds the next ticks (the series key is run, tick, group, series);
      // shifting 104 rows and the events costs microseconds against the milliseconds of a write.
      for (auto& row : rows) row.tick += ticks;
      for (auto& e : events) e.tick += ticks;
    }
  }
  // Read after the store is closed, when the WAL has been checkpointed into the file.
  const auto file_bytes = static_cast<double>(std::filesystem::file_size(file));
  std::filesystem::remove_all(dir);
  const std::size_t values =
      static_cast<std::size_t>(ticks) * shapes::group_count * shapes::series_count;
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(values + event_count));
  state.SetBytesProcessed(
      state.iterations() *
      static_cast<std::int64_t>(values * sizeof(double) + event_count * sizeof(event_record)));
  state.counters["db_MiB"] = file_bytes / (1024.0 * 1024.0);
}
BENCHMARK(bm_write_batch)
    ->Args({shapes::batch_ticks, 1000})
    ->Args({1, 20})
    ->ArgNames({"ticks", "events"})
    ->Unit(benchmark::kMillisecond);

}  // namespace
