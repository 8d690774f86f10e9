// Snapshots of the network and of the investors' portfolios (see snapshots.hpp).
#include "snapshots.hpp"

#include <string>

#include "portfolios.hpp"

namespace liangzhu::model::detail {
namespace {

/// A column of a snapshot kind, with what the output reference says of it.
struct column_doc {
  const char* name;
  const char* unit;
  const char* description;
};

constexpr column_doc tie_columns[] = {
    {"engineer_slot_a", "slot",
     "One engineer of the tie (the `slot` column of the engineer snapshot)"},
    {"engineer_slot_b", "slot", "The other engineer (slot_a < slot_b: each tie once)"},
    {"kind", "0/1/2", "0 acquaintance, alumni or classmate; 1 co-founder; 2 met at a meetup"},
    {"weight", "weight (0-1)", "Strength of the tie"},
};
constexpr column_doc holding_columns[] = {
    {"startup_slot", "slot", "The startup (the `slot` column of the startup snapshot)"},
    {"investor", "fund",
     "Who holds the stake: a fund's row in the investor snapshot; -1 the hub's guidance funds; -3 "
     "investors of rounds before the run"},
    {"invested_cny", "CNY", "Money put in for the stake"},
    {"share", "share", "Share of the startup held"},
    {"value_cny", "CNY", "The stake at the startup's current valuation"},
};
constexpr column_doc investor_columns[] = {
    {"fund", "fund", "The fund's index (the `investor` column of the holding snapshots)"},
    {"city", "city",
     "Its home city: the position of its [investors.<city>] table in the scenario (0-based)"},
    {"early", "0/1", "1 if it leads seed rounds and series A"},
    {"late", "0/1", "1 if it leads series A and later rounds"},
    {"capital_left_cny", "CNY", "Capital it can still invest this year"},
    {"invested_cny", "CNY", "Money invested so far (leads and co-investments)"},
    {"proceeds_cny", "CNY", "Proceeds of its exits so far (acquisitions)"},
    {"held_value_cny", "CNY", "Its stakes still held, at the startups' current valuations"},
    {"deals", "deals", "Investments made so far"},
    {"deals_this_year", "deals",
     "Investments made this year (its pace is capped by deals_per_year)"},
    {"contacts", "startups",
     "Startups it keeps in touch with (capital.investor_contacts_kept at most)"},
};

template <std::size_t N>
engine::agent_snapshot empty_snapshot(long tick, std::string kind, const column_doc (&columns)[N]) {
  engine::agent_snapshot snap{static_cast<std::int32_t>(tick), std::move(kind), {}, {}};
  for (const auto& c : columns) snap.columns.emplace_back(c.name);
  return snap;
}

template <std::size_t N>
void document(std::vector<output_doc>& out, const std::string& kind,
              const column_doc (&columns)[N]) {
  for (const auto& c : columns)
    out.push_back({kind + "." + c.name, c.unit, c.description, "snapshot"});
}

}  // namespace

std::vector<output_doc> snapshot_docs() {
  std::vector<output_doc> out;
  document(out, "<hub>.tie", tie_columns);
  document(out, "<hub>.holding", holding_columns);
  document(out, "investor", investor_columns);
  return out;
}

engine::agent_snapshot tie_snapshot(const hub_state& hub, long tick) {
  auto snap = empty_snapshot(tick, hub.p.name + ".tie", tie_columns);
  for (std::uint32_t a = 0; a < hub.ties.node_count(); ++a) {
    const auto ties = hub.ties.ties_of(a);
    const auto others = ties.neighbours();
    for (std::size_t k = 0; k < others.size(); ++k)
      if (a < others[k])
        for (const double v :
             {static_cast<double>(a), static_cast<double>(others[k]),
              static_cast<double>(ties.kinds()[k]), static_cast<double>(ties.weights()[k])})
          snap.values.push_back(v);
  }
  return snap;
}

engine::agent_snapshot holding_snapshot(const hub_state& hub, long tick) {
  auto snap = empty_snapshot(tick, hub.p.name + ".holding", holding_columns);
  const auto& st = hub.startups;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    const auto slot = st.table.id_at(s).index;
    for (const auto& stake : hub.holdings[slot])
      for (const double v : {static_cast<double>(slot), static_cast<double>(stake.investor),
                             stake.invested, stake.share, stake.share * st.valuation[s]})
        snap.values.push_back(v);
  }
  return snap;
}

engine::agent_snapshot investor_snapshot(const context& ctx,
                                         const std::vector<const hub_state*>& hubs, long tick) {
  const auto& funds = ctx.world.investors;
  const auto held = held_value_by_fund(ctx, hubs);
  auto snap = empty_snapshot(tick, "investor", investor_columns);
  for (std::size_t i = 0; i < funds.size(); ++i) {
    const auto& f = funds[i];
    for (const double v : {static_cast<double>(i), static_cast<double>(f.city), f.early ? 1.0 : 0.0,
                           f.late ? 1.0 : 0.0, f.capital_left, f.invested, f.proceeds, held[i],
                           f.deals, f.deals_this_year, static_cast<double>(f.contacts.size())})
      snap.values.push_back(v);
  }
  return snap;
}

}  // namespace liangzhu::model::detail
