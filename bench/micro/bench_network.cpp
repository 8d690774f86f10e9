// The social graph at model scale (1e5 nodes, 12 ties each at most): adding ties while the
// graph fills and once it is saturated (where the weakest-tie replacement runs), a sweep over
// every node's neighbours (the give/meet phases), a decay period with every row brought up to
// date (1 and 2 threads) and the connected-components summary (union-find over all ties).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "liangzhu/engine/network.hpp"
#include "liangzhu/engine/parallel.hpp"
#include "liangzhu/engine/rng.hpp"

namespace {

using liangzhu::engine::executor;
using liangzhu::engine::rng_stream;
using liangzhu::engine::tie_graph;

constexpr std::uint32_t nodes = 100'000;
constexpr std::uint16_t capacity = 12;
/// Ties offered while filling: average degree 6, half the capacity.
constexpr std::size_t fill_ties = std::size_t{nodes} * 3;

/// A pre-drawn tie request, so the timed loops measure the graph and not the generator.
struct tie_request {
  tie_graph::node a, b;
  float weight;
};

std::vector<tie_request> draw_requests(std::size_t count, std::uint64_t stream) {
  std::vector<tie_request> out(count);
  rng_stream r(42, 3, stream, 0);
  for (auto& q : out) {
    q.a = static_cast<tie_graph::node>(r.below(nodes));
    do q.b = static_cast<tie_graph::node>(r.below(nodes));
    while (q.b == q.a);
    q.weight = static_cast<float>(r.uniform(0.2, 1.0));
  }
  return out;
}

/// A graph offered `offered` random ties (weights in [0.2, 1)).
tie_graph make_graph(std::size_t offered) {
  tie_graph g(capacity);
  g.ensure_nodes(nodes);
  for (const auto& q : draw_requests(offered, 0)) g.add_tie(q.a, q.b, 1, q.weight);
  return g;
}

/// One iteration = an empty 1e5-node graph offered 3e5 random ties; items = ties offered.
void bm_add_tie_fill(benchmark::State& state) {
  const auto requests = draw_requests(fill_ties, 1);
  for (auto _ : state) {
    tie_graph g(capacity);
    g.ensure_nodes(nodes);
    for (const auto& q : requests) g.add_tie(q.a, q.b, 1, q.weight);
    benchmark::DoNotOptimize(g.tie_count());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(fill_ties));
}
BENCHMARK(bm_add_tie_fill)->Unit(benchmark::kMillisecond);

/// One op = one add_tie on a graph already offered 2e6 ties (nearly every node full): a
/// lookup at both ends, then a refusal or a replacement of the weakest ties.
void bm_add_tie_saturated(benchmark::State& state) {
  tie_graph g = make_graph(2'000'000);
  const auto requests = draw_requests(1u << 16, 2);
  std::size_t next = 0;
  std::int64_t accepted = 0;
  for (auto _ : state) {
    const auto& q = requests[next];
    accepted += g.add_tie(q.a, q.b, 1, q.weight) ? 1 : 0;
    next = (next + 1) & (requests.size() - 1);
  }
  benchmark::DoNotOptimize(accepted);
  state.SetItemsProcessed(state.iterations());
  state.counters["accepted"] =
      benchmark::Counter(static_cast<double>(accepted) / static_cast<double>(state.iterations()));
  state.counters["mean_degree"] = 2.0 * static_cast<double>(g.tie_count()) / nodes;
}
BENCHMARK(bm_add_tie_saturated);

/// Sum of the weights of every node's neighbours (each tie seen from both ends); items = nodes.
void bm_neighbour_sweep(benchmark::State& state) {
  const tie_graph g = make_graph(fill_ties * 2);
  for (auto _ : state) {
    double total = 0.0;
    for (tie_graph::node a = 0; a < nodes; ++a) {
      const auto row = g.ties_of(a);
      for (const float w : row.weights()) total += w;
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * nodes);
  state.counters["ties"] = static_cast<double>(g.tie_count());
}
BENCHMARK(bm_neighbour_sweep)->Unit(benchmark::kMicrosecond);

/// Same sweep through the neighbours: sums the ids of the nodes at the other end.
void bm_neighbour_ids(benchmark::State& state) {
  const tie_graph g = make_graph(fill_ties * 2);
  for (auto _ : state) {
    std::uint64_t total = 0;
    for (tie_graph::node a = 0; a < nodes; ++a) {
      const auto row = g.ties_of(a);
      for (const auto b : row.neighbours()) total += b;
    }
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * nodes);
}
BENCHMARK(bm_neighbour_ids)->Unit(benchmark::kMicrosecond);

/// One decay period and every row made to shed its dropped ties (decay() only moves the graph's
/// offset and drop line; the rows pay for it when they are next read or changed, here all at
/// once with settle_all()). A factor of 1 with a threshold below every weight keeps the graph the
/// same at each iteration. Arg = threads; items = nodes.
void bm_decay(benchmark::State& state) {
  tie_graph g = make_graph(fill_ties * 2);
  const executor ex(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    g.decay(1.0f, 0.01f, ex);
    g.settle_all(ex);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * nodes);
  state.counters["threads"] = static_cast<double>(state.range(0));
}
BENCHMARK(bm_decay)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMicrosecond);

/// components() over all nodes; items = nodes.
void bm_components(benchmark::State& state) {
  const tie_graph g = make_graph(fill_ties * 2);
  for (auto _ : state) benchmark::DoNotOptimize(g.components(nodes));
  state.SetItemsProcessed(state.iterations() * nodes);
}
BENCHMARK(bm_components)->Unit(benchmark::kMillisecond);

}  // namespace
