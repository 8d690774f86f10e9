#pragma once
/// @file A collector sink that hashes every output as it is flushed (the scheme of the model's
/// golden test) and counts engineer-weeks from the `engineers` series, keeping nothing.
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>

#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/collector.hpp"

namespace liangzhu::model_bench {

class hashing_sink final : public engine::collection_sink {
 public:
  void declare(std::span<const std::string>, std::span<const engine::series_spec> series,
               std::span<const engine::event_kind_spec>) override {
    for (std::size_t k = 0; k < series.size(); ++k)
      if (series[k].name == "engineers") engineers_column_ = k;
  }
  void write_batch(std::span<const engine::series_row> rows,
                   std::span<const engine::event_record> events) override {
    for (const auto& r : rows) {
      hash_ = engine::fnv1a64(
          {reinterpret_cast<const char*>(r.values.data()), r.values.size() * sizeof(double)},
          hash_);
      const double engineers = r.values.at(engineers_column_);
      engineer_weeks_ += engineers;
      peak_engineers_ = std::max(peak_engineers_, engineers);
    }
    for (const auto& e : events)
      hash_ = engine::fnv1a64({reinterpret_cast<const char*>(&e), sizeof e}, hash_);
  }
  void write_snapshot(const engine::agent_snapshot&) override {}

  std::uint64_t hash() const { return hash_; }
  double engineer_weeks() const { return engineer_weeks_; }
  double peak_engineers() const { return peak_engineers_; }

 private:
  std::size_t engineers_column_ = 0;
  std::uint64_t hash_ = 0xcbf29ce484222325ull;
  double engineer_weeks_ = 0;
  double peak_engineers_ = 0;
};

}  // namespace liangzhu::model_bench
