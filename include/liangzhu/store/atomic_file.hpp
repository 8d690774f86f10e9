#pragma once
/// @file A file that appears whole or not at all: written under a temporary name and renamed into
/// place, so an error (or a reader looking early) never sees half of it.
#include <filesystem>
#include <fstream>

namespace liangzhu::store {

/// A file written under `<name>.partial` and renamed into place by commit(); removed instead if
/// destroyed uncommitted (an error on the way), so `target` is always whole or absent.
class atomic_file {
 public:
  /// Creates the temporary file or throws io_error naming `target`.
  explicit atomic_file(std::filesystem::path target);
  ~atomic_file();
  atomic_file(const atomic_file&) = delete;
  atomic_file& operator=(const atomic_file&) = delete;

  std::ostream& stream() { return out_; }
  /// Flushes, closes and renames into place; io_error naming the file if any write failed.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path partial_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace liangzhu::store
