// The per-hub sections of the scenario schema: talent, noncompetes, meetups, startups' climate,
// chip access, the two levels of government, incumbents, export controls and policy changes.
// Defaults describe Liangzhu/Hangzhou; scenarios/hubs/silicon_valley.toml overrides them.
#include <limits>

#include "params_world.hpp"
#include "sources.hpp"

namespace liangzhu::model::detail {
namespace {
constexpr double inf = std::numeric_limits<double>::infinity();
using io::real, io::integer, io::choice, io::string_param, io::at_start_only;

/// Binds one element of the initial stage mix (the schema has one key per stage).
binding<hub_params> initial_stage_share(int stage, const char* name, double share) {
  return {at_start_only(
              real(std::string("founding.initial_share_") + name, share, 0, 1, "share",
                   std::string("Share of the initial startups at the ") + name +
                       " stage (the five shares are scaled to their total, which must be positive)",
                   source::assumption)),
          [stage](hub_params& h, const io::param_value& v) {
            h.founding.initial_share[stage] = as_real(v);
          }};
}
}  // namespace

std::vector<binding<hub_params>> hub_bindings() {
  using h = hub_params;
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind(&h::country, at_start_only(choice("country", "china", words(country_words), "Country the hub is in (investors from the same country are domestic)", source::assumption))),
      bind_nested(&h::talent, &hub_talent::engineers, at_start_only(integer("talent.engineers", 300000, 0, 2.5e8, "engineers", "AI and software engineers in the hub at the start (Hangzhou: hundreds of thousands)", source::assumption))),
      bind_nested(&h::talent, &hub_talent::graduates_per_year, integer("talent.graduates_per_year", 20000, 0, 1e7, "engineers per year", "Engineering graduates joining the pool each year (a quarter of Hangzhou's ~80,000 graduates)", source::hangzhou_graduates)),
      bind_nested(&h::talent, &hub_talent::graduate_month, integer("talent.graduate_month", 7, 1, 12, "month", "Month graduates arrive", source::assumption)),
      bind_nested(&h::talent, &hub_talent::zju_share, real("talent.zju_share", 0.25, 0, 1, "share", "Share of engineers (and graduates) from Zhejiang University", source::seeds)),
      bind_nested(&h::talent, &hub_talent::zju_skill_bonus, real("talent.zju_skill_bonus", 0.15, 0, 5, "share", "Skill edge of ZJU alumni", source::seeds)),
      bind_nested(&h::talent, &hub_talent::zju_tie_bonus, at_start_only(real("talent.zju_tie_bonus", 2.0, 0, 20, "x", "Extra initial ties among ZJU alumni (alumni network)", source::seeds))),
      bind_nested(&h::talent, &hub_talent::leave_rate_per_year, real("talent.leave_rate_per_year", 0.04, 0, 1, "per year", "Engineers retiring or leaving the hub", source::assumption)),
      bind_nested(&h::talent, &hub_talent::wage_cny_per_year, real("talent.wage_cny_per_year", 350000, 0, max_cny, "CNY per year", "Market wage of an engineer of skill 1", source::assumption)),
      bind_nested(&h::talent, &hub_talent::wage_growth, real("talent.wage_growth", 0.04, -0.5, 1, "per year", "Growth of the market wage", source::assumption)),
      bind_nested(&h::talent, &hub_talent::startup_wage_factor, real("talent.startup_wage_factor", 0.85, 0, 5, "x market", "Cash wage a startup pays relative to the market (the rest is equity)", source::assumption)),
      bind_nested(&h::talent, &hub_talent::job_search_per_year, real("talent.job_search_per_year", 0.25, 0, 52, "per year", "Chance an employed engineer looks for a job in a year", source::assumption)),
      bind_nested(&h::talent, &hub_talent::switching_premium, real("talent.switching_premium", 0.08, 0, 5, "share", "Raise an engineer needs to change employer", source::assumption)),
      bind_nested(&h::talent, &hub_talent::skill_sigma, real("talent.skill_sigma", 0.35, 0, 3, "log-scale", "Spread of engineers' skill (log-normal sigma, median 1)", source::assumption)),
      bind_nested(&h::talent, &hub_talent::unemployed_share, at_start_only(real("talent.unemployed_share", 0.03, 0, 1, "share", "Share of engineers between jobs at the start", source::assumption))),
      bind_nested(&h::talent, &hub_talent::initial_ties, at_start_only(integer("talent.initial_ties", 4, 0, 64, "ties", "Random acquaintances per engineer at the start, before the alumni ties (at most tie_capacity are kept)", source::assumption))),
      bind_nested(&h::talent, &hub_talent::graduate_skill_factor, real("talent.graduate_skill_factor", 0.85, 0, 5, "x", "Skill of a new graduate relative to an engineer of the same draw (juniors start below the average)", source::assumption)),
      bind_nested(&h::talent, &hub_talent::graduate_ties, integer("talent.graduate_ties", 2, 0, 64, "ties", "Ties a graduate draws to engineers already in the hub (classmates, former interns)", source::assumption)),
      bind_nested(&h::talent, &hub_talent::zju_graduate_outside_tie, real("talent.zju_graduate_outside_tie", 0.5, 0, 1, "probability", "Chance a ZJU graduate's drawn tie to a non-alumnus is kept (lower: a more closed alumni network)", source::assumption)),
      bind_nested(&h::talent, &hub_talent::market_job_find_per_week, real("talent.market_job_find_per_week", 0.08, 0, 1, "probability per week", "Chance an unemployed engineer gets a market offer in a week", source::assumption)),
      bind_nested(&h::talent, &hub_talent::market_offer_sigma, real("talent.market_offer_sigma", 0.1, 0, 2, "log-scale", "Spread of market offers around the market wage (log-normal sigma)", source::assumption)),
      bind_nested(&h::talent, &hub_talent::startup_appeal, real("talent.startup_appeal", 0.5, 0, 10, "share per unit of propensity", "Value an engineer puts on a startup's equity, as a share of its wage per unit of entrepreneurial propensity", source::assumption)),
      bind_nested(&h::talent, &hub_talent::job_loss_per_year, real("talent.job_loss_per_year", 0.08, 0, 1, "per year", "Chance an employed engineer loses the job in a year (layoffs, contracts ending, moves without a next job); drawn at the engineer's job searches", source::china_labour)),
      bind_nested(&h::talent, &hub_talent::vacancy_fill_weeks, real("talent.vacancy_fill_weeks", 8, 1, 104, "weeks", "Time an incumbent takes to fill its open positions through job search: each week it hires at most its open positions / this many (recruiting capacity; poaching aside)", source::assumption)),
      bind_nested(&h::talent, &hub_talent::market_vacancy_weeks, real("talent.market_vacancy_weeks", 6, 1, 52, "weeks", "Mean time a vacancy in the rest of the labour market stays open: the market's employers are not agents, so its open positions are counted as its hires per week times this (Little's law; output vacancies_market)", source::vacancy_duration)),
      bind_nested(&h::founding, &hub_founding::ideas_per_year, real("founding.ideas_per_year", 0.00021, 0, 1, "per engineer-year", "Founding ideas per engineer-year at entrepreneurial propensity 1", source::calibrated_historical)),
      bind_nested(&h::founding, &hub_founding::incumbent_idea_boost, real("founding.incumbent_idea_boost", 4.0, 0, 50, "x", "Extra idea rate of engineers employed by an incumbent (spin-outs: employees of leading firms found more, and better-informed, startups)", source::spinouts)),
      bind_nested(&h::founding, &hub_founding::tie_boost, real("founding.tie_boost", 0.5, 0, 20, "x per founder tie", "Extra founding rate per tie to a founder", source::seeds)),
      bind_nested(&h::founding, &hub_founding::meetup_boost, real("founding.meetup_boost", 1.0, 0, 20, "x", "Extra founding rate in the weeks after attending a meetup", source::seeds)),
      bind_nested(&h::founding, &hub_founding::idea_patience_weeks, real("founding.idea_patience_weeks", 104, 1, 520, "weeks", "Mean time a bound engineer keeps an idea while waiting", source::seeds)),
      bind_nested(&h::founding, &hub_founding::founder_ties_counted, integer("founding.founder_ties_counted", 3, 0, 64, "ties", "Most ties to founders that raise an engineer's founding rate", source::assumption)),
      bind_nested(&h::founding, &hub_founding::meetup_memory_weeks, integer("founding.meetup_memory_weeks", 8, 0, 520, "weeks", "Weeks a meetup keeps inspiring an attendee (the meetup boost applies during them)", source::assumption)),
      bind_nested(&h::founding, &hub_founding::cofounder_chance, real("founding.cofounder_chance", 0.6, 0, 1, "probability", "Chance each of a founder's two co-founder seats is filled from their ties", source::assumption)),
      initial_stage_share(0, "idea", 0.30),
      initial_stage_share(1, "seed", 0.35),
      initial_stage_share(2, "a", 0.20),
      initial_stage_share(3, "b", 0.10),
      initial_stage_share(4, "growth", 0.05),
      bind_nested(&h::founding, &hub_founding::initial_government_share, at_start_only(real("founding.initial_government_share", 0.6, 0, 1, "share", "Share of the initial funded startups on the government route (where it exists)", source::assumption))),
      bind_nested(&h::founding, &hub_founding::initial_offshore_share, at_start_only(real("founding.initial_offshore_share", 0.05, 0, 1, "share", "Share of the initial funded startups on the offshore route (where the government route exists)", source::assumption))),
      bind_nested(&h::founding, &hub_founding::initial_post_money_multiple, at_start_only(real("founding.initial_post_money_multiple", 4, 1, 100, "x round", "Post-money valuation of the initial startups' last round, as a multiple of the round", source::assumption))),
      bind_nested(&h::founding, &hub_founding::initial_startups, at_start_only(integer("founding.initial_startups", 450, 0, 1e6, "startups", "AI startups alive at the start", source::hangzhou_firms))),
      bind_nested(&h::noncompete, &hub_noncompete::max_months, real("noncompete.max_months", 24, 0, 120, "months", "Longest noncompete the law allows", source::labor_law)),
      bind_nested(&h::noncompete, &hub_noncompete::enforceable, real("noncompete.enforceable", 1.0, 0, 1, "share", "How far courts uphold noncompetes (0: void, as in California)", source::labor_law)),
      bind_nested(&h::noncompete, &hub_noncompete::compensation_share, real("noncompete.compensation_share", 0.3, 0, 2, "x wage", "Monthly compensation the former employer pays during a noncompete", source::labor_law)),
      bind_nested(&h::noncompete, &hub_noncompete::suit_win_rate, real("noncompete.suit_win_rate", 0.8, 0, 1, "probability", "Chance the former employer wins a noncompete suit (the startup pays damages only then)", source::assumption)),
      bind_nested(&h::noncompete, &hub_noncompete::litigation_damages_cny, real("noncompete.litigation_damages_cny", 1e6, 0, max_cny, "CNY", "Damages a startup pays when its founder loses a noncompete suit", source::assumption)),
      bind_nested(&h::noncompete, &hub_noncompete::found_anyway_bias, real("noncompete.found_anyway_bias", 0.15, 0, 1, "probability", "Chance a bound engineer with an idea founds at once when enforcement is nil", source::seeds)),
      bind_nested(&h::poaching, &hub_poaching::premium, real("poaching.premium", 0.4, 0, 10, "share", "Raise an incumbent offers a startup's top engineer", source::seeds)),
      bind_nested(&h::poaching, &hub_poaching::capability_loss_factor, real("poaching.capability_loss_factor", 0.6, 0, 1, "", "Capability lost per unit of team skill share that leaves", source::seeds)),
      bind_nested(&h::poaching, &hub_poaching::reference_gap_share, real("poaching.reference_gap_share", 0.02, 1e-6, 1, "share of wanted headcount", "Hiring gap at which an incumbent makes its stated poaching offers; offers scale with the gap (0.25 of them with no gap)", source::assumption)),
      bind_nested(&h::poaching, &hub_poaching::max_factor, real("poaching.max_factor", 3, 0, 100, "x", "Most an incumbent's poaching offers can be scaled up by its hiring gap", source::assumption)),
      bind_nested(&h::meetups, &hub_meetups::attendance_share, real("meetups.attendance_share", 0.0004, 0, 1, "share per week", "Share of engineers at the weekly meetups", source::seeds)),
      bind_nested(&h::meetups, &hub_meetups::pitch_chance, real("meetups.pitch_chance", 0.25, 0, 1, "share per week", "Chance a startup seeking a round pitches at a given week's meetup", source::seeds)),
      bind_nested(&h::meetups, &hub_meetups::ties_per_attendee, real("meetups.ties_per_attendee", 2, 0, 100, "ties", "New ties each attendee makes", source::seeds)),
      bind_nested(&h::meetups, &hub_meetups::local_fund_attendance, real("meetups.local_fund_attendance", 0.8, 0, 1, "probability per week", "Chance a fund based in the hub's own city comes to a given week's meetup", source::assumption)),
      bind_nested(&h::meetups, &hub_meetups::pitches_screened, integer("meetups.pitches_screened", 5, 0, 1000, "pitches", "Pitches a visiting fund looks at closely", source::assumption)),
      bind_nested(&h::meetups, &hub_meetups::founder_ties_per_pitch, integer("meetups.founder_ties_per_pitch", 2, 0, 100, "ties", "Attendees a pitching founder gets to know", source::assumption)),
      bind_nested(&h::meetups, &hub_meetups::tie_weight, real("meetups.tie_weight", 0.5, 0, 1, "weight", "Strength of a tie made at a meetup", source::assumption)),
      bind_nested(&h::meetups, &hub_meetups::tie_decay_per_year, real("meetups.tie_decay_per_year", 0.1, 0, 10, "per year", "Decay of tie strength", source::assumption)),
      bind_nested(&h::meetups, &hub_meetups::tie_drop_weight, real("meetups.tie_drop_weight", 0.05, 0, 1, "weight", "Strength below which a decayed tie is forgotten", source::assumption)),
      bind_nested(&h::funding, &hub_funding::government_route, integer("funding.government_route", 1, 0, 1, "0/1", "1 if government funding exists for startups here", source::seeds)),
      bind_nested(&h::funding, &hub_funding::state_tie_stigma, real("funding.state_tie_stigma", 1, 0, 5, "x", "How much foreign investors discount state ties of this hub's startups", source::seeds)),
      bind_nested(&h::costs, &hub_costs::level, real("costs.level", 1.0, 0.1, 10, "x Hangzhou", "Non-wage costs relative to Hangzhou", source::assumption)),
      bind_nested(&h::costs, &hub_costs::profit_tax_rate, real("costs.profit_tax_rate", 0.25, 0, 1, "share", "Statutory profit tax rate (China 25%)", "PRC Enterprise Income Tax Law art. 4")),
      bind_nested(&h::vouchers, &hub_vouchers::stack_cap, real("vouchers.stack_cap", 0.6, 0, 1, "share", "Most of a compute contract local and provincial vouchers may cover together", source::vouchers)),
      bind_nested(&h::vouchers, &hub_vouchers::cap_per_firm_cny, real("vouchers.cap_per_firm_cny", 8e6, 0, max_cny, "CNY per year", "Most voucher money one firm gets in a year", source::vouchers)),
      bind_nested(&h::vouchers, &hub_vouchers::small_contract_cny, real("vouchers.small_contract_cny", 1e6, 0, max_cny, "CNY per year", "Compute spending below which the small-contract share applies", source::assumption)),
      bind_nested(&h::chips, &hub_chips::foreign_stock_h100e, at_start_only(real("chips.foreign_stock_h100e", 100000, 0, max_h100e, "H100e", "Foreign accelerators installed in the hub at the start", source::assumption))),
      bind_nested(&h::chips, &hub_chips::domestic_stock_h100e, at_start_only(real("chips.domestic_stock_h100e", 20000, 0, max_h100e, "H100e", "Domestic accelerators installed at the start", source::huawei))),
      bind_nested(&h::chips, &hub_chips::domestic_allocation_share, real("chips.domestic_allocation_share", 0.08, 0, 1, "share", "Share of national domestic chip output the hub can buy", source::assumption)),
      bind_nested(&h::chips, &hub_chips::foreign_supply_h100e_per_year, real("chips.foreign_supply_h100e_per_year", 120000, 0, max_h100e, "H100e per year", "Foreign accelerators the hub could buy per year without export controls", source::assumption)),
  };
  // clang-format on
}

