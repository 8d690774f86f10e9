// Dated changes of the rules: export-control steps per hub (the foreign-chip regime) and changes
// of government instruments; and the yearly renewal of governments' budgets.
#include <stdexcept>

#include "mechanisms.hpp"
#include "params_world.hpp"

namespace liangzhu::model::detail {
namespace {

/// The binding of a government instrument: the schema's own table (params_world.cpp), so the
/// instruments a policy may change are the keys a scenario may set, listed once.
const binding<government_params>& instrument(const std::string& key) {
  static const std::vector<binding<government_params>> instruments = government_bindings();
  for (const auto& b : instruments)
    if (b.spec.key == key) return b;
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
  auto& level = is_local ? hub.local : hub.provincial;
  const std::string name = change.key.substr((is_local ? local : provincial).size());
  const government_params before = level.instruments;
  instrument(name).assign(level.instruments, change.value);
  // Yearly budgets change from the next budget year; a new guidance-fund size adds or removes the
  // difference from the capital not yet invested.
  if (name == "guidance_fund_cny") {
    level.guidance_left =
        std::max(0.0, level.guidance_left + change.value - before.guidance_fund_cny);
  }
  ctx.event(tick, hub, ctx.kinds.policy, 0, change.value);
}

void start_budget_year(hub_state& hub) {
  for (auto* level : {&hub.local, &hub.provincial}) {
    level->budget_left = level->instruments.budget_cny_per_year;
    level->voucher_left = level->instruments.voucher_budget_cny_per_year;
    // Guidance funds deploy their capital over their investment period.
    level->guidance_year_left =
        level->instruments.guidance_fund_cny / level->instruments.guidance_years;
  }
  for (auto& used : hub.startups.voucher_year.values()) used = 0;  // the per-firm cap is yearly
}

}  // namespace liangzhu::model::detail
