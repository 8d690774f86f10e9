// The run-wide sections of the scenario schema: the run itself, geopolitics, capital, startups'
// economics, chips, efficiency and investors. Each line is a key, its default, range, unit,
// meaning and source.
#include "params_world.hpp"

#include "sources.hpp"

namespace liangzhu::model::detail {
namespace {
using io::real, io::integer, io::string_param, io::date_param;
}  // namespace

std::vector<binding<parameters>> run_bindings() {
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind(&parameters::name, string_param("name", "unnamed", "Scenario name shown in outputs", source::assumption)),
      bind(&parameters::start, date_param("start", {2025, 1, 1}, "Simulated date of tick 0 (ticks are weeks)", "MODEL.md")),
      bind(&parameters::ticks, integer("ticks", 522, 1, 5218, "weeks", "Length of the run (522 weeks = 10 years)", "MODEL.md")),
      bind(&parameters::seed, integer("seed", 1, 0, 9.0e18, "", "Master seed; every random stream derives from it", source::assumption)),
      bind(&parameters::tie_capacity, integer("tie_capacity", 12, 2, 64, "ties", "Most social ties an engineer keeps", source::assumption)),
      bind(&parameters::start_from, string_param("start_from", "", "Scenario file (relative to the file that names it) whose end state is this run's initial state: it is run first, with the seed XOR 0x9e3779b97f4a7c15, and its engineers, startups with their histories, ties, incumbents' headcounts, chips, investors' contacts and tension carry over; this scenario's keys for the initial population (talent.engineers, founding.initial_*) are then unused. It must end within a week of this scenario's start and have the same hubs, incumbents, investor cities and tie_capacity. Empty: start from the scenario's own initial state", source::assumption)),
  };
  // clang-format on
}

std::vector<binding<world_params>> geopolitics_bindings() {
  using w = world_params;
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind_nested(&w::geopolitics, &world_geopolitics::tension_initial, real("tension_initial", 0.6, 0, 1, "index (0-1)", "Geopolitical tension at the start", source::us_vc_china)),
      bind_nested(&w::geopolitics, &world_geopolitics::tension_mean, real("tension_mean", 0.6, 0, 1, "index (0-1)", "Level tension reverts to", source::assumption)),
      bind_nested(&w::geopolitics, &world_geopolitics::tension_reversion_per_year, real("tension_reversion_per_year", 0.5, 0, 52, "per year", "Speed of reversion to the mean", source::assumption)),
      bind_nested(&w::geopolitics, &world_geopolitics::tension_volatility_per_year, real("tension_volatility_per_year", 0.1, 0, 2, "index per sqrt(year)", "Random drift of tension", source::assumption)),
  };
  // clang-format on
}

std::vector<binding<tension_shock>> tension_shock_bindings() {
  return {bind(&tension_shock::size,
               real("size", 0.1, -1, 1, "index (0-1)", "Jump of the tension index on the date",
                    source::assumption))};
}

