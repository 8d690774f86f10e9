// Compute efficiency (ODD submodel "Efficiency"): skilled teams make stochastic, heavy-tailed
// efficiency breakthroughs ("an open-source model at a fraction of the cost"); scarcity of
// compute may push the rate up (scarcity_push, 0 switches it off). A breakthrough may be
// open-sourced: it raises the open frontier that every firm moves towards, faster when its
// founder is tied to an open-sourcing founder.
#include <algorithm>

#include "mechanisms.hpp"

namespace liangzhu::model::detail {
namespace {

/// Slots of the engineers tied to an open-sourcing founder, sorted. Ties are stored at both
/// ends, so these are the founders' neighbours: a walk from the few open-sourcing founders
/// replaces one from every startup's founder.
std::vector<std::uint32_t> tied_to_open_source(hub_state& hub) {
  const auto& e = hub.engineers;
  std::vector<std::uint32_t> slots;
  for (const std::size_t row : rows_in(hub, row_set::open_founder)) {
    const auto ties = hub.ties.settled_ties_of(e.table.id_at(row).index);
    slots.insert(slots.end(), ties.neighbours().begin(), ties.neighbours().end());
  }
  std::sort(slots.begin(), slots.end());
  return slots;
}

}  // namespace

void efficiency_research(const context& ctx, hub_state& hub, long tick) {
  const auto& w = ctx.p.world;
  auto& st = hub.startups;
  const double unmet_share = hub.compute_demand > 0 ? hub.compute_unmet / hub.compute_demand : 0.0;
  const double push = 1.0 + w.efficiency.scarcity_push * unmet_share;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    if (st.team[s] == 0) continue;
    const double mean_skill = st.team_skill[s] / static_cast<double>(st.team[s]);
    auto r = ctx.rng(purpose::breakthrough, st.table.id_at(s).packed(), tick);
    if (!r.bernoulli(ctx.per_tick(w.efficiency.breakthrough_per_year * mean_skill * push)))
      continue;
    const double gain =
        std::min(w.efficiency.breakthrough_size_cap,
                 r.pareto(w.efficiency.breakthrough_size_min, w.efficiency.breakthrough_tail));
    st.efficiency[s] = static_cast<float>(st.efficiency[s] * (1.0 + gain));
    hub.counts.add(counted::breakthroughs);
    ctx.event(tick, hub, ctx.kinds.breakthrough, st.table.id_at(s).packed(), gain);
    if (!r.bernoulli(w.efficiency.open_source_share)) continue;
    st.open_sourced[s] = 1;
    const std::size_t founder = hub.engineers.table.row(engine::agent_id::unpack(st.founder[s]));
    hub.engineers.open_founder[founder] = 1;
    set_member(hub, row_set::open_founder, founder, true);
    ctx.world.open_frontier =
        std::max(ctx.world.open_frontier, static_cast<double>(st.efficiency[s]));
    hub.counts.add(counted::open_sourced);
    ctx.event(tick, hub, ctx.kinds.open_source, st.table.id_at(s).packed(), st.efficiency[s]);
  }
}

void efficiency_spillover(const context& ctx, hub_state& hub, long) {
  const auto& w = ctx.p.world;
  auto& st = hub.startups;
  const double frontier = ctx.world.open_frontier;
  const double base = ctx.per_tick(w.efficiency.spillover_per_year);
  const double boosted =
      ctx.per_tick(w.efficiency.spillover_per_year * (1.0 + w.efficiency.spillover_tie_boost));
  const bool anyone_behind =
      std::any_of(st.efficiency.values().begin(), st.efficiency.values().end(),
                  [&](float x) { return x < frontier; });
  const auto tied = anyone_behind ? tied_to_open_source(hub) : std::vector<std::uint32_t>{};
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    if (st.efficiency[s] >= frontier) continue;
    const auto founder_slot = engine::agent_id::unpack(st.founder[s]).index;
    const double rate = std::binary_search(tied.begin(), tied.end(), founder_slot) ? boosted : base;
    st.efficiency[s] = static_cast<float>(st.efficiency[s] + rate * (frontier - st.efficiency[s]));
  }
  for (auto& inc : hub.incumbents)
    if (inc.efficiency < frontier) inc.efficiency += base * (frontier - inc.efficiency);
}

}  // namespace liangzhu::model::detail
