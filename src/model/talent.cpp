// Talent (ODD submodel "Talent"): graduates arriving each year (a ZJU share with a skill and
// network edge), engineers leaving the hub, job search and moves between the market, incumbents
// and startups, and wage growth.
#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "init.hpp"
#include "labour.hpp"
#include "mechanisms.hpp"
#include "noncompete.hpp"
#include "startups.hpp"
#include "timers.hpp"

namespace liangzhu::model::detail {
namespace {

/// Picks an index with probability proportional to weights (cumulative sums given).
std::size_t pick_weighted(const std::vector<double>& cumulative, engine::rng_stream& r) {
  const double x = r.uniform() * cumulative.back();
  return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), x) -
                                  cumulative.begin());
}

/// What every searcher of the week draws from: the positions open (cumulative weights of the
/// incumbents' and the hiring startups' gaps) and the hub's chances for the timers redrawn.
struct openings {
  std::vector<double> incumbent_cum, startup_cum;
  std::vector<std::size_t> startup_rows;
  /// The team each startup (by row) wants: it follows capability, which job moves do not change,
  /// so it is worked out once for the week's many checks of whether a position is still open.
  std::vector<double> wanted_team;
  hub_chances chances;
};

openings find_openings(const context& ctx, const hub_state& hub) {
  openings o{{}, {}, {}, {}, hub_chances(ctx, hub.p)};
  double total = 0;
  for (const auto& inc : hub.incumbents)
    o.incumbent_cum.push_back(total += std::max(0.0, inc.wanted - inc.headcount));
  const auto& st = hub.startups;
  total = 0;
  o.wanted_team.resize(st.table.size());
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    o.wanted_team[s] = wanted_team(ctx.p.world, st, s);
    const double gap = o.wanted_team[s] - st.team[s];
    if (gap >= 1 && hiring(ctx.p.world, st, s)) {
      o.startup_rows.push_back(s);
      o.startup_cum.push_back(total += gap);
    }
  }
  return o;
}

struct offer {
  place where = place::unemployed;
  std::size_t employer = 0;
  double wage = 0;
  double value = 0;  ///< wage plus what the engineer values beyond it
};

/// At most one offer of each kind, best first; offers of equal value keep the order they came in.
class offer_list {
 public:
  void add(const offer& o) {
    std::size_t k = count_++;
    for (; k > 0 && items_[k - 1].value < o.value; --k) items_[k] = items_[k - 1];
    items_[k] = o;
  }
  const offer* begin() const { return items_.data(); }
  const offer* end() const { return items_.data() + count_; }

 private:
  std::array<offer, 3> items_{};
  std::size_t count_ = 0;
};

/// The stream of the engineer's offers this week.
engine::rng_stream offer_stream(const context& ctx, const hub_state& hub, std::size_t row,
                                long tick) {
  return ctx.rng(purpose::search, hub.engineers.table.id_at(row).packed(), tick);
}
/// The offers the engineer in `row` receives this week. The employed always have one from the
/// rest of the market (their current wage's alternative); the unemployed only in the weeks their
/// market-offer time comes up.
offer_list offers_for(const context& ctx, const hub_state& hub, const openings& o, std::size_t row,
                      long tick, bool market_offer_due, bool only_market) {
  const auto& e = hub.engineers;
  auto r = offer_stream(ctx, hub, row, tick);
  const double skill = e.skill[row];
  offer_list out;
  if (e.where[row] != place::unemployed || market_offer_due) {
    const double w =
        market_wage(hub, skill) * r.lognormal_median(1.0, hub.p.talent.market_offer_sigma);
    out.add({place::market, 0, w, w});
  }
  if (!only_market && !o.incumbent_cum.empty() && o.incumbent_cum.back() >= 1) {
    const std::size_t i = pick_weighted(o.incumbent_cum, r);
    const bool own_employer = e.where[row] == place::incumbent && e.employer[row] == i;
    const double w = incumbent_wage(hub, i, skill);
    if (!own_employer) out.add({place::incumbent, i, w, w});
  }
  if (!only_market && !o.startup_rows.empty()) {
    const std::size_t s = o.startup_rows[pick_weighted(o.startup_cum, r)];
    const double w = startup_wage(hub, skill);
    out.add({place::startup, s, w, w * (1.0 + hub.p.talent.startup_appeal * e.propensity[row])});
  }
  return out;
}

/// What an engineer due to look for a job does this week, up to taking an offer.
struct search_plan {
  bool searches = false;   ///< founders and engineers waiting out a noncompete do not
  bool loses_job = false;  ///< the search is forced: the engineer was laid off
  offer_list offers;
};

