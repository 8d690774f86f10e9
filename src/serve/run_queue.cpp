// One worker thread runs the dashboard's simulations in turn. A single run writes its ticks to
// the store every `every` (not every tick: a store transaction per tick would slow big runs for
// nothing), which is also when the page hears of them; the last write of a run is its final
// status. An ensemble is an experiment of the store, run on every core and stored run by run as
// `liangzhu compare` stores it.
#include "serve/run_queue.hpp"

#include <algorithm>
#include <exception>
#include <new>
#include <thread>
#include <utility>

#include "liangzhu/experiment/job.hpp"
#include "liangzhu/experiment/run_record.hpp"
#include "liangzhu/experiment/session.hpp"

namespace liangzhu::serve::detail {

using steady = std::chrono::steady_clock;

experiment::execution_settings ensemble_settings(std::uint64_t max_memory_bytes) {
  experiment::execution_settings settings;
  settings.parallel_runs = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  settings.max_memory_bytes = max_memory_bytes;
  return settings;
}

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

std::optional<ensemble_progress> run_queue::submit(ensemble_job job) {
  std::unique_lock lock(mutex_);
  if (stopping_) return std::nullopt;
  const std::int64_t id = experiment::begin_experiment(store_, job.plan);
  if (const auto it = ensembles_.find(id); it != ensembles_.end() && !it->second.finished())
    return it->second;  // the same ensemble is queued or running already
  if (waiting_.size() >= max_waiting_) return std::nullopt;
  const auto total = static_cast<long>(job.plan.jobs().size());
  ensemble_progress p{id, "queued", 0, total, job.label, {}, ++version_};
  ensembles_[id] = p;
  waiting_.push_back({id, std::move(job)});
  changed_.notify_all();
  return p;
}

bool run_queue::cancel(std::int64_t run) { return cancel_item(run, false); }

bool run_queue::cancel_ensemble(std::int64_t id) { return cancel_item(id, true); }

bool run_queue::cancel_item(std::int64_t id, bool ensemble) {
  std::unique_lock lock(mutex_);
  const auto status_in = [id](const auto& map) -> std::optional<std::string> {
    const auto it = map.find(id);
    if (it == map.end() || it->second.finished()) return std::nullopt;
    return it->second.status;
  };
  const auto status = ensemble ? status_in(ensembles_) : status_in(progress_);
  if (!status) return false;
  if (*status == "running") {
    cancel_running_ = true;
    changed_.notify_all();  // ends a pause between weeks
    return true;
  }
  const auto queued_at = std::ranges::find_if(waiting_, [&](const queued& q) {
    return q.run_id == id && std::holds_alternative<ensemble_job>(q.job) == ensemble;
  });
  if (queued_at == waiting_.end()) return false;
  const queued q = std::move(*queued_at);
  waiting_.erase(queued_at);
  lock.unlock();
  drop(q, "cancelled");
  return true;
}

void run_queue::drop(const queued& q, const std::string& message) {
  if (std::holds_alternative<run_job>(q.job)) {
    store_.finish_run(q.run_id, store::run_status::interrupted, 0);
    publish(q.run_id, "interrupted", 0, message);
    return;
  }
  // An ensemble asked for again after it had ended is the stored experiment: still complete.
  const auto stored = store_.reader().find_sweep(q.run_id);
  if (!stored || stored->status != store::run_status::complete)
    store_.finish_sweep(q.run_id, store::run_status::interrupted);
  long done = 0;
  {
    const std::lock_guard lock(mutex_);
    done = ensembles_[q.run_id].done;
  }
  publish_ensemble(q.run_id, "interrupted", done, message);
}

std::optional<ensemble_progress> run_queue::ensemble(std::int64_t id) const {
  const std::lock_guard lock(mutex_);
  const auto it = ensembles_.find(id);
  if (it == ensembles_.end()) return std::nullopt;
  return it->second;
}

void run_queue::set_paused(bool paused) {
  const std::lock_guard lock(mutex_);
  paused_ = paused;
  ++version_;
  changed_.notify_all();
}

bool run_queue::paused() const {
  const std::lock_guard lock(mutex_);
  return paused_;
}

std::vector<run_queue::entry> run_queue::entries() const {
  const std::lock_guard lock(mutex_);
  std::vector<entry> out;
  if (running_) out.push_back(*running_);
  for (const queued& q : waiting_) {
    const bool run = std::holds_alternative<run_job>(q.job);
    out.push_back({run ? "run" : "ensemble", q.run_id,
                   run ? std::get<run_job>(q.job).label : std::get<ensemble_job>(q.job).label});
  }
  return out;
}

bool run_queue::cancelled() const {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return !paused_ || stopping_ || cancel_running_; });
  return stopping_ || cancel_running_;
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
  progress_[run].tick = tick;
  restate(progress_[run], status, message);
}

