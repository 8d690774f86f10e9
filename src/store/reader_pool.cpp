#include "store/reader_pool.hpp"

#include <chrono>
#include <string>
#include <utility>

#include "liangzhu/engine/errors.hpp"
#include "store/store_error.hpp"

namespace liangzhu::store::detail {
namespace {

/// A reader's page cache, in KiB: the reads are scans of one run's rows, which a small cache
/// serves as well as SQLite's default of 2 MiB, and the pool holds `size` of them.
constexpr const char* reader_cache = "PRAGMA cache_size = -512";

}  // namespace

reader_pool::reader_pool(std::filesystem::path file, open_mode mode)
    : file_(std::move(file)), mode_(mode) {
  LIANGZHU_ASSERT(mode != open_mode::read_write, "a reader's connection never writes");
  free_.reserve(size);  // so that release() never allocates
}

std::unique_ptr<database> reader_pool::open() const {
  auto db = std::make_unique<database>(file_, mode_);
  db->check(sqlite3_busy_timeout(db->get(), busy_timeout_ms), "setting the busy timeout");
  db->exec(reader_cache);
  return db;
}

std::unique_ptr<database> reader_pool::take() {
  std::unique_lock lock{mutex_};
  if (!opened_) {
    // All at once: what a store keeps open then does not depend on how many readers came at
    // once before (a connection SQLite closes while others hold locks on the file keeps its
    // descriptor until they all let go).
    while (free_.size() < size) free_.push_back(open());
    opened_ = true;
  }
  if (!released_.wait_for(lock, std::chrono::milliseconds(busy_timeout_ms),
                          [this] { return out_ < size; })) {
    throw store_error(file_, "all " + std::to_string(size) + " read connections stayed busy for " +
                                 std::to_string(busy_timeout_ms / 1000) + " s");
  }
  ++out_;
  if (free_.empty()) return nullptr;  // a slot whose connection was dropped
  auto db = std::move(free_.back());
  free_.pop_back();
  return db;
}

std::unique_ptr<database> reader_pool::acquire() {
  std::unique_ptr<database> db = take();
  try {
    if (!db) db = open();
    // BEGIN alone defers the snapshot to the first read; reading the schema takes it now, so the
    // reader sees the store as of its opening rather than of its first question.
    db->exec("BEGIN");
    db->exec("SELECT count(*) FROM sqlite_schema");
  } catch (...) {
    release(std::move(db));
    throw;
  }
  return db;
}

void reader_pool::release(std::unique_ptr<database> db) noexcept {
  // A read transaction has nothing to keep: COMMIT only ends it (ROLLBACK after a failed
  // statement). A connection still in a transaction is dropped rather than handed out with a
  // stale snapshot; its slot opens a new one.
  const bool ended =
      db && (sqlite3_exec(db->get(), "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK ||
             sqlite3_exec(db->get(), "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK ||
             sqlite3_get_autocommit(db->get()) != 0);
  {
    const std::scoped_lock lock{mutex_};
    --out_;
    if (ended) free_.push_back(std::move(db));
  }
  released_.notify_one();
}

}  // namespace liangzhu::store::detail