/// Starts loading what plan_search reads of the engineer's row: searchers are sparse among the
/// engineers, so each column would otherwise be a separate wait for memory.
void prefetch_searcher(const engineer_table& e, std::size_t row) {
  e.table.prefetch_id(row);
  for (const void* p :
       {static_cast<const void*>(&e.next_search[row]),
        static_cast<const void*>(&e.next_market_offer[row]),
        static_cast<const void*>(&e.where[row]), static_cast<const void*>(&e.waiting_since[row]),
        static_cast<const void*>(&e.bound_until[row]), static_cast<const void*>(&e.employer[row]),
        static_cast<const void*>(&e.skill[row]), static_cast<const void*>(&e.propensity[row])})
    __builtin_prefetch(p);
}

/// Starts loading, for writing, what taking an offer changes of the engineer's row (labour.cpp).
void prefetch_mover(const engineer_table& e, std::size_t row) {
  for (const void* p :
       {static_cast<const void*>(&e.where[row]), static_cast<const void*>(&e.employer[row]),
        static_cast<const void*>(&e.wage[row]), static_cast<const void*>(&e.hired[row]),
        static_cast<const void*>(&e.next_market_offer[row])})
    __builtin_prefetch(p, 1);
}

/// Draws the engineer's next search and its offers. It reads and writes only the engineer's own
/// row, so engineers are planned in parallel.
search_plan plan_search(const context& ctx, hub_state& hub, const openings& o, std::size_t row,
                        long tick) {
  auto& e = hub.engineers;
  const bool market_offer_due = e.next_market_offer[row] == tick;
  if (market_offer_due) {
    auto r =
        ctx.rng(purpose::search, e.table.id_at(row).packed(), tick, substream::next_market_offer);
    e.next_market_offer[row] = next_firing(r, o.chances.market_offer, tick);
  }
  bool loses_job = false;
  if (e.next_search[row] == tick) {
    auto r = ctx.rng(purpose::search, e.table.id_at(row).packed(), tick, substream::timer);
    e.next_search[row] = next_firing(r, o.chances.search, tick);
    // Some searches are forced: job losses come at the engineer's searches, as a share of them,
    // so they cost no draw for the engineers who are not searching this week.
    const double search_rate = hub.p.talent.job_search_per_year;
    const bool employed = e.where[row] == place::market || e.where[row] == place::incumbent ||
                          e.where[row] == place::startup;
    loses_job = employed && search_rate > 0 &&
                ctx.rng(purpose::search, e.table.id_at(row).packed(), tick, substream::layoff)
                    .bernoulli(std::min(1.0, hub.p.talent.job_loss_per_year / search_rate));
  }
  if (e.where[row] == place::founder || e.waiting_since[row] >= 0) return {};
  if (loses_job) return {true, true, {}};
  // A bound engineer, or one whose departure would bind it, may not join a competitor.
  const bool restricted =
      is_restricted(ctx, hub, row, tick) || leaving_would_restrict(ctx, hub, row, tick);
  return {true, false, offers_for(ctx, hub, o, row, tick, market_offer_due, restricted)};
}

/// Draws the week of the first market offer of each engineer listed as out of work since the
/// last job moves (agenda.hpp): a waiting time from this week on, from the engineer's own
/// stream, so that common random numbers hold between scenarios. The unemployed get a market
/// offer with market_job_find_per_week each week; drawing the wait once is the same process.
void draw_first_market_offers(const context& ctx, hub_state& hub, long tick) {
  auto& e = hub.engineers;
  const auto rows = take_market_offer_undrawn(hub);
  const firing_chance market_offer(hub.p.talent.market_job_find_per_week);
  ctx.ex.for_each(rows.size(), [&](std::size_t k) {
    const std::size_t row = rows[k];
    auto r =
        ctx.rng(purpose::search, e.table.id_at(row).packed(), tick, substream::first_market_offer);
    e.next_market_offer[row] = next_firing(r, market_offer, tick - 1);
  });
  for (const std::size_t row : rows)
    set_timer(hub, timer::market_offer, row, e.next_market_offer[row]);
}

