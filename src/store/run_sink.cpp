#include "store/run_sink.hpp"

#include <algorithm>

#include "liangzhu/engine/errors.hpp"
#include "store/catalog.hpp"
#include "store/store_error.hpp"

namespace liangzhu::store::detail {

run_sink::run_sink(store_state& state, std::int64_t run)
    : state_(state),
      run_(run),
      insert_series_(state.db,
                     "INSERT INTO series (run_id, tick, group_index, series_index, value) "
                     "VALUES (?, ?, ?, ?, ?)"),
      insert_event_(state.db,
                    "INSERT INTO events (run_id, tick, group_index, kind_index, subject, value) "
                    "VALUES (?, ?, ?, ?, ?, ?)"),
      update_ticks_(state.db, "UPDATE runs SET ticks_done = ? WHERE run_id = ?"),
      // The next free id of the run, unless (kind, name) is numbered already.
      insert_column_(state.db,
                     "INSERT OR IGNORE INTO snapshot_columns (run_id, column_id, kind, name) "
                     "SELECT ?1, coalesce(max(column_id) + 1, 0), ?2, ?3 FROM snapshot_columns "
                     "WHERE run_id = ?1"),
      find_column_(state.db,
                   "SELECT column_id FROM snapshot_columns "
                   "WHERE run_id = ? AND kind = ? AND name = ?"),
      insert_cell_(state.db,
                   "INSERT INTO snapshot_cells (run_id, tick, column_id, agent_row, value) "
                   "VALUES (?, ?, ?, ?, ?)") {}

void run_sink::declare(std::span<const std::string> groups,
                       std::span<const engine::series_spec> series,
                       std::span<const engine::event_kind_spec> event_kinds) {
  const run_catalog wanted{{groups.begin(), groups.end()},
                           {series.begin(), series.end()},
                           {event_kinds.begin(), event_kinds.end()}};
  const std::scoped_lock lock{state_.mutex};
  transaction tx(state_.db);
  const run_catalog stored = read_catalog(state_.db, run_);
  const bool fresh = stored.groups.empty() && stored.series.empty() && stored.event_kinds.empty();
  if (!fresh && !same_catalog(stored, wanted)) {
    throw store_error(state_.path, "run " + std::to_string(run_) +
                                       " was already declared with other groups, series or "
                                       "event kinds");
  }
  if (fresh) write_catalog(state_.db, run_, wanted);
  tx.commit();
  series_count_ = wanted.series.size();
  declared_ = true;
}

void run_sink::write_batch(std::span<const engine::series_row> rows,
                           std::span<const engine::event_record> events) {
  LIANGZHU_ASSERT(declared_, "a sink is declared to before its first batch");
  const std::scoped_lock lock{state_.mutex};
  transaction tx(state_.db);
  std::int64_t last_tick = -1;
  for (const auto& row : rows) {
    LIANGZHU_ASSERT(row.values.size() == series_count_, "a row holds every declared series");
    for (std::size_t i = 0; i < row.values.size(); ++i)
      insert_series_.bind_all(run_, row.tick, row.group, i, row.values[i]).run();
    last_tick = std::max<std::int64_t>(last_tick, row.tick);
  }
  for (const auto& e : events)
    insert_event_.bind_all(run_, e.tick, e.group, e.kind, e.subject, e.value).run();
  // Advanced in the same transaction as the data, so ticks_done never counts a lost tick.
  if (!rows.empty()) update_ticks_.bind_all(last_tick + 1, run_).run();
  tx.commit();
}

std::int64_t run_sink::column_id(const std::string& kind, const std::string& name) {
  insert_column_.bind_all(run_, kind, name).run();
  find_column_.bind_all(run_, kind, name).step();
  const std::int64_t id = find_column_.column_int(0);
  find_column_.reset();
  return id;
}

void run_sink::write_snapshot(const engine::agent_snapshot& snapshot) {
  const std::size_t width = snapshot.columns.size();
  LIANGZHU_ASSERT(width == 0 ? snapshot.values.empty() : snapshot.values.size() % width == 0,
                  "a snapshot holds whole rows");
  const std::scoped_lock lock{state_.mutex};
  transaction tx(state_.db);
  for (std::size_t c = 0; c < width; ++c) {
    const std::int64_t id = column_id(snapshot.kind, snapshot.columns[c]);
    for (std::size_t row = 0; row * width < snapshot.values.size(); ++row)
      insert_cell_.bind_all(run_, snapshot.tick, id, row, snapshot.values[row * width + c]).run();
  }
  tx.commit();
}

}  // namespace liangzhu::store::detail
