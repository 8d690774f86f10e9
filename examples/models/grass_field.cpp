#include "models/grass_field.hpp"

#include <algorithm>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::benchmark_models {

grass_field::grass_field(std::size_t cells, int regrowth_time)
    : regrowth_time_(static_cast<std::uint8_t>(regrowth_time)),
      grown_(cells, 1),
      countdown_(cells, 0) {
  LIANGZHU_ASSERT(regrowth_time >= 1 && regrowth_time <= 0xFF, "regrowth time out of range");
}

void grass_field::seed_randomly(bit_source& random) {
  for (std::size_t c = 0; c < cells(); ++c) {
    const bool grown = random.bits(1) == 1;
    set(c, grown ? 0 : 1 + static_cast<int>(random.below(regrowth_time_)));
  }
}

void grass_field::set(std::size_t cell, int countdown) {
  LIANGZHU_ASSERT(countdown >= 0 && countdown <= regrowth_time_, "grass countdown out of range");
  countdown_[cell] = static_cast<std::uint8_t>(countdown);
  grown_[cell] = countdown == 0 ? 1 : 0;
}

void grass_field::regrow(const engine::executor& ex) {
  // Raw pointers taken outside the loop: a byte store may alias anything, vectors' own pointers
  // included, which would make the compiler reload them every iteration and not vectorise.
  std::uint8_t* const grown = grown_.data();
  std::uint8_t* const countdown = countdown_.data();
  ex.for_each_block(cells(), [grown, countdown](std::size_t begin, std::size_t end) {
    // Branch-free so the compiler vectorises it; by the invariant a grown cell stays at 0.
    for (std::size_t c = begin; c < end; ++c) {
      const auto bare = static_cast<std::uint8_t>(grown[c] ^ 1);
      const auto left = static_cast<std::uint8_t>(countdown[c] - bare);
      countdown[c] = left;
      grown[c] = static_cast<std::uint8_t>(grown[c] | (left == 0));
    }
  });
}

std::size_t grass_field::grown_count() const {
  return static_cast<std::size_t>(std::count(grown_.begin(), grown_.end(), std::uint8_t{1}));
}

}  // namespace liangzhu::benchmark_models
