#pragma once
/// @file The run store: one SQLite file holding many runs (metadata, parameters, series, events,
/// summaries and agent snapshots). See docs/store.md for the schema.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liangzhu/engine/collector.hpp"
#include "liangzhu/store/calibration_records.hpp"
#include "liangzhu/store/records.hpp"
#include "liangzhu/store/store_reader.hpp"
#include "liangzhu/store/sweep_records.hpp"

namespace liangzhu::store {

namespace detail {
struct store_state;
}  // namespace detail

/// A store file opened for writing or reading. Every write is one transaction (or a part of one,
/// see atomically) on the writer's connection; every read goes through a reader() with a
/// connection and a read transaction of its own, so readers never see half a write and never
/// wait for the writer. Errors are io_error naming the file. One object may be shared by threads
/// (writes are serialised), but only one read_write object per file may exist at a time, across
/// all processes (a lock file `<file>.lock` enforces it).
class run_store {
 public:
  enum class mode { read_write, read_only };

  /// Opens (read_write: creating if missing) the store `file`; io_error naming it on failure.
  explicit run_store(const std::filesystem::path& file, mode m = mode::read_write);
  ~run_store();
  run_store(run_store&&) noexcept;
  run_store& operator=(run_store&&) noexcept;

  /// Inserts a run with status running and returns its id; fills started_at if empty.
  std::int64_t begin_run(const run_info& info);
  /// Records the fully resolved scenario as key/value pairs (replacing keys already written).
  void write_parameters(std::int64_t run,
                        std::span<const std::pair<std::string, std::string>> key_values);
  /// Records summary figures (replacing rows with the same group and name).
  void write_summary(std::int64_t run, std::span<const summary_row> rows);
  /// Sets the final status, ticks_done and ended_at of a run.
  void finish_run(std::int64_t run, run_status status, std::int64_t ticks_done);
  /// Turns runs left 'running' by a killed process into 'interrupted'; returns how many.
  /// Runs begun through this object are left alone; the writer lock rules out other writers.
  std::int64_t mark_stale_runs_interrupted();

  /// Runs `writes` (calls of this store's functions, and of its sinks) as one transaction: the
  /// store then holds all they wrote or, after an error or a crash, none of it. Calls from other
  /// threads wait until it ends.
  void atomically(const std::function<void()>& writes);

  /// The collection sink writing into `run`. It must not outlive this store.
  std::unique_ptr<engine::collection_sink> sink_for(std::int64_t run);

  /// A reader: one consistent view of the store as committed now (store_reader.hpp). Every read
  /// goes through one; a question answered with several reads asks them all of one reader.
  /// Reads see only committed writes: not those of an `atomically` still running.
  store_reader reader() const;

  /// Inserts an experiment with status running and returns its id; fills created_at if empty.
  std::int64_t begin_sweep(const sweep_info& info);
  /// Sets an experiment's final status and ended_at.
  void finish_sweep(std::int64_t sweep, run_status status);
  /// Records the coordinates of the experiment's points (replacing those already written).
  void write_sweep_points(std::int64_t sweep, std::span<const sweep_coordinate> coordinates);
  /// Records that `entry.run_id` holds (point, replicate); replaces an earlier run of that pair.
  void add_sweep_run(std::int64_t sweep, const sweep_run& entry);
  /// Replaces the experiment's per-point results.
  void write_sweep_results(std::int64_t sweep, std::span<const sweep_result> rows);
  /// Replaces the experiment's sensitivity measures.
  void write_sensitivity(std::int64_t sweep, std::span<const sensitivity_row> rows);
  /// Replaces the posterior draws the experiment's replicates took.
  void write_sweep_draws(std::int64_t sweep, std::span<const sweep_draw> rows);

  /// Inserts a calibration with status running and returns its id; fills created_at if empty.
  std::int64_t begin_calibration(const calibration_info& info);
  /// Writes a complete generation of `calibration` in one transaction (replacing one of the same
  /// number).
  void write_calibration_generation(std::int64_t calibration,
                                    const calibration_generation& generation);
  /// Sets a calibration's final status, why it stopped, and ended_at.
  void finish_calibration(std::int64_t calibration, run_status status,
                          const std::string& stop_reason);

  /// The file this store was opened on.
  const std::filesystem::path& path() const;

 private:
  std::unique_ptr<detail::store_state> state_;
};

}  // namespace liangzhu::store
