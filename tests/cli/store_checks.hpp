#pragma once
/// @file What a run store must look like whatever happened to the process writing it (killed,
/// out of disk space, refused a write): it opens, SQLite finds nothing corrupt, and it holds only
/// whole ticks and whole experiment runs. Read through a plain read-only SQLite connection, as
/// another tool would, so the checks do not depend on the code they check.
#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gmock/gmock.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_test_support.hpp"

namespace liangzhu::cli::testing {

/// One invariant of a store: SQL that returns the rows breaking it.
struct store_rule {
  const char* broken_when;
  const char* offending_rows;
};

inline const std::vector<store_rule>& store_rules() {
  static const std::vector<store_rule> rules = {
      {"a row refers to a missing row", "PRAGMA foreign_key_check"},
      {"a stored tick lacks some series of some hub",
       "SELECT s.run_id, s.tick, count(*) FROM series AS s GROUP BY s.run_id, s.tick "
       "HAVING count(*) != (SELECT count(*) FROM groups AS g WHERE g.run_id = s.run_id) * "
       "(SELECT count(*) FROM series_catalog AS c WHERE c.run_id = s.run_id)"},
      {"a run's stored ticks have a gap",
       "SELECT run_id, min(tick), max(tick) FROM series GROUP BY run_id "
       "HAVING max(tick) - min(tick) + 1 != count(DISTINCT tick)"},
      {"ticks_done is not one past the last stored tick",
       "SELECT r.run_id, r.ticks_done, max(s.tick) FROM runs AS r JOIN series AS s USING (run_id) "
       "GROUP BY r.run_id HAVING max(s.tick) + 1 != r.ticks_done"},
      {"an event belongs to a tick whose series are not stored",
       "SELECT e.run_id, e.tick FROM events AS e WHERE NOT EXISTS (SELECT 1 FROM series AS s "
       "WHERE s.run_id = e.run_id AND s.tick = e.tick) GROUP BY e.run_id, e.tick"},
      {"a run has no parameters",
       "SELECT run_id FROM runs AS r "
       "WHERE NOT EXISTS (SELECT 1 FROM parameters AS p WHERE p.run_id = r.run_id)"},
      {"a complete run lacks ticks or its summary",
       "SELECT run_id, ticks_done, ticks_total FROM runs AS r WHERE status = 'complete' AND "
       "(ticks_done != ticks_total OR NOT EXISTS (SELECT 1 FROM summary AS s "
       "WHERE s.run_id = r.run_id))"},
      {"an experiment has no points",
       "SELECT sweep_id FROM sweeps AS w "
       "WHERE NOT EXISTS (SELECT 1 FROM sweep_points AS p WHERE p.sweep_id = w.sweep_id)"},
      {"an experiment's run is not complete",
       "SELECT w.sweep_id, w.point, w.replicate, r.status FROM sweep_runs AS w "
       "JOIN runs AS r USING (run_id) WHERE r.status != 'complete'"},
      {"an experiment's run that stores series lacks some ticks",
       "SELECT w.sweep_id, w.point, w.replicate FROM sweep_runs AS w JOIN runs AS r USING "
       "(run_id) WHERE EXISTS (SELECT 1 FROM series_catalog AS c WHERE c.run_id = r.run_id) AND "
       "(SELECT count(DISTINCT tick) FROM series AS s WHERE s.run_id = r.run_id) != r.ticks_total"},
  };
  return rules;
}

/// A read-only SQLite connection to a store, closed on destruction.
class raw_store {
 public:
  explicit raw_store(const fs::path& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      failure_ = fmt::format("cannot open: {}", sqlite3_errmsg(db_));
  }
  ~raw_store() { sqlite3_close(db_); }
  raw_store(const raw_store&) = delete;
  raw_store& operator=(const raw_store&) = delete;

  /// Empty if it opened; else why not.
  const std::string& failure() const { return failure_; }

  /// The rows of `sql`, each as its columns joined by spaces, a real number as the hex digits of
  /// its bits (so equal text means bit-identical values); a failure comes back as one row
  /// starting with "error:".
  std::vector<std::string> rows(const char* sql) const {
    std::vector<std::string> out;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK)
      return {fmt::format("error: {}", sqlite3_errmsg(db_))};
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        if (c > 0) row += ' ';
        row += column_text(stmt, c);
      }
      out.push_back(row);
    }
    if (rc != SQLITE_DONE) out.push_back(fmt::format("error: {}", sqlite3_errmsg(db_)));
    sqlite3_finalize(stmt);
    return out;
  }

 private:
  static std::string column_text(sqlite3_stmt* stmt, int c) {
    if (sqlite3_column_type(stmt, c) == SQLITE_NULL) return "NULL";
    if (sqlite3_column_type(stmt, c) == SQLITE_FLOAT)
      return fmt::format("{:016x}", std::bit_cast<std::uint64_t>(sqlite3_column_double(stmt, c)));
    return reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
  }

  sqlite3* db_ = nullptr;
  std::string failure_;
};

/// Whether the store has no tables yet: a writer killed before it created them leaves such a file.
inline bool not_created_yet(const raw_store& db) {
  return db.rows("SELECT count(*) FROM sqlite_schema") == std::vector<std::string>{"0"};
}

/// Why liangzhu cannot open the store `file` for reading (empty if it can), as `liangzhu runs`
/// would.
inline std::string reading_failure(const fs::path& file) {
  try {
    const auto s = open_store(file);
    s.reader().list_runs();
    s.reader().list_sweeps();
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

/// What is wrong with the store `file` (empty when nothing is). Call it only when no process
/// writes the store.
inline std::vector<std::string> store_defects(const fs::path& file) {
  if (!fs::exists(file)) return {};  // its writer was killed before it created the file
  // liangzhu's reader goes first: it must cope with whatever the writer left, and not count on
  // the checks below to have sorted it out.
  const std::string unreadable = reading_failure(file);
  const raw_store db(file);
  if (!db.failure().empty()) return {db.failure()};
  if (not_created_yet(db)) {
    if (unreadable.empty() || unreadable.ends_with("empty, not a liangzhu run store")) return {};
    return {fmt::format("liangzhu cannot read an empty store: {}", unreadable)};
  }
  std::vector<std::string> defects;
  if (!unreadable.empty())
    defects.push_back(fmt::format("liangzhu cannot read it: {}", unreadable));
  if (const auto check = db.rows("PRAGMA integrity_check"); check != std::vector<std::string>{"ok"})
    defects.push_back(fmt::format("integrity_check: {}", fmt::join(check, "; ")));
  for (const auto& rule : store_rules())
    for (const auto& row : db.rows(rule.offending_rows))
      defects.push_back(fmt::format("{}: {}", rule.broken_when, row));
  return defects;
}

/// A command refused or stopped by the store `store`: exit code 3 (I/O error) and one line on
/// stderr naming the store and saying `why`; the line is printed with the test's output.
inline void expect_store_error(const result& r, const std::string& store, const std::string& why) {
  EXPECT_EQ(r.code, 3) << describe(r);
  EXPECT_THAT(r.err, ::testing::HasSubstr("liangzhu: error: run store '" + store + "': "));
  EXPECT_THAT(r.err, ::testing::HasSubstr(why));
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  fmt::print("[ stderr ] {}", r.err);
}

/// Whether some process holds the store's writer lock (liangzhu's `<file>.lock`).
inline bool writer_lock_held(const fs::path& file) {
  const fs::path lock = file.string() + ".lock";
  const int fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  ::close(fd);
  return held;
}

}  // namespace liangzhu::cli::testing
