#pragma once
// The model's output shape, shared by the collector and store benchmarks: 60 series per hub,
// two hubs, and flushes of a year of weekly ticks.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "liangzhu/engine/collector.hpp"

namespace liangzhu::bench {

constexpr std::size_t series_count = 60;
constexpr std::uint16_t group_count = 2;
/// Ticks per flush, as the model batches a year of weekly ticks.
constexpr std::int32_t batch_ticks = 52;

inline std::vector<std::string> hub_names() { return {"Liangzhu", "Silicon Valley"}; }

inline std::vector<engine::series_spec> series_specs() {
  std::vector<engine::series_spec> out;
  for (std::size_t s = 0; s < series_count; ++s)
    out.push_back({fmt::format("series_{}", s), "count", "benchmark series"});
  return out;
}

}  // namespace liangzhu::bench
