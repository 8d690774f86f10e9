// Conservation checks (ODD "Design concepts: observation"): every engineer is in exactly one
// place and the counts kept by the mechanisms agree with the agents; every yuan a startup
// received is in its cash or booked as spent, and per hub the money in by source equals the money
// out by use plus the cash of live startups plus the cash that left with ended ones.
#include "invariants.hpp"

#include <cmath>
#include <string>

#include "ledger.hpp"
#include "liangzhu/engine/errors.hpp"

namespace liangzhu::model::detail {
namespace {

[[noreturn]] void violated(const hub_state& hub, const std::string& what) {
  throw error("conservation check failed in hub '" + hub.p.name + "': " + what);
}

bool close(double a, double b, double scale) {
  return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(scale));
}

void check_people(const hub_state& hub) {
  const auto& e = hub.engineers;
  std::array<std::int64_t, place_count> by_place{};
  std::vector<double> at_incumbent(hub.incumbents.size(), 0.0);
  for (std::size_t row = 0; row < e.table.size(); ++row) {
    by_place[static_cast<std::size_t>(e.where[row])] += 1;
    if (e.where[row] == place::incumbent) at_incumbent.at(e.employer[row]) += 1;
  }
  for (int p = 0; p < place_count; ++p)
    if (by_place[static_cast<std::size_t>(p)] != hub.in_place[static_cast<std::size_t>(p)])
      violated(hub, "engineers in place " + std::to_string(p) + ": " +
                        std::to_string(by_place[static_cast<std::size_t>(p)]) + " counted, " +
                        std::to_string(hub.in_place[static_cast<std::size_t>(p)]) + " kept");
  std::int64_t sum = 0;
  for (const std::int64_t n : by_place) sum += n;
  if (sum != static_cast<std::int64_t>(e.table.size()))
    violated(hub, "engineers by place do not add up to the pool");
  for (std::size_t i = 0; i < hub.incumbents.size(); ++i)
    if (at_incumbent[i] != hub.incumbents[i].headcount)
      violated(hub, "headcount of " + hub.incumbents[i].p.name);
}

void check_teams(const hub_state& hub) {
  const auto& e = hub.engineers;
  const auto& st = hub.startups;
  std::size_t in_teams = 0;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    const auto slot = st.table.id_at(s).index;
    const auto& roster = hub.roster[slot];
    if (roster.size() != st.team[s]) violated(hub, "team size differs from roster");
    double skill = 0, wages = 0;
    int founders = 0;
    for (const auto member : roster) {
      const auto id = e.table.id_of_slot(member);
      if (id.is_null()) violated(hub, "roster names an engineer who left");
      const std::size_t row = e.table.row(id);
      if ((e.where[row] != place::startup && e.where[row] != place::founder) ||
          e.employer[row] != slot)
        violated(hub, "roster member employed elsewhere");
      founders += e.where[row] == place::founder;
      skill += e.skill[row];
      wages += e.wage[row];
    }
    if (founders != 1 || !e.table.alive(engine::agent_id::unpack(st.founder[s])))
      violated(hub, "a startup needs exactly its one lead founder");
    if (std::abs(skill - st.team_skill[s]) > 1e-3 * std::max(1.0, skill))
      violated(hub, "team skill differs from its members'");
    if (std::abs(wages - st.wage_bill[s]) > 1e-3 * std::max(1.0, wages))
      violated(hub, "wage bill differs from its members' wages");
    in_teams += roster.size();
  }
  const std::int64_t employed = hub.in_place[static_cast<std::size_t>(place::startup)] +
                                hub.in_place[static_cast<std::size_t>(place::founder)];
  if (static_cast<std::int64_t>(in_teams) != employed)
    violated(hub, "startup engineers are not all in exactly one team");
}

void check_money(const hub_state& hub) {
  const auto& st = hub.startups;
  double cash = 0;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    if (!close(st.cash[s], st.money_in_total[s] - st.money_out_total[s], st.money_in_total[s]))
      violated(hub, "a startup's cash is not its money in minus its money out");
    if (st.cash[s] < -1e-6 * std::max(1.0, st.money_in_total[s]))
      violated(hub, "a live startup has negative cash");
    cash += st.cash[s];
  }
  double in = 0, out = 0;
  for (const double v : hub.inflows.totals()) in += v;
  for (const double v : hub.outflows.totals()) out += v;
  if (!close(in, out + cash + hub.sums.so_far(summed::exited_cash_cny), in))
    violated(hub, "money in (" + std::to_string(in) +
                      ") differs from money out + cash + exited cash (" +
                      std::to_string(out + cash + hub.sums.so_far(summed::exited_cash_cny)) + ")");
  for (const auto* g : {&hub.local, &hub.provincial})
    if (g->budget_left < -1e-6 || g->voucher_left < -1e-6 || g->guidance_left < -1e-6)
      violated(hub, "a government spent beyond its budget");
}

/// Every yuan of government money a startup booked was paid by a government, and the reverse.
void check_government_sources(const hub_state& hub) {
  const auto both = [&](double government_state::*field) {
    return hub.local.*field + hub.provincial.*field;
  };
  const struct {
    money_in source;
    double paid;
    const char* what;
  } checks[] = {
      {money_in::subsidy, both(&government_state::spent_subsidy), "subsidies"},
      {money_in::voucher, both(&government_state::spent_voucher), "vouchers"},
      {money_in::guidance, both(&government_state::invested_guidance), "guidance investments"}};
  for (const auto& c : checks)
    if (!close(run_inflow(hub, c.source), c.paid, c.paid))
      violated(hub,
               std::string(c.what) + " received by startups differ from what governments paid");
}

}  // namespace

void check_conservation(const hub_state& hub) {
  check_people(hub);
  check_agenda(hub, hub.clock);
  check_teams(hub);
  check_money(hub);
  check_government_sources(hub);
}

void check_investor_sources(const world_state& world, const std::vector<const hub_state*>& hubs) {
  double invested = 0, received = 0;
  for (const auto& inv : world.investors) invested += inv.invested;
  for (const hub_state* h : hubs)
    received += run_inflow(*h, money_in::domestic_vc) + run_inflow(*h, money_in::foreign_vc);
  if (!close(invested, received, invested))
    throw error("conservation check failed: funds invested " + std::to_string(invested) +
                " CNY but startups received " + std::to_string(received) + " CNY from VCs");
}

}  // namespace liangzhu::model::detail