std::vector<binding<government_params>> government_bindings() {
  using g = government_params;
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind(&g::budget_cny_per_year, real("budget_cny_per_year", 5e8, 0, max_cny, "CNY per year", "Yearly budget for founding subsidies", source::assumption)),
      bind(&g::subsidy_per_startup_cny, real("subsidy_per_startup_cny", 5e5, 0, max_cny, "CNY", "Grant to each new startup", source::seeds)),
      bind(&g::voucher_budget_cny_per_year, real("voucher_budget_cny_per_year", 2.5e8, 0, max_cny, "CNY per year", "Compute-voucher budget", source::vouchers)),
      bind(&g::voucher_share_domestic, real("voucher_share_domestic", 0.3, 0, 1, "share", "Share of a domestic-compute contract the voucher covers", source::vouchers)),
      bind(&g::voucher_share_foreign, real("voucher_share_foreign", 0.2, 0, 1, "share", "Share of a foreign-compute contract the voucher covers", source::vouchers)),
      bind(&g::voucher_share_small, real("voucher_share_small", 0.5, 0, 1, "share", "Share covered for small contracts", source::vouchers)),
      bind(&g::guidance_fund_cny, real("guidance_fund_cny", 2e9, 0, max_cny, "CNY", "Capital of the government guidance fund", source::seeds)),
      bind(&g::guidance_share_of_round, real("guidance_share_of_round", 0.25, 0, 1, "share", "Share of a government-route round this level's guidance fund puts in; a domestic VC co-invests what the two levels leave (none when they sum to 1 or more)", source::assumption)),
      bind(&g::guidance_years, real("guidance_years", 5, 0.5, 50, "years", "Investment period of the guidance fund: a 1/guidance_years share of it may be invested each year", source::assumption)),
      bind(&g::tax_break, real("tax_break", 0.1, 0, 1, "share points", "Cut of the profit tax rate for AI startups (e.g. 25% -> 15%)", "PRC Enterprise Income Tax Law art. 28 (15% for high-tech firms)")),
  };
  // clang-format on
}

