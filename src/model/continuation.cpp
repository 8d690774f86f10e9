// Starting a run from the end state of its history (start_from). The history's state is loaded
// as a checkpoint would be; what refers to its clock is moved back by its length; what the run
// reports as its own (counts, spending, funds' books, cohorts) starts at zero.
#include "continuation.hpp"

#include <climits>

#include "ledger.hpp"
#include "state_io.hpp"

namespace liangzhu::model::detail {
namespace {

/// A tick of the history as a tick of the run: `shift` ticks earlier.
std::int32_t moved(std::int32_t tick, std::int32_t shift) {
  return tick == INT32_MAX ? tick : tick - shift;
}
/// moved() for an engineer's week (a timer that never fires stays so).
week moved(week w, std::int32_t shift) { return w == never ? w : as_week(long{w} - shift); }

void move_engineer_dates(engineer_table& e, std::int32_t shift) {
  for (std::size_t row = 0; row < e.table.size(); ++row) {
    e.bound_until[row] = moved(e.bound_until[row], shift);
    e.next_search[row] = moved(e.next_search[row], shift);
    e.next_idea[row] = moved(e.next_idea[row], shift);
    e.leave_tick[row] = moved(e.leave_tick[row], shift);
    if (e.next_market_offer[row] >= 0)
      e.next_market_offer[row] = moved(e.next_market_offer[row], shift);
    e.last_meetup[row] = moved(e.last_meetup[row], shift);
    e.hired[row] = moved(e.hired[row], shift);
    // Only whether an engineer waits matters from here on (patience is drawn weekly).
    if (e.waiting_since[row] >= 0) e.waiting_since[row] = 0;
  }
}

void move_startup_dates(startup_table& st, std::int32_t shift) {
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    st.founded[s] = moved(st.founded[s], shift);
    if (st.last_round[s] >= 0) st.last_round[s] = moved(st.last_round[s], shift);
    // A suit still to come keeps its date; one the history already heard is gone.
    st.suit_tick[s] = st.suit_tick[s] >= shift ? moved(st.suit_tick[s], shift) : -1;
  }
}

/// The run's books start here: the money startups hold came in before the start (booked by
/// source as far as the startups' own books tell), and counts, sums and cohorts are the run's.
void restart_books(hub_state& hub) {
  auto& st = hub.startups;
  hub.counts = {};
  hub.sums = {};
  hub.inflows = {};
  hub.outflows = {};
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    const double government = st.government_money[s], foreign = st.foreign_money[s];
    hub.inflows.add(money_in::guidance, government);
    hub.inflows.add(money_in::foreign_vc, foreign);
    hub.inflows.add(money_in::domestic_vc, st.money_in_total[s] - government - foreign);
    hub.outflows.add(money_out::costs, st.money_out_total[s]);
  }
  hub.inflow_before_start = hub.inflows.totals();
  hub.cohort_founded.clear();
  hub.cohort_alive.clear();
  hub.start_week();
  // Stakes the history's funds hold are the history's investors'; the run's funds start afresh.
  for (auto& stakes : hub.holdings)
    for (auto& h : stakes)
      if (holder::is_fund(h.investor)) h.investor = holder::before_the_run;
}

void restart_governments(hub_state& hub) {
  for (auto* level : {&hub.local, &hub.provincial}) {
    *level = government_state{};
  }
  hub.local.instruments = hub.p.local;
  hub.provincial.instruments = hub.p.provincial;
  hub.local.guidance_left = hub.local.instruments.guidance_fund_cny;
  hub.provincial.guidance_left = hub.provincial.instruments.guidance_fund_cny;
}

}  // namespace

void prepare_for_history(const context&, hub_state& hub) {
  for (const auto& p : hub.p.incumbents) {
    incumbent_state inc;
    inc.p = p;
    inc.p.noncompete_months = std::min(p.noncompete_months, hub.p.noncompete.max_months);
    hub.incumbents.push_back(inc);
  }
}

void continue_from_history(const context& ctx, const parameters& history,
                           std::string_view history_state,
                           std::vector<std::unique_ptr<hub_state>>& hubs) {
  load_state(history_state, history, ctx.world, hubs);
  const auto shift = static_cast<std::int32_t>(ctx.world.tick);
  ctx.world.tick = 0;
  ctx.world.exit_values.clear();
  for (auto& inv : ctx.world.investors) {
    inv.invested = inv.proceeds = inv.deals = inv.deals_this_year = 0;
    for (auto& c : inv.contacts) c.since = moved(c.since, shift);
  }
  for (auto& h : hubs) {
    hub_state& hub = *h;
    move_engineer_dates(hub.engineers, shift);
    hub.clock = -1;  // before the run's first week
    rebuild_agenda(hub, 0);
    move_startup_dates(hub.startups, shift);
    restart_books(hub);
    restart_governments(hub);
    // This scenario's wage level holds from its start; the history's wage growth is in the wages.
    hub.wage_index = 1;
    for (auto& inc : hub.incumbents) {
      // Incumbents go on from what they wanted at the history's end (the scenario's headcounts
      // describe an initial state that is not used).
      inc.wanted_at_start = inc.wanted;
      inc.noncompete_paid = inc.acquisitions = inc.spent_on_acquisitions = 0;
    }
    // Chip independence is the run's own: its weeks are counted from the start.
    hub.independence_tick = -1;
    hub.independence_streak = 0;
    auto& st = hub.startups;
    for (std::size_t s = 0; s < st.table.size(); ++s)
      ctx.event(0, hub, ctx.kinds.startup_at_start, st.table.id_at(s).packed(),
                static_cast<double>(st.founded[s]));
  }
}

}  // namespace liangzhu::model::detail
