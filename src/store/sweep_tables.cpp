// The experiment half of run_store: sweeps, their points, the run behind each point and
// replicate, and the results computed from them (schema version 2, docs/store.md).
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

constexpr const char* select_sweeps =
    "SELECT sweep_id, name, kind, experiment_path, experiment_text, experiment_hash, "
    "master_seed, points, replicates, created_at, ended_at, status FROM sweeps ";

sweep_info read_sweep(const statement& row) {
  sweep_info s;
  s.sweep_id = row.column_int(0);
  s.name = row.column_text(1);
  s.kind = parse_sweep_kind(row.column_text(2)).value_or(sweep_kind::sweep);
  s.experiment_path = row.column_text(3);
  s.experiment_text = row.column_text(4);
  s.experiment_hash = row.column_text(5);
  s.master_seed = static_cast<std::uint64_t>(row.column_int(6));  // two's complement
  s.points = row.column_int(7);
  s.replicates = row.column_int(8);
  s.created_at = row.column_text(9);
  s.ended_at = row.column_text(10);
  s.status = parse_run_status(row.column_text(11)).value_or(run_status::failed);
  return s;
}

/// Runs `select` and reads every row with `read`; no rows when the store predates experiments.
template <typename Row, typename Read, typename... Keys>
std::vector<Row> read_rows(detail::store_state& state, const std::string& sql, Read read,
                           const Keys&... keys) {
  const std::scoped_lock lock{state.mutex};
  std::vector<Row> rows;
  if (!detail::has_table(state.db, "sweeps")) return rows;
  statement select(state.db, sql);
  select.bind_all(keys...);
  while (select.step()) rows.push_back(read(select));
  return rows;
}

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

std::optional<sweep_info> run_store::find_sweep_by_hash(std::string_view experiment_hash) const {
  auto rows = read_rows<sweep_info>(
      *state_, std::string(select_sweeps) + "WHERE experiment_hash = ? ORDER BY sweep_id DESC",
      read_sweep, experiment_hash);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<sweep_info> run_store::find_sweep(std::int64_t sweep) const {
  auto rows = read_rows<sweep_info>(*state_, std::string(select_sweeps) + "WHERE sweep_id = ?",
                                    read_sweep, sweep);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<sweep_info> run_store::list_sweeps() const {
  return read_rows<sweep_info>(*state_, std::string(select_sweeps) + "ORDER BY sweep_id",
                               read_sweep);
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

std::vector<sweep_coordinate> run_store::read_sweep_points(std::int64_t sweep) const {
  return read_rows<sweep_coordinate>(
      *state_,
      "SELECT point, key, value FROM sweep_points WHERE sweep_id = ? ORDER BY point, rowid",
      [](const statement& row) {
        return sweep_coordinate{row.column_int(0), row.column_text(1), row.column_text(2)};
      },
      sweep);
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

std::vector<sweep_run> run_store::read_sweep_runs(std::int64_t sweep) const {
  return read_rows<sweep_run>(
      *state_,
      "SELECT s.point, s.replicate, s.seed, s.run_id, r.status FROM sweep_runs AS s "
      "JOIN runs AS r USING (run_id) WHERE s.sweep_id = ? ORDER BY s.point, s.replicate",
      [](const statement& row) {
        return sweep_run{row.column_int(0), row.column_int(1),
                         static_cast<std::uint64_t>(row.column_int(2)), row.column_int(3),
                         parse_run_status(row.column_text(4)).value_or(run_status::failed)};
      },
      sweep);
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

std::vector<sweep_result> run_store::read_sweep_results(std::int64_t sweep) const {
  return read_rows<sweep_result>(
      *state_,
      "SELECT point, output, n, mean, sd, ci_low, ci_high FROM sweep_results "
      "WHERE sweep_id = ? ORDER BY point, rowid",
      [](const statement& row) {
        return sweep_result{row.column_int(0),           row.column_text(1),
                            row.column_int(2),           row.column_optional_real(3),
                            row.column_optional_real(4), row.column_optional_real(5),
                            row.column_optional_real(6)};
      },
      sweep);
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

std::vector<sensitivity_row> run_store::read_sensitivity(std::int64_t sweep) const {
  return read_rows<sensitivity_row>(
      *state_,
      "SELECT output, parameter, measure, value, ci_low, ci_high FROM sensitivity_indices "
      "WHERE sweep_id = ? ORDER BY rowid",
      [](const statement& row) {
        return sensitivity_row{row.column_text(0),          row.column_text(1),
                               row.column_text(2),          row.column_optional_real(3),
                               row.column_optional_real(4), row.column_optional_real(5)};
      },
      sweep);
}

}  // namespace liangzhu::store
