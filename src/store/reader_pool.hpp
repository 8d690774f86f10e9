#pragma once
/// @file The connections a store reads through, each read in a transaction of its own (internal).
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sqlite_handle.hpp"

namespace liangzhu::store::detail {

/// A fixed number of read connections to one store file, opened together at the first read and
/// kept until the store closes. A connection handed out holds an open read transaction: in WAL
/// mode SQLite then shows it the store as of that moment until the transaction ends, while the
/// writer goes on committing on its own connection. When every connection is out, acquire()
/// waits for one. Thread-safe.
class reader_pool {
 public:
  /// How many connections a pool holds: as many readers as run at once before one waits. The
  /// dashboard's threads read for a few milliseconds each; a CLI command reads on one thread.
  static constexpr std::size_t size = 8;

  /// Connections to `file` opened with `mode` (never read_write).
  reader_pool(std::filesystem::path file, open_mode mode);

  /// A connection with a read transaction begun on it; io_error naming the store if the
  /// connections cannot be opened or none is free within the busy timeout.
  std::unique_ptr<database> acquire();
  /// Ends the connection's read transaction and hands the connection back; one whose
  /// transaction cannot end (it should not happen) is replaced by a new one at the next acquire.
  void release(std::unique_ptr<database> db) noexcept;

 private:
  std::unique_ptr<database> open() const;
  /// A free connection, waiting for one; nullptr for a slot whose connection must be reopened.
  std::unique_ptr<database> take();

  std::filesystem::path file_;
  open_mode mode_;
  std::mutex mutex_;
  std::condition_variable released_;
  std::vector<std::unique_ptr<database>> free_;
  std::size_t out_ = 0;  // connections handed out
  bool opened_ = false;  // the first acquire opened the pool's connections
};

/// How long a statement waits for a lock another connection holds before failing with "busy",
/// and a reader for a free connection. Readers wait only while a connection rebuilds the log's
/// index (after a crash); the writer waits for another process's writes (the lock file rules out
/// a second writing liangzhu).
inline constexpr int busy_timeout_ms = 10'000;

}  // namespace liangzhu::store::detail
