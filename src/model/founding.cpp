// Founding (ODD submodel "Founding"): engineers get ideas at a rate that rises with their
// entrepreneurial propensity, their ties to founders and a recent meetup; a bound engineer waits
// for the noncompete to end or founds anyway; a founder brings co-founders from its ties and
// takes the founding subsidy where the government offers one. Startups then hire through their
// founders' ties.
#include <algorithm>

#include "labour.hpp"
#include "ledger.hpp"
#include "mechanisms.hpp"
#include "noncompete.hpp"
#include "startups.hpp"
#include "timers.hpp"

namespace liangzhu::model::detail {
namespace {

int founder_ties(hub_state& hub, std::size_t row) {
  int n = 0;
  const auto ties = hub.ties.settled_ties_of(hub.engineers.table.id_at(row).index);
  for (const auto slot : ties.neighbours()) {
    const std::size_t other = hub.engineers.table.find_row(slot);
    if (other != SIZE_MAX && hub.engineers.where[other] == place::founder) ++n;
  }
  return std::min(n, hub.p.founding.founder_ties_counted);
}

/// Share of the maximal idea rate this engineer has now (the thinning probability): ties to
/// founders, a recent meetup and a job at an incumbent (spin-outs) raise it.
double idea_rate_share(hub_state& hub, std::size_t row, long tick) {
  const auto& h = hub.p;
  const bool inspired = tick - hub.engineers.last_meetup[row] <= h.founding.meetup_memory_weeks;
  const bool at_incumbent = hub.engineers.where[row] == place::incumbent;
  const double now = (1.0 + h.founding.tie_boost * founder_ties(hub, row) +
                      (inspired ? h.founding.meetup_boost : 0.0)) *
                     (at_incumbent ? 1.0 + h.founding.incumbent_idea_boost : 1.0);
  return now /
         ((1.0 + h.founding.founder_ties_counted * h.founding.tie_boost + h.founding.meetup_boost) *
          (1.0 + h.founding.incumbent_idea_boost));
}

void take_subsidies(const context& ctx, hub_state& hub, std::size_t s) {
  if (!hub.p.funding.government_route) return;
  bool took = false;
  for (auto* level : {&hub.local, &hub.provincial}) {
    const double amount = level->instruments.subsidy_per_startup_cny;
    if (amount <= 0 || level->budget_left < amount) continue;
    level->budget_left -= amount;
    level->spent_subsidy += amount;
    book_in(hub, s, money_in::subsidy, amount);
    took = true;
  }
  if (took) {
    hub.startups.state_tie[s] += static_cast<float>(ctx.p.world.capital.subsidy_state_tie);
    hub.counts.add(counted::subsidised);
  }
}

void add_cofounders(const context& ctx, hub_state& hub, std::size_t founder_row, std::size_t s,
                    long tick) {
  auto& e = hub.engineers;
  const auto me = e.table.id_at(founder_row);
  std::vector<std::pair<double, std::uint32_t>> candidates;
  const auto ties = hub.ties.settled_ties_of(me.index);
  const auto slots = ties.neighbours();
  const auto weights = ties.weights();
  for (std::size_t k = 0; k < slots.size(); ++k) {
    const std::size_t row = hub.engineers.table.find_row(slots[k]);
    if (row == SIZE_MAX || e.waiting_since[row] >= 0 || is_restricted(ctx, hub, row, tick) ||
        leaving_would_restrict(ctx, hub, row, tick))
      continue;
    const place p = e.where[row];
    if (p == place::market || p == place::incumbent || p == place::unemployed)
      candidates.push_back({weights[k] * e.skill[row], slots[k]});
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  auto r = ctx.rng(purpose::cofounder, me.packed(), tick);
  const auto seats = static_cast<std::size_t>(r.binomial(2, hub.p.founding.cofounder_chance));
  for (std::size_t k = 0; k < std::min(seats, candidates.size()); ++k) {
    const std::size_t row = hub.engineers.table.find_row(candidates[k].second);
    const bool from_incumbent = e.where[row] == place::incumbent;
    const std::size_t former = e.employer[row];
    leave_place(hub, row);
    if (from_incumbent) maybe_bind(ctx, hub, row, former, tick);
    // Co-founders, like the founder, take a reduced cash wage for their equity.
    join_startup(hub, row, s,
                 startup_wage(hub, e.skill[row]) * ctx.p.world.startups.founder_wage_share, false);
    hub.ties.add_tie(me.index, candidates[k].second, kind_of(tie_kind::cofounder), 1.0f);
    book_founder_savings(ctx, hub, s, row, tick);  // founding teams pool their savings
  }
}

void found(const context& ctx, hub_state& hub, std::size_t row, double idea, bool while_bound,
           long tick) {
  auto& e = hub.engineers;
  if (e.where[row] != place::unemployed) leave_place(hub, row);
  e.waiting_since[row] = -1;
  set_member(hub, row_set::waiting, row, false);
  const std::size_t s = create_startup(ctx, hub, row, idea, tick);
  if (while_bound) {
    schedule_suit(ctx, hub, s, row, tick);
    hub.counts.add(counted::founded_while_bound);
  }
  add_cofounders(ctx, hub, row, s, tick);
  take_subsidies(ctx, hub, s);
  hub.counts.add(counted::founded);
  ctx.event(tick, hub, ctx.kinds.founding, hub.startups.table.id_at(s).packed(), idea);
}

/// An engineer with an idea: leaves its employer (which may bind it), then founds, founds anyway
/// or waits.
void act_on_idea(const context& ctx, hub_state& hub, std::size_t row, long tick) {
  auto& e = hub.engineers;
  auto r = ctx.rng(purpose::idea, e.table.id_at(row).packed(), tick);
  if (!r.bernoulli(idea_rate_share(hub, row, tick))) return;
  const double idea = draw_idea_quality(ctx.p.world, r);
  if (e.where[row] == place::incumbent) {
    const std::size_t former = e.employer[row];
    leave_place(hub, row);
    maybe_bind(ctx, hub, row, former, tick);
  }
  if (!is_restricted(ctx, hub, row, tick)) return found(ctx, hub, row, idea, false, tick);
  const double enforcement = effective_enforcement(hub, e.bound_by[row]);
  const double bias = hub.p.noncompete.found_anyway_bias;
  if (r.bernoulli(bias + (1.0 - bias) * (1.0 - enforcement)))
    return found(ctx, hub, row, idea, true, tick);
  if (e.where[row] != place::unemployed) leave_place(hub, row);  // waits on garden leave
  e.waiting_since[row] = as_week(tick);
  set_member(hub, row_set::waiting, row, true);
  e.idea_quality[row] = static_cast<float>(idea);
  hub.counts.add(counted::started_waiting);
}

}  // namespace

void found_startups(const context& ctx, hub_state& hub, long tick) {
  auto& e = hub.engineers;
  const auto due =
      merge_rows(due_rows(ctx, hub, timer::idea, tick), rows_in(hub, row_set::waiting));
  for (const std::size_t row : due) {
    // The idea timer is drawn again whenever it fires, also for an engineer waiting out a
    // noncompete, whose new idea is passed over: left in the past, the timer would never fire
    // again, and an engineer who gave up waiting would have no idea for the rest of the run.
    if (e.next_idea[row] == tick) {
      auto r = ctx.rng(purpose::idea, e.table.id_at(row).packed(), tick, substream::timer);
      set_timer(hub, timer::idea, row,
                next_firing(r, ctx.per_tick(max_idea_rate(hub.p, e.propensity[row])), tick));
    }
    if (e.waiting_since[row] >= 0) {
      if (e.bound_until[row] <= tick) {
        found(ctx, hub, row, e.idea_quality[row], false, tick);
        hub.counts.add(counted::founded_after_waiting);
      } else if (ctx.rng(purpose::idea, e.table.id_at(row).packed(), tick, substream::patience)
                     .bernoulli(1.0 / hub.p.founding.idea_patience_weeks)) {
        e.waiting_since[row] = -1;  // gives up the idea and looks for a job again
        set_member(hub, row_set::waiting, row, false);
        hub.counts.add(counted::gave_up_waiting);
      }
      continue;
    }
    if (e.where[row] == place::founder) continue;
    act_on_idea(ctx, hub, row, tick);
  }
}

void hire_into_startups(const context& ctx, hub_state& hub, long tick) {
  auto& st = hub.startups;
  auto& e = hub.engineers;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    const double gap = wanted_team(ctx.p.world, st, s) - st.team[s];
    if (gap < 1 || !hiring(ctx.p.world, st, s)) continue;
    const auto founder = e.table.row(engine::agent_id::unpack(st.founder[s]));
    const auto ties = hub.ties.settled_ties_of(e.table.id_at(founder).index);
    const auto slots = ties.neighbours();
    int hires = static_cast<int>(gap * ctx.p.world.startups.hiring_share_per_week) + 1;
    for (std::size_t k = 0; k < slots.size() && hires > 0; ++k) {
      const std::size_t row = hub.engineers.table.find_row(slots[k]);
      if (row == SIZE_MAX || e.waiting_since[row] >= 0 || is_restricted(ctx, hub, row, tick) ||
          leaving_would_restrict(ctx, hub, row, tick))
        continue;
      const place p = e.where[row];
      if (p != place::market && p != place::unemployed && p != place::incumbent) continue;
      const double wage = startup_wage(hub, e.skill[row]);
      if (!accepts_startup_job(hub, row, wage)) continue;
      const bool from_incumbent = p == place::incumbent;
      const std::size_t former = e.employer[row];
      leave_place(hub, row);
      if (from_incumbent) maybe_bind(ctx, hub, row, former, tick);
      join_startup(hub, row, s, wage, false);
      hub.counts.add(counted::job_moves);
      --hires;
    }
  }
}

}  // namespace liangzhu::model::detail
