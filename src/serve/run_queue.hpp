#pragma once
// The runs the dashboard started: written to the store by one worker thread, one at a time, in
// the order they came; the others wait (a few at most). Progress is kept per run for the event
// streams (internal).
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
#include <vector>

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
    std::int64_t run_id;
    run_job job;
  };

  void work();
  void execute(queued& q);
  void step_all(queued& q, model::simulation& sim, engine::collection_sink& sink);
  /// True once stop() or cancel() of the running run was asked for.
  bool cancelled(std::int64_t run) const;
  void publish(std::int64_t run, const std::string& status, long tick,
               const std::string& message = {});
  /// Sleeps `delay` unless stop() comes first.
  void pause(std::chrono::milliseconds delay);

  store::run_store& store_;
  std::size_t max_waiting_;
  std::chrono::milliseconds every_;
  std::uint64_t max_memory_bytes_;
  std::int64_t cancelled_run_ = 0;  ///< the running run, once cancel() asked for it
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::deque<queued> waiting_;
  std::map<std::int64_t, run_progress> progress_;
  std::uint64_t version_ = 0;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace liangzhu::serve::detail
