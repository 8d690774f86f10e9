#pragma once
// Checkpoint bytes of the running state (see state_io.cpp).
#include <memory>
#include <string_view>
#include <vector>

#include "state.hpp"

namespace liangzhu::model::detail {
std::vector<char> save_state(const world_state& world, const std::vector<std::unique_ptr<hub_state>>& hubs);
/// Restores into state built from the same parameters; throws io_error if the bytes do not fit.
void load_state(std::string_view bytes, world_state& world, std::vector<std::unique_ptr<hub_state>>& hubs);
}  // namespace liangzhu::model::detail