std::vector<binding<world_params>> capital_bindings() {
  using w = world_params;
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind_nested(&w::capital, &world_capital::offshore_cost_cny, real("offshore_cost_cny", 3.6e6, 0, max_cny, "CNY", "Fixed cost of opening an office in Singapore (entity, relocation, first hires)", source::assumption)),
      bind_nested(&w::capital, &world_capital::offshore_burn_cny_per_year, real("offshore_burn_cny_per_year", 1.5e6, 0, max_cny, "CNY per year", "Running cost of the offshore office", source::assumption)),
      bind_nested(&w::capital, &world_capital::offshore_tension_cost, real("offshore_tension_cost", 0.5, 0, 10, "share per tension unit", "Extra offshore cost per unit of tension (compliance, scrutiny)", source::assumption)),
      bind_nested(&w::capital, &world_capital::foreign_base_appetite, real("foreign_base_appetite", 0.5, 0, 1, "probability", "Chance a foreign VC offers a term sheet to a fundable startup without state ties at zero tension", source::ai_investment)),
      bind_nested(&w::capital, &world_capital::foreign_state_tie_wariness, real("foreign_state_tie_wariness", 2.0, 0, 20, "per state-tie unit", "How fast foreign appetite falls with the startup's state-tie score (exp(-w*tie))", source::seeds)),
      bind_nested(&w::capital, &world_capital::foreign_tension_wariness, real("foreign_tension_wariness", 0.8, 0, 1, "share per tension unit", "Fall of foreign appetite per unit of tension", source::us_vc_china)),
      bind_nested(&w::capital, &world_capital::guidance_state_tie, real("guidance_state_tie", 0.25, 0, 1, "state-tie units per round", "State-tie score added by a round led by a government guidance fund", source::seeds)),
      bind_nested(&w::capital, &world_capital::subsidy_state_tie, real("subsidy_state_tie", 0.05, 0, 1, "state-tie units", "State-tie score added by taking a founding subsidy", source::assumption)),
      bind_nested(&w::capital, &world_capital::voucher_state_tie_per_million, real("voucher_state_tie_per_million", 0.01, 0, 1, "state-tie units per million CNY", "State-tie score added per million CNY of compute vouchers received", source::assumption)),
      bind_nested(&w::capital, &world_capital::investor_contacts_kept, integer("investor_contacts_kept", 30, 0, 1000, "startups", "Startups a fund keeps in touch with (met at pitches, introduced by its portfolio's founders); the oldest is dropped", source::assumption)),
      bind_nested(&w::capital, &world_capital::contact_followup_per_week, real("contact_followup_per_week", 0.05, 0, 1, "probability per week", "Chance a fund looks again at a known startup while it raises a round (deal flow through ties)", source::assumption)),
      bind_nested(&w::capital, &world_capital::route_preference_offshore, real("route_preference_offshore", 0.0, -1e9, 1e9, "CNY", "Founders' extra value for the offshore route beyond money (negative: home bias)", source::assumption)),
      bind_nested(&w::capital, &world_capital::office_paid_from_round, io::choice("office_paid_from_round", "foreign", words(office_payer_words), "Which round on offer a founder may use to pay for the offshore office at the choice of route: any VC round, only a foreign VC's, or none (own cash only: savings, grants, earlier rounds)", source::seeds)),
      bind_nested(&w::capital, &world_capital::route_choice_noise, real("route_choice_noise", 0.5, 0.01, 100, "round sizes", "Scale of the noise in a founder's choice between the routes (logit scale, in units of the next round's size)", source::assumption)),
      bind_nested(&w::capital, &world_capital::min_pre_money_multiple, real("min_pre_money_multiple", 5, 0, 100, "x round", "Lowest pre-money valuation an investor accepts, as a multiple of the round (of the stage's usual size at most)", source::assumption)),
      bind_nested(&w::capital, &world_capital::guidance_screening_per_week, real("guidance_screening_per_week", 0.02, 0, 1, "probability per week", "Chance a guidance fund looks at a given government-route startup seeking a round in a week", source::assumption)),
      bind_nested(&w::capital, &world_capital::guidance_bar_factor, real("guidance_bar_factor", 1, 0, 100, "x VC bar", "Bar a guidance fund applies, relative to the VCs' bar for the same stage", source::assumption)),
      bind_nested(&w::capital, &world_capital::offshore_screening_per_week, real("offshore_screening_per_week", 0.125, 0, 1, "probability per week", "Chance foreign funds screen a given offshore startup seeking a round in a week (through its Singapore office)", source::assumption)),
      bind_nested(&w::capital, &world_capital::founder_savings_median_cny, real("founder_savings_median_cny", 6e5, 0, max_cny, "CNY", "Median own money a founder brings", source::assumption)),
      bind_nested(&w::capital, &world_capital::founder_savings_sigma, real("founder_savings_sigma", 1.0, 0, 5, "log-scale", "Spread of founders' own money (log-normal sigma)", source::assumption)),
      bind_nested(&w::capital, &world_capital::proceeds_recycled_share, real("proceeds_recycled_share", 0.5, 0, 1, "share", "Share of a fund's exit proceeds it may invest again in the same year (recycling)", source::assumption)),
      bind_nested(&w::capital, &world_capital::liquidation_preference, real("liquidation_preference", 1, 0, 10, "x invested", "Liquidation preference of investors' shares when a startup is sold: each takes the larger of this multiple of its money and its share of the price, preferences first and pro rata when the price does not cover them (non-participating, all rounds equal); a listing converts them into ordinary shares. 0: ordinary shares, the price shared per share", source::liquidation)),
  };
  // clang-format on
}

