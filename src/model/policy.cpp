// Dated changes of the rules: export-control steps per hub (the foreign-chip regime) and a hub's
// policy changes, of a government instrument or of any other parameter the model reads while it
// runs; and the yearly renewal of governments' budgets.
#include <cmath>
#include <stdexcept>

#include "mechanisms.hpp"
#include "params_world.hpp"
#include "timers.hpp"

namespace liangzhu::model::detail {
namespace {

constexpr std::string_view local_prefix = "government.local.";
constexpr std::string_view provincial_prefix = "government.provincial.";

/// The binding of a key of [hub.<name>]: the schema's own table (scenario_schema.cpp), so the
/// keys a policy may change are the keys a scenario may set, listed once.
template <class S>
const binding<S>& binding_of(const std::vector<binding<S>>& list, std::string_view key) {
  for (const auto& b : list)
    if (b.spec.key == key) return b;
  throw std::logic_error("unknown key " + std::string(key));  // the resolver has checked it
}

const binding<hub_params>& hub_key(std::string_view key) {
  static const std::vector<binding<hub_params>> keys = all_hub_bindings();
  return binding_of(keys, key);
}

const binding<government_params>& instrument(std::string_view key) {
  static const std::vector<binding<government_params>> instruments = government_bindings();
  return binding_of(instruments, key);
}

/// The level of government a key belongs to, with the instrument's name; null for other keys.
std::pair<government_state*, std::string_view> government_of(hub_state& hub, std::string_view key) {
  if (key.starts_with(local_prefix)) return {&hub.local, key.substr(local_prefix.size())};
  if (key.starts_with(provincial_prefix))
    return {&hub.provincial, key.substr(provincial_prefix.size())};
  return {nullptr, {}};
}

/// A changed instrument. What is left of this budget year's budgets moves by the difference for
/// the weeks left (a budget of 250 M cut to 125 M in week 26 of 52 leaves 62.5 M less to spend
/// this year); a new guidance-fund size adds or removes the difference from the capital not yet
/// invested, and the year's pace of investment moves with the fund and its years.
void change_instrument(const context& ctx, government_state& level, std::string_view name,
                       const io::param_value& value, long tick) {
  const government_params before = level.instruments;
  instrument(name).assign(level.instruments, value);
  const government_params& after = level.instruments;
  const long year = std::lround(ctx.ticks_per_year());
  const double weeks_left = static_cast<double>(year - tick % year) / static_cast<double>(year);
  const auto move = [weeks_left](double& left, double old_value, double new_value) {
    left = std::max(0.0, left + (new_value - old_value) * weeks_left);
  };
  move(level.budget_left, before.budget_cny_per_year, after.budget_cny_per_year);
  move(level.voucher_left, before.voucher_budget_cny_per_year, after.voucher_budget_cny_per_year);
  move(level.guidance_year_left, before.guidance_fund_cny / before.guidance_years,
       after.guidance_fund_cny / after.guidance_years);
  level.guidance_left =
      std::max(0.0, level.guidance_left + after.guidance_fund_cny - before.guidance_fund_cny);
}

/// Engineers' waiting times were drawn with the rates then in force (timers.hpp): a change of
/// the talent or founding keys redraws them all, which for these memoryless processes is the
/// same as having drawn them under the new rates. The unemployed's market offers are drawn again
/// at the next job moves.
void redraw_timers(const context& ctx, hub_state& hub, long tick) {
  const hub_chances chances(ctx, hub.p);
  for (std::size_t row = 0; row < hub.engineers.table.size(); ++row) {
    draw_timers(ctx, hub, chances, row, tick, purpose::policy_timers);
    if (hub.engineers.where[row] == place::unemployed) undraw_market_offer(hub, row);
  }
  forget_timers(hub);  // refilled from the new times
}

bool moves_timers(std::string_view key) {
  return key.starts_with("talent.") || key.starts_with("founding.");
}

double event_value(const io::param_value& value) {
  if (const auto* d = std::get_if<double>(&value)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  return 0;  // a choice: the event says that it changed, the scenario what to
}

}  // namespace

void apply_export_control(const context& ctx, hub_state& hub, const export_control_step& step,
                          long tick) {
  hub.foreign_supply_share = step.supply_share;
  hub.foreign_performance = step.performance;
  ctx.event(tick, hub, ctx.kinds.export_control, 0, step.supply_share);
}

long policy_tick(const context& ctx, const policy_change& change) {
  return ctx.cal.tick_containing(change.date);
}

void apply_policy_change(const context& ctx, hub_state& hub, const policy_change& change,
                         long tick) {
  if (const auto [level, name] = government_of(hub, change.key); level) {
    change_instrument(ctx, *level, name, change.value, tick);
  } else {
    hub_key(change.key).assign(hub.p, change.value);
    if (moves_timers(change.key)) redraw_timers(ctx, hub, tick);
  }
  ctx.event(tick, hub, ctx.kinds.policy, 0, event_value(change.value));
}

void reapply_policy_changes(const context& ctx, hub_state& hub, long tick) {
  for (const auto& change : hub.p.policy_changes)
    if (policy_tick(ctx, change) < tick && !government_of(hub, change.key).first)
      hub_key(change.key).assign(hub.p, change.value);
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