std::vector<binding<incumbent_params>> incumbent_bindings() {
  using i = incumbent_params;
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind(&i::headcount, real("headcount", 20000, 0, 1e7, "engineers", "Engineers it employs in the hub at the start", source::assumption)),
      bind(&i::headcount_growth, real("headcount_growth", 0.03, -0.5, 2, "per year", "Growth of its wanted headcount", source::assumption)),
      bind(&i::wage_premium, real("wage_premium", 0.25, 0, 5, "share", "Wage premium over the market", source::assumption)),
      bind(&i::noncompete_share, real("noncompete_share", 0.5, 0, 1, "share", "Share of leavers it binds with a noncompete", source::noncompete_practice)),
      bind(&i::noncompete_months, real("noncompete_months", 12, 0, 120, "months", "Noncompete length in its contracts (capped by the hub's law)", source::labor_law)),
      bind(&i::enforcement, real("enforcement", 0.5, 0, 1, "probability", "Chance it sues a bound leaver who competes", source::seeds)),
      bind(&i::compute_h100e, real("compute_h100e", 20000, 0, max_h100e, "H100e", "Compute it uses at the start", source::assumption)),
      bind(&i::compute_growth, real("compute_growth", 0.25, -0.9, 10, "per year", "Growth of its compute demand", source::assumption)),
      bind(&i::poaching_per_year, real("poaching_per_year", 40, 0, 1e5, "offers per year", "Offers it makes to startups' top engineers", source::seeds)),
      bind(&i::acquisitions_per_year, real("acquisitions_per_year", 0.5, 0, 1000, "per year", "Startups it acquires per year (expected)", source::assumption)),
  };
  // clang-format on
}