std::vector<binding<world_params>> startup_bindings() {
  using w = world_params;
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind_nested(&w::startups, &world_startups::idea_quality_sigma, real("idea_quality_sigma", 0.5, 0, 3, "log-scale", "Spread of idea quality (log-normal, median 1)", source::assumption)),
      bind_nested(&w::startups, &world_startups::idea_quality_max, real("idea_quality_max", 3, 1, 100, "idea quality", "Best idea quality (the log-normal is truncated there: the markets an idea can reach are bounded, so no startup grows without limit; 3 is the top 1.4%)", source::assumption)),
      bind_nested(&w::startups, &world_startups::capability_initial, real("capability_initial", 0.5, 0, 1000, "capability per unit of idea quality", "Capability of a new startup, per unit of its idea quality", source::assumption)),
      bind_nested(&w::startups, &world_startups::capability_growth_per_year, real("capability_growth_per_year", 0.8, 0, 20, "log-points per year", "Growth rate of capability (log-points per year) of a startup with idea quality 1, team skill 1, its wanted team and all the compute it wants, before obsolescence and the size drag; growth is multiplicative (Gibrat) with shocks", source::calibrated_historical)),
      bind_nested(&w::startups, &world_startups::capability_volatility, real("capability_volatility", 0.7, 0, 5, "log-points per sqrt(year)", "Volatility of capability: standard deviation of its yearly log-change from idiosyncratic shocks (technical luck, customers, competitors)", source::gibrat)),
      bind_nested(&w::startups, &world_startups::capability_idea_elasticity, real("capability_idea_elasticity", 1.0, 0, 3, "", "Elasticity of the growth rate to idea quality (rate = capability_growth_per_year x idea^e x ...)", source::assumption)),
      bind_nested(&w::startups, &world_startups::capability_size_drag, real("capability_size_drag", 0.25, 0, 5, "log-points per year per log-point", "How much a startup's growth rate falls per log-point of capability above 1 (larger firms grow more slowly: markets saturate; Gompertz-like growth)", source::gibrat)),
      bind_nested(&w::startups, &world_startups::team_fill_elasticity, real("team_fill_elasticity", 0.5, 0, 5, "", "Elasticity of capability growth to the share of the wanted team a startup has", source::assumption)),
      bind_nested(&w::startups, &world_startups::capability_decay_per_year, real("capability_decay_per_year", 0.24, 0, 5, "log-points per year", "Obsolescence of capability: subtracted from its growth rate", source::assumption)),
      bind_nested(&w::startups, &world_startups::compute_elasticity, real("compute_elasticity", 0.5, 0, 3, "", "Elasticity of capability growth to compute fulfilment (compute got x efficiency / compute wanted, at most 1): a startup starved of compute falls behind", source::assumption)),
      bind_nested(&w::startups, &world_startups::revenue_per_capability_cny_per_year, real("revenue_per_capability_cny_per_year", 3e5, 0, max_cny, "CNY per year", "Revenue per unit of capability above the threshold", source::assumption)),
      bind_nested(&w::startups, &world_startups::revenue_threshold, real("revenue_threshold", 1.0, 0, max_capability, "capability", "Capability a product needs before it earns", source::assumption)),
      bind_nested(&w::startups, &world_startups::offshore_market_bonus, real("offshore_market_bonus", 0.3, 0, 5, "share", "Extra revenue from foreign markets for offshore startups", source::assumption)),
      bind_nested(&w::startups, &world_startups::valuation_revenue_multiple, real("valuation_revenue_multiple", 10, 0, 200, "x annual revenue", "Revenue multiple of valuations", source::assumption)),
      bind_nested(&w::startups, &world_startups::valuation_per_capability_cny, real("valuation_per_capability_cny", 5.85e6, 0, max_cny, "CNY", "Option value investors put on a unit of capability", source::calibrated_historical)),
      bind_nested(&w::startups, &world_startups::mark_writedown_per_year, real("mark_writedown_per_year", 0.3, 0, 52, "per year", "How fast investors write down a startup's last round price when its fundamentals (revenue and capability) do not support it: its valuation is the larger of the fundamental value and the last post-money x exp(-rate x years since that round)", source::assumption)),
      bind_nested(&w::startups, &world_startups::tiger_valuation_cny, real("tiger_valuation_cny", 7e9, 0, max_cny, "CNY", "Valuation at which a startup is a breakout firm, a 'tiger' (about USD 1B)", source::seeds)),
      bind_nested(&w::startups, &world_startups::round_seed_cny, real("round_seed_cny", 1e7, 0, max_cny, "CNY", "Size of a seed round", source::round_steps)),
      bind_nested(&w::startups, &world_startups::round_a_cny, real("round_a_cny", 3e7, 0, max_cny, "CNY", "Size of a series A", source::round_steps)),
      bind_nested(&w::startups, &world_startups::round_b_cny, real("round_b_cny", 9e7, 0, max_cny, "CNY", "Size of a series B", source::round_steps)),
      bind_nested(&w::startups, &world_startups::round_growth_cny, real("round_growth_cny", 3e8, 0, max_cny, "CNY", "Size of a growth round", source::assumption)),
      bind_nested(&w::startups, &world_startups::round_wage_cny_per_year, real("round_wage_cny_per_year", 350000, 0, max_cny, "CNY per year", "Market wage (talent.wage_cny_per_year x wage growth) at which the round sizes above hold: a round pays for a planned runway of the team, so the stage sizes scale with the hub's wage (a 2015 series A is 30 M x 220,000 / 350,000 = 19 M). 0: fixed sizes", source::assumption)),
      bind_nested(&w::startups, &world_startups::round_bar_seed, real("round_bar_seed", 1.5, 0, max_capability, "capability", "Signal an investor needs to fund a seed round", source::assumption)),
      bind_nested(&w::startups, &world_startups::round_bar_step, real("round_bar_step", 3.0, 1, 100, "x per stage", "Factor by which the bar rises at each later stage (bar = seed bar * step^stage)", source::assumption)),
      bind_nested(&w::startups, &world_startups::runway_trigger_weeks, real("runway_trigger_weeks", 26, 1, 520, "weeks", "Runway below which a startup raises its next round", source::assumption)),
      bind_nested(&w::startups, &world_startups::pitch_noise, real("pitch_noise", 0.5, 0, 5, "log-scale", "Noise in what investors see of a startup when it raises a round: drawn once per startup and stage (every investor reads the same deck), so a startup cannot raise by pitching again until its capability has grown", source::assumption)),
      bind_nested(&w::startups, &world_startups::compute_per_engineer_h100e, real("compute_per_engineer_h100e", 1, 0, 1000, "H100e", "Compute an idea-stage startup wants per team member", source::assumption)),
      bind_nested(&w::startups, &world_startups::compute_stage_factor, real("compute_stage_factor", 1.5, 1, 10, "x per stage", "Growth of compute per team member at each later stage", source::assumption)),
      bind_nested(&w::startups, &world_startups::team_target_idea, real("team_target_idea", 6, 1, 1000, "engineers", "Team a startup wants at capability 1", source::team_sizes)),
      bind_nested(&w::startups, &world_startups::team_capability_elasticity, real("team_capability_elasticity", 0.65, 0, 2, "", "Elasticity of the wanted team to capability (wanted = team_target_idea x capability^e, no cap)", source::team_sizes)),
      bind_nested(&w::startups, &world_startups::round_dilution, real("round_dilution", 0.2, 0.01, 0.9, "share", "Share of the company a round sells when the startup's valuation sets its size (rounds are at least the stage's size); every round dilutes the earlier stakes", source::round_sizes)),
      bind_nested(&w::startups, &world_startups::ipo_valuation_cny, real("ipo_valuation_cny", 2e9, 0, max_cny, "CNY", "Valuation from which a startup may list (STAR Market, Hong Kong or the US)", source::ipo_rules)),
      bind_nested(&w::startups, &world_startups::ipo_min_revenue_cny_per_year, real("ipo_min_revenue_cny_per_year", 5e7, 0, max_cny, "CNY per year", "Revenue a startup needs to list", source::ipo_rules)),
      bind_nested(&w::startups, &world_startups::ipo_per_year, real("ipo_per_year", 0.4, 0, 52, "per year", "Chance an eligible startup lists in a year (listing windows, exchanges' queues)", source::assumption)),
      bind_nested(&w::startups, &world_startups::ipo_raise_share, real("ipo_raise_share", 0.1, 0, 1, "share of valuation", "New money a listing raises for the company, as a share of its valuation", source::assumption)),
      bind_nested(&w::startups, &world_startups::ipo_star_share, real("ipo_star_share", 0.7, 0, 1, "probability", "Chance a startup not on the offshore route lists on Shanghai's STAR Market (else Hong Kong)", source::ipo_rules)),
      bind_nested(&w::startups, &world_startups::ipo_us_share, real("ipo_us_share", 0.5, 0, 1, "probability", "Chance an offshore startup lists in the US at zero tension (else Hong Kong); falls with tension as foreign appetite does", source::assumption)),
      bind_nested(&w::startups, &world_startups::acquisition_distress_bonus, real("acquisition_distress_bonus", 2.0, 0, 100, "x", "Extra chance a short-runway startup is acquired", source::assumption)),
      bind_nested(&w::startups, &world_startups::founder_wage_share, real("founder_wage_share", 0.5, 0, 5, "x startup wage", "Cash wage a founder pays themself, relative to the startup wage", source::assumption)),
      bind_nested(&w::startups, &world_startups::hiring_share_per_week, real("hiring_share_per_week", 0.25, 0, 1, "share per week", "Share of the gap to the wanted team a startup tries to fill in a week (plus one seat)", source::assumption)),
      bind_nested(&w::startups, &world_startups::overhead_share, real("overhead_share", 0.2, 0, 10, "CNY per CNY of wages", "Non-wage costs (offices, services) per yuan of wages at Hangzhou's cost level", source::assumption)),
  };
  // clang-format on
}

