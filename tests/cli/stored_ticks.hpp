#pragma once
/// @file A simulated run as a store holds it, tick by tick, with every number as its exact bits:
/// for comparing a run pieced together from the processes that stored parts of it (killed, then
/// resumed from a checkpoint) with the same run stored by one uninterrupted process.
#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store_checks.hpp"

namespace liangzhu::cli::testing {

/// The ticks of one simulated run, each as text (equal text means bit-identical rows).
struct stored_ticks {
  /// Every series row of each tick.
  std::map<std::int64_t, std::string> series;
  /// The events of each tick that has some, in stored order.
  std::map<std::int64_t, std::string> events;
  /// The end-of-run figures of the run that ended it.
  std::vector<std::string> summary;
  /// The ticks two pieces hold with different values.
  std::vector<std::string> conflicts;
};

namespace detail {

/// The rows of `sql` (tick first) grouped by tick.
inline std::map<std::int64_t, std::string> rows_by_tick(const raw_store& db,
                                                        const std::string& sql) {
  std::map<std::int64_t, std::string> ticks;
  for (const auto& row : db.rows(sql.c_str())) ticks[std::stoll(row)] += row + "\n";
  return ticks;
}

/// Adds run `run` of `db` to `into`; a tick stored before must be stored again identically.
inline void add_piece(const raw_store& db, std::int64_t run, stored_ticks& into) {
  const auto series = rows_by_tick(
      db, fmt::format("SELECT tick, group_index, series_index, value FROM series WHERE run_id = {} "
                      "ORDER BY tick, group_index, series_index",
                      run));
  auto events = rows_by_tick(
      db, fmt::format("SELECT tick, group_index, kind_index, subject, value FROM events "
                      "WHERE run_id = {} ORDER BY rowid",
                      run));
  for (const auto& [tick, rows] : series) {
    const auto before = into.series.find(tick);
    if (before != into.series.end() &&
        (before->second != rows || into.events[tick] != events[tick]))
      into.conflicts.push_back(
          fmt::format("run {} stores tick {} unlike an earlier run", run, tick));
    into.series[tick] = rows;
    into.events[tick] = events[tick];
    if (into.events[tick].empty()) into.events.erase(tick);
  }
}

}  // namespace detail

/// The simulated run that the runs `runs` of `file` stored in pieces, in that order (one run of
/// an uninterrupted process, or the runs of a killed process and of its resumptions). The summary
/// is the last run's.
inline stored_ticks read_stored_ticks(const fs::path& file, const std::vector<std::int64_t>& runs) {
  const raw_store db(file);
  stored_ticks out;
  for (const std::int64_t run : runs) detail::add_piece(db, run, out);
  if (!runs.empty())
    out.summary = db.rows(fmt::format("SELECT group_name, name, value, text, unit FROM summary "
                                      "WHERE run_id = {} ORDER BY rowid",
                                      runs.back())
                              .c_str());
  return out;
}

}  // namespace liangzhu::cli::testing
