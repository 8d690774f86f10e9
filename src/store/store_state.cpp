#include "store/store_state.hpp"

#include <system_error>

#include "store/reader_access.hpp"
#include "store/schema_sql.hpp"
#include "store/store_error.hpp"

namespace liangzhu::store::detail {
namespace {

/// The lock comes first: it is taken before the file is changed at all, and only for a file
/// that is (or can become) a liangzhu store, so a foreign file gets no lock file beside it.
std::unique_ptr<lock_file> lock_if(bool writable, const std::filesystem::path& file) {
  if (!writable) return nullptr;
  refuse_foreign(file);
  return std::make_unique<lock_file>(file);
}

/// A missing file gets its own message: SQLite would only say "unable to open database file".
const std::filesystem::path& existing(const std::filesystem::path& file, bool writable) {
  std::error_code ec;
  if (!writable && !std::filesystem::exists(file, ec)) throw store_error(file, "no such file");
  return file;
}

open_mode mode_for(const std::filesystem::path& file, bool writable) {
  return writable ? open_mode::read_write : reading_mode(file);
}

void configure(database& db, bool writable) {
  db.check(sqlite3_busy_timeout(db.get(), busy_timeout_ms), "setting the busy timeout");
  db.exec("PRAGMA foreign_keys = ON");
  if (!writable) return;
  // WAL lets readers (an export, a notebook) read while a run writes; NORMAL only syncs at
  // checkpoints, which in WAL mode can lose the last commits on power loss but never corrupts.
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
}

}  // namespace

store_state::store_state(const std::filesystem::path& file, bool writable)
    : path(file),
      writer_lock(lock_if(writable, file)),
      mode(mode_for(existing(file, writable), writable)),
      db(file, mode),
      rest{db, writable},
      // A writer's readers open the file read-only: they share its write-ahead log.
      readers(file, writable ? open_mode::read_only : mode) {
  if (writable) require_writable(db);
  configure(db, writable);
  if (!writable) recover_for_reading(db);
  prepare_schema(db, writable);
}

}  // namespace liangzhu::store::detail
