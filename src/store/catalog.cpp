#include "store/catalog.hpp"

#include <algorithm>

namespace liangzhu::store::detail {

run_catalog read_catalog(database& db, std::int64_t run) {
  run_catalog catalog;
  statement groups(db, "SELECT name FROM groups WHERE run_id = ? ORDER BY group_index");
  for (groups.bind_all(run); groups.step();) catalog.groups.push_back(groups.column_text(0));
  statement series(db,
                   "SELECT name, unit, description FROM series_catalog WHERE run_id = ? "
                   "ORDER BY series_index");
  for (series.bind_all(run); series.step();)
    catalog.series.push_back({series.column_text(0), series.column_text(1), series.column_text(2)});
  statement kinds(db,
                  "SELECT name, description FROM event_kinds WHERE run_id = ? ORDER BY kind_index");
  for (kinds.bind_all(run); kinds.step();)
    catalog.event_kinds.push_back({kinds.column_text(0), kinds.column_text(1)});
  return catalog;
}

void write_catalog(database& db, std::int64_t run, const run_catalog& catalog) {
  statement group(db, "INSERT INTO groups (run_id, group_index, name) VALUES (?, ?, ?)");
  for (std::size_t i = 0; i < catalog.groups.size(); ++i)
    group.bind_all(run, i, catalog.groups[i]).run();
  statement series(db,
                   "INSERT INTO series_catalog (run_id, series_index, name, unit, description) "
                   "VALUES (?, ?, ?, ?, ?)");
  for (std::size_t i = 0; i < catalog.series.size(); ++i) {
    const auto& s = catalog.series[i];
    series.bind_all(run, i, s.name, s.unit, s.description).run();
  }
  statement kind(db,
                 "INSERT INTO event_kinds (run_id, kind_index, name, description) "
                 "VALUES (?, ?, ?, ?)");
  for (std::size_t i = 0; i < catalog.event_kinds.size(); ++i) {
    const auto& k = catalog.event_kinds[i];
    kind.bind_all(run, i, k.name, k.description).run();
  }
}

namespace {

bool in_range(std::size_t size, std::int64_t index) {
  return index >= 0 && static_cast<std::uint64_t>(index) < size;
}

}  // namespace

std::string_view name_at(const std::vector<std::string>& groups, std::int64_t index) {
  return in_range(groups.size(), index) ? groups[static_cast<std::size_t>(index)]
                                        : std::string_view{};
}

std::string_view name_at(const std::vector<engine::event_kind_spec>& kinds, std::int64_t index) {
  return in_range(kinds.size(), index) ? kinds[static_cast<std::size_t>(index)].name
                                       : std::string_view{};
}

bool same_catalog(const run_catalog& a, const run_catalog& b) {
  const auto same_series = [](const engine::series_spec& x, const engine::series_spec& y) {
    return x.name == y.name && x.unit == y.unit && x.description == y.description;
  };
  const auto same_kind = [](const engine::event_kind_spec& x, const engine::event_kind_spec& y) {
    return x.name == y.name && x.description == y.description;
  };
  return a.groups == b.groups &&
         std::equal(a.series.begin(), a.series.end(), b.series.begin(), b.series.end(),
                    same_series) &&
         std::equal(a.event_kinds.begin(), a.event_kinds.end(), b.event_kinds.begin(),
                    b.event_kinds.end(), same_kind);
}

}  // namespace liangzhu::store::detail
