#pragma once
// Booking of money into and out of startups. Every yuan a startup receives or spends is booked
// here under its source or use, so that cash = money in - money out for each startup and, per
// hub, the totals by source and use add up to the cash of live startups plus the cash that left
// with failed and acquired ones (checked by invariants.cpp).
#include "state.hpp"

namespace liangzhu::model::detail {

inline void book_in(hub_state& hub, std::size_t s, money_in source, double amount) {
  auto& st = hub.startups;
  st.cash[s] += amount;
  st.money_in_total[s] += amount;
  hub.inflows.add(source, amount);
  if (source == money_in::subsidy || source == money_in::guidance || source == money_in::voucher)
    st.government_money[s] += amount;
  if (source == money_in::foreign_vc) st.foreign_money[s] += amount;
}

inline void book_out(hub_state& hub, std::size_t s, money_out use, double amount) {
  auto& st = hub.startups;
  st.cash[s] -= amount;
  st.money_out_total[s] += amount;
  hub.outflows.add(use, amount);
}

/// Money a hub's startups received from `source` since the start of the run.
inline double run_inflow(const hub_state& hub, money_in source) {
  return hub.inflows.so_far(source) - hub.inflow_before_start[static_cast<std::size_t>(source)];
}

/// All government spending so far: subsidies, vouchers, guidance investments, tax expenditure.
inline double government_spending(const hub_state& hub) {
  double total = 0;
  for (const auto* g : {&hub.local, &hub.provincial})
    total += g->spent_subsidy + g->spent_voucher + g->invested_guidance + g->tax_expenditure;
  return total;
}

}  // namespace liangzhu::model::detail
