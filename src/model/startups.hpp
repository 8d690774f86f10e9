#pragma once
// Creating and ending startups, and the stage-dependent figures the mechanisms share.
#include "context.hpp"

namespace liangzhu::model::detail {

/// Draws an idea's quality: log-normal with median 1, truncated at startups.idea_quality_max.
inline double draw_idea_quality(const world_params& w, engine::rng_stream& r) {
  return std::min(w.startups.idea_quality_max,
                  r.lognormal_median(1.0, w.startups.idea_quality_sigma));
}

/// Team a startup of this capability wants: it grows with what the startup can do, without a
/// cap, so team sizes inherit capability's heavy tail.
inline double team_target(const world_params& w, double capability) {
  return w.startups.team_target_idea *
         std::pow(std::max(1.0, capability), w.startups.team_capability_elasticity);
}
/// Team the startup in row `s` wants now.
inline double wanted_team(const world_params& w, const startup_table& st, std::size_t s) {
  return team_target(w, st.capability[s]);
}
/// True if the startup in row `s` hires: it has raised a first round (before it, the founders
/// work alone) and can pay for more than startups.runway_trigger_weeks of its burn.
inline bool hiring(const world_params& w, const startup_table& st, std::size_t s) {
  return st.stage_of[s] != stage::idea && st.cash[s] > st.burn[s] * w.startups.runway_trigger_weeks;
}
/// The stage's usual size, in `hub` now, of the round that takes a startup out of stage `s`.
double stage_round_size(const world_params& w, const hub_state& hub, stage s);
/// Size of the round the startup in row `s` raises now: the stage's usual size, or more for a
/// startup valued highly (the round then sells startups.round_dilution of the company).
double round_size(const world_params& w, const hub_state& hub, std::size_t s);
/// The signal an investor needs to fund that round.
inline double round_bar(const world_params& w, stage s) {
  return w.startups.round_bar_seed * std::pow(w.startups.round_bar_step, static_cast<int>(s));
}

/// Founds a startup led by the engineer in `founder_row` (who must be unemployed by then);
/// books the founder's own money. Returns the startup's row.
std::size_t create_startup(const context& ctx, hub_state& hub, std::size_t founder_row, double idea,
                           long tick);

enum class exit_kind { failure, acquisition };
/// Ends a startup: its team becomes unemployed (failure) or joins the acquirer; investors are
/// paid `price` pro rata to their stakes (acquisition) or nothing; its remaining cash leaves the
/// ledger.
void end_startup(const context& ctx, hub_state& hub, std::size_t s, exit_kind how,
                 std::size_t acquirer, double price, long tick);

/// Books the own money a founder or co-founder (the engineer in `row`) brings to startup `s`.
void book_founder_savings(const context& ctx, hub_state& hub, std::size_t s, std::size_t row,
                          long tick);
/// How the stakes are paid at an exit: in a sale the investors' preferred shares carry their
/// liquidation preference; at a listing they convert into ordinary shares.
enum class exit_terms { sale, listing };
/// Pays the holders of stakes in startup `s` what they receive of `value` (an acquisition's
/// price, the market value at a listing) and clears the stakes; returns what was paid.
double realise_stakes(const context& ctx, hub_state& hub, std::size_t s, double value,
                      exit_terms terms);
/// Records a stake bought in a startup.
void add_holding(hub_state& hub, std::size_t s, std::int64_t investor, double amount,
                 double post_money);
/// Dilutes every stake in startup `s` by a round that sells `sold` of the company.
void dilute_holdings(hub_state& hub, std::size_t s, double sold);

}  // namespace liangzhu::model::detail
