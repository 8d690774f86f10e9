#pragma once
/// @file The records of a Bayesian calibration in a run store (schema version 3, docs/store.md):
/// the calibration, and each generation of its particles with their weights, distances, parameter
/// values and simulated targets. A generation is written whole when it completes, so a killed
/// calibration resumes from its last whole generation.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "liangzhu/store/records.hpp"

namespace liangzhu::store {

/// One row of the calibrations table.
struct calibration_info {
  std::int64_t calibration_id = 0;
  std::string name;
  std::string algorithm;
  std::string experiment_path;
  /// The experiment as read, and the hash of what decides its runs (a calibration started again
  /// with the same hash resumes).
  std::string experiment_text, experiment_hash;
  std::string created_at, ended_at;
  run_status status = run_status::running;
  std::string stop_reason;

  friend bool operator==(const calibration_info&, const calibration_info&) = default;
};

struct calibration_particle {
  /// Its proposal number within the generation.
  std::int64_t proposal = 0;
  double weight = 0;
  std::optional<double> distance;
  /// (scenario key, value) per calibrated factor, in factor order.
  std::vector<std::pair<std::string, double>> parameters;
  /// (target, simulated mean over the replicates) per target; empty when not a number.
  std::vector<std::pair<std::string, std::optional<double>>> simulated;

  friend bool operator==(const calibration_particle&, const calibration_particle&) = default;
};

struct calibration_generation {
  std::int64_t generation = 0;
  /// Empty for generation 0 (no tolerance: every draw from the prior is kept).
  std::optional<double> tolerance;
  /// Simulations the generation ran, kept or not.
  std::int64_t simulations = 0;
  std::vector<calibration_particle> particles;

  friend bool operator==(const calibration_generation&, const calibration_generation&) = default;
};

/// Which posterior draw replicate `replicate` of every point of an experiment took.
struct sweep_draw {
  std::int64_t replicate = 0;
  std::int64_t draw = 0;
  /// The particle of the posterior file's last generation.
  std::int64_t particle = 0;

  friend bool operator==(const sweep_draw&, const sweep_draw&) = default;
};

}  // namespace liangzhu::store