std::vector<binding<world_params>> chip_bindings() {
  using w = world_params;
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind_nested(&w::chips, &world_chips::compute_price_cny_per_week, real("compute_price_cny_per_week", 2419, 0, max_cny, "CNY per H100e-week", "Price of compute when supply meets demand (USD 2/GPU-hour at 7.2 CNY/USD)", source::deepseek)),
      bind_nested(&w::chips, &world_chips::compute_scarcity_price, real("compute_scarcity_price", 2.0, 0, 100, "", "Price rise per unit of unmet share of demand", source::assumption)),
      bind_nested(&w::chips, &world_chips::compute_life_years, real("compute_life_years", 4, 0.5, 20, "years", "Service life of an accelerator", source::assumption)),
      bind_nested(&w::chips, &world_chips::domestic_capacity_dies_per_year, real("domestic_capacity_dies_per_year", 7e5, 0, max_h100e, "dies per year", "National domestic AI-chip dies made per year at the start (with a 30% yield: about 200k good chips, the 2024 figure)", source::huawei)),
      bind_nested(&w::chips, &world_chips::domestic_capacity_growth, real("domestic_capacity_growth", 0.4, -0.9, 10, "per year", "Growth of domestic die capacity", source::assumption)),
      bind_nested(&w::chips, &world_chips::domestic_yield_initial, real("domestic_yield_initial", 0.3, 0, 1, "share", "Share of good dies at the start", source::huawei)),
      bind_nested(&w::chips, &world_chips::domestic_yield_final, real("domestic_yield_final", 0.7, 0, 1, "share", "Yield the process tends to", source::assumption)),
      bind_nested(&w::chips, &world_chips::domestic_performance_initial, real("domestic_performance_initial", 0.6, 0, 2, "H100e per chip", "Relative performance of a domestic chip at the start", source::huawei)),
      bind_nested(&w::chips, &world_chips::domestic_performance_final, real("domestic_performance_final", 1.0, 0, 5, "H100e per chip", "Relative performance it tends to", source::assumption)),
      bind_nested(&w::chips, &world_chips::domestic_progress_half_life_years, real("domestic_progress_half_life_years", 4, 0.1, 100, "years", "Years to close half the gap to the final yield and performance", source::assumption)),
      bind_nested(&w::chips, &world_chips::independence_share, real("independence_share", 0.8, 0, 1, "share", "Share of demand domestic supply must cover for chip independence", source::assumption)),
      bind_nested(&w::chips, &world_chips::independence_weeks, real("independence_weeks", 26, 1, 520, "weeks", "Consecutive weeks it must hold", source::assumption)),
  };
  // clang-format on
}

