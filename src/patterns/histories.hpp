#pragma once
// Startups' life histories rebuilt from a run's events: founding, rounds (stage, amount,
// post-money), the tiger event and how the startup ended (failure, acquisition) or listed.
#include <cstdint>
#include <optional>
#include <vector>

#include "liangzhu/patterns/panel.hpp"

namespace liangzhu::patterns::detail {

struct round_record {
  std::int32_t tick = 0;
  int stage = 0;      ///< the stage the round took the startup to: 1 seed, 2 A, 3 B, 4 growth
  double amount = 0;  ///< the round's money (lead and co-investors)
  double post = 0;    ///< post-money valuation
};

struct startup_history {
  std::uint64_t id = 0;
  std::optional<double> founded;  ///< tick of founding (before 0 for startups alive at the start)
  bool founded_in_run = false;
  std::vector<round_record> rounds;  ///< in time order
  std::optional<std::int32_t> failed, acquired, listed, tiger;
  double exit_value = 0;  ///< the acquisition's price or the market value at listing
  /// Tick the startup stopped being independent (failure or acquisition), if it did.
  std::optional<std::int32_t> ended() const { return failed ? failed : acquired; }
};

/// Every startup that appears in the run's events, by id.
std::vector<startup_history> startup_histories(const run_evidence& run);

}  // namespace liangzhu::patterns::detail
