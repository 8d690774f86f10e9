#pragma once
// Initialisation of the world and of each hub (see init.cpp).
#include "context.hpp"
#include "timers.hpp"

namespace liangzhu::model::detail {
void init_world(const context& ctx);
void init_hub(const context& ctx, hub_state& hub);
/// Draws the attributes and timers of a newly added engineer (initial population or graduate);
/// `chances` are the hub's, worked out once for all the engineers added.
void draw_new_engineer(const context& ctx, hub_state& hub, const hub_chances& chances,
                       std::size_t row, long tick, purpose why);
}  // namespace liangzhu::model::detail
