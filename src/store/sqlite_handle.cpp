#include "store/sqlite_handle.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>

#include "store/reader_pool.hpp"
#include "store/store_error.hpp"

namespace liangzhu::store::detail {
namespace {

/// The start of some SQL, enough to tell which statement failed.
std::string running(std::string_view sql) {
  constexpr std::size_t shown = 60;
  std::string head(sql.substr(0, shown));
  if (sql.size() > shown) head += "...";
  return "running `" + head + "`";
}

std::string sql_head(sqlite3_stmt* stmt) { return running(sqlite3_sql(stmt)); }

/// The URI that opens `file` as immutable: the path with every byte that could end it or be
/// read as an escape ('?', '#', '%', ...) percent-encoded.
std::string immutable_uri(const std::filesystem::path& file) {
  constexpr std::string_view kept =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/";
  std::string uri = file.is_absolute() ? "file://" : "file:";
  for (const char c : file.string()) {
    if (kept.find(c) != std::string_view::npos) {
      uri += c;
    } else {
      constexpr std::string_view hex = "0123456789ABCDEF";
      const auto byte = static_cast<unsigned char>(c);
      uri += '%';
      uri += hex[byte >> 4];
      uri += hex[byte & 0xf];
    }
  }
  return uri + "?immutable=1";
}

/// The error number of the system call behind the SQLite error of `db`, 0 if none. SQLite keeps
/// it for a failure to open or read, but not for a failed write at commit (a full disk, a file
/// size limit): then `errno_after` (errno right after the failed call) holds it.
int system_error(sqlite3* db, int errno_after) {
  if (const int kept = sqlite3_system_errno(db); kept != 0) return kept;
  switch (sqlite3_extended_errcode(db)) {
    case SQLITE_IOERR_WRITE:
    case SQLITE_IOERR_FSYNC:
    case SQLITE_IOERR_TRUNCATE:
      return errno_after;
    default:
      return 0;
  }
}

/// What the operating system said, as " (File too large)", when an SQLite error comes from a
/// failed system call: SQLite says "disk I/O error" alike for a full disk, a file size limit and
/// a failing device, and "unable to open database file" for a missing folder or a permission.
std::string system_reason(sqlite3* db, int errno_after) {
  const int error = system_error(db, errno_after);
  return error != 0 ? std::string(" (") + std::strerror(error) + ")" : std::string();
}

}  // namespace

database::database(const std::filesystem::path& file, open_mode mode) : path_(file) {
  int flags = mode == open_mode::read_write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                            : SQLITE_OPEN_READONLY;
  // Only the immutable mode is a URI: any other name, even one starting "file:", is a file name.
  const bool uri = mode == open_mode::immutable;
  if (uri) flags |= SQLITE_OPEN_URI;
  const std::string name = uri ? immutable_uri(file) : file.string();
  // FULLMUTEX: a sink may finalise its statements on one thread while another uses the store.
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = db_ != nullptr ? failure("opening") : "opening: out of memory";
    sqlite3_close_v2(db_);
    throw io_error(message);
  }
  sqlite3_extended_result_codes(db_, 1);
}

database::~database() {
  // close_v2 defers the close until any statement still alive is finalised.
  sqlite3_close_v2(db_);
}

void database::exec(const char* sql) {
  check(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), running(sql));
}

std::string database::failure(std::string_view doing) const {
  const int error = errno;  // first: anything called below may change it
  const std::string why = std::string(doing) + ": " + sqlite3_errmsg(db_);
  return store_error(path_, why + system_reason(db_, error)).what();
}

void database::check(int rc, std::string_view doing) const {
  if (rc != SQLITE_OK) throw io_error(failure(doing));
}

bool database::fold_log_into_file() noexcept {
  if (open_transactions_ > 0) return false;  // a checkpoint cannot run inside a transaction
  return sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr) ==
         SQLITE_OK;
}

bool database::rest_in_rollback_mode() noexcept {
  if (db_ == nullptr || open_transactions_ > 0) return false;
  sqlite3_busy_timeout(db_, 0);  // another connection still open: leave the log as it is
  const bool done =
      sqlite3_exec(db_, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  return done;
}

statement::statement(database& db, std::string_view sql) : db_(db) {
  db_.check(sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                               SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr),
            "preparing `" + std::string(sql.substr(0, 60)) + "`");
}

statement::~statement() { sqlite3_finalize(stmt_); }

statement& statement::bind(int index, double value) {
  if (std::isnan(value)) return bind(index, nullptr);
  check_bind(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

statement& statement::bind(int index, std::string_view text) {
  // SQLite binds a null pointer as NULL; a default string_view is an empty string, not NULL.
  const char* data = text.data() != nullptr ? text.data() : "";
  check_bind(sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

statement& statement::bind(int index, std::nullptr_t) {
  check_bind(sqlite3_bind_null(stmt_, index));
  return *this;
}

statement& statement::bind_int64(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

void statement::check_bind(int rc) { db_.check(rc, "binding a value"); }

bool statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) {
    reset();
    return false;
  }
  // Read the message before reset(), then reset so the statement can be reused after the error.
  const std::string message = db_.failure(sql_head(stmt_));
  reset();
  throw io_error(message);
}

void statement::run() {
  while (step()) {
  }
}

bool statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::int64_t statement::column_integer(int column, std::string_view what) const {
  if (sqlite3_column_type(stmt_, column) != SQLITE_INTEGER) {
    std::string message(what);
    message += " holds '";
    message += column_text(column);
    message += "', not an integer";
    altered(message);
  }
  return column_int(column);
}

void statement::altered(std::string_view what) const {
  std::string message(what);
  message += ": liangzhu never writes that, so the store was changed by something else";
  throw store_error(db_.path(), message);
}

double statement::column_real(int column) const {
  return is_null(column) ? std::numeric_limits<double>::quiet_NaN()
                         : sqlite3_column_double(stmt_, column);
}

std::optional<double> statement::column_optional_real(int column) const {
  if (is_null(column)) return std::nullopt;
  return sqlite3_column_double(stmt_, column);
}

std::string statement::column_text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  // SQLite hands text out as unsigned char; the bytes are UTF-8 either way.
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

transaction::transaction(database& db) : db_(db), nested_(db.open_transactions_ > 0) {
  // IMMEDIATE takes the write lock now, so a busy store fails here and not half-way through.
  db_.exec(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
  ++db_.open_transactions_;
}

transaction::~transaction() {
  if (!open_) return;
  const char* undo = nested_ ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK";
  sqlite3_exec(db_.get(), undo, nullptr, nullptr, nullptr);
  --db_.open_transactions_;
}

void transaction::commit() {
  db_.exec(nested_ ? "RELEASE nested" : "COMMIT");
  open_ = false;
  --db_.open_transactions_;
}

}  // namespace liangzhu::store::detail
