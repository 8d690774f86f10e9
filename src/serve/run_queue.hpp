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

/// A validated run, ready to step.
struct run_job {
  io::scenario scenario;
  std::unique_ptr<model::simulation> sim;
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
  run_queue(store::run_store& store, std::size_t max_waiting, std::chrono::milliseconds every);
  ~run_queue();
  run_queue(const run_queue&) = delete;
  run_queue& operator=(const run_queue&) = delete;

  /// Begins the run in the store and queues it; nullopt (nothing written) when the queue is full.
  std::optional<run_progress> submit(run_job job);
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
  void step_all(queued& q, engine::collection_sink& sink);
  void publish(std::int64_t run, const std::string& status, long tick,
               const std::string& message = {});
  /// Sleeps `delay` unless stop() comes first.
  void pause(std::chrono::milliseconds delay);

  store::run_store& store_;
  std::size_t max_waiting_;
  std::chrono::milliseconds every_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::deque<queued> waiting_;
  std::map<std::int64_t, run_progress> progress_;
  std::uint64_t version_ = 0;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace liangzhu::serve::detail
