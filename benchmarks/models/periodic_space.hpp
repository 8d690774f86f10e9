#pragma once
/// @file A square continuous space that wraps around in both directions.

namespace liangzhu::benchmark_models {

struct periodic_space {
  double extent;

  /// The shortest signed offset from a to b along one axis (minimum image).
  double offset(double from, double to) const {
    double d = to - from;
    if (d > 0.5 * extent) d -= extent;
    if (d < -0.5 * extent) d += extent;
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
