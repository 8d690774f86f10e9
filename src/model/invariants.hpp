#pragma once
// Conservation of people and money (see invariants.cpp).
#include <vector>

#include "state.hpp"

namespace liangzhu::model::detail {
/// Throws liangzhu::error naming the hub and the broken invariant.
void check_conservation(const hub_state& hub);
/// Every yuan VCs invested reached a startup of some hub, and the reverse.
void check_investor_sources(const world_state& world, const std::vector<const hub_state*>& hubs);
}  // namespace liangzhu::model::detail
