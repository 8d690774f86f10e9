#include "outputs.hpp"

#include "ledger.hpp"
#include "startups.hpp"

#include <numeric>

namespace liangzhu::model::detail {
namespace {

using hub_ref = const hub_state&;  // the hub an output reads
using cx = const context&;

double in_place(hub_ref h, place p) {
  return static_cast<double>(h.in_place[static_cast<std::size_t>(p)]);
}
double inflow(hub_ref h, money_in m) { return h.inflows.this_week(m); }

double count_startups(hub_ref h, const std::function<bool(std::size_t)>& pred) {
  double n = 0;
  for (std::size_t s = 0; s < h.startups.table.size(); ++s) n += pred(s) ? 1 : 0;
  return n;
}
double at_stage(hub_ref h, stage g) {
  return count_startups(h, [&](std::size_t s) { return h.startups.stage_of[s] == g; });
}
double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }
/// The rest of the market's open positions: its hires per week times the mean time a vacancy
/// stays open (a stock is its inflow times the mean time in it).
double market_vacancies(hub_ref h) {
  return static_cast<double>(h.counts.this_week(counted::market_hires)) *
         h.p.talent.market_vacancy_weeks;
}

std::vector<series_output> build() {
  std::vector<series_output> o;
  auto add = [&](std::string name, std::string unit, std::string description,
                 std::function<double(cx, hub_ref)> read) {
    o.push_back({{std::move(name), std::move(unit), std::move(description)}, std::move(read)});
  };
  // A count or sum as counters.hpp names it: the week's, or the total so far.
  auto add_counter = [&](auto key) {
    const auto& spec = outputs_of(key);
    LIANGZHU_ASSERT(!spec.series.name.empty(), "the counter has a series");
    add(std::string(spec.series.name), std::string(spec.series.unit),
        std::string(spec.series.description), [key, so_far = spec.series_so_far](cx, hub_ref h) {
          const auto& t = h.tally_of(key);
          return static_cast<double>(so_far ? t.so_far(key) : t.this_week(key));
        });
  };
  // Talent
  add("engineers", "engineers", "Engineers in the hub",
      [](cx, hub_ref h) { return static_cast<double>(h.engineers.table.size()); });
  add("engineers_incumbents", "engineers", "Engineers employed by incumbents",
      [](cx, hub_ref h) { return in_place(h, place::incumbent); });
  add("engineers_startups", "engineers", "Engineers employed by startups (founders excluded)",
      [](cx, hub_ref h) { return in_place(h, place::startup); });
  add("founders", "engineers", "Lead founders of live startups",
      [](cx, hub_ref h) { return in_place(h, place::founder); });
  add("engineers_market", "engineers", "Engineers in the rest of the labour market",
      [](cx, hub_ref h) { return in_place(h, place::market); });
  add("engineers_unemployed", "engineers",
      "Engineers between jobs (including those waiting out a noncompete)",
      [](cx, hub_ref h) { return in_place(h, place::unemployed); });
  add("vacancies", "positions",
      "Open positions: incumbents' wanted headcount not filled, the wanted teams not filled of "
      "startups that hire (after a first round, with a runway above "
      "startups.runway_trigger_weeks), and the rest of the market's (vacancies_market)",
      [](cx ctx, hub_ref h) {
        double open = market_vacancies(h);
        for (const auto& inc : h.incumbents) open += std::max(0.0, inc.wanted - inc.headcount);
        const auto& st = h.startups;
        for (std::size_t s = 0; s < st.table.size(); ++s)
          if (hiring(ctx.p.world, st, s))
            open += std::max(0.0, std::floor(wanted_team(ctx.p.world, st, s)) - st.team[s]);
        return open;
      });
  add("vacancies_market", "positions",
      "Open positions in the rest of the labour market: its hires this week times "
      "talent.market_vacancy_weeks (Little's law: the market's employers are not agents)",
      [](cx, hub_ref h) { return market_vacancies(h); });
  add_counter(counted::graduates);
  add_counter(counted::leavers);
  add_counter(counted::job_moves);
  add_counter(counted::market_hires);
  add_counter(counted::laid_off);
  add("wage_index", "x start", "Market wage relative to the start",
      [](cx, hub_ref h) { return h.wage_index; });
  add("mean_tenure_years", "years",
      "Mean time employed engineers have been in their current job (set-up jobs count from the "
      "start)",
      [](cx ctx, hub_ref h) {
        const auto employed = static_cast<std::int64_t>(h.engineers.table.size()) -
                              static_cast<std::int64_t>(in_place(h, place::unemployed));
        // Whole weeks: the sum is exact, as the sum over the engineers it replaces was.
        const auto weeks =
            static_cast<double>(employed * ctx.world.tick - h.agenda.employed_hire_ticks);
        return employed > 0 ? weeks / static_cast<double>(employed) / ctx.ticks_per_year() : 0.0;
      });
  // Noncompetes and poaching
  add("bound_engineers", "engineers", "Engineers under a noncompete now", [](cx ctx, hub_ref h) {
    const auto rows = rows_in(h, row_set::bound);  // may hold ended bindings
    return static_cast<double>(std::count_if(rows.begin(), rows.end(), [&](std::size_t r) {
      return h.engineers.bound_until[r] > ctx.world.tick;
    }));
  });
  add("waiting_founders", "engineers",
      "Bound engineers with an idea waiting for their noncompete to end", [](cx, hub_ref h) {
        return static_cast<double>(
            h.agenda.sets[static_cast<std::size_t>(row_set::waiting)].count());
      });
  add_counter(counted::started_waiting);
  add_counter(counted::gave_up_waiting);
  add_counter(counted::founded_after_waiting);
  add_counter(counted::founded_while_bound);
  add_counter(counted::litigations);
  add_counter(summed::noncompete_compensation_cny);
  add_counter(counted::poached);
  add_counter(counted::poach_refused);
  // Startups
  add("startups_alive", "startups", "Live startups",
      [](cx, hub_ref h) { return static_cast<double>(h.startups.table.size()); });
  add("startups_idea", "startups", "Live startups at the idea stage",
      [](cx, hub_ref h) { return at_stage(h, stage::idea); });
  add("startups_seed", "startups", "Live startups after a seed round",
      [](cx, hub_ref h) { return at_stage(h, stage::seed); });
  add("startups_a", "startups", "Live startups after a series A",
      [](cx, hub_ref h) { return at_stage(h, stage::a); });
  add("startups_b", "startups", "Live startups after a series B",
      [](cx, hub_ref h) { return at_stage(h, stage::b); });
  add("startups_growth", "startups", "Live startups at the growth stage",
      [](cx, hub_ref h) { return at_stage(h, stage::growth); });
  add_counter(counted::founded);
  add_counter(counted::failed);
  add_counter(counted::acquired);
  add_counter(counted::listed);
  add("tigers_alive", "startups",
      "Live startups that broke out (valuation above the tiger threshold)", [](cx, hub_ref h) {
        return count_startups(h, [&](std::size_t s) { return h.startups.breakout[s] != 0; });
      });
  add_counter(counted::tigers);
  add("mean_capability", "capability", "Mean capability of live startups", [](cx, hub_ref h) {
    const auto& c = h.startups.capability.values();
    return ratio(std::accumulate(c.begin(), c.end(), 0.0), static_cast<double>(c.size()));
  });
  // Funding
  add("funding_government_cny_weekly", "CNY per week",
      "Money from governments this week (subsidies, guidance funds, vouchers)", [](cx, hub_ref h) {
        return inflow(h, money_in::subsidy) + inflow(h, money_in::guidance) +
               inflow(h, money_in::voucher);
      });
  add("funding_domestic_vc_cny_weekly", "CNY per week", "Money from domestic VCs this week",
      [](cx, hub_ref h) { return inflow(h, money_in::domestic_vc); });
  add("funding_foreign_vc_cny_weekly", "CNY per week", "Money from foreign VCs this week",
      [](cx, hub_ref h) { return inflow(h, money_in::foreign_vc); });
  add("funding_founders_cny_weekly", "CNY per week", "Founders' own money put in this week",
      [](cx, hub_ref h) { return inflow(h, money_in::founder); });
  add("foreign_share", "share", "Foreign VC money / all equity money (VC and guidance), run so far",
      [](cx, hub_ref h) {
        const double foreign = run_inflow(h, money_in::foreign_vc);
        return ratio(foreign, foreign + run_inflow(h, money_in::domestic_vc) +
                                  run_inflow(h, money_in::guidance));
      });
  add_counter(counted::rounds);
  add_counter(counted::rounds_through_ties);
  add_counter(counted::coinvested_rounds);
  add_counter(counted::chose_government);
  add_counter(counted::chose_offshore);
  add("offshore_share", "share", "Offshore choices / all route choices, run so far",
      [](cx, hub_ref h) {
        const double offshore = static_cast<double>(h.counts.so_far(counted::chose_offshore));
        return ratio(offshore,
                     offshore + static_cast<double>(h.counts.so_far(counted::chose_government)));
      });
  add("mean_state_tie", "state-tie score", "Mean state-tie score of live startups",
      [](cx, hub_ref h) {
        const auto& t = h.startups.state_tie.values();
        return ratio(std::accumulate(t.begin(), t.end(), 0.0), static_cast<double>(t.size()));
      });
  // Meetups
  add_counter(counted::meetup_attendance);
  add_counter(counted::pitches);
  add_counter(counted::visiting_investors);
  add_counter(counted::term_sheets);
  add("ties", "ties", "Social ties among the hub's engineers",
      [](cx, hub_ref h) { return static_cast<double>(h.ties.tie_count()); });
  // Compute
  add("compute_demand_h100e", "H100e", "Compute wanted by incumbents and startups",
      [](cx, hub_ref h) { return h.compute_demand; });
  add("compute_supply_foreign_h100e", "H100e", "Foreign accelerators installed",
      [](cx, hub_ref h) { return h.foreign_stock; });
  add("compute_supply_domestic_h100e", "H100e", "Domestic accelerators installed",
      [](cx, hub_ref h) { return h.domestic_stock; });
  add("compute_unmet_h100e", "H100e", "Demand the installed stock cannot serve",
      [](cx, hub_ref h) { return h.compute_unmet; });
  add("domestic_share", "share",
      "Domestic supply / demand (chip independence when above its threshold long enough)",
      [](cx, hub_ref h) { return ratio(h.domestic_stock, h.compute_demand); });
  add("compute_price_cny", "CNY per H100e-week", "Price of compute",
      [](cx, hub_ref h) { return h.compute_price; });
  add("startup_compute_fulfilment", "share", "Compute startups got / compute they wanted",
      [](cx, hub_ref h) {
        return h.startup_compute_need > 0 ? h.startup_compute_got / h.startup_compute_need : 1.0;
      });
  add("foreign_supply_share", "share",
      "Share of open-market foreign chip supply the export-control regime lets through",
      [](cx, hub_ref h) { return h.foreign_supply_share; });
  add("chip_independent", "0/1", "1 from the chip-independence date on", [](cx ctx, hub_ref h) {
    return h.independence_tick >= 0 && h.independence_tick <= ctx.world.tick ? 1.0 : 0.0;
  });
  // Efficiency and world
  add("open_frontier", "x start", "Efficiency of the best open-sourced work",
      [](cx ctx, hub_ref) { return ctx.world.open_frontier; });
  add_counter(counted::breakthroughs);
  add_counter(counted::open_sourced);
  add("tension", "index (0-1)", "Geopolitical tension",
      [](cx ctx, hub_ref) { return ctx.world.tension; });
  // Government
  add("gov_subsidies_cny", "CNY", "Founding subsidies paid so far (both levels)",
      [](cx, hub_ref h) { return h.local.spent_subsidy + h.provincial.spent_subsidy; });
  add("gov_vouchers_cny", "CNY", "Compute vouchers paid so far",
      [](cx, hub_ref h) { return h.local.spent_voucher + h.provincial.spent_voucher; });
  add("gov_guidance_cny", "CNY", "Guidance-fund money invested so far",
      [](cx, hub_ref h) { return h.local.invested_guidance + h.provincial.invested_guidance; });
  add("gov_tax_expenditure_cny", "CNY", "Profit tax forgone through tax breaks so far",
      [](cx, hub_ref h) { return h.local.tax_expenditure + h.provincial.tax_expenditure; });
  add("gov_spending_cny", "CNY",
      "All government spending so far (subsidies, vouchers, guidance, tax expenditure)",
      [](cx, hub_ref h) { return government_spending(h); });
  add_counter(summed::tax_revenue_cny);
  return o;
}

}  // namespace

const std::vector<series_output>& series_outputs() {
  static const std::vector<series_output> outputs = build();
  return outputs;
}

void declare_series(engine::collector& c) {
  for (const auto& o : series_outputs()) c.declare(o.spec);
}

void record_series(const context& ctx, hub_state& hub, engine::collector& c) {
  const auto& outputs = series_outputs();
  for (std::size_t i = 0; i < outputs.size(); ++i) c.set(hub.index, i, outputs[i].read(ctx, hub));
  hub.start_week();
}

}  // namespace liangzhu::model::detail