/// The plans of the unemployed engineers without one this week (`rows`, increasing), drawn ahead
/// a batch at a time as the serial pass reaches them: in parallel, with their rows prefetched.
/// Such an engineer's plan reads only its own row and the week's openings, which nothing the pass
/// did before reaching it changes, so drawing it ahead draws what drawing it then would. The pass
/// reaches them only while a position is open; batches grow (256, 512, ... 8192 plans) so that
/// the plans drawn in vain after the last one closed stay a fraction of those used.
class idle_plans {
 public:
  idle_plans(const context& ctx, hub_state& hub, const openings& o, long tick,
             std::vector<std::size_t> rows)
      : ctx_(ctx), hub_(hub), o_(o), tick_(tick), rows_(std::move(rows)) {}
  std::size_t size() const { return rows_.size(); }
  std::size_t row(std::size_t k) const { return rows_[k]; }
  /// The first k' >= k whose row is at least `row`.
  std::size_t skip_to(std::size_t k, std::size_t row) const {
    return static_cast<std::size_t>(
        std::lower_bound(rows_.begin() + static_cast<std::ptrdiff_t>(k), rows_.end(), row) -
        rows_.begin());
  }
  /// The plan of row(k); k never decreases from one call to the next.
  const search_plan& plan(std::size_t k) {
    if (k >= first_ + drawn_.size()) draw_from(k);
    return drawn_[k - first_];
  }

 private:
  void draw_from(std::size_t k) {
    const std::size_t n = std::min(batch_, rows_.size() - k);
    batch_ = std::min(batch_ * 2, most);
    const auto* rows = rows_.data() + k;
    auto drawn = ctx_.ex.select_map(
        n, [](std::size_t) { return true; },
        [&](std::size_t i) { return plan_search(ctx_, hub_, o_, rows[i], tick_); },
        [&](std::size_t i) { prefetch_searcher(hub_.engineers, rows[i]); });
    drawn_.clear();
    for (auto& d : drawn) drawn_.push_back(std::move(d.second));
    first_ = k;
  }
  static constexpr std::size_t most = 8192;
  const context& ctx_;
  hub_state& hub_;
  const openings& o_;
  long tick_;
  std::vector<std::size_t> rows_;
  std::vector<search_plan> drawn_;
  std::size_t first_ = 0;
  std::size_t batch_ = 256;
};

/// Whether incumbent i may still hire through job search this week.
bool incumbent_position_open(const hub_state& hub, const std::vector<double>& capacity,
                             std::size_t i) {
  return capacity[i] >= 1 && hub.incumbents[i].headcount < hub.incumbents[i].wanted;
}
/// Whether startup s (row) still wants a bigger team.
bool startup_position_open(const openings& o, const hub_state& hub, std::size_t s) {
  return hub.startups.team[s] < o.wanted_team[s];
}

/// Whether any incumbent or startup position offered this week is still open, kept up to date as
/// engineers take and leave jobs (a departure can reopen one), so that an unemployed engineer
/// with no market offer is skipped once every position is taken: its offers would all be closed.
class open_positions {
 public:
  open_positions(const hub_state& hub, const openings& o, const std::vector<double>& capacity)
      : o_(o),
        hub_(hub),
        capacity_(capacity),
        incumbent_open_(capacity.size(), 0),
        offered_(hub.startups.table.size(), 0),
        startup_open_(hub.startups.table.size(), 0) {
    for (std::size_t i = 0; i < capacity.size(); ++i) update_incumbent(i);
    for (const std::size_t s : o.startup_rows) {
      offered_[s] = 1;
      update_startup(s);
    }
  }
  bool any() const { return open_ > 0; }
  /// Re-evaluates the employer a searcher's former place names (after it left it; founders do
  /// not search).
  void update_employer(place where, std::size_t employer) {
    if (where == place::incumbent) update_incumbent(employer);
    if (where == place::startup)
      update_startup(startup_row(hub_, static_cast<std::uint32_t>(employer)));
  }
  void update_incumbent(std::size_t i) {
    set(incumbent_open_[i], incumbent_position_open(hub_, capacity_, i));
  }
  void update_startup(std::size_t s) {
    if (offered_[s]) set(startup_open_[s], startup_position_open(o_, hub_, s));
  }

 private:
  void set(std::uint8_t& flag, bool open) {
    open_ += static_cast<long>(open) - static_cast<long>(flag);
    flag = open;
  }
  const openings& o_;
  const hub_state& hub_;
  const std::vector<double>& capacity_;
  std::vector<std::uint8_t> incumbent_open_, offered_, startup_open_;
  long open_ = 0;
};

/// What each incumbent may still hire through job search this week: its open positions spread
/// over talent.vacancy_fill_weeks (recruiting takes time, so vacancies last).
std::vector<double> weekly_hiring_capacity(const hub_state& hub) {
  std::vector<double> capacity;
  for (const auto& inc : hub.incumbents)
    capacity.push_back(
        std::ceil(std::max(0.0, inc.wanted - inc.headcount) / hub.p.talent.vacancy_fill_weeks));
  return capacity;
}

