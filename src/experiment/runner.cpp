#include "liangzhu/experiment/runner.hpp"

#include <exception>

#include "experiment/job_pool.hpp"

namespace liangzhu::experiment {

void run_locally(const plan& p, std::span<const job> todo, const execution_settings& settings,
                 const result_handler& deliver) {
  job_pool pool(p, settings);
  std::size_t next = 0;
  const auto stopped = [&] { return settings.stop && settings.stop(); };
  for (;;) {
    while (pool.free_slots() > 0 && next < todo.size() && !stopped()) pool.submit(todo[next++]);
    if (pool.in_flight() == 0) return;
    auto outcome = pool.collect(true);
    if (!outcome) continue;
    if (outcome->error) std::rethrow_exception(outcome->error);  // the pool cancels the rest
    if (outcome->result) deliver(std::move(*outcome->result));
  }
}

}  // namespace liangzhu::experiment
