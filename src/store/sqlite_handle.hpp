#pragma once
/// @file RAII wrappers for an SQLite connection, prepared statements and transactions (internal).
/// Every error becomes an io_error naming the store file.
#include <sqlite3.h>

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace liangzhu::store::detail {

/// How a connection opens its file.
enum class open_mode {
  read_write,  ///< created if missing
  read_only,   ///< never created or changed
  /// read-only, and SQLite may assume nobody changes the file meanwhile: it then reads a WAL
  /// store without the shared-memory file it would otherwise create beside it (reader_access.hpp)
  immutable,
};

/// An open SQLite connection (closed on destruction).
class database {
 public:
  /// Opens `file`. The file is only read on first use.
  database(const std::filesystem::path& file, open_mode mode);
  ~database();
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  sqlite3* get() const { return db_; }
  const std::filesystem::path& path() const { return path_; }
  /// Runs SQL text (one or more statements) whose result rows are not needed.
  void exec(const char* sql);
  /// The io_error message for the last failure: the file, what was being done, SQLite's words.
  std::string failure(std::string_view doing) const;
  /// Throws io_error unless `rc` is SQLITE_OK.
  void check(int rc, std::string_view doing) const;
  /// Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t changes() const { return sqlite3_changes64(db_); }
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  /// Copies the write-ahead log's pages into the file and empties the log, freeing its space:
  /// after a full disk (or file size limit) stopped a write, the log may have no room left for
  /// even a small one. False if that was not possible (inside a transaction, readers holding the
  /// log, the file itself cannot grow).
  bool fold_log_into_file() noexcept;
  /// Leaves write-ahead-log mode for a rollback journal, so that the file at rest has nothing
  /// beside it and a read-only reader creates nothing either (SQLite keeps -wal and -shm files
  /// for WAL readers it may not clean up after). Only when no other connection has the file
  /// open: never waits (false then, and the file stays in WAL mode until the next writer).
  bool rest_in_rollback_mode() noexcept;

 private:
  friend class transaction;

  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  /// Transactions begun and not yet ended: counted here rather than asked of SQLite, so that a
  /// transaction SQLite failed to end can never make the next one look nested (and uncommitted).
  int open_transactions_ = 0;
};

/// A prepared statement, reusable: bind_all() resets it, step() runs it a row at a time.
class statement {
 public:
  statement(database& db, std::string_view sql);
  ~statement();
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;

  /// Integers of any width; unsigned 64-bit values are stored as their two's complement.
  template <std::integral T>
  statement& bind(int index, T value) {
    return bind_int64(index, static_cast<std::int64_t>(value));
  }
  /// NaN is stored as NULL (SQLite has no NaN).
  statement& bind(int index, double value);
  statement& bind(int index, std::string_view text);
  statement& bind(int index, std::nullptr_t);
  template <typename T>
  statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, nullptr);
  }
  /// Resets the statement and binds `values` to parameters 1, 2, ... in order.
  template <typename... Values>
  statement& bind_all(const Values&... values) {
    reset();
    int index = 0;
    (bind(++index, values), ...);
    return *this;
  }

  /// Advances to the next row: true if there is one, false when done (the statement is then reset).
  bool step();
  /// Runs a statement that returns no rows.
  void run();
  void reset() { sqlite3_reset(stmt_); }

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  /// The column's integer; store_error naming `what` if it holds anything else (text, a real,
  /// NULL): a value liangzhu never writes, so the store was changed by something else.
  std::int64_t column_integer(int column, std::string_view what) const;
  /// Throws the store_error for a value liangzhu never writes (`what` says which and how).
  [[noreturn]] void altered(std::string_view what) const;
  /// The column's number, NaN for NULL.
  double column_real(int column) const;
  /// The column's number, nullopt for NULL.
  std::optional<double> column_optional_real(int column) const;
  /// The column's text, empty for NULL.
  std::string column_text(int column) const;

 private:
  statement& bind_int64(int index, std::int64_t value);
  void check_bind(int rc);

  database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// Runs `write` (one transaction); if it fails, makes room (database::fold_log_into_file) and
/// runs it once more. For the writes that record how a run or an experiment ended: a full disk is
/// the likeliest reason to be recording a failure, and without the retry a failed run would stay
/// 'running' in the store until the next writer called it interrupted.
template <typename Write>
void write_making_room(database& db, const Write& write) {
  try {
    write();
  } catch (const std::exception&) {
    if (!db.fold_log_into_file()) throw;
    write();
  }
}

/// An empty string bound as NULL, for the columns where NULL means "not set".
inline std::optional<std::string_view> null_if_empty(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return text;
}

/// BEGIN IMMEDIATE on construction; rolled back on destruction unless commit() succeeded, so an
/// exception thrown half-way through leaves the store as it was. Begun inside another transaction
/// (run_store::atomically), it is a savepoint of it: its writes become permanent only when the
/// outer one commits.
class transaction {
 public:
  explicit transaction(database& db);
  ~transaction();
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;

  void commit();

 private:
  database& db_;
  bool nested_;
  bool open_ = true;
};

}  // namespace liangzhu::store::detail
