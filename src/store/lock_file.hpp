#pragma once
/// @file The writer lock of a store file (internal).
#include <filesystem>

namespace liangzhu::store::detail {

/// An exclusive flock(2) on `<store>.lock`, held while a store is open for writing. The kernel
/// drops it when the process dies, even by SIGKILL, so a held lock always means a live writer.
/// The lock file is never deleted: deleting it would let two writers lock two different files.
class lock_file {
 public:
  /// Takes the lock or throws io_error naming `store` (in use, or its folder is not writable).
  explicit lock_file(const std::filesystem::path& store);
  ~lock_file();
  lock_file(const lock_file&) = delete;
  lock_file& operator=(const lock_file&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace liangzhu::store::detail
