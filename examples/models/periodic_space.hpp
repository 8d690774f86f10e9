#pragma once
/// @file A square continuous space that wraps around in both directions.

namespace liangzhu::benchmark_models {

struct periodic_space {
  double extent;

  /// The shortest signed offset from `from` to `to` along one axis (minimum image). Written as
  /// selects, not branches: neighbour scans call it on unpredictable data.
  double offset(double from, double to) const {
    double d = to - from;
    d -= extent * static_cast<double>(d > 0.5 * extent);
    d += extent * static_cast<double>(d < -0.5 * extent);
    return d;
  }
  /// `v` brought back into [0, extent) after a move shorter than the extent.
  double wrap(double v) const {
    if (v < 0.0) v += extent;
    if (v >= extent) v -= extent;  // also catches -tiny + extent rounding to extent
    return v;
  }
};

}  // namespace liangzhu::benchmark_models
