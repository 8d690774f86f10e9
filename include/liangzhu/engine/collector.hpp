#pragma once
/// @file Data collection: declared per-tick series per group, events, and agent snapshots,
/// buffered in memory and handed to a sink (the run store) in batches.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "liangzhu/engine/per_thread.hpp"

namespace liangzhu::engine {

/// A declared output: one value per tick per group (a hub, in the Liangzhu model).
struct series_spec {
  std::string name;
  std::string unit;
  std::string description;
};

/// A declared kind of event (a founding, a failure, a round...).
struct event_kind_spec {
  std::string name;
  std::string description;
};

/// One event. `subject` is the id of the agent or object concerned; `value` its main figure.
struct event_record {
  std::int32_t tick = 0;
  std::uint16_t group = 0;
  std::uint16_t kind = 0;
  std::uint64_t subject = 0;
  double value = 0.0;

  friend bool operator<(const event_record& a, const event_record& b) {
    if (a.tick != b.tick) return a.tick < b.tick;
    if (a.group != b.group) return a.group < b.group;
    if (a.kind != b.kind) return a.kind < b.kind;
    if (a.subject != b.subject) return a.subject < b.subject;
    return a.value < b.value;
  }
  friend bool operator==(const event_record&, const event_record&) = default;
};

/// The values of every declared series for one group at one tick.
struct series_row {
  std::int32_t tick = 0;
  std::uint16_t group = 0;
  std::vector<double> values;
};

/// A table of per-agent values at one tick (row-major, `columns.size()` values per agent).
struct agent_snapshot {
  std::int32_t tick = 0;
  std::string kind;
  std::vector<std::string> columns;
  std::vector<double> values;
};

/// Where collected data goes. The run store implements it; tests use an in-memory one.
class collection_sink {
 public:
  virtual ~collection_sink() = default;
  /// Called once, before any data, with everything declared.
  virtual void declare(std::span<const std::string> groups, std::span<const series_spec> series,
                       std::span<const event_kind_spec> event_kinds) = 0;
  /// A batch of complete ticks: all rows of every tick in the batch, and their events.
  /// A sink must write a batch atomically (all or nothing).
  virtual void write_batch(std::span<const series_row> rows,
                           std::span<const event_record> events) = 0;
  virtual void write_snapshot(const agent_snapshot& snapshot) = 0;
};

/// Per-thread event buffers: record() never takes a lock; commit() merges them in a canonical
/// order, so the result does not depend on which thread recorded what.
class event_log {
 public:
  void record(const event_record& e) { local_.local().push_back(e); }
  /// Moves every recorded event into `out`, sorted; leaves the buffers empty.
  void drain_sorted(std::vector<event_record>& out);

 private:
  per_thread<std::vector<event_record>> local_;
};

/// Collects declared series and events tick by tick and flushes complete ticks to a sink.
class collector {
 public:
  explicit collector(std::vector<std::string> groups);

  /// Declares a series; returns its index. Only before the first tick is closed.
  std::size_t declare(series_spec spec);
  std::uint16_t declare_event_kind(event_kind_spec spec);

  const std::vector<std::string>& groups() const { return groups_; }
  const std::vector<series_spec>& series() const { return series_; }
  const std::vector<event_kind_spec>& event_kinds() const { return event_kinds_; }
  /// Index of a declared series by name; throws std::out_of_range if unknown.
  std::size_t series_index(std::string_view name) const;

  /// Sets a value of the current tick's row for `group`.
  void set(std::uint16_t group, std::size_t series, double value) {
    current_[group * series_.size() + series] = value;
  }
  double get(std::uint16_t group, std::size_t series) const {
    return current_[group * series_.size() + series];
  }
  event_log& events() { return events_; }

  /// Closes tick `tick`: moves the current rows and events into the pending batch.
  void end_tick(std::int32_t tick);
  /// Sends the pending batch to the sink (if any) and clears it.
  void flush();
  void set_sink(collection_sink* sink);
  /// Number of closed ticks not flushed yet.
  std::size_t pending_ticks() const { return pending_ticks_; }
  /// The most recent closed rows, one per group (empty before the first tick).
  std::span<const series_row> last_rows() const { return last_rows_; }

 private:
  std::vector<std::string> groups_;
  std::vector<series_spec> series_;
  std::vector<event_kind_spec> event_kinds_;
  std::vector<double> current_;
  std::vector<series_row> pending_rows_;
  std::vector<series_row> last_rows_;
  std::vector<event_record> pending_events_;
  std::size_t pending_ticks_ = 0;
  event_log events_;
  collection_sink* sink_ = nullptr;
  bool declared_to_sink_ = false;
};

}  // namespace liangzhu::engine
