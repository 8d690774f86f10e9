// The experiment half of run_store's writes: sweeps, their points, the run behind each point and
// replicate, and the results computed from them (schema version 2, docs/store.md). Their reads
// are in sweep_reads.cpp.
#include <algorithm>

#include "liangzhu/store/run_store.hpp"
#include "store/run_rows.hpp"
#include "store/schema_sql.hpp"
#include "store/store_error.hpp"
#include "store/store_state.hpp"
#include "store/utc_clock.hpp"

namespace liangzhu::store {

using detail::null_if_empty;
using detail::statement;
using detail::transaction;

namespace {

/// Replaces every row of `table` that belongs to `sweep` with the rows `insert` binds.
template <typename Row, typename Bind>
void replace_rows(detail::store_state& state, std::int64_t sweep, const char* table,
                  const char* insert_sql, std::span<const Row> rows, Bind bind) {
  const std::scoped_lock lock{state.mutex};
  transaction tx(state.db);
  statement clear(state.db, std::string("DELETE FROM ") + table + " WHERE sweep_id = ?");
  clear.bind_all(sweep).run();
  statement insert(state.db, insert_sql);
  for (const Row& row : rows) bind(insert, row).run();
  tx.commit();
}

void no_such_sweep(const detail::database& db, std::int64_t sweep) {
  throw detail::store_error(db.path(), "no experiment " + std::to_string(sweep));
}

}  // namespace

std::int64_t run_store::begin_sweep(const sweep_info& info) {
  const std::scoped_lock lock{state_->mutex};
  auto& db = state_->db;
  transaction tx(db);
  statement insert(db,
                   "INSERT INTO sweeps (name, kind, experiment_path, experiment_text, "
                   "experiment_hash, master_seed, points, replicates, created_at, status) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running')");
  insert
      .bind_all(info.name, to_string(info.kind), info.experiment_path, info.experiment_text,
                info.experiment_hash, info.master_seed, info.points, info.replicates,
                info.created_at.empty() ? detail::utc_now() : info.created_at)
      .run();
  const std::int64_t id = db.last_insert_rowid();
  tx.commit();
  return id;
}

void run_store::finish_sweep(std::int64_t sweep, run_status status) {
  const std::scoped_lock lock{state_->mutex};
  auto& db = state_->db;
  detail::write_making_room(db, [&] {
    transaction tx(db);
    statement update(db, "UPDATE sweeps SET status = ?, ended_at = ? WHERE sweep_id = ?");
    update.bind_all(to_string(status), detail::utc_now(), sweep).run();
    if (db.changes() == 0) no_such_sweep(db, sweep);
    tx.commit();
  });
}

void run_store::write_sweep_points(std::int64_t sweep,
                                   std::span<const sweep_coordinate> coordinates) {
  replace_rows(*state_, sweep, "sweep_points",
               "INSERT INTO sweep_points (sweep_id, point, key, value) VALUES (?, ?, ?, ?)",
               coordinates, [sweep](statement& insert, const sweep_coordinate& c) -> statement& {
                 return insert.bind_all(sweep, c.point, c.key, c.value);
               });
}

void run_store::add_sweep_run(std::int64_t sweep, const sweep_run& entry) {
  const std::scoped_lock lock{state_->mutex};
  auto& db = state_->db;
  transaction tx(db);
  statement insert(db,
                   "INSERT OR REPLACE INTO sweep_runs (sweep_id, point, replicate, seed, run_id) "
                   "VALUES (?, ?, ?, ?, ?)");
  insert.bind_all(sweep, entry.point, entry.replicate, entry.seed, entry.run_id).run();
  tx.commit();
}

void run_store::write_sweep_results(std::int64_t sweep, std::span<const sweep_result> rows) {
  replace_rows(*state_, sweep, "sweep_results",
               "INSERT INTO sweep_results (sweep_id, point, output, n, mean, sd, ci_low, ci_high) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               rows, [sweep](statement& insert, const sweep_result& r) -> statement& {
                 return insert.bind_all(sweep, r.point, r.output, r.n, r.mean, r.sd, r.ci_low,
                                        r.ci_high);
               });
}

void run_store::write_sensitivity(std::int64_t sweep, std::span<const sensitivity_row> rows) {
  replace_rows(*state_, sweep, "sensitivity_indices",
               "INSERT INTO sensitivity_indices "
               "(sweep_id, output, parameter, measure, value, ci_low, ci_high) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               rows, [sweep](statement& insert, const sensitivity_row& r) -> statement& {
                 return insert.bind_all(sweep, r.output, r.parameter, r.measure, r.value, r.ci_low,
                                        r.ci_high);
               });
}

void run_store::write_sweep_draws(std::int64_t sweep, std::span<const sweep_draw> rows) {
  replace_rows(*state_, sweep, "sweep_draws",
               "INSERT INTO sweep_draws (sweep_id, replicate, draw, particle) VALUES (?, ?, ?, ?)",
               rows, [sweep](statement& insert, const sweep_draw& d) -> statement& {
                 return insert.bind_all(sweep, d.replicate, d.draw, d.particle);
               });
}

}  // namespace liangzhu::store
