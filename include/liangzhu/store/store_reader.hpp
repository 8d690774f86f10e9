#pragma once
/// @file One consistent view of a run store: every read of a store goes through a store_reader,
/// and every call on one reader sees the store as it was when the reader was opened, whatever a
/// writer commits meanwhile (docs/store.md, "Reading while a run is written").
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liangzhu/engine/collector.hpp"
#include "liangzhu/store/calibration_records.hpp"
#include "liangzhu/store/records.hpp"
#include "liangzhu/store/sweep_records.hpp"

namespace liangzhu::store {

namespace detail {
class reader_pool;
class database;
}  // namespace detail

/// A read transaction on a connection of its own (run_store::reader). Readers never block the
/// writer nor one another, and see only what was committed before they were opened: a question
/// answered with several calls on one reader (a run with its catalog, series and summary) gets
/// answers that agree. Keep a reader only as long as the answer takes: while it is open the
/// store cannot fold its write-ahead log past it. A reader is used by one thread at a time and
/// must not outlive its store. Errors are io_error naming the file.
class store_reader {
 public:
  ~store_reader();
  store_reader(store_reader&&) noexcept;
  store_reader& operator=(store_reader&&) noexcept;
  store_reader(const store_reader&) = delete;
  store_reader& operator=(const store_reader&) = delete;

  /// The store's file.
  const std::filesystem::path& path() const;

  /// Every run, by id.
  std::vector<run_info> list_runs() const;
  /// The run `run`, or nullopt if the store has none with that id.
  std::optional<run_info> find_run(std::int64_t run) const;
  /// A run's parameters in the order they were written.
  std::vector<std::pair<std::string, std::string>> read_parameters(std::int64_t run) const;
  /// A run's summary rows in the order they were written.
  std::vector<summary_row> read_summary(std::int64_t run) const;
  /// The groups, series and event kinds a run declared.
  run_catalog read_catalog(std::int64_t run) const;

  /// Calls `visit` with each wide series row of `run` in `ticks`, by tick then group; values
  /// follow the catalog order, one per declared series.
  void visit_series(std::int64_t run, const std::function<void(const series_table_row&)>& visit,
                    tick_range ticks = {}) const;
  /// A run's series (those of `ticks` only) in wide form: tick, date, group, one column per
  /// series; every row has exactly one value per column.
  series_table read_series(std::int64_t run, tick_range ticks = {}) const;
  /// A run's series in long form, only the series named `series` unless it is empty.
  std::vector<series_point> read_series_points(std::int64_t run,
                                               std::string_view series = {}) const;
  /// Calls `visit` with each event of `run` in the order written.
  void visit_events(std::int64_t run,
                    const std::function<void(const engine::event_record&)>& visit) const;
  /// A run's events in the order written.
  std::vector<engine::event_record> read_events(std::int64_t run) const;
  /// A run's agent snapshots by tick then kind; columns come back in the order first written.
  std::vector<engine::agent_snapshot> read_snapshots(std::int64_t run) const;

  /// The latest experiment with this hash (the same resolved experiment), to resume it.
  std::optional<sweep_info> find_sweep_by_hash(std::string_view experiment_hash) const;
  std::optional<sweep_info> find_sweep(std::int64_t sweep) const;
  /// Every experiment, by id (none in a version-1 store opened read-only).
  std::vector<sweep_info> list_sweeps() const;
  std::vector<sweep_coordinate> read_sweep_points(std::int64_t sweep) const;
  /// The runs of an experiment by point then replicate, with each run's current status.
  std::vector<sweep_run> read_sweep_runs(std::int64_t sweep) const;
  std::vector<sweep_result> read_sweep_results(std::int64_t sweep) const;
  std::vector<sensitivity_row> read_sensitivity(std::int64_t sweep) const;
  /// The posterior draw of each replicate, by replicate (none for an experiment without one).
  std::vector<sweep_draw> read_sweep_draws(std::int64_t sweep) const;

  /// Calibrations by id (none in a store older than version 3 opened read-only).
  std::vector<calibration_info> list_calibrations() const;
  /// The latest calibration with this hash, to resume it.
  std::optional<calibration_info> find_calibration_by_hash(std::string_view experiment_hash) const;
  /// A calibration's generations in order, each with its particles in order.
  std::vector<calibration_generation> read_calibration_generations(std::int64_t calibration) const;

 private:
  friend class run_store;
  struct lease;
  explicit store_reader(detail::reader_pool& pool);
  detail::database& db() const;

  std::unique_ptr<lease> lease_;
};

}  // namespace liangzhu::store