std::vector<binding<world_params>> efficiency_bindings() {
  using w = world_params;
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind_nested(&w::efficiency, &world_efficiency::breakthrough_per_year, real("breakthrough_per_year", 0.05, 0, 52, "per team-year", "Chance a startup team of average skill makes an efficiency breakthrough in a year", source::assumption)),
      bind_nested(&w::efficiency, &world_efficiency::breakthrough_size_min, real("breakthrough_size_min", 0.05, 0, 10, "share", "Smallest efficiency gain of a breakthrough (Pareto scale)", source::assumption)),
      bind_nested(&w::efficiency, &world_efficiency::breakthrough_tail, real("breakthrough_tail", 1.5, 0.5, 10, "", "Pareto tail index of breakthrough sizes (smaller: heavier tail)", source::deepseek)),
      bind_nested(&w::efficiency, &world_efficiency::breakthrough_size_cap, real("breakthrough_size_cap", 5.0, 0, 100, "share", "Largest gain of one breakthrough", source::assumption)),
      bind_nested(&w::efficiency, &world_efficiency::open_source_share, real("open_source_share", 0.5, 0, 1, "probability", "Chance a breakthrough is open-sourced", source::seeds)),
      bind_nested(&w::efficiency, &world_efficiency::spillover_per_year, real("spillover_per_year", 0.3, 0, 52, "per year", "Rate at which firms close the gap to the open frontier", source::assumption)),
      bind_nested(&w::efficiency, &world_efficiency::spillover_tie_boost, real("spillover_tie_boost", 3.0, 0, 100, "x", "Extra spillover rate for a founder tied to an open-sourcing founder", source::assumption)),
      bind_nested(&w::efficiency, &world_efficiency::scarcity_push, real("scarcity_push", 1.0, 0, 20, "x per unmet share", "Extra breakthrough rate per unit of unmet compute share (0 switches the hypothesis off)", source::assumption)),
  };
  // clang-format on
}

