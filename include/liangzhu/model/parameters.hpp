#pragma once
/// @file The validated description of a Liangzhu run, as typed values (defaults filled in).
/// Built once from a scenario file; the defaults, units, ranges and sources of every field are in
/// ONE place, the bindings in src/model/params_*.cpp (and so in docs/parameters.md); the running
/// state lives elsewhere (state.hpp). Money is in yuan (CNY), compute in H100-equivalent
/// accelerators (H100e), time in weeks unless a name says otherwise.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/io/schema.hpp"

namespace liangzhu::model {

/// A large employer of the hub (Alibaba, NetEase, ByteDance...).
struct incumbent_params {
  std::string name;
  double headcount{};              ///< engineers it employs at the start
  double headcount_growth{};       ///< per year
  double wage_premium{};           ///< over the hub's market wage
  double noncompete_share{};       ///< share of leavers bound by a noncompete
  double noncompete_months{};      ///< duration it writes into contracts
  double enforcement{};            ///< probability it sues a bound leaver who competes
  double compute_h100e{};          ///< compute it needs at the start
  double compute_growth{};         ///< per year
  double poaching_per_year{};      ///< offers to top startup engineers per year
  double acquisitions_per_year{};  ///< startups it acquires per year (expected)
};

/// One step of the export-control regime applying to a hub.
struct export_control_step {
  engine::date date;
  std::string label;
  double supply_share{};  ///< share of open-market foreign supply still reaching the hub
  double performance{};   ///< H100e per foreign accelerator the rules allow
};

/// A dated change of a parameter of a hub ("noncompete.enforceable",
/// "government.local.subsidy_per_startup_cny"): from the week that contains `date` the hub runs
/// with `value` (of the parameter's own type).
struct policy_change {
  engine::date date;
  std::string key;
  io::param_value value;
};

/// A hub's or an investor city's country: a city's funds are foreign to hubs of another country.
enum class country_code : std::uint8_t { china, us, singapore, other };
/// Which rounds a city's funds lead: any, early (seed and series A) or late (A and later).
enum class fund_focus : std::uint8_t { any, early, late };
/// Which round on offer may pay for the offshore office at the founder's choice.
enum class office_payer : std::uint8_t { any, foreign, none };
/// The scenario's words for each enum, in enumerator order: the schema offers them as the key's
/// choices, and the binding turns a word into the enumerator at its position.
inline constexpr std::array<std::string_view, 4> country_words{"china", "us", "singapore", "other"};
inline constexpr std::array<std::string_view, 3> fund_focus_words{"any", "early", "late"};
inline constexpr std::array<std::string_view, 3> office_payer_words{"any", "foreign", "none"};

/// One level of government (local or provincial) and its instruments.
struct government_params {
  double budget_cny_per_year{};
  double subsidy_per_startup_cny{};
  double voucher_budget_cny_per_year{};
  double voucher_share_domestic{};
  double voucher_share_foreign{};
  double voucher_share_small{};
  double guidance_fund_cny{};
  double guidance_share_of_round{};
  double tax_break{};       ///< reduction of the effective profit tax rate (share points)
  double guidance_years{};  ///< investment period over which the guidance fund is deployed
};

/// A hub: its talent pool, employers, rules, government and chip access.
/// The talent pool: engineers, graduates, wages, job search (keys talent.*).
struct hub_talent {
  std::int64_t engineers{};
  std::int64_t graduates_per_year{};
  int graduate_month{};
  double zju_share{};
  double zju_skill_bonus{};
  double zju_tie_bonus{};
  double leave_rate_per_year{};
  double wage_cny_per_year{};
  double wage_growth{};
  double startup_wage_factor{};
  double job_search_per_year{};
  double switching_premium{};
  double skill_sigma{};
  double unemployed_share{};
  int initial_ties{};
  double graduate_skill_factor{};
  int graduate_ties{};
  double zju_graduate_outside_tie{};
  double market_job_find_per_week{};
  double market_offer_sigma{};
  double startup_appeal{};
  double job_loss_per_year{};
  double vacancy_fill_weeks{};
  double market_vacancy_weeks{};
};

/// Ideas, co-founders and the initial startups (keys founding.*).
struct hub_founding {
  double ideas_per_year{};  ///< ideas per engineer-year at propensity 1
  double incumbent_idea_boost{};
  double tie_boost{};
  double meetup_boost{};
  double idea_patience_weeks{};
  int founder_ties_counted{};
  long meetup_memory_weeks{};
  double cofounder_chance{};
  double initial_government_share{};
  double initial_offshore_share{};
  double initial_post_money_multiple{};
  std::int64_t initial_startups{};
  double initial_share[5]{};  ///< idea, seed, A, B, growth (scaled to their total when drawn)
};

/// Noncompete law and its enforcement (keys noncompete.*).
struct hub_noncompete {
  double max_months{};
  double enforceable{};  ///< 0..1: how far courts uphold noncompetes
  double compensation_share{};
  double suit_win_rate{};
  double litigation_damages_cny{};
  double found_anyway_bias{};
};

/// Incumbents hiring startups' engineers away (keys poaching.*).
struct hub_poaching {
  double premium{};
  double capability_loss_factor{};
  double reference_gap_share{};
  double max_factor{};
};

/// Weekend meetups: attendance, pitches, ties (keys meetups.*).
struct hub_meetups {
  double attendance_share{};  ///< share of engineers at the weekly meetup
  double pitch_chance{};      ///< share of founders pitching each week
  double ties_per_attendee{};
  double local_fund_attendance{};
  int pitches_screened{};
  int founder_ties_per_pitch{};
  double tie_weight{};
  double tie_decay_per_year{};
  double tie_drop_weight{};
};

/// Whether government money exists and how foreign funds see it (keys funding.*).
struct hub_funding {
  bool government_route{};    ///< state money exists here (not in Silicon Valley)
  double state_tie_stigma{};  ///< how much foreign VCs discount state ties here
};

/// Non-wage costs and tax (keys costs.*).
struct hub_costs {
  double level{};  ///< offices, services: multiplies burn besides wages
  double profit_tax_rate{};
};

/// Compute-voucher rules (keys vouchers.*).
struct hub_vouchers {
  double stack_cap{};
  double cap_per_firm_cny{};
  double small_contract_cny{};
};

/// The hub's chip stock and supply (keys chips.*).
struct hub_chips {
  double foreign_stock_h100e{};
  double domestic_stock_h100e{};
  double domestic_allocation_share{};
  double foreign_supply_h100e_per_year{};
};

/// A hub: its talent pool, employers, rules, government and chip access. The members mirror the
/// scenario's keys: hub.<name>.meetups.pitch_chance is p.meetups.pitch_chance.
struct hub_params {
  std::string name;
  country_code country{};
  hub_talent talent;
  hub_founding founding;
  hub_noncompete noncompete;
  hub_poaching poaching;
  hub_meetups meetups;
  hub_funding funding;
  hub_costs costs;
  hub_vouchers vouchers;
  hub_chips chips;
  government_params local;
  government_params provincial;
  std::vector<incumbent_params> incumbents;
  std::vector<export_control_step> export_controls;
  std::vector<policy_change> policy_changes;
};

/// A dated jump of the geopolitical tension index.
struct tension_shock {
  engine::date date;
  double size{};
};

/// Investors by home city.
struct investor_city_params {
  std::string name;
  country_code country{};
  std::int64_t vcs{};
  double fund_cny{};
  double trips_per_year{};
  double deals_per_year{};
  fund_focus stage_focus{};
};

/// What is the same for every hub: startups' economics, chips, efficiency, tension, investors.
/// The tension index (keys geopolitics.*).
struct world_geopolitics {
  double tension_initial{};
  double tension_mean{};
  double tension_reversion_per_year{};
  double tension_volatility_per_year{};
};

/// Capital and the founder's choice of route (keys capital.*).
struct world_capital {
  double offshore_cost_cny{};
  double offshore_burn_cny_per_year{};
  double offshore_tension_cost{};
  double foreign_base_appetite{};
  double foreign_state_tie_wariness{};
  double foreign_tension_wariness{};
  double guidance_state_tie{};
  double subsidy_state_tie{};
  double voucher_state_tie_per_million{};
  int investor_contacts_kept{};
  double contact_followup_per_week{};
  double route_preference_offshore{};
  office_payer office_paid_from_round{};
  double route_choice_noise{};
  double min_pre_money_multiple{};
  double guidance_screening_per_week{};
  double guidance_bar_factor{};
  double offshore_screening_per_week{};
  double founder_savings_median_cny{};
  double founder_savings_sigma{};
  double proceeds_recycled_share{};
  double liquidation_preference{};
};

/// Startups' economics: capability, revenue, valuation, rounds, teams (keys startups.*).
struct world_startups {
  double idea_quality_sigma{};
  double idea_quality_max{};
  double capability_initial{};
  double capability_growth_per_year{};
  double capability_volatility{};
  double capability_size_drag{};
  double capability_idea_elasticity{};
  double capability_decay_per_year{};
  double compute_elasticity{};
  double team_fill_elasticity{};
  double revenue_per_capability_cny_per_year{};
  double revenue_threshold{};
  double offshore_market_bonus{};
  double valuation_revenue_multiple{};
  double valuation_per_capability_cny{};
  double mark_writedown_per_year{};
  double tiger_valuation_cny{};
  double round_seed_cny{};
  double round_a_cny{};
  double round_b_cny{};
  double round_growth_cny{};
  double round_wage_cny_per_year{};
  double round_bar_seed{};
  double round_bar_step{};
  double runway_trigger_weeks{};
  double pitch_noise{};
  double compute_per_engineer_h100e{};
  double compute_stage_factor{};
  double team_target_idea{};
  double team_capability_elasticity{};
  double round_dilution{};
  double ipo_valuation_cny{};
  double ipo_min_revenue_cny_per_year{};
  double ipo_per_year{};
  double ipo_raise_share{};
  double ipo_star_share{};
  double ipo_us_share{};
  double acquisition_distress_bonus{};
  double founder_wage_share{};
  double hiring_share_per_week{};
  double overhead_share{};
};

/// The compute market and domestic chips (keys chips.*).
struct world_chips {
  double compute_price_cny_per_week{};
  double compute_scarcity_price{};
  double compute_life_years{};
  double domestic_capacity_dies_per_year{};
  double domestic_capacity_growth{};
  double domestic_yield_initial{};
  double domestic_yield_final{};
  double domestic_performance_initial{};
  double domestic_performance_final{};
  double domestic_progress_half_life_years{};
  double independence_share{};
  double independence_weeks{};
};

/// Compute-efficiency breakthroughs and spillovers (keys efficiency.*).
struct world_efficiency {
  double breakthrough_per_year{};
  double breakthrough_size_min{};
  double breakthrough_tail{};
  double breakthrough_size_cap{};
  double open_source_share{};
  double spillover_per_year{};
  double spillover_tie_boost{};
  double scarcity_push{};
};

/// What is the same for every hub: startups' economics, chips, efficiency, tension, investors.
/// The members mirror the scenario's sections: capital.route_choice_noise is
/// world.capital.route_choice_noise.
struct world_params {
  world_geopolitics geopolitics;
  world_capital capital;
  world_startups startups;
  world_chips chips;
  world_efficiency efficiency;
  std::vector<tension_shock> tension_shocks;
  std::vector<investor_city_params> investor_cities;
};

/// Everything a run needs.
struct parameters {
  std::string name;
  engine::date start;
  long ticks{};
  std::uint64_t seed{};
  int tie_capacity{};
  world_params world;
  std::vector<hub_params> hubs;
  /// `start_from`: the scenario (file, as written) whose end state is this run's initial state,
  /// and its parameters; empty and null when the run starts from its own initial state.
  std::string start_from;
  std::shared_ptr<const parameters> history;
  /// What makes `history` itself: its resolved scenario as canonical TOML, followed by its own
  /// history's identity (the key under which a history_cache keeps its end state).
  std::string history_identity;
};

}  // namespace liangzhu::model
