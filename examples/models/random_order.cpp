#include "models/random_order.hpp"

#include <numeric>
#include <utility>

namespace liangzhu::benchmark_models {

void draw_random_order(std::vector<std::uint32_t>& order, std::size_t n, bit_source& random) {
  order.resize(n);
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  for (auto i = static_cast<std::uint32_t>(n); i > 1; --i)
    std::swap(order[i - 1], order[random.below(i)]);
}

}  // namespace liangzhu::benchmark_models
