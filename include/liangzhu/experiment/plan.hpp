#pragma once
/// @file The plan of an experiment: its points (each a scenario and the overrides that make it),
/// the replicates of each point with their seeds, and the jobs (point x replicate) to run.
///
/// Seeds: replicate r of every point runs with the same seed, derived from the master seed and r
/// alone. Points therefore differ only by their parameters (common random numbers), which makes
/// comparisons between points far sharper than independent seeds would.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/io/experiment.hpp"
#include "liangzhu/model/memory_estimate.hpp"
#include "liangzhu/store/sweep_records.hpp"

namespace liangzhu::experiment {

/// Turns a scenario as written (a shipped name, or a path relative to `base_dir`) into a file;
/// throws input_error if there is none. The CLI supplies it (it knows where scenarios are).
using scenario_resolver = std::function<std::filesystem::path(const std::string& argument,
                                                              const io::value_origin& where)>;

struct point {
  std::int64_t index = 0;
  /// One (key, value as text) per factor, in factor order; "scenario" names the base scenario.
  std::vector<std::pair<std::string, std::string>> coordinates;
  std::filesystem::path scenario_file;
  /// The experiment's fixed overrides, then this point's values, as "key=value".
  std::vector<std::string> overrides;
  /// The hubs of the point's scenario in declaration order (outputs default to the first).
  std::vector<std::string> hubs;
  /// The date of the point's tick 0, so that figures in ticks can be shown as dates.
  engine::date start;
  /// The point's scenario's one name (experiment::scenario_name_of), as the store records it.
  std::string scenario_name;
  /// Hash of the resolved scenario (io::scenario::hash), which decides what the point's runs are.
  std::string scenario_hash;
  /// The memory one run of the point needs, estimated when the point is made (its scenario is
  /// read then anyway), so that the check before an experiment does not read it again.
  model::memory_estimate memory;
};

/// One run to do: a replicate of a point.
struct job {
  std::int64_t index = 0;
  std::int64_t point = 0;
  std::int64_t replicate = 0;
  std::uint64_t seed = 0;
};

/// The posterior draw a replicate takes (experiments with a [posterior]).
struct replicate_draw {
  std::int64_t draw = 0;
  /// Its particle in the posterior file's last generation.
  std::int64_t particle = 0;
  /// The particle's values as "key=value", for the run and its history alike.
  std::vector<std::string> overrides;
};

struct plan {
  io::experiment_spec spec;
  store::sweep_kind kind = store::sweep_kind::sweep;
  std::vector<point> points;
  /// One seed per replicate, shared by every point.
  std::vector<std::uint64_t> seeds;
  /// With a posterior, one draw per replicate, shared by every point; empty otherwise.
  std::vector<replicate_draw> draws;
  /// Sampled designs: each point's coordinates in the unit cube, one column per factor.
  std::vector<std::vector<double>> unit_points;
  /// Identifies the runs (every point's resolved scenario, the seeds, what is stored): the same
  /// experiment run again into the same store resumes instead of starting over.
  std::string hash;

  std::int64_t replicates() const { return static_cast<std::int64_t>(seeds.size()); }
  /// The posterior overrides of replicate `r` (none without a posterior).
  std::span<const std::string> draw_overrides(std::int64_t r) const;
  /// Every point x replicate, point-major.
  std::vector<job> jobs() const;
  /// The plan's experiment as a store row (status running).
  store::sweep_info describe() const;
  /// Every point's coordinates as store rows.
  std::vector<store::sweep_coordinate> coordinates() const;
};

/// Replicates whose runs a sweep's points take together: the points share each replicate's
/// history (start_from), and a process keeps about 20 city-scale histories (experiment/job.cpp),
/// so every point runs a block of this many replicates before the next block's histories are
/// needed. Point after point over all replicates would evict each history, once there are more
/// replicates than the cache holds, before the next point came back to it.
inline constexpr std::int64_t replicates_per_history_block = 16;

/// `jobs` (of `p`, point-major) in the order they run: a comparison replicate by replicate
/// (whatever part is done, stopped or shown live is whole pairs); any other experiment point by
/// point within blocks of replicates_per_history_block replicates, which is point-major when it
/// has no more replicates than that. Results do not depend on the order.
std::vector<job> run_order(const plan& p, std::vector<job> jobs);

/// The seed of replicate `replicate` under `master_seed` (the SplitMix64 finaliser of the pair).
std::uint64_t replicate_seed(std::uint64_t master_seed, std::int64_t replicate);

/// Replicate r of every point runs with seed replicate_seed(master, r) and, when the experiment
/// has a [posterior], with draw r / seeds_per_draw of it (systematic resampling seeded by the
/// master seed, experiment/posterior_file.hpp); a posterior key that a factor or [set] also
/// gives, or that a point's scenario lacks, is input_error.
///
/// A grid design (every combination of the factors' values, the first factor varying slowest)
/// or, for design = "sample", `samples` points of a Sobol sequence inside the factors' bounds.
/// Checks every point against the scenario schema and every output name; input_error pointing
/// at the experiment file otherwise.
plan plan_experiment(const io::experiment_spec& spec, const scenario_resolver& resolve,
                     store::sweep_kind kind = store::sweep_kind::sweep);

/// The points at the given unit-cube coordinates (one column per factor, mapped linearly onto
/// each factor's `low`..`high`, rounded for integer parameters), for sampled designs and
/// sensitivity analyses.
plan plan_unit_points(const io::experiment_spec& spec, const scenario_resolver& resolve,
                      std::vector<std::vector<double>> unit_points, store::sweep_kind kind);

}  // namespace liangzhu::experiment
