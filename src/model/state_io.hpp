#pragma once
// Checkpoint bytes of the running state (see state_io.cpp).
#include <memory>
#include <string_view>
#include <vector>

#include "state.hpp"

namespace liangzhu::model::detail {
std::vector<char> save_state(const parameters& p, const world_state& world,
                             const std::vector<std::unique_ptr<hub_state>>& hubs);
/// Restores into state built from the same parameters; throws io_error if the bytes do not fit
/// or were written by a run of other parameters (seed, start, hubs and their sizes).
void load_state(std::string_view bytes, const parameters& p, world_state& world,
                std::vector<std::unique_ptr<hub_state>>& hubs);
}  // namespace liangzhu::model::detail
