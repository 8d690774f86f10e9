// Dated changes of the rules: export-control steps per hub (the foreign-chip regime) and changes
// of government instruments; and the yearly renewal of governments' budgets.
#include <stdexcept>

#include "mechanisms.hpp"

namespace liangzhu::model::detail {
namespace {

double& instrument(government_params& g, const std::string& key) {
  if (key == "budget_cny_per_year") return g.budget_cny_per_year;
  if (key == "subsidy_per_startup_cny") return g.subsidy_per_startup_cny;
  if (key == "voucher_budget_cny_per_year") return g.voucher_budget_cny_per_year;
  if (key == "voucher_share_domestic") return g.voucher_share_domestic;
  if (key == "voucher_share_foreign") return g.voucher_share_foreign;
  if (key == "voucher_share_small") return g.voucher_share_small;
  if (key == "guidance_fund_cny") return g.guidance_fund_cny;
  if (key == "guidance_share_of_round") return g.guidance_share_of_round;
  if (key == "tax_break") return g.tax_break;
  if (key == "guidance_years") return g.guidance_years;
  throw std::logic_error("unknown instrument " + key);  // read_parameters has checked the keys
}

}  // namespace

void apply_export_control(const context& ctx, hub_state& hub, const export_control_step& step,
                          long tick) {
  hub.foreign_supply_share = step.supply_share;
  hub.foreign_performance = step.performance;
  ctx.event(tick, hub, ctx.kinds.export_control, 0, step.supply_share);
}

void apply_policy_change(const context& ctx, hub_state& hub, const policy_change& change,
                         long tick) {
  const std::string local = "government.local.", provincial = "government.provincial.";
  const bool is_local = change.key.rfind(local, 0) == 0;
  auto& level = is_local ? hub.p.local : hub.p.provincial;
  auto& state = is_local ? hub.local : hub.provincial;
  const std::string name = change.key.substr((is_local ? local : provincial).size());
  double& value = instrument(level, name);
  // Yearly budgets change from the next budget year; a new guidance-fund size adds or removes the
  // difference from the capital not yet invested.
  if (name == "guidance_fund_cny")
    state.guidance_left = std::max(0.0, state.guidance_left + change.value - value);
  value = change.value;
  ctx.event(tick, hub, ctx.kinds.policy, 0, change.value);
}

void start_budget_year(hub_state& hub) {
  hub.local.budget_left = hub.p.local.budget_cny_per_year;
  hub.local.voucher_left = hub.p.local.voucher_budget_cny_per_year;
  hub.provincial.budget_left = hub.p.provincial.budget_cny_per_year;
  hub.provincial.voucher_left = hub.p.provincial.voucher_budget_cny_per_year;
  // Guidance funds deploy their capital over their investment period.
  hub.local.guidance_year_left = hub.p.local.guidance_fund_cny / hub.p.local.guidance_years;
  hub.provincial.guidance_year_left =
      hub.p.provincial.guidance_fund_cny / hub.p.provincial.guidance_years;
  for (auto& used : hub.startups.voucher_year.values()) used = 0;  // the per-firm cap is yearly
}

}  // namespace liangzhu::model::detail
