// One worker thread runs the dashboard's simulations in turn. It writes ticks to the store every
// `every` (not every tick: a store transaction per tick would slow big runs for nothing), which
// is also when the page hears of them; the last write of a run is its final status.
#include "serve/run_queue.hpp"

#include <algorithm>
#include <exception>
#include <new>
#include <utility>

#include "liangzhu/experiment/run_record.hpp"

namespace liangzhu::serve::detail {

using steady = std::chrono::steady_clock;

run_queue::run_queue(store::run_store& store, std::size_t max_waiting,
                     std::chrono::milliseconds every, std::uint64_t max_memory_bytes)
    : store_(store),
      max_waiting_(max_waiting),
      every_(every),
      max_memory_bytes_(max_memory_bytes),
      worker_([this] { work(); }) {}

run_queue::~run_queue() { stop(); }

std::optional<run_progress> run_queue::submit(run_job job) {
  std::unique_lock lock(mutex_);
  if (stopping_ || waiting_.size() >= max_waiting_) return std::nullopt;
  const std::int64_t id =
      experiment::begin_recorded_run(store_, job.scenario, job.params, 1, job.overrides, job.label);
  const long total = job.params.ticks;
  waiting_.push_back({id, std::move(job)});
  progress_[id] = {id, "queued", 0, total, {}, ++version_};
  changed_.notify_all();
  return progress_[id];
}

bool run_queue::cancel(std::int64_t run) {
  std::unique_lock lock(mutex_);
  const auto it = progress_.find(run);
  if (it == progress_.end() || it->second.finished()) return false;
  if (it->second.status == "running") {
    cancelled_run_ = run;
    changed_.notify_all();  // ends a pause between weeks
    return true;
  }
  const auto queued_at = std::find_if(waiting_.begin(), waiting_.end(),
                                      [run](const queued& q) { return q.run_id == run; });
  if (queued_at == waiting_.end()) return false;
  waiting_.erase(queued_at);
  lock.unlock();
  store_.finish_run(run, store::run_status::interrupted, 0);
  publish(run, "interrupted", 0, "cancelled");
  return true;
}

bool run_queue::cancelled(std::int64_t run) const {
  const std::lock_guard lock(mutex_);
  return stopping_ || cancelled_run_ == run;
}

std::optional<run_progress> run_queue::progress(std::int64_t run) const {
  const std::lock_guard lock(mutex_);
  const auto it = progress_.find(run);
  if (it == progress_.end()) return std::nullopt;
  return it->second;
}

std::optional<run_progress> run_queue::wait(std::int64_t run, std::uint64_t seen,
                                            std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] {
    const auto it = progress_.find(run);
    return stopping_ || it == progress_.end() || it->second.version > seen;
  });
  const auto it = progress_.find(run);
  if (it == progress_.end()) return std::nullopt;
  return it->second;
}

void run_queue::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
    changed_.notify_all();
  }
  if (worker_.joinable()) worker_.join();
}

bool run_queue::stopping() const {
  const std::lock_guard lock(mutex_);
  return stopping_;
}

void run_queue::publish(std::int64_t run, const std::string& status, long tick,
                        const std::string& message) {
  const std::lock_guard lock(mutex_);
  run_progress& p = progress_[run];
  p.status = status;
  p.tick = tick;
  p.message = message;
  p.version = ++version_;
  changed_.notify_all();
}

void run_queue::pause(std::chrono::milliseconds delay) {
  if (delay.count() <= 0) return;
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, delay, [this] { return stopping_ || cancelled_run_ != 0; });
}

void run_queue::work() {
  for (;;) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
    if (stopping_) break;
    queued next = std::move(waiting_.front());
    waiting_.pop_front();
    lock.unlock();
    execute(next);
  }
  // Runs still waiting were begun in the store: they end as interrupted, with no ticks.
  std::deque<queued> left;
  {
    const std::lock_guard lock(mutex_);
    left.swap(waiting_);
  }
  for (const queued& q : left) {
    store_.finish_run(q.run_id, store::run_status::interrupted, 0);
    publish(q.run_id, "interrupted", 0);
  }
}

void run_queue::step_all(queued& q, model::simulation& sim, engine::collection_sink& sink) {
  sim.collector().set_sink(&sink);
  auto last = steady::now();
  while (!sim.done() && !cancelled(q.run_id)) {
    sim.step();
    pause(q.job.tick_delay);
    if (steady::now() - last >= every_ || sim.done()) {
      sim.flush();
      publish(q.run_id, "running", sim.tick());
      last = steady::now();
    }
  }
  sim.flush();
  sim.collector().set_sink(nullptr);
}

void run_queue::execute(queued& q) {
  std::unique_ptr<model::simulation> sim;
  {
    const std::lock_guard lock(mutex_);
    cancelled_run_ = 0;
  }
  try {
    publish(q.run_id, "running", 0);
    model::run_options options;
    options.max_memory_bytes = max_memory_bytes_;
    sim = std::make_unique<model::simulation>(std::move(q.job.params), options);
    const auto sink = store_.sink_for(q.run_id);
    step_all(q, *sim, *sink);
    if (!sim->done()) {
      store_.finish_run(q.run_id, store::run_status::interrupted, sim->tick());
      publish(q.run_id, "interrupted", sim->tick(), stopping() ? "" : "cancelled");
      return;
    }
    sim->check_invariants();
    store_.write_summary(q.run_id, experiment::summary_rows(sim->summary()));
    store_.finish_run(q.run_id, store::run_status::complete, sim->tick());
    publish(q.run_id, "complete", sim->tick());
  } catch (const std::exception& e) {
    const long tick = sim ? sim->tick() : 0;
    if (sim) sim->collector().set_sink(nullptr);
    sim.reset();  // gives the memory back before anything else is tried
    try {
      store_.finish_run(q.run_id, store::run_status::failed, tick);
    } catch (...) {  // NOLINT(bugprone-empty-catch): the first error is the one to report
    }
    const bool memory = dynamic_cast<const std::bad_alloc*>(&e) != nullptr;
    publish(q.run_id, "failed", tick, memory ? "the server ran out of memory" : e.what());
  }
}

}  // namespace liangzhu::serve::detail
