#pragma once
// Helpers for the model's tests: the small test scenario, runs that return their outputs, and a
// hash of every output value.
#include <cstdlib>
#include <string>
#include <vector>

#include "liangzhu/engine/archive.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::model::testing {

inline std::string source_dir() {
  const char* env = std::getenv("LIANGZHU_SOURCE_DIR");
  return env != nullptr ? env : LIANGZHU_SOURCE_DIR;
}

inline io::scenario small_scenario(std::vector<std::string> overrides = {}) {
  return io::load_scenario(source_dir() + "/tests/model/data/small.toml", scenario_schema(),
                           overrides);
}

/// Everything a run produced: every series row and event, and the summary.
class recording_sink final : public engine::collection_sink {
 public:
  void declare(std::span<const std::string>, std::span<const engine::series_spec> s,
               std::span<const engine::event_kind_spec>) override {
    series.assign(s.begin(), s.end());
  }
  void write_batch(std::span<const engine::series_row> r,
                   std::span<const engine::event_record> e) override {
    rows.insert(rows.end(), r.begin(), r.end());
    events.insert(events.end(), e.begin(), e.end());
  }
  void write_snapshot(const engine::agent_snapshot&) override {}

  std::uint64_t hash() const {
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const auto& r : rows)
      h = engine::fnv1a64(
          {reinterpret_cast<const char*>(r.values.data()), r.values.size() * sizeof(double)}, h);
    for (const auto& e : events)
      h = engine::fnv1a64({reinterpret_cast<const char*>(&e), sizeof e}, h);
    return h;
  }
  /// Values of one series over the run (first hub unless told).
  std::vector<double> column(const std::string& name, std::uint16_t group = 0) const {
    std::size_t k = 0;
    while (k < series.size() && series[k].name != name) ++k;
    std::vector<double> out;
    for (const auto& r : rows)
      if (r.group == group) out.push_back(r.values.at(k));
    return out;
  }
  double sum(const std::string& name) const {
    double s = 0;
    for (const double v : column(name)) s += v;
    return s;
  }

  std::vector<engine::series_spec> series;
  std::vector<engine::series_row> rows;
  std::vector<engine::event_record> events;
};

struct run_result {
  recording_sink sink;
  std::vector<summary_figure> summary;
  double figure(const std::string& name, const std::string& hub = "test") const {
    for (const auto& f : summary)
      if (f.name == name && f.hub == hub) return f.value.value_or(0.0);
    throw std::out_of_range(name);
  }
};

inline run_result run_small(std::vector<std::string> overrides = {}, int threads = 1,
                            bool check = false) {
  run_result out;
  run_options o;
  o.threads = threads;
  o.check_every_tick = check;
  simulation sim(small_scenario(std::move(overrides)), o);
  sim.collector().set_sink(&out.sink);
  sim.run();
  sim.check_invariants();
  out.summary = sim.summary();
  return out;
}

}  // namespace liangzhu::model::testing
