#pragma once
/// @file An experiment spread over the ranks of an MPI job (`mpirun -n K liangzhu sweep ...`).
/// Rank 0 plans, hands out jobs one at a time as ranks ask for them (so long and short runs
/// balance themselves), runs jobs on its own cores too, and alone writes the store; the other
/// ranks run what they are handed and send the results back. Only the main thread of each rank
/// calls MPI.
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "liangzhu/experiment/runner.hpp"

namespace liangzhu::experiment {

class cluster {
 public:
  /// The MPI job this process belongs to, when it was started by mpirun with more than one rank
  /// and liangzhu was built with MPI; nullptr when started on its own. Throws input_error when
  /// started by mpirun but built without MPI (each rank would run the whole experiment).
  static std::unique_ptr<cluster> join_if_launched();
  /// Whether this build can run experiments over MPI.
  static bool available();

  virtual ~cluster() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  /// Rank 0: runs `todo` over every rank (this one with `settings.parallel_runs` threads) and
  /// delivers each result on the calling thread.
  virtual void coordinate(const plan& p, std::span<const job> todo,
                          const execution_settings& settings, const result_handler& deliver) = 0;
  /// Every other rank: runs the jobs rank 0 hands out until it says stop.
  virtual void serve(const plan& p, const execution_settings& settings) = 0;

  /// For searches that make their plans batch by batch (a Bayesian calibration), where the other
  /// ranks cannot know the next plan in advance. Rank 0: sends every other rank the description
  /// of the next batch (each plans it from that, then serves it while rank 0 coordinates it).
  virtual void announce(std::span<const char> batch) = 0;
  /// Rank 0: tells every other rank that no batch follows.
  virtual void finish_announcements() = 0;
  /// Every other rank: the next batch's description; nullopt once rank 0 has finished.
  virtual std::optional<std::vector<char>> next_announcement() = 0;
  /// Ends every rank of the job at once (after an error on one of them).
  [[noreturn]] virtual void abort(int exit_code) = 0;
};

}  // namespace liangzhu::experiment
