#pragma once
// Threads that run jobs handed to them one at a time, for run_locally and for each MPI rank. The
// thread that owns the pool hands out jobs and collects outcomes; only it talks to the store or
// to MPI.
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "liangzhu/experiment/runner.hpp"

namespace liangzhu::experiment {

/// What became of a job handed to the pool.
struct job_outcome {
  job task;
  /// Set when the job finished.
  std::optional<job_result> result;
  /// Set when it threw (a cancelled job has neither).
  std::exception_ptr error;
};

class job_pool {
 public:
  /// Starts `settings.parallel_runs` threads (at least one).
  job_pool(const plan& p, const execution_settings& settings);
  /// Cancels running jobs (through the stop flag of the settings, or by abandoning their
  /// results) and joins the threads.
  ~job_pool();
  job_pool(const job_pool&) = delete;
  job_pool& operator=(const job_pool&) = delete;

  /// Jobs that could start now: threads minus jobs handed out and not yet collected.
  int free_slots() const { return threads_count_ - in_flight_; }
  int in_flight() const { return in_flight_; }
  void submit(const job& task);
  /// The next outcome, waiting for it when `wait` (and a job is in flight), else nullopt.
  std::optional<job_outcome> collect(bool wait);

 private:
  void work();

  const plan& plan_;
  const execution_settings& settings_;
  int threads_count_;
  int in_flight_ = 0;  // touched only by the owning thread
  std::mutex mutex_;
  std::condition_variable jobs_ready_, outcomes_ready_;
  std::deque<job> jobs_;
  std::deque<job_outcome> outcomes_;
  bool closing_ = false;
  std::vector<std::jthread> threads_;
};

}  // namespace liangzhu::experiment
