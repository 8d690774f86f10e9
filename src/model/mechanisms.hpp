#pragma once
// The weekly mechanisms of the model, in the order a tick runs them (ODD "Process overview and
// scheduling"). Each is a function of (context, state, tick) and lives in its own file.
#include "context.hpp"

namespace liangzhu::model::detail {

// geopolitics.cpp
void update_tension(const context& ctx, long tick);
void apply_tension_shock(const context& ctx, const tension_shock& shock, long tick);
// policy.cpp
void apply_export_control(const context& ctx, hub_state& hub, const export_control_step& step,
                          long tick);
void apply_policy_change(const context& ctx, hub_state& hub, const policy_change& change,
                         long tick);
/// The tick a policy change takes effect: the one whose week contains its date.
long policy_tick(const context& ctx, const policy_change& change);
/// After a checkpoint taken before `tick` is loaded: sets the hub's parameters as the changes
/// before `tick` had set them (the government's instruments and budgets are in the state).
void reapply_policy_changes(const context& ctx, hub_state& hub, long tick);
void start_budget_year(hub_state& hub);
// talent.cpp
void graduates_arrive(const context& ctx, hub_state& hub, long tick);
void engineers_leave(const context& ctx, hub_state& hub, long tick);
void job_moves(const context& ctx, hub_state& hub, long tick);
/// Yearly, from the end of the first year (the schedule says when): wage growth and incumbents'
/// wanted headcount.
void annual_labour_update(const context& ctx, hub_state& hub, long tick);
// noncompete.cpp
void pay_noncompete_compensation(const context& ctx, hub_state& hub, long tick);
void litigate(const context& ctx, hub_state& hub, long tick);
// poaching.cpp
void poach(const context& ctx, hub_state& hub, long tick);
// meetups.cpp
void meetups(const context& ctx, hub_state& hub, long tick);
// investor_ties.cpp
void deal_flow_through_ties(const context& ctx, hub_state& hub, long tick);
// founding.cpp
void found_startups(const context& ctx, hub_state& hub, long tick);
void hire_into_startups(const context& ctx, hub_state& hub, long tick);
// funding.cpp
void foreign_office_rounds(const context& ctx, hub_state& hub, long tick);
void guidance_rounds(const context& ctx, hub_state& hub, long tick);
// chips.cpp
void clear_compute_market(const context& ctx, hub_state& hub, long tick);
// efficiency.cpp
void efficiency_research(const context& ctx, hub_state& hub, long tick);
void efficiency_spillover(const context& ctx, hub_state& hub, long tick);
// lifecycle.cpp
void operate_startups(const context& ctx, hub_state& hub, long tick);
/// Startups valued and earning enough may list (STAR Market, Hong Kong, US).
void list_startups(const context& ctx, hub_state& hub, long tick);
/// Quarterly, in the last week of each quarter (the schedule says when).
void acquisitions(const context& ctx, hub_state& hub, long tick);
// social ties (meetups.cpp)
/// Ties decay every `tie_decay_period` ticks, compounding the weekly rate, so the result barely
/// depends on the period. (It was chosen when every tie was touched at every decay; the graph now
/// decays lazily, but a row catching up still multiplies once per period missed, and a weekly
/// period would change results.)
inline constexpr int tie_decay_period = 4;
void decay_ties(const context& ctx, hub_state& hub, long tick);

}  // namespace liangzhu::model::detail
