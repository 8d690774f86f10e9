// Investors' ties (ODD submodel "Deal flow through ties"). MODEL.md: "Deal flow comes mainly from
// meetups and ties". The seeds' investors "fly in from Beijing, Shanghai, and Shenzhen to scout
// talent": the founders they meet there become contacts, and so do founders whom their portfolio's
// founders know. A fund follows its contacts and may lead a contact's round between trips.
#include "investor_ties.hpp"

#include <algorithm>

#include "funding.hpp"
#include "startups.hpp"

namespace liangzhu::model::detail {

void add_contact(const context& ctx, investor_state& inv, const hub_state& hub, std::size_t s,
                 long tick) {
  const auto kept = static_cast<std::size_t>(ctx.p.world.capital.investor_contacts_kept);
  if (kept == 0) return;
  const investor_contact fresh{hub.startups.table.id_at(s).packed(), hub.index,
                               static_cast<std::int32_t>(tick)};
  auto& list = inv.contacts;
  const auto known = std::find_if(list.begin(), list.end(), [&](const investor_contact& c) {
    return c.startup == fresh.startup && c.hub == fresh.hub;
  });
  if (known != list.end()) {
    known->since = fresh.since;
    return;
  }
  if (list.size() < kept) {
    list.push_back(fresh);
    return;
  }
  // The oldest contact (the first of equals, so the choice never depends on anything but order).
  *std::min_element(list.begin(), list.end(),
                    [](const investor_contact& a, const investor_contact& b) {
                      return a.since < b.since;
                    }) = fresh;
}

void introduce_to_portfolio_investors(const context& ctx, hub_state& hub, std::size_t s,
                                      long tick) {
  const auto& e = hub.engineers;
  const auto founder = engine::agent_id::unpack(hub.startups.founder[s]);
  const auto ties = hub.ties.settled_ties_of(founder.index);
  for (const auto other_slot : ties.neighbours()) {
    const std::size_t row = e.table.find_row(other_slot);
    if (row == SIZE_MAX) continue;
    if (e.where[row] != place::founder) continue;
    const auto startup_slot = e.employer[row];
    if (startup_slot == hub.startups.table.id_at(s).index) continue;
    for (const auto& stake : hub.holdings[startup_slot])
      if (holder::is_fund(stake.investor))
        add_contact(ctx, ctx.world.investors[static_cast<std::size_t>(stake.investor)], hub, s,
                    tick);
  }
}

void deal_flow_through_ties(const context& ctx, hub_state& hub, long tick) {
  const double followup = ctx.p.world.capital.contact_followup_per_week;
  if (followup <= 0) return;
  auto& st = hub.startups;
  for (const std::size_t i : fund_order(ctx, hub, fund_phase::ties, tick)) {
    auto& inv = ctx.world.investors[i];
    if (inv.contacts.empty() || inv.deals_this_year >= inv.deals_per_year) continue;
    auto r = ctx.rng(purpose::investor_contact, engine::mix_subject(i, hub.index), tick);
    const bool foreign = is_foreign(inv, hub);
    // Contacts are visited in list order; a startup closed or gone since is skipped (and kept
    // until a newer contact replaces it: a fund does not hear of every failure at once).
    for (std::size_t k = 0; k < inv.contacts.size(); ++k) {
      const investor_contact c = inv.contacts[k];
      if (c.hub != hub.index || !r.bernoulli(followup)) continue;
      const auto id = engine::agent_id::unpack(c.startup);
      if (!st.table.alive(id)) continue;
      const std::size_t s = st.table.row(id);
      if (!st.seeking[s] || !leads_round_at(inv, st.stage_of[s])) continue;
      // A known startup is judged as at a meetup: a fresh look at its pitch and, for a foreign
      // fund, its wariness of the startup's state ties.
      if (pitch_signal(ctx, hub, s) < round_bar(ctx.p.world, st.stage_of[s])) continue;
      if (foreign && !r.bernoulli(foreign_appetite(ctx, hub, st.state_tie[s]))) continue;
      hub.counts.add(counted::term_sheets);
      if (raise_round(ctx, hub, s, foreign ? lead::foreign_vc : lead::domestic_vc, i, tick)) {
        hub.counts.add(counted::rounds_through_ties);
        break;  // one new deal per fund and week through ties
      }
    }
  }
}

}  // namespace liangzhu::model::detail
