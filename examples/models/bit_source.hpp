#pragma once
/// @file Small random numbers drawn from an engine stream a few bits at a time.
///
/// Each 64-bit output of a Philox stream costs about 3 ns; the benchmark models need mostly
/// 3-bit directions, 32-bit bounded integers and probability tests, so spending whole outputs on
/// them would make the RNG the largest cost of a step. The numbers stay a pure function of the
/// stream's (seed, purpose, subject, tick).
#include <cstdint>

#include "liangzhu/engine/rng.hpp"

namespace liangzhu::benchmark_models {

class bit_source {
 public:
  explicit bit_source(const engine::rng_stream& stream) : stream_(stream) {}

  /// k uniform random bits, 1 <= k <= 32.
  std::uint32_t bits(unsigned k) {
    if (left_ < k) {
      buffer_ = stream_();
      left_ = 64;
    }
    const auto value = static_cast<std::uint32_t>(buffer_ & ((std::uint64_t{1} << k) - 1));
    buffer_ >>= k;
    left_ -= k;
    return value;
  }

  /// Uniform integer in [0, n), 0 < n < 2^32: Lemire's multiply-shift with rejection (unbiased).
  std::uint32_t below(std::uint32_t n) {
    std::uint64_t m = std::uint64_t{bits(32)} * n;
    if (static_cast<std::uint32_t>(m) < n) {
      const std::uint32_t threshold = (0u - n) % n;
      while (static_cast<std::uint32_t>(m) < threshold) m = std::uint64_t{bits(32)} * n;
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

  /// True with probability p, resolved to 2^-32.
  bool chance(double p) { return bits(32) < p * 4294967296.0; }

 private:
  engine::rng_stream stream_;
  std::uint64_t buffer_ = 0;
  unsigned left_ = 0;
};

}  // namespace liangzhu::benchmark_models
