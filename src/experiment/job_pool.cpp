#include "experiment/job_pool.hpp"

#include <algorithm>

namespace liangzhu::experiment {

job_pool::job_pool(const plan& p, const execution_settings& settings)
    : plan_(p), settings_(settings), threads_count_(std::max(1, settings.parallel_runs)) {
  for (int t = 0; t < threads_count_; ++t) threads_.emplace_back([this] { work(); });
}

job_pool::~job_pool() {
  {
    const std::scoped_lock lock{mutex_};
    closing_ = true;
    jobs_.clear();
  }
  jobs_ready_.notify_all();
  threads_.clear();  // joins; a job still running ends when it ends or when `stop` cancels it
}

void job_pool::submit(const job& task) {
  {
    const std::scoped_lock lock{mutex_};
    jobs_.push_back(task);
  }
  ++in_flight_;
  jobs_ready_.notify_one();
}

std::optional<job_outcome> job_pool::collect(bool wait) {
  std::unique_lock lock{mutex_};
  if (wait && in_flight_ > 0) outcomes_ready_.wait(lock, [&] { return !outcomes_.empty(); });
  if (outcomes_.empty()) return std::nullopt;
  job_outcome out = std::move(outcomes_.front());
  outcomes_.pop_front();
  --in_flight_;
  return out;
}

void job_pool::work() {
  const auto cancelled = [this] {
    if (settings_.stop && settings_.stop()) return true;
    const std::scoped_lock lock{mutex_};
    return closing_;
  };
  for (;;) {
    job task;
    {
      std::unique_lock lock{mutex_};
      jobs_ready_.wait(lock, [&] { return closing_ || !jobs_.empty(); });
      if (closing_) return;
      task = jobs_.front();
      jobs_.pop_front();
    }
    job_outcome out{task, std::nullopt, nullptr};
    try {
      out.result = run_job(plan_, task, settings_, cancelled);
    } catch (const job_cancelled&) {  // neither result nor error
    } catch (...) {
      out.error = std::current_exception();
    }
    {
      const std::scoped_lock lock{mutex_};
      outcomes_.push_back(std::move(out));
    }
    outcomes_ready_.notify_one();
  }
}

}  // namespace liangzhu::experiment
