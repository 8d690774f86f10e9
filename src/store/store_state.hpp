#pragma once
/// @file What an open run_store holds, shared with the sinks it hands out (internal).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "store/lock_file.hpp"
#include "store/reader_pool.hpp"
#include "store/sqlite_handle.hpp"

namespace liangzhu::store::detail {

/// The writer's connection and everything guarding it, and the readers' connections. Every use
/// of `db` holds `mutex`, so a store and its sinks may be used from several threads; each
/// transaction stays whole. The mutex is recursive so that run_store::atomically can hold it
/// across the calls it groups. Reads never use `db` (a store opened read-only only checks its
/// schema with it): they go through `readers`, each in a read transaction of its own.
struct store_state {
  /// Takes the writer lock (when writable), opens and configures the file, checks the schema.
  store_state(const std::filesystem::path& file, bool writable);

  std::filesystem::path path;
  std::unique_ptr<lock_file> writer_lock;  // held for the whole life of a writable store
  open_mode mode;                          // how `db` was opened
  database db;
  std::recursive_mutex mutex;
  std::vector<std::int64_t> own_runs;  // runs begun here: never stale while we are alive
  /// Declared between `db` and `readers`: closes after the readers and before the writer's
  /// connection, so that a writer closing last leaves the file in rollback mode, with no -wal or
  /// -shm beside it that a later read-only command could not clean up.
  struct rest_on_close {
    database& db;
    bool writable;
    ~rest_on_close() {
      if (writable) db.rest_in_rollback_mode();
    }
  } rest{db, false};
  reader_pool readers;
};

}  // namespace liangzhu::store::detail