bool still_open(const openings& o, const hub_state& hub, const offer& of,
                const std::vector<double>& incumbent_capacity) {
  if (of.where == place::incumbent)
    return incumbent_position_open(hub, incumbent_capacity, of.employer);
  if (of.where == place::startup) return startup_position_open(o, hub, of.employer);
  return true;
}

void take_offer(hub_state& hub, std::size_t row, const offer& o) {
  leave_place(hub, row);
  if (o.where == place::market) {
    join_market(hub, row, o.wage);
    hub.counts.add(counted::market_hires);
  }
  if (o.where == place::incumbent) join_incumbent(hub, row, o.employer, o.wage);
  if (o.where == place::startup) join_startup(hub, row, o.employer, o.wage, false);
  hub.counts.add(counted::job_moves);
}

}  // namespace

void graduates_arrive(const context& ctx, hub_state& hub, long tick) {
  const auto month = [&](long t) { return ctx.cal.date_of(t).month; };
  const int gm = hub.p.talent.graduate_month;
  if (month(tick) != gm || (tick > 0 && month(tick - 1) == gm)) return;
  const auto n = static_cast<std::size_t>(hub.p.talent.graduates_per_year);
  auto& e = hub.engineers;
  const std::size_t first = e.table.size();
  for (std::size_t k = 0; k < n; ++k) add_engineer(hub);
  const hub_chances chances(ctx, hub.p);
  ctx.ex.for_each(n, [&](std::size_t k) {
    const std::size_t row = first + k;
    draw_new_engineer(ctx, hub, chances, row, tick, purpose::graduate);
    e.skill[row] *= static_cast<float>(hub.p.talent.graduate_skill_factor);
  });
  for (std::size_t k = 0; k < n; ++k) file_timers(hub, first + k);
  // Drawn in parallel, added in row order (see tie_graph::add_ties).
  using new_tie = engine::tie_graph::new_tie;
  const auto ties = ctx.ex.gather<new_tie>(first > 0 ? n : 0, [&](std::size_t k,
                                                                  std::vector<new_tie>& out) {
    const std::size_t row = first + k;
    auto r = ctx.rng(purpose::graduate, e.table.id_at(row).packed(), tick, substream::ties);
    for (int t = 0; t < hub.p.talent.graduate_ties; ++t) {
      // Classmates: graduates of the same year, and alumni already in the hub.
      const std::size_t other = r.below(row);
      if (!e.zju[row] || e.zju[other] || r.bernoulli(hub.p.talent.zju_graduate_outside_tie))
        out.push_back({e.table.id_at(row).index, e.table.id_at(other).index,
                       kind_of(tie_kind::acquaintance), static_cast<float>(r.uniform(0.3, 1.0))});
    }
  });
  hub.ties.add_ties(ties);
  hub.counts.add(counted::graduates, static_cast<std::int64_t>(n));
}

void engineers_leave(const context& ctx, hub_state& hub, long tick) {
  auto& e = hub.engineers;
  const auto due = due_rows(ctx, hub, timer::leave, tick);
  // Highest rows first: a removal moves the last row into the hole, and the rows still due are
  // lower, so they keep their engineers. Removing an engineer's ties touches its neighbours'
  // rows, scattered over the graph: they are fetched a few leavers ahead, in two steps (the
  // leaver's own row, then, once it has arrived, its neighbours').
  const auto slot_of = [&](std::size_t k) { return e.table.id_at(due[k]).index; };
  constexpr std::size_t ahead = 8;
  const firing_chance leave(ctx.per_tick(hub.p.talent.leave_rate_per_year));
  for (std::size_t k = due.size(); k-- > 0;) {
    if (k >= 2 * ahead) hub.ties.prefetch(slot_of(k - 2 * ahead));
    if (k >= ahead) hub.ties.prefetch_neighbours(slot_of(k - ahead));
    const std::size_t row = due[k];
    if (e.where[row] == place::founder) {  // founders stay while their startup lives
      auto r = ctx.rng(purpose::leave, e.table.id_at(row).packed(), tick);
      set_timer(hub, timer::leave, row, next_firing(r, leave, tick));
      continue;
    }
    remove_engineer(hub, row);
    hub.counts.add(counted::leavers);
  }
}

