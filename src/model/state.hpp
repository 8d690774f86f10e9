#pragma once
// The running state of a Liangzhu simulation (the description is in parameters.hpp). Each hub
// owns its engineers, startups, incumbents, social graph, chip stock, governments and ledgers;
// investors and the tension index are shared.
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "agenda.hpp"
#include "counters.hpp"
#include "liangzhu/engine/agent_table.hpp"
#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/engine/collector.hpp"
#include "liangzhu/engine/network.hpp"
#include "liangzhu/engine/parallel.hpp"
#include "liangzhu/engine/rng.hpp"
#include "liangzhu/model/parameters.hpp"
#include "week.hpp"

namespace liangzhu::model::detail {

using engine::agent_id;
using engine::column;

/// Where an engineer works. Every engineer is in exactly one place (a conservation invariant).
/// `market` is the rest of the hub's labour market (firms outside the model's AI sector).
enum class place : std::uint8_t {
  unemployed = 0,
  market = 1,
  incumbent = 2,
  startup = 3,
  founder = 4
};
inline constexpr int place_count = 5;
enum class stage : std::uint8_t { idea = 0, seed = 1, a = 2, b = 3, growth = 4 };
inline constexpr int stage_count = 5;
/// The founder's choice: government money (stay in China) or the offshore office.
enum class route : std::uint8_t { undecided = 0, government = 1, offshore = 2 };
inline constexpr int route_count = 3;

/// Where a startup's money comes from; each yuan in is booked under one of these.
enum class money_in : std::uint8_t {
  founder,
  subsidy,
  guidance,
  domestic_vc,
  foreign_vc,
  voucher,
  revenue,
  public_market,  ///< new shares sold at a listing
  size
};
/// Where it goes.
enum class money_out : std::uint8_t { wages, compute, offshore, costs, tax, damages, size };

/// Random-stream purposes: one per mechanism, so their draws never shift each other.
enum class purpose : std::uint64_t {
  init_engineer = 1,
  init_ties,
  init_startup,
  graduate,
  leave,
  search,
  idea,
  founding,
  cofounder,
  meetup,
  pitch,
  funding_choice,
  foreign_round,
  guidance_round,
  poach,
  breakthrough,
  open_source,
  tension,
  acquisition,
  litigation,
  hiring,
  investor_trip,
  new_engineer_timers,
  investor_contact,
  coinvestor,
  fund_order,
  capability_shock,
  listing,
  pitch_impression,
  policy_timers,
};

/// A purpose's second draws for one agent in one tick, kept apart from its main draw in the
/// stream's fourth counter word (engine::rng_stream), so adding one shifts no other.
enum class substream : std::uint64_t {
  main = 0,
  timer = 1,               ///< when an engineer's next search or idea comes (talent, founding)
  patience = 2,            ///< whether a waiting engineer gives up an idea this week
  noncompete_clause = 3,   ///< whether a departure is bound by a noncompete
  ties = 4,                ///< a new graduate's ties
  layoff = 5,              ///< whether an engineer's job search is a job loss
  first_market_offer = 6,  ///< when an engineer out of work gets its first market offer
  next_market_offer = 7,   ///< when an engineer still out of work after one gets the next
};

/// What a tie between two engineers comes from (engine::tie_graph kinds; snapshot `kind`).
enum class tie_kind : std::uint8_t { acquaintance = 0, cofounder = 1, meetup = 2 };
constexpr std::uint8_t kind_of(tie_kind k) { return static_cast<std::uint8_t>(k); }

struct engineer_table {
  engine::agent_table table{"engineer"};
  column<float>& skill = table.add_column<float>("skill", 1.0f);
  column<std::uint8_t>& zju = table.add_column<std::uint8_t>("zju");
  column<place>& where = table.add_column<place>("place", place::unemployed);
  column<std::uint32_t>& employer = table.add_column<std::uint32_t>("employer");
  column<float>& wage = table.add_column<float>("wage_cny_per_year");
  column<float>& propensity = table.add_column<float>("propensity");
  column<week>& bound_until = table.add_column<week>("bound_until", -1);
  column<std::uint16_t>& bound_by = table.add_column<std::uint16_t>("bound_by");
  column<week>& next_search = table.add_column<week>("next_search", -1);
  column<week>& next_idea = table.add_column<week>("next_idea", -1);
  column<week>& leave_tick = table.add_column<week>("leave_tick", -1);
  /// The week of an unemployed engineer's next market offer; -1 while employed, and from the
  /// moment it loses its place until job moves draw it (agenda.hpp).
  column<week>& next_market_offer = table.add_column<week>("next_market_offer", -1);
  column<week>& waiting_since = table.add_column<week>("waiting_since", -1);
  column<float>& idea_quality = table.add_column<float>("idea_quality");
  column<week>& last_meetup = table.add_column<week>("last_meetup", -1000);
  column<std::uint8_t>& open_founder = table.add_column<std::uint8_t>("open_sourcing_founder");
  column<week>& hired = table.add_column<week>("hired_tick", -1);  ///< start of the job (tenure)
};

struct startup_table {
  engine::agent_table table{"startup"};
  column<std::uint64_t>& founder = table.add_column<std::uint64_t>("founder");
  column<std::int32_t>& founded = table.add_column<std::int32_t>("founded");
  column<float>& idea = table.add_column<float>("idea_quality", 1.0f);
  column<stage>& stage_of = table.add_column<stage>("stage", stage::idea);
  column<route>& route_of = table.add_column<route>("route", route::undecided);
  column<std::uint8_t>& breakout = table.add_column<std::uint8_t>("tiger");
  column<std::uint8_t>& open_sourced = table.add_column<std::uint8_t>("open_sourced");
  column<std::uint8_t>& founded_bound = table.add_column<std::uint8_t>("founded_while_bound");
  column<std::uint16_t>& bound_by = table.add_column<std::uint16_t>("bound_by");
  column<std::int32_t>& suit_tick = table.add_column<std::int32_t>("suit_tick", -1);
  column<std::uint32_t>& team = table.add_column<std::uint32_t>("team");
  column<float>& team_skill = table.add_column<float>("team_skill");
  column<double>& capability = table.add_column<double>("capability");
  column<float>& efficiency = table.add_column<float>("efficiency", 1.0f);
  column<float>& compute_need = table.add_column<float>("compute_need_h100e");
  column<float>& compute_got = table.add_column<float>("compute_got_h100e");
  column<double>& cash = table.add_column<double>("cash_cny");
  column<double>& money_in_total = table.add_column<double>("money_in_cny");
  column<double>& money_out_total = table.add_column<double>("money_out_cny");
  column<double>& revenue = table.add_column<double>("revenue_cny_per_week");
  column<double>& burn = table.add_column<double>("burn_cny_per_week");
  column<double>& wage_bill = table.add_column<double>("wage_bill_cny_per_year");
  column<double>& compute_cost = table.add_column<double>("compute_cost_cny_per_week");
  column<double>& valuation = table.add_column<double>("valuation_cny");
  column<float>& state_tie = table.add_column<float>("state_tie");
  column<double>& voucher_year = table.add_column<double>("voucher_this_year_cny");
  column<double>& government_money = table.add_column<double>("government_money_cny");
  column<double>& foreign_money = table.add_column<double>("foreign_money_cny");
  column<std::int32_t>& last_round = table.add_column<std::int32_t>("last_round", -1);
  column<double>& post_money = table.add_column<double>("post_money_cny");  ///< of the last round
  column<std::uint8_t>& seeking = table.add_column<std::uint8_t>("seeking_round");
  column<std::uint8_t>& listed = table.add_column<std::uint8_t>("listed");  ///< went public
};

/// Holders of a stake that are not a fund of world.investors (holding::investor).
namespace holder {
inline constexpr std::int64_t guidance_funds = -1;  ///< the hub's two guidance funds
inline constexpr std::int64_t before_the_run = -3;  ///< investors of rounds before the start
constexpr bool is_fund(std::int64_t investor) { return investor >= 0; }
}  // namespace holder

/// A stake an investor holds in a startup: `investor` indexes world.investors, or names a holder
/// above.
struct holding {
  std::int64_t investor = 0;  // 64 bits: no padding, so checkpoints hold no stray bytes
  double invested = 0;
  double share = 0;
};

struct incumbent_state {
  incumbent_params p;
  double headcount = 0;        ///< engineers employed now
  double wanted = 0;           ///< headcount it wants
  double wanted_at_start = 0;  ///< headcount it wanted at tick 0 (its wants grow from there)
  double compute_need = 0;
  double compute_got = 0;
  double efficiency = 1;
  double noncompete_paid = 0;  ///< compensation paid so far (CNY)
  double acquisitions = 0;
  double spent_on_acquisitions = 0;  ///< prices paid to the acquired startups' investors (CNY)
};

/// A level of government during a run: its instruments in force (the scenario's, changed by
/// dated policy changes; the parameters themselves never change) and its money.
struct government_state {
  government_params instruments;
  double budget_left = 0;         ///< this year
  double voucher_left = 0;        ///< this year
  double guidance_left = 0;       ///< capital not yet invested
  double guidance_year_left = 0;  ///< what it may still invest this year (its pace)
  double spent_subsidy = 0;       ///< cumulative
  double spent_voucher = 0;
  double invested_guidance = 0;
  double tax_expenditure = 0;  ///< revenue forgone through the tax break
};

struct hub_state {
  /// As the scenario sets them, changed only by the hub's dated policy changes (policy.cpp); what
  /// the run changes is state below.
  hub_params p;
  std::uint16_t index = 0;
  engineer_table engineers;
  startup_table startups;
  std::vector<std::vector<std::uint32_t>> roster;  ///< by startup slot: engineer slots
  std::vector<std::vector<holding>> holdings;      ///< by startup slot
  std::vector<incumbent_state> incumbents;
  engine::tie_graph ties;
  government_state local, provincial;
  // chips
  double foreign_stock = 0, domestic_stock = 0;  ///< H100e installed
  double foreign_supply_share = 1, foreign_performance = 1;
  double compute_demand = 0, compute_unmet = 0, compute_price = 0;
  double startup_compute_need = 0, startup_compute_got = 0;
  long independence_streak = 0;
  long independence_tick = -1;
  double wage_index = 1;    ///< market wage growth since the start
  std::int32_t clock = -1;  ///< the tick being run (-1 during set-up)
  // What the mechanisms count (counters.hpp), the money booked in and out of startups by source
  // and use (ledger.hpp), and the engineers by place (kept up to date by labour.cpp).
  event_tally counts;
  amount_tally sums;
  tally<money_in, double> inflows;
  tally<money_out, double> outflows;
  std::array<std::int64_t, place_count> in_place{};
  /// Who has something to do when (agenda.hpp): derived from the engineer columns.
  engineer_agenda agenda;
  const event_tally& tally_of(counted) const { return counts; }
  const amount_tally& tally_of(summed) const { return sums; }
  /// Clears the week's halves of the tallies (after set-up and after each week's outputs).
  void start_week() {
    counts.start_week();
    sums.start_week();
    inflows.start_week();
    outflows.start_week();
  }
  /// Money the startups alive at the start had received before it (part of the totals, so that
  /// conservation holds, but not of the run's funding figures).
  std::array<double, static_cast<std::size_t>(money_in::size)> inflow_before_start{};
  /// Founding cohorts by year since the start: founded, and still alive.
  std::vector<double> cohort_founded, cohort_alive;

