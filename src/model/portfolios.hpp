#pragma once
// What the funds' stakes are worth (for the summary's returns by city and the investor snapshot).
#include <vector>

#include "context.hpp"

namespace liangzhu::model::detail {

/// Value of each fund's stakes still held in live startups of `hubs`, at the startups' current
/// valuations; indexed like world.investors.
std::vector<double> held_value_by_fund(const context& ctx,
                                       const std::vector<const hub_state*>& hubs);

}  // namespace liangzhu::model::detail
