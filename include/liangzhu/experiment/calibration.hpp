#pragma once
/// @file Calibration: the values of an experiment's factors that bring the model's outputs
/// closest to observed figures (the experiment's [[target]] entries), found by a derivative-free
/// optimiser (NLopt) over the factors' bounds. Every evaluation runs the experiment's replicates
/// with the same seeds (common random numbers), so the misfit is a deterministic function of the
/// factors and a local optimiser can follow it.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "liangzhu/experiment/job.hpp"
#include "liangzhu/experiment/plan.hpp"
#include "liangzhu/experiment/runner.hpp"

namespace liangzhu::experiment {

struct calibration_evaluation {
  std::int64_t index = 0;
  /// The factors' values, as written into the scenario.
  std::vector<std::pair<std::string, std::string>> coordinates;
  /// Per target: the mean over replicates.
  std::vector<double> simulated;
  /// Sum over targets of weight x ((simulated - value) / scale)^2.
  double misfit = 0;
};

struct calibration_result {
  std::vector<calibration_evaluation> evaluations;
  std::size_t best = 0;
  /// Why the optimiser stopped, in words.
  std::string stop_reason;
};

/// A target's name in logs and stores: its output, with "@date" for a series value at a date.
std::string target_name(const io::calibration_target& target);

/// A target's value in one run: a series value at the target's date or a summary figure; NaN if
/// the run does not reach the date or the figure is empty.
double simulated_value(const job_result& run, const io::calibration_target& target,
                       std::span<const std::string> hubs);

/// The fit of the replicates `runs` of one point: each target's mean over them and the misfit
/// (index and coordinates left empty).
calibration_evaluation fit_targets(const io::experiment_spec& spec,
                                   std::span<const job_result> runs,
                                   std::span<const std::string> hubs);

/// Checks that the experiment can be calibrated (targets, bounded factors, target outputs and
/// dates the base scenario has) and returns its base scenario; input_error otherwise.
io::scenario check_calibration(const io::experiment_spec& spec, const scenario_resolver& resolve);

/// Minimises the misfit over the factors' bounds, starting from the base scenario's values.
/// `on_evaluation` sees each evaluation as it ends. input_error if the experiment has no targets,
/// a factor without bounds, a target naming no output or a date outside the run.
calibration_result calibrate(
    const io::experiment_spec& spec, const scenario_resolver& resolve,
    const execution_settings& settings,
    const std::function<void(const calibration_evaluation&)>& on_evaluation);

}  // namespace liangzhu::experiment
