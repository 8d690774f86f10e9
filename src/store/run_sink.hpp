#pragma once
/// @file The collection sink that writes one run's series, events and snapshots (internal).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "liangzhu/engine/collector.hpp"
#include "store/sqlite_handle.hpp"
#include "store/store_state.hpp"

namespace liangzhu::store::detail {

/// Writes into one run of a store. Its statements are prepared once and reused by every batch.
class run_sink final : public engine::collection_sink {
 public:
  /// The caller holds `state.mutex` and has checked that `run` exists.
  run_sink(store_state& state, std::int64_t run);

  /// Records the catalog; declaring the same catalog again is allowed, a different one is not.
  void declare(std::span<const std::string> groups, std::span<const engine::series_spec> series,
               std::span<const engine::event_kind_spec> event_kinds) override;
  /// One transaction: the rows, the events, and runs.ticks_done = last tick + 1.
  void write_batch(std::span<const engine::series_row> rows,
                   std::span<const engine::event_record> events) override;
  /// One transaction: the snapshot's columns (numbered on first sight) and its cells.
  void write_snapshot(const engine::agent_snapshot& snapshot) override;

 private:
  /// The column_id of column `name` of snapshot kind `kind`, numbering it if new.
  std::int64_t column_id(const std::string& kind, const std::string& name);

  store_state& state_;
  std::int64_t run_;
  std::size_t series_count_ = 0;
  bool declared_ = false;
  statement insert_series_;
  statement insert_event_;
  statement update_ticks_;
  statement insert_column_;
  statement find_column_;
  statement insert_cell_;
};

}  // namespace liangzhu::store::detail
