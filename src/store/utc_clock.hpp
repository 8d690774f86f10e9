#pragma once
/// @file The wall clock as stored in runs.started_at and runs.ended_at (internal).
#include <string>

namespace liangzhu::store::detail {

/// The current UTC time as ISO-8601 to the second, e.g. "2025-03-01T09:30:00Z".
std::string utc_now();

}  // namespace liangzhu::store::detail
