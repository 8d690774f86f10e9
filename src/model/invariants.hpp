#pragma once
// Conservation of people and money (see invariants.cpp).
#include "state.hpp"

namespace liangzhu::model::detail {
/// Throws liangzhu::error naming the hub and the broken invariant.
void check_conservation(const hub_state& hub);
}  // namespace liangzhu::model::detail
