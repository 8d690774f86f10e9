#pragma once
/// @file A run of the Liangzhu model: built from a validated scenario, stepped week by week,
/// observed through the engine's collector, summarised at the end, checkpointed and resumed.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/engine/collector.hpp"
#include "liangzhu/engine/schedule.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/history_cache.hpp"
#include "liangzhu/model/parameters.hpp"

namespace liangzhu::model {

/// How to run (not what: that is the scenario).
struct run_options {
  /// Overrides the scenario's seed when set.
  std::optional<std::uint64_t> seed;
  /// Worker threads (<= 0: all cores). Results do not depend on it.
  int threads = 1;
  /// Overrides the scenario's length when set.
  std::optional<long> ticks;
  /// Check conservation of people and money every tick (debug builds always do).
  bool check_every_tick = false;
  /// Ticks per batch written to the collector's sink.
  int flush_every = 52;
  /// Where the end states of start_from histories are kept for the process's other runs (null:
  /// each run simulates its history). Results do not depend on it.
  history_cache* histories = nullptr;
  /// Where the end states of start_from histories are kept on disk for other processes and later
  /// sessions (empty: nowhere; model/history_files.hpp). Results do not depend on it.
  std::filesystem::path history_directory;
  /// Most memory the run may need, in bytes (0: half of the machine's); a run that would need
  /// more is refused before anything is allocated (model/memory_estimate.hpp).
  std::uint64_t max_memory_bytes = 0;
  /// Runs sharing max_memory_bytes at once (a sweep's parallel runs).
  int runs_at_once = 1;
};

/// One figure of the end-of-run summary. `hub` is empty for whole-run figures.
struct summary_figure {
  std::string hub;
  std::string name;
  std::optional<double> value;
  std::string text;
  std::string unit;
  std::string description;
};

/// The name, unit and meaning of an output, for the output reference (docs/outputs.md).
struct output_doc {
  std::string name;
  std::string unit;
  std::string description;
  std::string kind;  ///< "series" (per tick per hub) or "summary"
};

/// Every output the model writes.
std::vector<output_doc> output_reference();

class simulation {
 public:
  /// Builds the initial state. Throws input_error for scenario values the schema cannot check,
  /// and for a run that would need more memory than options.max_memory_bytes.
  simulation(const io::scenario& scenario, run_options options);
  simulation(parameters params, run_options options);
  ~simulation();
  simulation(const simulation&) = delete;
  simulation& operator=(const simulation&) = delete;

  const parameters& params() const;
  std::uint64_t seed() const;
  int threads() const;
  /// The next tick to run (0 before the first).
  long tick() const;
  long ticks_total() const;
  bool done() const { return tick() >= ticks_total(); }
  const engine::calendar& calendar() const;
  /// Declared outputs; attach the run store with collector().set_sink().
  engine::collector& collector();

  /// Runs one tick; flushes the collector every `flush_every` ticks.
  void step();
  /// Runs to the end (or to `until`), then flushes.
  void run(std::optional<long> until = std::nullopt);
  /// Sends the ticks not yet flushed to the sink.
  void flush();

  /// The end-of-run (or so-far) summary.
  std::vector<summary_figure> summary() const;
  /// Throws liangzhu::error if people or money are not conserved.
  void check_invariants() const;
  /// Per-agent tables at the current tick: engineers and startups (`<hub>.engineer`,
  /// `<hub>.startup`), each hub's social network (`<hub>.tie`: one row per tie, the two engineers'
  /// slots, kind 0 acquaintance / 1 co-founder / 2 met at a meetup, weight), the investors' stakes
  /// in its startups (`<hub>.holding`) and every fund's portfolio and returns (`investor`).
  std::vector<engine::agent_snapshot> snapshots() const;
  /// Time spent per phase so far.
  std::vector<engine::phase_timing> timings() const;
  /// Agents per kind and bytes of agent storage (for the performance docs).
  std::vector<std::pair<std::string, double>> memory_report() const;

  /// The whole state as bytes (see engine/archive.hpp); restore() into a simulation built from
  /// the same scenario and seed gives the run that would have followed.
  std::vector<char> checkpoint() const;
  void restore(std::string_view bytes);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace liangzhu::model
