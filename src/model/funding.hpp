#pragma once
// Rounds, the founder's choice of route and foreign investors' wariness (see funding.cpp).
#include <cstdint>
#include <vector>

#include "context.hpp"

namespace liangzhu::model::detail {

/// Who leads a round.
enum class lead { domestic_vc, foreign_vc, guidance };

/// What investors see of the startup in row `s` when it raises its next round: its capability
/// times a noisy impression drawn once per startup and stage.
double pitch_signal(const context& ctx, const hub_state& hub, std::size_t s);
/// Chance a foreign investor who likes the pitch offers a term sheet: falls with the startup's
/// state ties (as this hub's investors read them) and with tension.
double foreign_appetite(const context& ctx, const hub_state& hub, double state_tie);
/// True if the investor leads the round that takes a startup out of stage `s`: early funds lead
/// seed rounds and series A, late funds series A and later.
inline bool leads_round_at(const investor_state& inv, stage s) {
  if (s == stage::idea) return inv.early;
  if (s == stage::seed) return inv.early || inv.late;
  return inv.late;
}
/// True if investor `i` is foreign to the hub.
inline bool is_foreign(const investor_state& inv, const hub_state& hub) {
  return inv.country != hub.p.country;
}
/// Where several funds may want the same startup in one phase of a week, the order in which they
/// act: a fresh random order per hub, week and phase, so no city's funds get first pick of the
/// deals by their place in the scenario file.
enum class fund_phase : std::uint64_t { meetup = 1, ties = 2 };
std::vector<std::size_t> fund_order(const context& ctx, const hub_state& hub, fund_phase phase,
                                    long tick);
/// Makes the founder's choice (government or offshore) if it is still open and the hub offers
/// government money; `incoming` is the money of the round being negotiated. The offshore route
/// is open only to a startup that can pay for the office (with that money); the caller pays it
/// (pay_offshore_office) once the money is in.
void decide_route(const context& ctx, hub_state& hub, std::size_t s, double incoming, long tick);
void pay_offshore_office(const context& ctx, hub_state& hub, std::size_t s);
/// Closes a round led by investor `investor` (index into world.investors; ignored for guidance).
/// Returns false if the lead cannot pay.
bool raise_round(const context& ctx, hub_state& hub, std::size_t s, lead who, std::size_t investor,
                 long tick);

}  // namespace liangzhu::model::detail
