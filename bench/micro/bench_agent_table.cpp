// Agent table: the two things every mechanism does to it. A dense-column sweep (sum of one
// attribute over 1e6 agents) is the inner loop of every phase, so it should run at memory
// bandwidth; create/destroy churn (births, exits, foundings, failures) moves the last row into
// the hole of every column, so its cost grows with the number of columns.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "liangzhu/engine/agent_table.hpp"
#include "liangzhu/engine/rng.hpp"

namespace {

using liangzhu::engine::agent_table;
using liangzhu::engine::column;
using liangzhu::engine::rng_stream;

constexpr std::size_t sweep_agents = 1'000'000;
constexpr std::size_t churn_agents = 100'000;

/// Sum of one double column over 1e6 agents, through the table's dense rows.
void bm_column_sum(benchmark::State& state) {
  agent_table people("person");
  auto& wealth = people.add_column<double>("wealth");
  people.reserve(sweep_agents);
  for (std::size_t i = 0; i < sweep_agents; ++i)
    wealth[people.row(people.create())] = static_cast<double>(i % 1000) * 0.5;
  for (auto _ : state) {
    const auto values = wealth.values();
    double total = 0.0;
    for (std::size_t i = 0; i < people.size(); ++i) total += values[i];
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(sweep_agents));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(sweep_agents * sizeof(double)));
}
BENCHMARK(bm_column_sum)->Unit(benchmark::kMicrosecond);

/// Adds `count` columns of the types the model's person table mixes (16 ≈ its 15 columns).
void add_columns(agent_table& table, std::int64_t count) {
  for (std::int64_t c = 0; c < count; ++c) {
    const auto name = fmt::format("c{}", c);
    switch (c % 4) {
      case 0:
        table.add_column<double>(name);
        break;
      case 1:
        table.add_column<float>(name);
        break;
      case 2:
        table.add_column<std::int32_t>(name, -1);
        break;
      default:
        table.add_column<std::uint8_t>(name);
        break;
    }
  }
}

/// One op = destroy the agent at a random row, then create one (the table stays at 1e5 agents,
/// and the freed slot is reused). Arg = number of columns.
void bm_churn(benchmark::State& state) {
  agent_table table("person");
  add_columns(table, state.range(0));
  for (std::size_t i = 0; i < churn_agents; ++i) table.create();
  // Random rows drawn up front, so the loop times the table and not the generator.
  std::vector<std::uint32_t> rows(1u << 16);
  rng_stream r(42, 1, 0, 0);
  for (auto& row : rows) row = static_cast<std::uint32_t>(r.below(churn_agents));
  std::size_t next = 0;
  for (auto _ : state) {
    table.destroy(table.id_at(rows[next]));
    auto id = table.create();
    benchmark::DoNotOptimize(id);
    next = (next + 1) & (rows.size() - 1);
  }
  benchmark::ClobberMemory();
  state.SetItemsProcessed(state.iterations());
  state.counters["columns"] = static_cast<double>(state.range(0));
}
BENCHMARK(bm_churn)->Arg(1)->Arg(16);

}  // namespace
