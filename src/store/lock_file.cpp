#include "store/lock_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "store/store_error.hpp"

namespace liangzhu::store::detail {

lock_file::lock_file(const std::filesystem::path& store) {
  const std::string name = store.string() + ".lock";
  fd_ = ::open(name.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw store_error(
        store, "cannot open it for writing (lock file '" + name + "'): " + std::strerror(errno));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    if (error == EWOULDBLOCK) {
      throw store_error(store, "already open for writing elsewhere (lock file '" + name +
                                   "' is held); concurrent writers are not supported");
    }
    throw store_error(store, "cannot lock '" + name + "': " + std::strerror(error));
  }
}

lock_file::~lock_file() { ::close(fd_); }

}  // namespace liangzhu::store::detail
