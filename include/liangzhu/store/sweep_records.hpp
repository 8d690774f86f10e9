#pragma once
/// @file The records of an experiment in a run store: a sweep (or compare, or sensitivity
/// analysis), its points, the run behind each point and replicate, and what was computed from them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "liangzhu/store/records.hpp"

namespace liangzhu::store {

/// What an experiment computes from its runs.
enum class sweep_kind { sweep, compare, sensitivity };

/// The name stored in sweeps.kind ("sweep", "compare", "sensitivity").
std::string_view to_string(sweep_kind kind);
/// The kind named `text`; nullopt if it names none.
std::optional<sweep_kind> parse_sweep_kind(std::string_view text);

/// One row of the sweeps table.
struct sweep_info {
  std::int64_t sweep_id = 0;
  std::string name;
  sweep_kind kind = sweep_kind::sweep;
  std::string experiment_path;
  /// The experiment as resolved (every setting spelled out); its hash identifies the sweep, so
  /// running the same experiment into the same store again resumes it.
  std::string experiment_text, experiment_hash;
  std::uint64_t master_seed = 0;
  std::int64_t points = 0, replicates = 0;
  std::string created_at, ended_at;
  run_status status = run_status::running;

  friend bool operator==(const sweep_info&, const sweep_info&) = default;
};

/// One coordinate of one point: the parameter (or "scenario") and its value as text.
struct sweep_coordinate {
  std::int64_t point = 0;
  std::string key;
  std::string value;

  friend bool operator==(const sweep_coordinate&, const sweep_coordinate&) = default;
};

/// The run that holds one (point, replicate) of a sweep, with that run's status.
struct sweep_run {
  std::int64_t point = 0;
  std::int64_t replicate = 0;
  std::uint64_t seed = 0;
  std::int64_t run_id = 0;
  run_status status = run_status::running;

  friend bool operator==(const sweep_run&, const sweep_run&) = default;
};

/// The mean of one output over a point's replicates, with its 95% confidence interval.
struct sweep_result {
  std::int64_t point = 0;
  std::string output;
  std::int64_t n = 0;
  std::optional<double> mean, sd, ci_low, ci_high;

  friend bool operator==(const sweep_result&, const sweep_result&) = default;
};

/// One sensitivity measure of one parameter for one output: Sobol "S1" and "ST", Morris
/// "mu_star" and "sigma", with bootstrap confidence bounds where computed.
struct sensitivity_row {
  std::string output;
  std::string parameter;
  std::string measure;
  std::optional<double> value, ci_low, ci_high;

  friend bool operator==(const sensitivity_row&, const sensitivity_row&) = default;
};

}  // namespace liangzhu::store
