#pragma once
/// @file How many multiplicative decays a weight survives, exactly as the floating-point
/// arithmetic of the decay computes it.
///
/// A tie's weight is multiplied by `factor` (in float, rounded each time) at every decay and the
/// tie is dropped at the first decay that leaves it below `threshold`. Knowing that decay in
/// advance lets a graph decay lazily and still count its ties exactly every week (tie_graph).
/// The rounded product is not w·factor^k, so the count cannot come from logarithms; but it is
/// monotone in w, so for each k there is a least float weight that survives k decays, found once
/// by bisection over the floats and looked up in a sorted table afterwards.
#include <cstdint>
#include <limits>
#include <vector>

namespace liangzhu::engine {

class decay_steps {
 public:
  /// A weight that never falls below the threshold (no decay, or a threshold of zero or less).
  static constexpr std::uint32_t never = UINT32_MAX;

  decay_steps() = default;
  decay_steps(float factor, float threshold);

  float factor() const { return factor_; }
  float threshold() const { return threshold_; }

  /// The number of the decay (1, 2, ...) that drops a tie of weight `w`, or `never`. Extends the
  /// table the first time a weight this large is asked about.
  std::uint32_t operator()(float w) {
    cover(w);
    return lookup(w);
  }
  /// Extends the table to weights up to `w`, so that lookup() may be asked about them.
  void cover(float w);
  /// operator() for a weight the table covers; it changes nothing, so threads may share it.
  std::uint32_t lookup(float w) const;

  /// w multiplied by factor, rounded to float, `times` times: the weight after that many decays.
  float after(float w, std::uint32_t times) const;

 private:
  /// Least float weight that one decay takes to `from` or above (+inf if none).
  float least_reaching(float from) const;

  float factor_ = 1.0f;
  float threshold_ = 0.0f;
  /// least_[k - 1]: least weight that survives k decays, increasing in k.
  std::vector<float> least_;
  /// Weights from here up stay put under decay (products of subnormals that round back).
  float stuck_ = std::numeric_limits<float>::infinity();
};

}  // namespace liangzhu::engine
