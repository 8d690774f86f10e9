#include "store/run_rows.hpp"

#include "store/store_error.hpp"

namespace liangzhu::store::detail {

std::string select_runs(std::string_view tail) {
  return "SELECT run_id, scenario_name, scenario_path, scenario_text, scenario_hash, seed, "
         "threads, version, git_revision, start_date, days_per_tick, ticks_total, ticks_done, "
         "started_at, ended_at, status, label FROM runs " +
         std::string(tail);
}

run_info read_run(const statement& row) {
  run_info r;
  r.run_id = row.column_integer(0, "a run's id");
  const auto integer = [&](int column, const char* name) {
    return row.column_integer(column, "run " + std::to_string(r.run_id) + "'s " + name);
  };
  r.scenario_name = row.column_text(1);
  r.scenario_path = row.column_text(2);
  r.scenario_text = row.column_text(3);
  r.scenario_hash = row.column_text(4);
  r.seed = static_cast<std::uint64_t>(integer(5, "seed"));  // stored as two's complement
  r.threads = static_cast<int>(integer(6, "threads"));
  r.version = row.column_text(7);
  r.git_revision = row.column_text(8);
  r.start_date = row.column_text(9);
  r.days_per_tick = static_cast<int>(integer(10, "days_per_tick"));
  r.ticks_total = integer(11, "ticks_total");
  r.ticks_done = integer(12, "ticks_done");
  r.started_at = row.column_text(13);
  r.ended_at = row.column_text(14);
  // The CHECK constraint admits only the words liangzhu writes; anything else was put there.
  const std::string status = row.column_text(15);
  const auto parsed = parse_run_status(status);
  if (!parsed) row.altered("run " + std::to_string(r.run_id) + " has status '" + status + "'");
  r.status = *parsed;
  r.label = row.column_text(16);
  return r;
}

std::int64_t insert_run(database& db, const run_info& info) {
  statement insert(db,
                   "INSERT INTO runs (scenario_name, scenario_path, scenario_text, scenario_hash, "
                   "seed, threads, version, git_revision, start_date, days_per_tick, ticks_total, "
                   "ticks_done, started_at, ended_at, status, label) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert
      .bind_all(info.scenario_name, info.scenario_path, info.scenario_text, info.scenario_hash,
                info.seed, info.threads, info.version, info.git_revision, info.start_date,
                info.days_per_tick, info.ticks_total, info.ticks_done, info.started_at,
                null_if_empty(info.ended_at), to_string(info.status), null_if_empty(info.label))
      .run();
  return db.last_insert_rowid();
}

std::optional<run_info> find_run(database& db, std::int64_t run) {
  statement select(db, select_runs("WHERE run_id = ?"));
  if (!select.bind_all(run).step()) return std::nullopt;
  return read_run(select);
}

void no_such_run(const database& db, std::int64_t run) {
  throw store_error(db.path(), "no run " + std::to_string(run));
}

}  // namespace liangzhu::store::detail
