#pragma once
// The runs and ensembles the dashboard started: written to the store by one worker thread, one at
// a time, in the order they came; the others wait (a few at most). A single run steps on the
// worker; an ensemble runs its replicates on every core. Progress is kept per run (for the event
// streams) and per ensemble (for the page's polls). The worker can be paused between two weeks
// and resumed (internal).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "liangzhu/experiment/job.hpp"
#include "liangzhu/experiment/plan.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/simulation.hpp"
#include "liangzhu/store/run_store.hpp"

namespace liangzhu::serve::detail {

/// A validated run: its parameters are checked (the model's checks, the memory it needs); the
/// simulation is built on the worker when the run's turn comes, so a request the queue refuses
/// costs nothing and a waiting run holds no agents.
struct run_job {
  io::scenario scenario;
  model::parameters params;
  std::vector<std::string> overrides;
  std::string label;
  /// Pause after each tick, to watch a small run unfold.
  std::chrono::milliseconds tick_delay{0};
};

/// A validated ensemble: a comparison plan (the reference first, then the set-up) whose
/// experiment was begun in the store when it was queued.
struct ensemble_job {
  experiment::plan plan;
  std::string label;
};

/// How an ensemble runs: one run per core, within `max_memory_bytes` (0: half of the machine's).
experiment::execution_settings ensemble_settings(std::uint64_t max_memory_bytes);

/// Where an ensemble of this server stands: its runs done out of all. `version` grows with every
/// change.
struct ensemble_progress {
  std::int64_t ensemble_id = 0;  ///< the experiment's id in the store
  std::string status;            ///< as run_progress
  long done = 0;
  long total = 0;
  std::string label;
  std::string message;
  std::uint64_t version = 0;

  bool finished() const { return status != "queued" && status != "running"; }
};

/// Where a run of this server stands. `version` grows with every change.
struct run_progress {
  std::int64_t run_id = 0;
  std::string status;  ///< "queued", "running", "complete", "interrupted" or "failed"
  long tick = 0;
  long ticks_total = 0;
  std::string message;  ///< why it failed
  std::uint64_t version = 0;

  bool finished() const { return status != "queued" && status != "running"; }
};

class run_queue {
 public:
  /// Runs may take `max_memory_bytes` (0: half of the machine's).
  run_queue(store::run_store& store, std::size_t max_waiting, std::chrono::milliseconds every,
            std::uint64_t max_memory_bytes = 0);
  ~run_queue();
  run_queue(const run_queue&) = delete;
  run_queue& operator=(const run_queue&) = delete;

  /// Begins the run in the store and queues it; nullopt (nothing written) when the queue is full.
  std::optional<run_progress> submit(run_job job);
  /// Begins (or finds, by its hash) the ensemble's experiment in the store and queues it; one
  /// already queued or running here is not queued twice. nullopt when the queue is full.
  std::optional<ensemble_progress> submit(ensemble_job job);
  /// Stops ensemble `id` as cancel() stops a run: its complete replicates stay in the store.
  bool cancel_ensemble(std::int64_t id);
  std::optional<ensemble_progress> ensemble(std::int64_t id) const;
  /// Holds the worker between two weeks (every run of a running ensemble) until resume().
  void set_paused(bool paused);
  bool paused() const;
  /// What the queue holds: the item running, then those waiting, as {kind, id, label}.
  struct entry {
    std::string kind;  ///< "run" or "ensemble"
    std::int64_t id;
    std::string label;
  };
  std::vector<entry> entries() const;
  /// Stops run `run`: a waiting one is taken off the queue, a running one ends after its week;
  /// either is stored as interrupted. False if it is not queued or running.
  bool cancel(std::int64_t run);
  /// The progress of a run of this server, or nullopt for runs it did not start.
  std::optional<run_progress> progress(std::int64_t run) const;
  /// Waits up to `timeout` for the run's version to pass `seen`; the progress then (nullopt for
  /// runs of other servers).
  std::optional<run_progress> wait(std::int64_t run, std::uint64_t seen,
                                   std::chrono::milliseconds timeout) const;
  /// Interrupts the running simulation between two ticks, marks waiting runs interrupted, and
  /// joins the worker. Idempotent.
  void stop();
  bool stopping() const;

 private:
  struct queued {
    std::int64_t run_id;  ///< the run's id, or the ensemble's experiment id
    std::variant<run_job, ensemble_job> job;
  };

  /// cancel() of a run or an ensemble (the two are told apart: their ids may be equal).
  bool cancel_item(std::int64_t id, bool ensemble);
  void work();
  void execute(queued& q, run_job& job);
  void execute(queued& q, ensemble_job& job);
  void step_all(queued& q, model::simulation& sim, engine::collection_sink& sink);
  /// Waits while paused; then true once stop() or cancel() of the running item was asked for.
  bool cancelled() const;
  void publish(std::int64_t run, const std::string& status, long tick,
               const std::string& message = {});
  void publish_ensemble(std::int64_t id, const std::string& status, long done,
                        const std::string& message = {});
  /// Sets a progress's status and message as a new version (the mutex held) and wakes waiters.
  template <typename Progress>
  void restate(Progress& p, const std::string& status, const std::string& message);
  /// Sleeps `delay` unless stop() comes first.
  void sleep_between_weeks(std::chrono::milliseconds delay);
  /// Ends a waiting item without running it (cancelled, or the server stopping).
  void drop(const queued& q, const std::string& message);

  store::run_store& store_;
  std::size_t max_waiting_;
  std::chrono::milliseconds every_;
  std::uint64_t max_memory_bytes_;
  std::optional<entry> running_;  ///< the item the worker executes
  bool cancel_running_ = false;   ///< cancel() asked for the running item
  bool paused_ = false;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::deque<queued> waiting_;
  std::map<std::int64_t, run_progress> progress_;
  std::map<std::int64_t, ensemble_progress> ensembles_;
  std::uint64_t version_ = 0;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace liangzhu::serve::detail
