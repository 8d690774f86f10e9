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

}  // namespace

open_mode reading_mode(const std::filesystem::path& file) {
  if (write_denied(folder_of(file)) == 0) return open_mode::read_only;
  std::error_code ec;
  const auto log = side_file(file, "-wal");
  const bool log_has_changes =
      std::filesystem::exists(log, ec) && std::filesystem::file_size(log, ec) > 0 && !ec;
  if (!log_has_changes) return open_mode::immutable;
  if (std::filesystem::exists(side_file(file, "-shm"), ec)) return open_mode::read_only;
  throw store_error(file, "cannot be read: its write-ahead log '" + log.string() +
                              "' holds changes that SQLite reads through a file it would create "
                              "beside it, in a folder this user may not write (open the store "
                              "once as a user who may, or copy the folder)");
}

void require_writable(const database& db) {
  if (sqlite3_db_readonly(db.get(), "main") != 1) return;
  const int why = write_denied(db.path());
  throw store_error(db.path(), std::string("cannot be written (") +
                                   (why != 0 ? std::strerror(why) : "opened read-only") +
                                   "); it can still be read");
}

}  // namespace liangzhu::store::detail