std::vector<binding<export_control_step>> export_control_bindings() {
  using e = export_control_step;
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind(&e::label, string_param("label", "", "What the step is (the rule it models)", source::export_controls)),
      bind(&e::supply_share, real("supply_share", 1.0, 0, 1, "share", "Share of open-market foreign supply that still reaches the hub", source::export_controls)),
      bind(&e::performance, real("performance", 1.0, 0, 2, "H100e per chip", "Performance of the best foreign chip allowed", source::export_controls)),
  };
  // clang-format on
}

std::vector<binding<policy_change>> policy_change_bindings() {
  using p = policy_change;
  // The resolver checks `value` as the parameter `key` names (section_spec::changes), so the
  // value arrives with that parameter's type.
  // clang-format off
  return {
      bind(&p::key, string_param("key", "government.local.subsidy_per_startup_cny", "Parameter of the hub that changes, as written in [hub.<name>] (noncompete.enforceable, government.local.voucher_budget_cny_per_year, talent.wage_growth...); required. Keys that take effect when the run starts only (initial stocks and populations) are refused", source::assumption)),
      {real("value", 0, -inf, inf, "the key's unit", "Its new value, checked as the key itself (type, range, choices); required", source::assumption),
       [](p& change, const io::param_value& v) { change.value = v; }},
  };
  // clang-format on
}

}  // namespace liangzhu::model::detail