void job_moves(const context& ctx, hub_state& hub, long tick) {
  auto& e = hub.engineers;
  const openings o = find_openings(ctx, hub);
  std::vector<double> capacity = weekly_hiring_capacity(hub);
  // The unemployed search every week, the employed when their search comes up. Drawn ahead, in
  // parallel: the due searches, and the unemployed whose market offer comes this week.
  draw_first_market_offers(ctx, hub, tick);
  const auto searching = due_rows(ctx, hub, timer::search, tick);
  const auto offered = due_rows(ctx, hub, timer::market_offer, tick);
  const auto planned = merge_rows(searching, offered);
  const auto plans = ctx.ex.select_map(
      planned.size(), [](std::size_t) { return true; },
      [&](std::size_t k) { return plan_search(ctx, hub, o, planned[k], tick); },
      [&](std::size_t k) { prefetch_searcher(e, planned[k]); });
  // The plans drew the next search and market offer in the parallel loop, where filing is not
  // allowed.
  for (const std::size_t row : searching) set_timer(hub, timer::search, row, e.next_search[row]);
  for (const std::size_t row : offered)
    set_timer(hub, timer::market_offer, row, e.next_market_offer[row]);
  // Offers are taken serially, in row order, because an offer is taken only if no one earlier
  // this week filled the position. The other unemployed engineers can only get an incumbent's or
  // a startup's offer: theirs are drawn here, while a position is open.
  open_positions open(hub, o, capacity);
  const auto unemployed = rows_in(hub, row_set::unemployed);
  std::vector<std::size_t> without_plan;
  std::set_difference(unemployed.begin(), unemployed.end(), planned.begin(), planned.end(),
                      std::back_inserter(without_plan));
  idle_plans idle(ctx, hub, o, tick, std::move(without_plan));
  constexpr std::size_t ahead = 8;  // plans whose rows are fetched while one is taken
  for (std::size_t next_plan = 0, next_idle = 0;
       next_plan < plans.size() || next_idle < idle.size();) {
    const std::size_t plan_row =
        next_plan < plans.size() ? planned[plans[next_plan].first] : SIZE_MAX;
    // While no position is open, the unemployed without a plan up to the next plan are passed
    // over at once.
    if (!open.any()) next_idle = idle.skip_to(next_idle, plan_row);
    const search_plan* plan = nullptr;
    std::size_t row = plan_row;
    if (next_idle < idle.size() && idle.row(next_idle) < plan_row) {
      row = idle.row(next_idle);
      plan = &idle.plan(next_idle++);
    } else if (plan_row == SIZE_MAX) {
      break;
    } else {
      plan = &plans[next_plan++].second;
      if (next_plan + ahead < plans.size())
        prefetch_mover(e, planned[plans[next_plan + ahead].first]);
    }
    if (!plan->searches) continue;
    const place was = e.where[row];
    const std::size_t former = e.employer[row];
    if (plan->loses_job) {
      leave_place(hub, row);
      open.update_employer(was, former);
      if (was == place::incumbent) maybe_bind(ctx, hub, row, former, tick);
      hub.counts.add(counted::laid_off);
      continue;
    }
    // The best offer whose position is still open.
    const auto best = std::find_if(plan->offers.begin(), plan->offers.end(), [&](const offer& of) {
      return still_open(o, hub, of, capacity);
    });
    if (best == plan->offers.end()) continue;
    if (was != place::unemployed &&
        best->value <= e.wage[row] * (1.0 + hub.p.talent.switching_premium))
      continue;
    const offer taken = *best;
    take_offer(hub, row, taken);
    if (taken.where == place::incumbent) capacity[taken.employer] -= 1;
    open.update_employer(was, former);
    if (taken.where == place::incumbent) open.update_incumbent(taken.employer);
    if (taken.where == place::startup) open.update_startup(taken.employer);
    if (was == place::incumbent) maybe_bind(ctx, hub, row, former, tick);
  }
}

void annual_labour_update(const context& ctx, hub_state& hub, long tick) {
  const double years = static_cast<double>(tick) / ctx.ticks_per_year();
  for (auto& inc : hub.incumbents)
    inc.wanted = inc.wanted_at_start * std::pow(1.0 + inc.p.headcount_growth, years);
  const double g = 1.0 + hub.p.talent.wage_growth;
  hub.wage_index *= g;
  auto& e = hub.engineers;
  ctx.ex.for_each(e.table.size(),
                  [&](std::size_t row) { e.wage[row] = static_cast<float>(e.wage[row] * g); });
  for (std::size_t s = 0; s < hub.startups.table.size(); ++s) hub.startups.wage_bill[s] *= g;
}

}  // namespace liangzhu::model::detail
