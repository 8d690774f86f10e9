#pragma once
/// @file Counter-based random streams (Random123 Philox-4x64).
///
/// A stream is named by (seed, purpose, subject, tick, substream): the seed of the run, the
/// mechanism that draws (a purpose constant of the model), the agent or object concerned, the
/// tick, and which of the purpose's draws for that subject and tick it is (a sub-stream the model
/// names; 0 for the main one). Its
/// numbers depend on nothing else, so results do not change with the number of threads or ranks
/// or the order agents are visited, and a change in one mechanism's draws leaves the others alone.
#include <cstdint>
#include <limits>
#include <span>
#include <utility>

#include <Random123/philox.h>

namespace liangzhu::engine {

/// A UniformRandomBitGenerator over one named stream; usable with std:: and Boost.Random
/// distributions. Cheap to construct: make one where it is needed.
class rng_stream {
 public:
  using result_type = std::uint64_t;

  /// The substream is the counter's fourth word; the third counts the stream's blocks.
  rng_stream(std::uint64_t seed, std::uint64_t purpose, std::uint64_t subject, std::uint64_t tick,
             std::uint64_t substream = 0)
      : key_{{seed, purpose}}, counter_{{subject, tick, 0, substream}} {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }

  /// Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>((*this)() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  /// Uniform integer in [0, n); n > 0. Lemire's multiply-shift with rejection (unbiased).
  std::uint64_t below(std::uint64_t n);
  bool bernoulli(double p) { return uniform() < p; }
  /// Puts `items` in a uniformly random order (Fisher-Yates with below(), so the order is the same
  /// with every standard library, unlike std::shuffle).
  template <class T>
  void shuffle(std::span<T> items) {
    for (std::size_t k = items.size(); k > 1; --k) std::swap(items[k - 1], items[below(k)]);
  }
  double normal(double mean, double sd);
  /// Log-normal with the given median and log-scale sigma.
  double lognormal_median(double median, double sigma);
  double exponential(double rate);
  /// Pareto (type I) with scale x_min and tail index alpha: heavy-tailed sizes.
  double pareto(double x_min, double alpha);
  std::uint64_t poisson(double mean);
  std::uint64_t binomial(std::uint64_t n, double p);
  double beta(double a, double b);

 private:
  void refill() {
    block_ = r123::Philox4x64{}(counter_, key_);
    ++counter_.v[2];
    used_ = 0;
  }

  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type counter_;
  r123::Philox4x64::ctr_type block_{};
  unsigned used_ = 4;
};

/// Mixes several values into one 64-bit subject id (SplitMix64 finaliser), for streams keyed by
/// pairs such as (startup, investor).
constexpr std::uint64_t mix_subject(std::uint64_t a, std::uint64_t b) {
  std::uint64_t z = a * 0x9E3779B97F4A7C15ull + b + 0x632BE59BD9B4E019ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace liangzhu::engine
