#pragma once
/// @file An experiment file: which scenario to run, which of its parameters to vary and how, how
/// many replicates per point, which outputs to summarise, and the one master seed every run's
/// seed derives from. docs/experiments.md describes the format.
///
/// This layer checks the file's own structure (keys, types, bounds, exactly one way to give each
/// factor's values); whether the varied keys exist in the scenario is checked when the points are
/// planned, with errors that point back to the `[[vary]]` entry.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liangzhu/io/scenario.hpp"

namespace liangzhu::io {

/// One varied parameter: a dotted scenario key ("hub.liangzhu.noncompete.max_months") or
/// "scenario" (the base scenario itself, by name or path).
struct experiment_factor {
  std::string key;
  /// Where the `[[vary]]` entry is, for errors found later.
  value_origin origin;
  /// The grid values: given as `values = [...]`, or `from`/`to`/`steps` spread evenly.
  std::vector<param_value> values;
  /// Bounds for sampled designs and sensitivity analyses (`low`/`high`, or `from`/`to`).
  std::optional<double> low, high;
  /// The prior of a Bayesian calibration (`algorithm = "abc-smc"`) over [low, high]:
  /// "uniform", "log-uniform" (even on the log; low > 0) or "normal" (`mean`, `sd`, truncated to
  /// the bounds).
  std::string prior = "uniform";
  std::optional<double> mean, sd;
};

/// What each run of an experiment keeps in the store besides its parameters and summary.
enum class stored_detail { summary, series, all };

/// The settings of `liangzhu sensitivity`.
struct sensitivity_settings {
  /// "sobol" (variance-based, Saltelli sampling) or "morris" (elementary effects).
  std::string method = "sobol";
  /// Sobol: base sample size N; the analysis runs N (k + 2) points for k factors.
  std::int64_t base_samples = 64;
  /// Morris: trajectories r (r (k + 1) points) on a grid of `levels` levels.
  std::int64_t trajectories = 10;
  std::int64_t levels = 4;
  /// Bootstrap resamples for the confidence intervals.
  std::int64_t bootstrap = 500;
};

/// A figure the model should reproduce (`liangzhu calibrate`): a summary figure, or a series'
/// value at a date, named like outputs ("startups_alive", "silicon_valley.tigers").
struct calibration_target {
  std::string output;
  /// Set for a series value at this date (the week that contains it); empty for a summary figure.
  std::optional<engine::date> date;
  double value = 0;
  /// The deviation that counts as one unit of misfit (a standard error or an accepted
  /// tolerance); default: |value|, or 1 when the value is 0.
  double scale = 1;
  double weight = 1;
  value_origin origin;
};

/// The settings of `liangzhu calibrate`.
struct calibration_settings {
  /// NLopt's derivative-free local algorithms: "bobyqa", "neldermead", "sbplx", "cobyla"; or
  /// "abc-smc", a posterior by approximate Bayesian computation (experiment/abc_smc.hpp).
  std::string algorithm = "bobyqa";
  /// ABC-SMC: particles per generation, generations at most, the quantile of the distances that
  /// sets the next tolerance, and the acceptance below which the search stops.
  std::int64_t particles = 100;
  std::int64_t generations = 6;
  double quantile = 0.5;
  double min_acceptance = 0.02;
  std::int64_t max_evaluations = 60;
  /// Stop when a step changes every factor by less than this share of its range.
  double tolerance = 1e-3;
};

/// Parameter uncertainty in every point's replicates (`[posterior]`, or --posterior and --draws):
/// replicate r of every point runs with draw r / seeds_per_draw of a calibration's posterior and
/// seed r, so points stay paired draw by draw and seed by seed.
struct posterior_settings {
  /// The posterior file (experiment/posterior_file.hpp), as written; `origin` says where.
  std::string file;
  value_origin origin;
  std::int64_t draws = 20;
  /// Seeds per draw: with two or more, a figure's spread splits into the parameters' share and
  /// luck's share (one-way analysis of variance over draws).
  std::int64_t seeds_per_draw = 2;
};

struct experiment_spec {
  std::filesystem::path path;
  /// The text of the file as read.
  std::string text;
  std::string name;
  std::string description;
  /// The base scenario as written (a shipped name or a path relative to the experiment file).
  std::string scenario;
  value_origin scenario_origin;
  /// Fixed overrides applied to every point, as "key=value" (from the `[set]` table).
  std::vector<std::string> overrides;
  std::optional<std::int64_t> ticks;
  std::int64_t replicates = 10;
  std::uint64_t master_seed = 1;
  /// Summary figures to report: "tigers" (the first hub's, or the whole run's) or "hub.tigers".
  std::vector<std::string> outputs;
  std::vector<value_origin> output_origins;
  stored_detail store = stored_detail::series;
  /// "grid" (every combination of the factors' values) or "sample" (`samples` quasi-random points
  /// of a Sobol sequence inside the factors' bounds).
  std::string design = "grid";
  std::int64_t samples = 0;
  std::vector<experiment_factor> factors;
  sensitivity_settings sensitivity;
  std::vector<calibration_target> targets;
  calibration_settings calibration;
  /// Set when the replicates take posterior draws; `replicates` is then draws x seeds_per_draw.
  std::optional<posterior_settings> posterior;
};

/// Reads and checks an experiment file (which may `extends` another); input_error naming the
/// file, line, column and key for anything wrong.
experiment_spec load_experiment(const std::filesystem::path& file);
/// The same for text held in memory.
experiment_spec parse_experiment(std::string text, std::string_view source_name);

std::string_view to_string(stored_detail detail);

}  // namespace liangzhu::io
