#include "store/experiment_csv.hpp"

#include <set>

#include "liangzhu/store/csv_writer.hpp"

namespace liangzhu::store::detail {

run_experiments experiments_of(const store_reader& store, const std::vector<run_info>& runs) {
  std::set<std::int64_t> ids;
  for (const auto& r : runs) ids.insert(r.run_id);
  run_experiments out;
  for (const auto& sweep : store.list_sweeps()) {
    bool holds = false;
    for (const auto& m : store.read_sweep_runs(sweep.sweep_id)) {
      if (ids.count(m.run_id) == 0) continue;
      out.places[m.run_id] = {sweep.sweep_id, m.point, m.replicate};
      holds = true;
    }
    if (holds) out.experiments.push_back(sweep);
  }
  return out;
}

void write_experiments(const store_reader& store, const std::vector<sweep_info>& experiments,
                       const std::filesystem::path& out_dir) {
  write_csv(out_dir / "experiments.csv", [&](csv_writer& csv) {
    csv.row("experiment_id", "name", "kind", "experiment_path", "experiment_hash", "master_seed",
            "points", "replicates", "created_at", "ended_at", "status");
    for (const auto& e : experiments)
      csv.row(e.sweep_id, e.name, to_string(e.kind), e.experiment_path, e.experiment_hash,
              e.master_seed, e.points, e.replicates, e.created_at, e.ended_at, to_string(e.status));
  });
  // Long form: one row per point and parameter (or "scenario"), the value as text.
  write_csv(out_dir / "experiment_points.csv", [&](csv_writer& csv) {
    csv.row("experiment_id", "point", "key", "value");
    for (const auto& e : experiments)
      for (const auto& c : store.read_sweep_points(e.sweep_id))
        csv.row(e.sweep_id, c.point, c.key, c.value);
  });
  write_csv(out_dir / "experiment_results.csv", [&](csv_writer& csv) {
    csv.row("experiment_id", "point", "output", "n", "mean", "sd", "ci_low", "ci_high");
    for (const auto& e : experiments)
      for (const auto& r : store.read_sweep_results(e.sweep_id))
        csv.row(e.sweep_id, r.point, r.output, r.n, r.mean, r.sd, r.ci_low, r.ci_high);
  });
}

}  // namespace liangzhu::store::detail
