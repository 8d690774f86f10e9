// Initialisation (ODD "Initialization"): the hub as it is on the start date — engineers with
// their skills, alumni networks and employers, incumbents, the startups already alive with the
// funding they have had, governments' budgets, chip stocks, and the investors of each city.
#include "init.hpp"

#include <algorithm>
#include <iterator>
#include <numeric>

#include "labour.hpp"
#include "ledger.hpp"
#include "startups.hpp"
#include "timers.hpp"

namespace liangzhu::model::detail {
namespace {

void init_engineers(const context& ctx, hub_state& hub) {
  const auto n = static_cast<std::size_t>(hub.p.talent.engineers);
  hub.engineers.table.reserve(n + n / 4);  // room for a few years of graduates
  hub.ties.reserve_nodes(n + n / 4);
  for (std::size_t i = 0; i < n; ++i) add_engineer(hub);
  const hub_chances chances(ctx, hub.p);
  ctx.ex.for_each(n, [&](std::size_t row) {
    draw_new_engineer(ctx, hub, chances, row, -1, purpose::init_engineer);
  });
}

void init_employment(hub_state& hub) {
  auto& e = hub.engineers;
  std::size_t row = 0;
  const std::size_t n = e.table.size();
  for (std::size_t i = 0; i < hub.incumbents.size(); ++i)
    for (double k = 0; k < hub.incumbents[i].p.headcount && row < n; k += 1, ++row)
      join_incumbent(hub, row, i, incumbent_wage(hub, i, e.skill[row]));
  const auto unemployed =
      static_cast<std::size_t>(static_cast<double>(n) * hub.p.talent.unemployed_share);
  for (; row + unemployed < n; ++row) join_market(hub, row, market_wage(hub, e.skill[row]));
}

void init_ties(const context& ctx, hub_state& hub) {
  auto& e = hub.engineers;
  const std::size_t n = e.table.size();
  if (n < 2) return;
  std::vector<std::uint32_t> alumni;
  for (std::size_t row = 0; row < n; ++row)
    if (e.zju[row]) alumni.push_back(static_cast<std::uint32_t>(row));
  // The ties are drawn in parallel (each engineer from its own stream) and added in row order,
  // which a full row's choice of which tie to drop depends on; a chunk of rows at a time, so the
  // list stays small.
  using new_tie = engine::tie_graph::new_tie;
  constexpr std::size_t chunk = std::size_t{1} << 20;
  // Each tie's other end is a random engineer, whose id is a wait for memory in a large hub: a
  // group of engineers' ties is drawn first (rows in place of ids), their ids are fetched
  // together, and the ties are then written with ids, in the same order.
  constexpr std::size_t group = 16;
  for (std::size_t first = 0; first < n; first += chunk) {
    const auto ties = ctx.ex.gather_blocks<new_tie>(
        std::min(chunk, n - first),
        [&](std::size_t begin, std::size_t end, std::vector<new_tie>& out) {
          for (std::size_t g = begin; g < end; g += group) {
            const std::size_t drawn = out.size();
            for (std::size_t k = g; k < std::min(end, g + group); ++k) {
              const std::size_t row = first + k;
              auto r = ctx.rng(purpose::init_ties, e.table.id_at(row).packed(), 0);
              const int alumni_ties = e.zju[row] && alumni.size() > 1
                                          ? static_cast<int>(r.poisson(hub.p.talent.zju_tie_bonus))
                                          : 0;
              const int random_ties = hub.p.talent.initial_ties;
              for (int t = 0; t < random_ties + alumni_ties; ++t) {
                const std::size_t other =
                    t < random_ties ? r.below(n) : alumni[r.below(alumni.size())];
                if (other == row) continue;
                e.table.prefetch_id(other);
                out.push_back({static_cast<engine::tie_graph::node>(row),
                               static_cast<engine::tie_graph::node>(other),
                               kind_of(tie_kind::acquaintance),
                               static_cast<float>(r.uniform(0.2, 1.0))});
              }
            }
            for (std::size_t i = drawn; i < out.size(); ++i) {
              out[i].a = e.table.id_at(out[i].a).index;
              out[i].b = e.table.id_at(out[i].b).index;
            }
          }
        });
    hub.ties.add_ties(ties);
  }
}

/// Startups alive at the start: stage, team, cash and past rounds drawn so that the population
/// resembles a hub that has been growing for years.
void init_startups(const context& ctx, hub_state& hub) {
  const auto& w = ctx.p.world;
  auto& e = hub.engineers;
  auto& st = hub.startups;
  const auto n = static_cast<std::size_t>(hub.p.founding.initial_startups);
  // Founders and teams come from the market part of the pool, in row order after a random start.
  std::vector<std::uint32_t> pool;
  for (std::size_t row = 0; row < e.table.size(); ++row)
    if (e.where[row] == place::market) pool.push_back(static_cast<std::uint32_t>(row));
  auto pick = ctx.rng(purpose::init_startup, hub_subject(hub, 0), 0);
  std::size_t next = pool.empty() ? 0 : pick.below(pool.size());
  auto take = [&]() -> std::size_t {
    for (std::size_t tries = 0; tries < pool.size(); ++tries) {
      const std::size_t row = pool[next];
      next = (next + 1) % pool.size();
      if (e.where[row] == place::market) {
        leave_place(hub, row);
        return row;
      }
    }
    return SIZE_MAX;
  };
  // How far along the initial startups are, within their stage: not observed; drawn uniformly
  // over ranges wide enough that the initial population does not move in step. A startup at stage
  // k was founded up to k + 1 years before the start; its team is 40-100% of the stage's target,
  // its capability 50-150% of the stage's bar, and 30-100% of its last round is left in cash.
  constexpr std::uint64_t max_age_weeks_per_stage = 52;
  constexpr double team_fill_min = 0.4, capability_min = 0.5, capability_max = 1.5;
  constexpr double cash_left_min = 0.3;
  // The stage mix as given, scaled to its total (read_parameters has checked it is positive).
  const auto& stage_share = hub.p.founding.initial_share;
  const double share_total = std::accumulate(std::begin(stage_share), std::end(stage_share), 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    auto r = ctx.rng(purpose::init_startup, hub_subject(hub, i + 1), 0);
    const std::size_t founder = take();
    if (founder == SIZE_MAX) break;
    const std::size_t s = create_startup(ctx, hub, founder, draw_idea_quality(w, r), -1);
    double u = r.uniform() * share_total;
    int k = 0;
    while (k < stage_count - 1 && u >= stage_share[k]) u -= stage_share[k++];
    const auto stg = static_cast<stage>(k);
    st.stage_of[s] = stg;
    st.founded[s] = -static_cast<std::int32_t>(
                        r.below(max_age_weeks_per_stage * (1 + static_cast<std::uint64_t>(k)))) -
                    1;
    st.capability[s] = round_bar(w, stg) * r.uniform(capability_min, capability_max);
    const auto team = static_cast<std::size_t>(
        std::max(1.0, wanted_team(w, st, s) * r.uniform(team_fill_min, 1.0)));
    for (std::size_t m = 1; m < team; ++m) {
      const std::size_t row = take();
      if (row == SIZE_MAX) break;
      join_startup(hub, row, s, startup_wage(hub, e.skill[row]), false);
    }
    // Past rounds: the last one's money is partly spent.
    if (k > 0) {
      const double raised =
          stage_round_size(w, hub, static_cast<stage>(k - 1)) * r.uniform(cash_left_min, 1.0);
      const double gov =
          hub.p.funding.government_route ? hub.p.founding.initial_government_share : 0.0;
      const double route_draw = r.uniform();
      if (route_draw < gov) {
        st.route_of[s] = route::government;
        st.state_tie[s] = static_cast<float>(w.capital.guidance_state_tie * k);
        book_in(hub, s, money_in::guidance, raised);
        add_holding(hub, s, holder::guidance_funds, raised,
                    raised * hub.p.founding.initial_post_money_multiple);
      } else {
        const bool offshore = hub.p.funding.government_route &&
                              route_draw < gov + hub.p.founding.initial_offshore_share;
        if (offshore) st.route_of[s] = route::offshore;
        book_in(hub, s, offshore ? money_in::foreign_vc : money_in::domestic_vc, raised);
        add_holding(
            hub, s, holder::before_the_run, raised,
            raised * hub.p.founding.initial_post_money_multiple);  // investors from before the run
      }
      st.last_round[s] = st.founded[s];
      st.post_money[s] = raised * hub.p.founding.initial_post_money_multiple;
    }
    // Its founding date, for analyses of survival by age (the pattern panel).
    ctx.event(0, hub, ctx.kinds.startup_at_start, st.table.id_at(s).packed(),
              static_cast<double>(st.founded[s]));
  }
}

void init_investors(const context& ctx) {
  for (std::size_t c = 0; c < ctx.p.world.investor_cities.size(); ++c) {
    const auto& city = ctx.p.world.investor_cities[c];
    const auto funds = static_cast<std::size_t>(city.vcs);
    for (std::size_t f = 0; f < funds; ++f) {
      investor_state inv;
      inv.city = static_cast<std::uint16_t>(c);
      inv.country = city.country;
      inv.capital_left = city.fund_cny;
      inv.deals_per_year = city.deals_per_year;
      inv.early = city.stage_focus != fund_focus::late;
      inv.late = city.stage_focus != fund_focus::early;
      inv.trip_probability = std::min(1.0, city.trips_per_year / ctx.ticks_per_year());
      ctx.world.investors.push_back(inv);
    }
  }
}

}  // namespace

void draw_new_engineer(const context& ctx, hub_state& hub, const hub_chances& chances,
                       std::size_t row, long tick, purpose why) {
  auto& e = hub.engineers;
  auto r = ctx.rng(why, e.table.id_at(row).packed(), tick);
  const bool zju = r.bernoulli(hub.p.talent.zju_share);
  e.zju[row] = zju ? 1 : 0;
  e.skill[row] = static_cast<float>(
      r.lognormal_median(zju ? 1.0 + hub.p.talent.zju_skill_bonus : 1.0, hub.p.talent.skill_sigma));
  e.propensity[row] = static_cast<float>(r.exponential(1.0));
  draw_timers(ctx, hub, chances, row, std::max(0L, tick), purpose::new_engineer_timers);
}

void init_hub(const context& ctx, hub_state& hub) {
  for (const auto& p : hub.p.incumbents) {
    incumbent_state inc;
    inc.p = p;
    inc.p.noncompete_months = std::min(p.noncompete_months, hub.p.noncompete.max_months);
    inc.wanted = inc.wanted_at_start = p.headcount;
    inc.compute_need = p.compute_h100e;
    hub.incumbents.push_back(inc);
  }
  init_engineers(ctx, hub);
  init_employment(hub);
  init_ties(ctx, hub);
  init_startups(ctx, hub);
  rebuild_agenda(hub, 0);
  hub.inflow_before_start = hub.inflows.totals();
  hub.start_week();
  hub.local.instruments = hub.p.local;
  hub.provincial.instruments = hub.p.provincial;
  hub.local.guidance_left = hub.local.instruments.guidance_fund_cny;
  hub.provincial.guidance_left = hub.provincial.instruments.guidance_fund_cny;
  hub.foreign_stock = hub.p.chips.foreign_stock_h100e;
  hub.domestic_stock = hub.p.chips.domestic_stock_h100e;
  hub.foreign_supply_share = 1.0;
  hub.foreign_performance = 1.0;
}

void init_world(const context& ctx) {
  ctx.world.tension = ctx.p.world.geopolitics.tension_initial;
  init_investors(ctx);
}

}  // namespace liangzhu::model::detail
