#include "liangzhu/store/run_store.hpp"

#include <algorithm>

#include "liangzhu/engine/errors.hpp"
#include "store/run_rows.hpp"
#include "store/run_sink.hpp"
#include "store/store_state.hpp"
#include "store/utc_clock.hpp"

namespace liangzhu::store {

using detail::statement;
using detail::transaction;

run_store::run_store(const std::filesystem::path& file, mode m)
    : state_(std::make_unique<detail::store_state>(file, m == mode::read_write)) {}

run_store::~run_store() = default;
run_store::run_store(run_store&&) noexcept = default;
run_store& run_store::operator=(run_store&&) noexcept = default;

const std::filesystem::path& run_store::path() const { return state_->path; }

std::int64_t run_store::begin_run(const run_info& info) {
  // A run begins running, whatever the caller filled in; ended_at waits for finish_run.
  run_info row = info;
  if (row.started_at.empty()) row.started_at = detail::utc_now();
  row.ended_at.clear();
  row.status = run_status::running;
  const std::scoped_lock lock{state_->mutex};
  transaction tx(state_->db);
  const std::int64_t run = detail::insert_run(state_->db, row);
  tx.commit();
  state_->own_runs.push_back(run);
  return run;
}

void run_store::write_parameters(std::int64_t run,
                                 std::span<const std::pair<std::string, std::string>> key_values) {
  const std::scoped_lock lock{state_->mutex};
  auto& db = state_->db;
  transaction tx(db);
  statement insert(db, "INSERT OR REPLACE INTO parameters (run_id, key, value) VALUES (?, ?, ?)");
  for (const auto& [key, value] : key_values) insert.bind_all(run, key, value).run();
  tx.commit();
}

void run_store::write_summary(std::int64_t run, std::span<const summary_row> rows) {
  const std::scoped_lock lock{state_->mutex};
  auto& db = state_->db;
  transaction tx(db);
  statement insert(db,
                   "INSERT OR REPLACE INTO summary "
                   "(run_id, group_name, name, value, text, unit, description) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& r : rows) {
    insert
        .bind_all(run, r.group, r.name, r.value, detail::null_if_empty(r.text), r.unit,
                  r.description)
        .run();
  }
  tx.commit();
}

void run_store::finish_run(std::int64_t run, run_status status, std::int64_t ticks_done) {
  const std::scoped_lock lock{state_->mutex};
  auto& db = state_->db;
  detail::write_making_room(db, [&] {
    transaction tx(db);
    statement update(db,
                     "UPDATE runs SET status = ?, ticks_done = ?, ended_at = ? WHERE run_id = ?");
    update.bind_all(to_string(status), ticks_done, detail::utc_now(), run).run();
    if (db.changes() == 0) detail::no_such_run(db, run);
    tx.commit();
  });
}

std::int64_t run_store::mark_stale_runs_interrupted() {
  const std::scoped_lock lock{state_->mutex};
  auto& db = state_->db;
  const auto& own = state_->own_runs;
  transaction tx(db);
  statement running(db, "SELECT run_id FROM runs WHERE status = 'running'");
  statement update(db,
                   "UPDATE runs SET status = 'interrupted', ended_at = coalesce(ended_at, ?) "
                   "WHERE run_id = ?");
  std::vector<std::int64_t> stale;
  while (running.step()) {
    const std::int64_t run = running.column_int(0);
    if (std::find(own.begin(), own.end(), run) == own.end()) stale.push_back(run);
  }
  const std::string now = detail::utc_now();
  for (const std::int64_t run : stale) update.bind_all(now, run).run();
  tx.commit();
  return static_cast<std::int64_t>(stale.size());
}

void run_store::atomically(const std::function<void()>& writes) {
  const std::scoped_lock lock{state_->mutex};
  transaction tx(state_->db);
  writes();
  tx.commit();
}

std::unique_ptr<engine::collection_sink> run_store::sink_for(std::int64_t run) {
  const std::scoped_lock lock{state_->mutex};
  if (!detail::find_run(state_->db, run)) detail::no_such_run(state_->db, run);
  return std::make_unique<detail::run_sink>(*state_, run);
}

store_reader run_store::reader() const { return store_reader(state_->readers); }

}  // namespace liangzhu::store
