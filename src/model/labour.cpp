#include "labour.hpp"

#include <algorithm>

namespace liangzhu::model::detail {
namespace {

void set_place(hub_state& hub, std::size_t row, place where, std::uint32_t employer, double wage) {
  auto& e = hub.engineers;
  hub.in_place[static_cast<std::size_t>(e.where[row])] -= 1;
  hub.in_place[static_cast<std::size_t>(where)] += 1;
  agenda_place_changed(hub, row, e.where[row] != place::unemployed, where != place::unemployed,
                       e.hired[row], hub.clock);
  e.where[row] = where;
  e.employer[row] = employer;
  e.wage[row] = static_cast<float>(wage);
  e.hired[row] = as_week(hub.clock);
}

}  // namespace

void leave_place(hub_state& hub, std::size_t row) {
  auto& e = hub.engineers;
  switch (e.where[row]) {
    case place::incumbent:
      hub.incumbents[e.employer[row]].headcount -= 1;
      break;
    case place::startup:
    case place::founder: {
      const std::uint32_t slot = e.employer[row];
      const std::size_t s = startup_row(hub, slot);
      auto& roster = hub.roster[slot];
      const auto me = e.table.id_at(row).index;
      roster.erase(std::find(roster.begin(), roster.end(), me));
      hub.startups.team[s] -= 1;
      hub.startups.team_skill[s] = std::max(0.0f, hub.startups.team_skill[s] - e.skill[row]);
      hub.startups.wage_bill[s] = std::max(0.0, hub.startups.wage_bill[s] - e.wage[row]);
      break;
    }
    case place::market:
    case place::unemployed:
      break;
  }
  set_place(hub, row, place::unemployed, 0, 0.0);
}

void join_market(hub_state& hub, std::size_t row, double wage) {
  set_place(hub, row, place::market, 0, wage);
}

void join_incumbent(hub_state& hub, std::size_t row, std::size_t incumbent, double wage) {
  hub.incumbents[incumbent].headcount += 1;
  set_place(hub, row, place::incumbent, static_cast<std::uint32_t>(incumbent), wage);
}

void join_startup(hub_state& hub, std::size_t row, std::size_t s, double wage, bool founder) {
  auto& st = hub.startups;
  const std::uint32_t slot = st.table.id_at(s).index;
  hub.roster[slot].push_back(hub.engineers.table.id_at(row).index);
  st.team[s] += 1;
  st.team_skill[s] += hub.engineers.skill[row];
  st.wage_bill[s] += wage;
  set_place(hub, row, founder ? place::founder : place::startup, slot, wage);
}

std::size_t add_engineer(hub_state& hub) {
  const auto id = hub.engineers.table.create();
  hub.ties.ensure_nodes(hub.engineers.table.slot_count());
  hub.in_place[static_cast<std::size_t>(place::unemployed)] += 1;
  agenda_row_added(hub);
  return hub.engineers.table.row(id);
}

void remove_engineer(hub_state& hub, std::size_t row) {
  leave_place(hub, row);
  hub.in_place[static_cast<std::size_t>(place::unemployed)] -= 1;
  const auto id = hub.engineers.table.id_at(row);
  hub.ties.clear_node(id.index);
  agenda_row_removed(hub, row);
  hub.engineers.table.destroy(id);
}

}  // namespace liangzhu::model::detail
