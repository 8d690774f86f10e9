#pragma once
// Runs that start from another scenario's end state (the scenario key start_from): the history
// is simulated first, and its state becomes this run's initial state.
#include <memory>
#include <string_view>
#include <vector>

#include "context.hpp"

namespace liangzhu::model::detail {

/// The seed of the history run of a run with seed `seed`: another stream of luck, so the run does
/// not replay its history's draws, and the same for every scenario of a comparison.
constexpr std::uint64_t history_seed(std::uint64_t seed) { return seed ^ 0x9e3779b97f4a7c15ull; }

/// Set-up of a hub that will receive a history's state: its incumbents (the parts the scenario
/// sizes), nothing else.
void prepare_for_history(const context& ctx, hub_state& hub);

/// Makes `history_state` (checkpoint bytes of a finished run of `history`) the initial state:
/// loads it, moves every date it holds so that the history's end is tick 0, and starts the run's
/// books afresh (counts, government spending, funds' portfolios; stakes held from the history are
/// held by "investors before the run"), with this scenario's instruments in force. Emits a
/// startup_at_start event for each live startup.
void continue_from_history(const context& ctx, const parameters& history,
                           std::string_view history_state,
                           std::vector<std::unique_ptr<hub_state>>& hubs);

}  // namespace liangzhu::model::detail
