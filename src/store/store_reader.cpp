// The read side of a store: everything a run wrote, back as records, all of one reader's calls
// in its one read transaction.
#include "liangzhu/store/store_reader.hpp"

#include <limits>

#include "store/catalog.hpp"
#include "store/reader_pool.hpp"
#include "store/run_rows.hpp"
#include "store/tick_dates.hpp"

namespace liangzhu::store {

using detail::statement;

/// A connection of the pool with its read transaction, handed back when the reader ends.
struct store_reader::lease {
  explicit lease(detail::reader_pool& from) : pool(from), db(from.acquire()) {}
  ~lease() { pool.release(std::move(db)); }
  lease(const lease&) = delete;
  lease& operator=(const lease&) = delete;

  detail::reader_pool& pool;
  std::unique_ptr<detail::database> db;
};

store_reader::store_reader(detail::reader_pool& pool) : lease_(std::make_unique<lease>(pool)) {}
store_reader::~store_reader() = default;
store_reader::store_reader(store_reader&&) noexcept = default;
store_reader& store_reader::operator=(store_reader&&) noexcept = default;

detail::database& store_reader::db() const { return *lease_->db; }

const std::filesystem::path& store_reader::path() const { return db().path(); }

std::vector<run_info> store_reader::list_runs() const {
  statement select(db(), detail::select_runs("ORDER BY run_id"));
  std::vector<run_info> runs;
  while (select.step()) runs.push_back(detail::read_run(select));
  return runs;
}

std::optional<run_info> store_reader::find_run(std::int64_t run) const {
  return detail::find_run(db(), run);
}

std::vector<std::pair<std::string, std::string>> store_reader::read_parameters(
    std::int64_t run) const {
  statement select(db(), "SELECT key, value FROM parameters WHERE run_id = ? ORDER BY rowid");
  std::vector<std::pair<std::string, std::string>> out;
  for (select.bind_all(run); select.step();)
    out.emplace_back(select.column_text(0), select.column_text(1));
  return out;
}

std::vector<summary_row> store_reader::read_summary(std::int64_t run) const {
  statement select(db(),
                   "SELECT group_name, name, value, text, unit, description FROM summary "
                   "WHERE run_id = ? ORDER BY rowid");
  std::vector<summary_row> out;
  for (select.bind_all(run); select.step();) {
    out.push_back({select.column_text(0), select.column_text(1), select.column_optional_real(2),
                   select.column_text(3), select.column_text(4), select.column_text(5)});
  }
  return out;
}

run_catalog store_reader::read_catalog(std::int64_t run) const {
  return detail::read_catalog(db(), run);
}

void store_reader::visit_series(std::int64_t run,
                                const std::function<void(const series_table_row&)>& visit,
                                tick_range ticks) const {
  const detail::tick_dates date_of(detail::find_run(db(), run).value_or(run_info{}));
  const run_catalog catalog = detail::read_catalog(db(), run);
  const std::size_t width = catalog.series.size();
  // The primary key's own order, and a range of its second column: no sort, no scan.
  statement select(db(),
                   "SELECT tick, group_index, series_index, value FROM series "
                   "WHERE run_id = ? AND tick >= ? AND tick < ? "
                   "ORDER BY tick, group_index, series_index");
  series_table_row row;
  std::int64_t group = -1;
  for (select.bind_all(run, ticks.from, ticks.to); select.step();) {
    const std::int64_t tick = select.column_int(0);
    const std::int64_t g = select.column_int(1);
    if (group < 0 || tick != row.tick || g != group) {
      if (group >= 0) visit(row);
      group = g;
      row = {tick, date_of(tick), std::string(detail::name_at(catalog.groups, g)),
             std::vector<double>(width, std::numeric_limits<double>::quiet_NaN())};
    }
    const std::int64_t s = select.column_int(2);
    if (s >= 0 && static_cast<std::size_t>(s) < width)
      row.values[static_cast<std::size_t>(s)] = select.column_real(3);
  }
  if (group >= 0) visit(row);
}

series_table store_reader::read_series(std::int64_t run, tick_range ticks) const {
  series_table table;
  for (auto& spec : read_catalog(run).series) table.columns.push_back(std::move(spec.name));
  visit_series(
      run, [&](const series_table_row& row) { table.rows.push_back(row); }, ticks);
  return table;
}

std::vector<series_point> store_reader::read_series_points(std::int64_t run,
                                                           std::string_view series) const {
  statement select(db(),
                   "SELECT s.tick, g.name, c.name, s.value FROM series AS s "
                   "JOIN groups AS g USING (run_id, group_index) "
                   "JOIN series_catalog AS c USING (run_id, series_index) "
                   "WHERE s.run_id = ?1 AND (?2 = '' OR c.name = ?2) "
                   "ORDER BY s.tick, s.group_index, s.series_index");
  std::vector<series_point> out;
  for (select.bind_all(run, series); select.step();) {
    out.push_back({select.column_int(0), select.column_text(1), select.column_text(2),
                   select.column_real(3)});
  }
  return out;
}

void store_reader::visit_events(
    std::int64_t run, const std::function<void(const engine::event_record&)>& visit) const {
  statement select(db(),
                   "SELECT tick, group_index, kind_index, subject, value FROM events "
                   "WHERE run_id = ? ORDER BY tick, rowid");
  for (select.bind_all(run); select.step();) {
    visit({static_cast<std::int32_t>(select.column_int(0)),
           static_cast<std::uint16_t>(select.column_int(1)),
           static_cast<std::uint16_t>(select.column_int(2)),
           static_cast<std::uint64_t>(select.column_int(3)), select.column_real(4)});
  }
}

std::vector<engine::event_record> store_reader::read_events(std::int64_t run) const {
  std::vector<engine::event_record> out;
  visit_events(run, [&](const engine::event_record& e) { out.push_back(e); });
  return out;
}

std::vector<engine::agent_snapshot> store_reader::read_snapshots(std::int64_t run) const {
  statement select(db(),
                   "SELECT c.tick, k.kind, k.name, c.agent_row, c.value "
                   "FROM snapshot_cells AS c JOIN snapshot_columns AS k USING (run_id, column_id) "
                   "WHERE c.run_id = ? ORDER BY c.tick, k.kind, c.agent_row, k.column_id");
  std::vector<engine::agent_snapshot> out;
  std::int64_t first_row = 0;
  for (select.bind_all(run); select.step();) {
    const auto tick = static_cast<std::int32_t>(select.column_int(0));
    std::string kind = select.column_text(1);
    if (out.empty() || out.back().tick != tick || out.back().kind != kind) {
      out.push_back({tick, std::move(kind), {}, {}});
      first_row = select.column_int(3);
    }
    // Rows come agent by agent, so the first agent's cells name the columns in order.
    auto& snapshot = out.back();
    if (select.column_int(3) == first_row) snapshot.columns.push_back(select.column_text(2));
    snapshot.values.push_back(select.column_real(4));
  }
  return out;
}

}  // namespace liangzhu::store
