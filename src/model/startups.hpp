#pragma once
// Creating and ending startups, and the stage-dependent figures the mechanisms share.
#include "context.hpp"

namespace liangzhu::model::detail {

/// Team a startup wants at its stage.
inline double team_target(const world_params& w, stage s) {
  return w.startups.team_target_idea *
         std::pow(w.startups.team_target_growth_factor, static_cast<int>(s));
}
/// Size of the round that takes a startup out of stage `s`.
double round_size(const world_params& w, stage s);
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
/// paid `price` pro rata (acquisition) or nothing; its remaining cash leaves the ledger.
void end_startup(const context& ctx, hub_state& hub, std::size_t s, exit_kind how,
                 std::size_t acquirer, double price, long tick);

/// Records a stake bought in a startup.
void add_holding(hub_state& hub, std::size_t s, std::int64_t investor, double amount,
                 double post_money);

}  // namespace liangzhu::model::detail
