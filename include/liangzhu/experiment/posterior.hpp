#pragma once
/// @file Bayesian calibration: the posterior of an experiment's factors given its [[target]]
/// figures, by ABC-SMC (abc_smc.hpp). Each factor's prior is its [[vary]] entry's (`prior`,
/// `low`/`high`, `mean`/`sd`); a particle's distance is the square root of the misfit
/// (calibration.hpp: sum of weight x ((simulated - observed) / scale)^2) of the mean of the
/// experiment's replicates, all particles run with the same replicate seeds (common random
/// numbers). The runs of a batch of particles go over the machine's cores together.
#include <functional>
#include <string>
#include <vector>

#include "liangzhu/experiment/abc_smc.hpp"
#include "liangzhu/experiment/calibration.hpp"
#include "liangzhu/experiment/cluster.hpp"
#include "liangzhu/store/calibration_records.hpp"

namespace liangzhu::experiment {

struct posterior_result {
  abc_result search;
  /// The factors' keys, in the order of the particles' values.
  std::vector<std::string> keys;
  std::vector<abc_prior> priors;
  /// Per generation and particle: every target's mean over the replicates (the posterior
  /// predictive of the last generation is its last entry).
  std::vector<std::vector<std::vector<double>>> simulated;
};

/// The experiment's factors' priors; input_error naming the [[vary]] entry for an improper one.
std::vector<abc_prior> priors_of(const io::experiment_spec& spec);

/// Everything calibrate_posterior checks before its first run (targets, priors, the factors' keys
/// in the base scenario), so that bad input is refused before anything is stored; input_error.
void check_posterior(const io::experiment_spec& spec, const scenario_resolver& resolve);

/// Runs ABC-SMC over the experiment (settings from its [calibration] table: particles,
/// generations, quantile, min_acceptance; the seed is its master seed). `on_generation` sees each
/// generation once complete, with the result so far (its last generation is that one).
/// `resume` holds the generations of an earlier run of the same calibration (calibration_hash),
/// which are kept: the search goes on after the last as it would have without the interruption.
/// input_error as calibrate; job_cancelled when `settings.stop` turns true.
///
/// With `mpi` (rank 0 of an MPI job) each batch of particles runs over every rank: the other
/// ranks call serve_posterior meanwhile. Results do not depend on the number of ranks or threads.
posterior_result calibrate_posterior(
    const io::experiment_spec& spec, const scenario_resolver& resolve,
    const execution_settings& settings,
    const std::function<void(const posterior_result&)>& on_generation, posterior_result resume = {},
    cluster* mpi = nullptr);

/// The other ranks of an MPI job while rank 0 runs calibrate_posterior: plans each batch rank 0
/// announces and serves its runs, until rank 0 is done.
void serve_posterior(const io::experiment_spec& spec, const scenario_resolver& resolve,
                     const execution_settings& settings, cluster& mpi);

/// What decides a calibration's runs and results (the experiment's text, replicates, weeks and
/// seed, and its base scenario as resolved), as 16 hex digits: the same calibration started
/// again into the same store resumes instead of starting over.
std::string calibration_hash(const io::experiment_spec& spec, const scenario_resolver& resolve);

/// Generation `g` of `result` as a store record, and stored generations back as a result (the
/// experiment names the factors and targets); input_error if the records do not match the
/// experiment's factors and targets.
store::calibration_generation to_record(const io::experiment_spec& spec,
                                        const posterior_result& result, std::size_t g);
posterior_result from_records(const io::experiment_spec& spec,
                              const std::vector<store::calibration_generation>& records);

}  // namespace liangzhu::experiment
