#include "models/random_order.hpp"

#include <numeric>
#include <utility>

namespace liangzhu::benchmark_models {

void draw_random_order(std::vector<std::uint32_t>& order, std::size_t n, engine::rng_stream& rng) {
  order.resize(n);
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
}

}  // namespace liangzhu::benchmark_models
