#pragma once
/// @file Running an experiment's jobs: several runs at once on this machine's cores, or spread
/// over the ranks of an MPI job (experiment/cluster.hpp). Either way the results reach the calling
/// thread one at a time, which alone writes the store.
#include <functional>
#include <span>

#include "liangzhu/experiment/job.hpp"
#include "liangzhu/experiment/plan.hpp"

namespace liangzhu::experiment {

/// Called on the thread that called the runner, once per finished job.
using result_handler = std::function<void(job_result&&)>;

/// Runs `todo` on `settings.parallel_runs` threads of this process. Returns when every job is
/// delivered or, after a stop, when the running ones are cancelled. The first error a job throws
/// is rethrown here, cancelling the others.
void run_locally(const plan& p, std::span<const job> todo, const execution_settings& settings,
                 const result_handler& deliver);

}  // namespace liangzhu::experiment
