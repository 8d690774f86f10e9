#pragma once
// Snapshots on request (`liangzhu run --snapshot-every N`) beyond the agent tables: each hub's
// social network, its investors' stakes in its startups, and every fund's portfolio and returns.
#include <vector>

#include "context.hpp"
#include "liangzhu/engine/collector.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::model::detail {

/// The columns of the snapshots below, for the output reference (kind "snapshot").
std::vector<output_doc> snapshot_docs();
/// `<hub>.tie`: one row per tie (each once), between engineers' slots, with its kind and weight.
engine::agent_snapshot tie_snapshot(const hub_state& hub, long tick);
/// `<hub>.holding`: one row per stake in a live startup of the hub: the startup's slot, the
/// investor (a fund's index in the `investor` snapshot; -1 the hub's guidance funds; -3 investors
/// of rounds before the run), the money put in, the share held and its value at the startup's
/// current valuation.
engine::agent_snapshot holding_snapshot(const hub_state& hub, long tick);
/// `investor`: one row per fund (all hubs): its city, whether it leads early and late rounds,
/// capital left this year, money invested, proceeds of exits, stakes still held at current
/// valuations, deals, and the startups it keeps in touch with.
engine::agent_snapshot investor_snapshot(const context& ctx,
                                         const std::vector<const hub_state*>& hubs, long tick);

}  // namespace liangzhu::model::detail
