#pragma once
/// @file A posterior as other commands read it (`--posterior FILE`): the weighted particles of a
/// calibration's last generation, in the CSV that `liangzhu calibrate --write-posterior` (and
/// `--log`) writes, and the draws an experiment's replicates take from it.
///
/// The format (docs/calibration.md, "The posterior file"): lines starting with '#' are comments;
/// the header names the columns; `weight` is required; `generation`, `particle`, `distance` and
/// `tolerance` are read when present (only the highest generation's rows count); columns whose
/// name starts with "simulated:" are the particles' simulated targets and are skipped; every other
/// column is a scenario key and holds that parameter's value.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace liangzhu::experiment {

struct posterior_sample {
  std::filesystem::path file;
  /// The scenario keys, in the file's column order.
  std::vector<std::string> keys;
  /// The generation the particles belong to (0 when the file has no `generation` column).
  std::int64_t generation = 0;
  /// Per particle: its weight (normalised to sum 1) and its values, one per key.
  std::vector<double> weights;
  std::vector<std::vector<double>> values;
  /// The line each particle was read from, for errors found later (a value a parameter refuses).
  std::vector<int> lines;
};

/// Reads a posterior file; io_error if it cannot be read, input_error naming the file, line,
/// column and column name for anything malformed (no `weight` column, no key column, a value
/// that is not a finite number, a negative weight, weights summing to 0, a ragged row).
posterior_sample read_posterior(const std::filesystem::path& file);

/// `draws` particles taken by systematic resampling (each particle about weight x draws times,
/// which keeps the draws' spread closer to the posterior's than independent draws would), from a
/// start point drawn from `seed`: the indices into `sample`'s particles, in particle order.
std::vector<std::size_t> posterior_draws(const posterior_sample& sample, std::size_t draws,
                                         std::uint64_t seed);

}  // namespace liangzhu::experiment