std::vector<binding<investor_city_params>> investor_city_bindings() {
  using c = investor_city_params;
  // One line per key (unformatted on purpose: a key is found with grep).
  // clang-format off
  return {
      bind(&c::country, io::choice("country", "china", words(country_words), "Country of the investors' home city", source::assumption)),
      bind(&c::vcs, integer("vcs", 20, 0, 10000, "funds", "Venture funds based in the city", source::assumption)),
      bind(&c::fund_cny, real("fund_cny", 2e9, 0, max_cny, "CNY", "Capital each fund can invest in the modelled hubs each year (renewed yearly)", source::ai_investment)),
      bind(&c::stage_focus, io::choice("stage_focus", "any", words(fund_focus_words), "Rounds the city's funds lead: any, early (seed and series A) or late (series A and later)", source::assumption)),
      bind(&c::deals_per_year, real("deals_per_year", 3, 0, 1000, "deals per year", "Most new investments each fund makes in a year (its pace)", source::assumption)),
      bind(&c::trips_per_year, real("trips_per_year", 12, 0, 52, "per year", "Weekend trips each fund makes per year to each modelled hub (to the hub of its own city: most weeks; to a hub abroad: fewer as tension rises)", source::seeds)),
  };
  // clang-format on
}

}  // namespace liangzhu::model::detail