void run_queue::publish_ensemble(std::int64_t id, const std::string& status, long done,
                                 const std::string& message) {
  const std::lock_guard lock(mutex_);
  ensembles_[id].done = done;
  restate(ensembles_[id], status, message);
}

template <typename Progress>
void run_queue::restate(Progress& p, const std::string& status, const std::string& message) {
  p.status = status;
  p.message = message;
  p.version = ++version_;
  changed_.notify_all();
}

void run_queue::sleep_between_weeks(std::chrono::milliseconds delay) {
  if (delay.count() <= 0) return;
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, delay, [this] { return stopping_ || cancel_running_; });
}

void run_queue::work() {
  for (;;) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
    if (stopping_) break;
    queued next = std::move(waiting_.front());
    waiting_.pop_front();
    cancel_running_ = false;
    const bool run = std::holds_alternative<run_job>(next.job);
    running_ =
        entry{run ? "run" : "ensemble", next.run_id,
              run ? std::get<run_job>(next.job).label : std::get<ensemble_job>(next.job).label};
    lock.unlock();
    std::visit([&](auto& job) { execute(next, job); }, next.job);
    lock.lock();
    running_.reset();
  }
  // What is still waiting was begun in the store: it ends as interrupted, having run nothing.
  std::deque<queued> left;
  {
    const std::lock_guard lock(mutex_);
    left.swap(waiting_);
  }
  for (const queued& q : left) drop(q, "");
}

void run_queue::step_all(queued& q, model::simulation& sim, engine::collection_sink& sink) {
  sim.collector().set_sink(&sink);
  auto last = steady::now();
  const auto delay = std::get<run_job>(q.job).tick_delay;
  while (!sim.done() && !cancelled()) {
    sim.step();
    sleep_between_weeks(delay);
    if (steady::now() - last >= every_ || sim.done()) {
      sim.flush();
      publish(q.run_id, "running", sim.tick());
      last = steady::now();
    }
  }
  sim.flush();
  sim.collector().set_sink(nullptr);
}

void run_queue::execute(queued& q, run_job& job) {
  std::unique_ptr<model::simulation> sim;
  try {
    publish(q.run_id, "running", 0);
    model::run_options options;
    options.max_memory_bytes = max_memory_bytes_;
    sim = std::make_unique<model::simulation>(std::move(job.params), options);
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

void run_queue::execute(queued& q, ensemble_job& job) {
  long done = 0;
  try {
    publish_ensemble(q.run_id, "running", 0);
    experiment::execution_settings settings = ensemble_settings(max_memory_bytes_);
    settings.stop = [this] { return cancelled(); };
    const auto outcome = experiment::run_experiment(store_, job.plan, settings, nullptr,
                                                    [&](std::int64_t now, std::int64_t) {
                                                      done = static_cast<long>(now);
                                                      publish_ensemble(q.run_id, "running", done);
                                                    });
    // The figures per scenario, as `liangzhu compare` stores them (complete runs only).
    store_.write_sweep_results(
        outcome.sweep_id,
        experiment::point_results(
            job.plan, experiment::read_output_table(store_, job.plan, outcome.sweep_id)));
    if (!outcome.complete) {
      publish_ensemble(q.run_id, "interrupted", done, stopping() ? "" : "cancelled");
      return;
    }
    publish_ensemble(q.run_id, "complete", done);
  } catch (const std::exception& e) {
    const bool memory = dynamic_cast<const std::bad_alloc*>(&e) != nullptr;
    publish_ensemble(q.run_id, "failed", done, memory ? "the server ran out of memory" : e.what());
  }
}

}  // namespace liangzhu::serve::detail
