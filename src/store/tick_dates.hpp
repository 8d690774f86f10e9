#pragma once
/// @file The simulated date of a tick of a stored run (internal).
#include <cstdint>
#include <optional>
#include <string>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/store/records.hpp"

namespace liangzhu::store::detail {

/// Maps a run's ticks to "YYYY-MM-DD" from runs.start_date and runs.days_per_tick.
class tick_dates {
 public:
  explicit tick_dates(const run_info& run);
  /// The date tick `tick` begins on; empty if the run's start date is not a valid date.
  std::string operator()(std::int64_t tick) const;

 private:
  std::optional<engine::calendar> calendar_;
};

}  // namespace liangzhu::store::detail