  hub_state(hub_params params, std::uint16_t tie_capacity)
      : p(std::move(params)), ties(tie_capacity) {}
};

/// A startup a fund knows: met when its founder pitched to the fund, or introduced by the
/// founder of a startup in the fund's portfolio. The fund's deal flow through ties.
struct investor_contact {
  std::uint64_t startup = 0;  ///< packed agent id in the hub's startup table
  std::int32_t hub = 0;
  std::int32_t since = 0;  ///< tick the fund last heard of it
};

/// A venture fund.
struct investor_state {
  std::uint16_t city = 0;
  country_code country{};
  double capital_left = 0;
  double invested = 0;
  double proceeds = 0;
  double deals = 0;
  double deals_this_year = 0;
  double deals_per_year = 0;
  bool early = true;                       ///< leads seed and A rounds
  bool late = true;                        ///< leads A and later rounds
  double trip_probability = 0;             ///< per week, to a hub of its own country
  std::vector<investor_contact> contacts;  ///< at most capital.investor_contacts_kept, newest kept
};

/// Everything that changes during a run.
struct world_state {
  long tick = 0;
  double tension = 0;
  double open_frontier = 1;  ///< efficiency anyone can adopt from open-sourced work
  std::vector<investor_state> investors;
  std::vector<double> exit_values;  ///< every exit's value to investors, for the returns' skew
};

}  // namespace liangzhu::model::detail
