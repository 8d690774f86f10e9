#include "store/reader_access.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include "store/store_error.hpp"

namespace liangzhu::store::detail {
namespace {

/// 0 if this process may write `path`, else the reason (an errno).
int write_denied(const std::filesystem::path& path) {
  return ::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) == 0 ? 0 : errno;
}

std::filesystem::path folder_of(const std::filesystem::path& file) {
  return file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
}

std::filesystem::path side_file(const std::filesystem::path& file, const char* suffix) {
  return file.string() + suffix;
}

/// Whether the side file `<file><suffix>` holds anything.
bool holds_changes(const std::filesystem::path& file, const char* suffix) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(side_file(file, suffix), ec);
  return !ec && size > 0;
}

/// Whether SQLite refuses `db` a read for want of write access to finish a dead writer's work.
bool needs_a_writer(const database& db) {
  if (sqlite3_exec(db.get(), "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) ==
      SQLITE_OK)
    return false;
  const int code = sqlite3_extended_errcode(db.get());
  return code == SQLITE_READONLY_ROLLBACK || code == SQLITE_READONLY_RECOVERY;
}

}  // namespace

open_mode reading_mode(const std::filesystem::path& file) {
  if (write_denied(folder_of(file)) == 0) return open_mode::read_only;
  if (!holds_changes(file, "-wal") && !holds_changes(file, "-journal")) return open_mode::immutable;
  std::error_code ec;
  if (std::filesystem::exists(side_file(file, "-shm"), ec)) return open_mode::read_only;
  throw store_error(file, "cannot be read: its write-ahead log '" +
                              side_file(file, "-wal").string() +
                              "' holds changes that SQLite reads through a file it would create "
                              "beside it, in a folder this user may not write (open the store "
                              "once as a user who may, or copy the folder)");
}

void recover_for_reading(database& reader) {
  if (!needs_a_writer(reader)) return;
  try {
    database writer(reader.path(), open_mode::read_write);
    require_writable(writer);
    // The log stays a log: a reader does not change the store file.
    sqlite3_db_config(writer.get(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    writer.exec("SELECT count(*) FROM sqlite_schema");
  } catch (const io_error& e) {
    throw store_error(reader.path(),
                      std::string("cannot be read: its last writer stopped part-way (killed?) and "
                                  "only a user who may write the store can finish that (") +
                          e.what() + ")");
  }
}

void require_writable(const database& db) {
  if (sqlite3_db_readonly(db.get(), "main") != 1) return;
  const int why = write_denied(db.path());
  throw store_error(db.path(), std::string("cannot be written (") +
                                   (why != 0 ? std::strerror(why) : "opened read-only") +
                                   "); it can still be read");
}

}  // namespace liangzhu::store::detail
