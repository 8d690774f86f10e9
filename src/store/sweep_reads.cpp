// The experiment half of a store_reader: sweeps, their points, runs, results and sensitivity
// measures (schema version 2, docs/store.md).
#include "liangzhu/store/store_reader.hpp"
#include "store/schema_sql.hpp"
#include "store/sqlite_handle.hpp"

namespace liangzhu::store {

using detail::statement;

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
/// (`table`: the table a store older than the query's rows may lack.)
template <typename Row, typename Read, typename... Keys>
std::vector<Row> read_rows_of(const char* table, detail::database& db, const std::string& sql,
                              Read read, const Keys&... keys) {
  std::vector<Row> rows;
  if (!detail::has_table(db, table)) return rows;
  statement select(db, sql);
  select.bind_all(keys...);
  while (select.step()) rows.push_back(read(select));
  return rows;
}

template <typename Row, typename Read, typename... Keys>
std::vector<Row> read_rows(detail::database& db, const std::string& sql, Read read,
                           const Keys&... keys) {
  return read_rows_of<Row>("sweeps", db, sql, read, keys...);
}

}  // namespace

std::optional<sweep_info> store_reader::find_sweep_by_hash(std::string_view experiment_hash) const {
  auto rows = read_rows<sweep_info>(
      db(), std::string(select_sweeps) + "WHERE experiment_hash = ? ORDER BY sweep_id DESC",
      read_sweep, experiment_hash);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<sweep_info> store_reader::find_sweep(std::int64_t sweep) const {
  auto rows = read_rows<sweep_info>(db(), std::string(select_sweeps) + "WHERE sweep_id = ?",
                                    read_sweep, sweep);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<sweep_info> store_reader::list_sweeps() const {
  return read_rows<sweep_info>(db(), std::string(select_sweeps) + "ORDER BY sweep_id", read_sweep);
}

std::vector<sweep_coordinate> store_reader::read_sweep_points(std::int64_t sweep) const {
  return read_rows<sweep_coordinate>(
      db(), "SELECT point, key, value FROM sweep_points WHERE sweep_id = ? ORDER BY point, rowid",
      [](const statement& row) {
        return sweep_coordinate{row.column_int(0), row.column_text(1), row.column_text(2)};
      },
      sweep);
}

std::vector<sweep_run> store_reader::read_sweep_runs(std::int64_t sweep) const {
  return read_rows<sweep_run>(
      db(),
      "SELECT s.point, s.replicate, s.seed, s.run_id, r.status FROM sweep_runs AS s "
      "JOIN runs AS r USING (run_id) WHERE s.sweep_id = ? ORDER BY s.point, s.replicate",
      [](const statement& row) {
        return sweep_run{row.column_int(0), row.column_int(1),
                         static_cast<std::uint64_t>(row.column_int(2)), row.column_int(3),
                         parse_run_status(row.column_text(4)).value_or(run_status::failed)};
      },
      sweep);
}

std::vector<sweep_result> store_reader::read_sweep_results(std::int64_t sweep) const {
  return read_rows<sweep_result>(
      db(),
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

std::vector<sensitivity_row> store_reader::read_sensitivity(std::int64_t sweep) const {
  return read_rows<sensitivity_row>(
      db(),
      "SELECT output, parameter, measure, value, ci_low, ci_high FROM sensitivity_indices "
      "WHERE sweep_id = ? ORDER BY rowid",
      [](const statement& row) {
        return sensitivity_row{row.column_text(0),          row.column_text(1),
                               row.column_text(2),          row.column_optional_real(3),
                               row.column_optional_real(4), row.column_optional_real(5)};
      },
      sweep);
}

std::vector<sweep_draw> store_reader::read_sweep_draws(std::int64_t sweep) const {
  return read_rows_of<sweep_draw>(
      "sweep_draws", db(),
      "SELECT replicate, draw, particle FROM sweep_draws WHERE sweep_id = ? ORDER BY replicate",
      [](const statement& row) {
        return sweep_draw{row.column_int(0), row.column_int(1), row.column_int(2)};
      },
      sweep);
}

}  // namespace liangzhu::store
