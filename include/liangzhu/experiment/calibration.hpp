#pragma once
/// @file Calibration: the values of an experiment's factors that bring the model's outputs
/// closest to observed figures (the experiment's [[target]] entries), found by a derivative-free
/// optimiser (NLopt) over the factors' bounds. Every evaluation runs the experiment's replicates
/// with the same seeds (common random numbers), so the misfit is a deterministic function of the
/// factors and a local optimiser can follow it.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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

/// Targets measured from a run's recorded events rather than read from its series or summary: the
/// pattern panel's statistics ("pattern:survival_5y"), which a layer above this one knows how to
/// measure and registers at start-up (the CLI does it for the patterns layer).
struct target_measure {
  /// Why `name` (the output after the prefix) is not a target this measure knows; empty if it is.
  std::function<std::optional<std::string>(std::string_view name)> check;
  /// The target's value in one run (its events recorded), on `hub`; NaN if it cannot be computed.
  std::function<double(const job_result& run, std::string_view name, const std::string& hub)>
      measure;
};

/// Registers the measure of targets whose output starts with `prefix` (e.g. "pattern:"); call it
/// before any calibration starts (the registry is read without a lock).
void register_target_measure(std::string prefix, target_measure measure);

/// Whether a target is measured by a registered measure: its runs must keep their events.
bool measured_from_events(const io::calibration_target& target);

/// What a calibration's runs keep: the weekly series (dated targets read them), and the events
/// too when a target is measured from them.
io::stored_detail stored_for_targets(const io::experiment_spec& spec);

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
