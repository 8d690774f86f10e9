#include "liangzhu/experiment/session.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "liangzhu/experiment/cluster.hpp"
#include "liangzhu/experiment/output_names.hpp"
#include "liangzhu/experiment/statistics.hpp"

namespace liangzhu::experiment {
namespace {}  // namespace

std::int64_t begin_experiment(store::run_store& store, const plan& p) {
  if (const auto earlier = store.reader().find_sweep_by_hash(p.hash)) return earlier->sweep_id;
  // One transaction: an experiment found by its hash later always has its points.
  std::int64_t sweep = 0;
  store.atomically([&] {
    sweep = store.begin_sweep(p.describe());
    store.write_sweep_points(sweep, p.coordinates());
    std::vector<store::sweep_draw> draws;
    for (std::size_t r = 0; r < p.draws.size(); ++r)
      draws.push_back({static_cast<std::int64_t>(r), p.draws[r].draw, p.draws[r].particle});
    if (!draws.empty()) store.write_sweep_draws(sweep, draws);
  });
  return sweep;
}

namespace {

/// Whether a stored sweep run holds a complete (point, replicate) of this plan.
bool usable(const store::sweep_run& r, const plan& p) {
  return r.status == store::run_status::complete && r.point >= 0 &&
         r.point < static_cast<std::int64_t>(p.points.size()) && r.replicate >= 0 &&
         r.replicate < p.replicates();
}

/// The jobs without a complete run in the store.
std::vector<job> missing_jobs(const store::run_store& store, const plan& p, std::int64_t sweep,
                              std::int64_t& reused) {
  const auto replicates = static_cast<std::size_t>(p.replicates());
  std::vector<bool> done(p.points.size() * replicates, false);
  for (const auto& r : store.reader().read_sweep_runs(sweep)) {
    if (!usable(r, p)) continue;
    done[static_cast<std::size_t>(r.point) * replicates + static_cast<std::size_t>(r.replicate)] =
        true;
  }
  std::vector<job> todo;
  reused = 0;
  for (const job& j : p.jobs()) {
    if (done[static_cast<std::size_t>(j.index)])
      ++reused;
    else
      todo.push_back(j);
  }
  return run_order(p, std::move(todo));
}

/// Marks the experiment failed after an error. Never throws: the error that got us here is the
/// one to report, and a full disk may refuse this write too.
void mark_failed(store::run_store& store, std::int64_t sweep) noexcept {
  try {
    store.finish_sweep(sweep, store::run_status::failed);
  } catch (...) {  // NOLINT(bugprone-empty-catch): see above
  }
}

}  // namespace

session_outcome run_experiment(store::run_store& store, const plan& p,
                               const execution_settings& settings, cluster* mpi,
                               const progress_handler& progress) {
  session_outcome out;
  out.sweep_id = begin_experiment(store, p);
  const std::vector<job> todo = missing_jobs(store, p, out.sweep_id, out.reused);
  const auto total = static_cast<std::int64_t>(p.jobs().size());
  if (progress) progress(out.reused, total);
  const result_handler keep = [&](job_result&& result) {
    store_result(store, out.sweep_id, result);
    ++out.ran;
    if (progress) progress(out.reused + out.ran, total);
  };
  try {
    if (mpi != nullptr)
      mpi->coordinate(p, todo, settings, keep);
    else
      run_locally(p, todo, settings, keep);
  } catch (...) {
    mark_failed(store, out.sweep_id);
    throw;
  }
  out.complete = out.ran == static_cast<std::int64_t>(todo.size());
  store.finish_sweep(out.sweep_id,
                     out.complete ? store::run_status::complete : store::run_status::interrupted);
  return out;
}

output_table read_output_table(const store::run_store& store, const plan& p, std::int64_t sweep) {
  constexpr double missing = std::numeric_limits<double>::quiet_NaN();
  const auto& outputs = p.spec.outputs;
  output_table values(p.points.size(), std::vector<std::vector<double>>(
                                           static_cast<std::size_t>(p.replicates()),
                                           std::vector<double>(outputs.size(), missing)));
  const auto reader = store.reader();  // the runs and their summaries as of one moment
  for (const auto& r : reader.read_sweep_runs(sweep)) {
    if (!usable(r, p)) continue;
    const auto rows = reader.read_summary(r.run_id);
    const point& pt = p.points[static_cast<std::size_t>(r.point)];
    auto& cell = values[static_cast<std::size_t>(r.point)][static_cast<std::size_t>(r.replicate)];
    for (std::size_t o = 0; o < outputs.size(); ++o)
      cell[o] = output_value(rows, pt.hubs, outputs[o]);
  }
  return values;
}

std::vector<store::sweep_result> point_results(const plan& p, const output_table& values) {
  std::vector<store::sweep_result> rows;
  for (std::size_t pt = 0; pt < values.size(); ++pt) {
    for (std::size_t o = 0; o < p.spec.outputs.size(); ++o) {
      std::vector<double> column;
      for (const auto& replicate : values[pt]) column.push_back(replicate[o]);
      const estimate e = mean_with_ci(column);
      rows.push_back(
          {static_cast<std::int64_t>(pt), p.spec.outputs[o], e.n, e.mean, e.sd, e.low, e.high});
    }
  }
  return rows;
}

}  // namespace liangzhu::experiment
