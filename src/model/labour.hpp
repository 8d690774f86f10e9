#pragma once
// Moves of engineers between places. Every change of an engineer's place goes through here, so
// the counts by place, incumbents' headcounts and startups' rosters, teams, skills and wage bills
// always agree (checked by invariants.cpp).
#include "state.hpp"

namespace liangzhu::model::detail {

/// Takes the engineer in `row` out of its place; it becomes unemployed.
void leave_place(hub_state& hub, std::size_t row);
/// Places an unemployed engineer in the rest of the market.
void join_market(hub_state& hub, std::size_t row, double wage);
void join_incumbent(hub_state& hub, std::size_t row, std::size_t incumbent, double wage);
/// Puts an unemployed engineer in the team of the startup in `startup_row`.
void join_startup(hub_state& hub, std::size_t row, std::size_t startup_row, double wage,
                  bool founder);
/// Adds a new engineer (graduate or initial population) as unemployed; returns its row.
std::size_t add_engineer(hub_state& hub);
/// Removes an engineer from the hub (retirement or departure) after taking it out of its place.
void remove_engineer(hub_state& hub, std::size_t row);

/// Market wage of an engineer of this skill now.
inline double market_wage(const hub_state& hub, double skill) {
  return hub.p.talent.wage_cny_per_year * hub.wage_index * skill;
}
inline double incumbent_wage(const hub_state& hub, std::size_t incumbent, double skill) {
  return market_wage(hub, skill) * (1.0 + hub.incumbents[incumbent].p.wage_premium);
}
inline double startup_wage(const hub_state& hub, double skill) {
  return market_wage(hub, skill) * hub.p.talent.startup_wage_factor;
}

/// True if the engineer in `row` would leave its place for a startup job at `wage`.
inline bool accepts_startup_job(const hub_state& hub, std::size_t row, double wage) {
  const auto& e = hub.engineers;
  if (e.where[row] == place::unemployed) return true;
  // Equity and mission are worth hub.p.talent.startup_appeal of the wage per unit of propensity:
  // why engineers take startup jobs at lower cash wages.
  return wage * (1.0 + hub.p.talent.startup_appeal * e.propensity[row]) >
         e.wage[row] * (1.0 + hub.p.talent.switching_premium);
}

/// Row of the startup in `slot`, which must be alive.
inline std::size_t startup_row(const hub_state& hub, std::uint32_t slot) {
  return hub.startups.table.row_of_slot(slot);
}

}  // namespace liangzhu::model::detail
