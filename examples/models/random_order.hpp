#pragma once
/// @file The random activation order every benchmark model re-draws each step.
#include <cstdint>
#include <vector>

#include "models/bit_source.hpp"

namespace liangzhu::benchmark_models {

/// Fills `order` with 0..n-1 in a uniformly random order (Fisher–Yates), reusing its storage so a
/// step allocates nothing once the vector has grown.
void draw_random_order(std::vector<std::uint32_t>& order, std::size_t n, bit_source& random);

}  // namespace liangzhu::benchmark_models
