#pragma once
/// @file How much memory a run will need, known before anything is allocated: the figure a run,
/// a sweep or the dashboard checks against its limit so that a scenario of 100 million engineers
/// is refused with the memory it would need instead of exhausting the machine.
#include <cstdint>
#include <string>

#include "liangzhu/model/parameters.hpp"

namespace liangzhu::model {

/// The estimate of a run's peak memory, and what it is made of.
struct memory_estimate {
  /// Engineers at the run's end (the most there will be): each hub's start (or its start_from
  /// history's) plus its graduates of every year, at the largest graduate intake its policies set.
  double peak_engineers = 0;
  /// Bytes each engineer takes: its columns, id maps, tie slots and the weekly lists (measured:
  /// docs/performance.md, "Memory per agent").
  double bytes_per_engineer = 0;
  /// Executable, libraries, scenario, outputs, investors, and the startups at the start.
  double fixed_bytes = 0;
  /// The hub with the most engineers at the end (named in refusals), and their number.
  std::string largest_hub;
  double largest_hub_engineers = 0;

  double bytes() const { return fixed_bytes + peak_engineers * bytes_per_engineer; }
};

/// The estimate for a run of `p` (and of the start_from history it begins with).
memory_estimate estimate_memory(const parameters& p);

/// Half of this machine's physical memory: the default limit of what the runs of one command
/// may take together (the other half is left to the system and whatever else runs).
std::uint64_t default_memory_limit();

/// This machine's physical memory in bytes.
std::uint64_t physical_memory();

/// Throws resource_error (key hub.<largest>.talent.engineers) if `runs_at_once` runs like `p` need
/// more than `limit` bytes (0: default_memory_limit()), with the figure needed and the limit, or
/// if a hub would have more engineers than its social graph can index (2^28).
void check_memory(const parameters& p, std::uint64_t limit, int runs_at_once = 1);
/// The same for an estimate made before (an experiment's points keep theirs).
void check_memory(const memory_estimate& e, std::uint64_t limit, int runs_at_once = 1);

/// "1.25 GB", "640 MB": a byte count for messages.
std::string format_bytes(double bytes);

}  // namespace liangzhu::model
