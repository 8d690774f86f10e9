// Meetups (ODD submodel "Meetups"): on Saturdays engineers gather in backyards such as Felix
// Tao's, founders pitch, and investors who flew in from Beijing, Shanghai or Shenzhen screen the
// pitches. Meetups create ties (and so co-founders, hires and spillovers) and deal flow.
#include <algorithm>

#include "funding.hpp"
#include "investor_ties.hpp"
#include "mechanisms.hpp"
#include "startups.hpp"

namespace liangzhu::model::detail {
namespace {

std::vector<std::size_t> draw_attendees(const context& ctx, hub_state& hub, long tick) {
  auto& e = hub.engineers;
  const std::size_t n = e.table.size();
  if (n == 0) return {};
  auto r = ctx.rng(purpose::meetup, hub_subject(hub, 1), tick);
  const auto count = static_cast<std::size_t>(r.binomial(n, hub.p.meetups.attendance_share));
  std::vector<std::size_t> rows;
  rows.reserve(count);
  for (std::size_t k = 0; k < count; ++k) rows.push_back(r.below(n));
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  for (const auto row : rows) e.last_meetup[row] = as_week(tick);
  return rows;
}

void make_ties(const context& ctx, hub_state& hub, const std::vector<std::size_t>& rows,
               long tick) {
  if (rows.size() < 2) return;
  auto& e = hub.engineers;
  const auto per = static_cast<int>(hub.p.meetups.ties_per_attendee);
  for (const auto row : rows) {
    auto r = ctx.rng(purpose::meetup, e.table.id_at(row).packed(), tick);
    for (int k = 0; k < per; ++k) {
      const auto other = rows[r.below(rows.size())];
      if (other != row)
        hub.ties.add_tie(e.table.id_at(row).index, e.table.id_at(other).index,
                         kind_of(tie_kind::meetup), static_cast<float>(hub.p.meetups.tie_weight));
    }
  }
}

std::vector<std::size_t> pitching_startups(const context& ctx, hub_state& hub,
                                           const std::vector<std::size_t>& attendees, long tick) {
  auto& st = hub.startups;
  auto& e = hub.engineers;
  std::vector<std::size_t> pitches;
  for (std::size_t s = 0; s < st.table.size(); ++s) {
    if (!st.seeking[s]) continue;
    auto r = ctx.rng(purpose::pitch, st.table.id_at(s).packed(), tick);
    if (!r.bernoulli(hub.p.meetups.pitch_chance)) continue;
    pitches.push_back(s);
    const auto founder = e.table.row(engine::agent_id::unpack(st.founder[s]));
    e.last_meetup[founder] = as_week(tick);
    for (int k = 0; k < hub.p.meetups.founder_ties_per_pitch && !attendees.empty(); ++k) {
      const auto other = attendees[r.below(attendees.size())];
      if (other != founder)
        hub.ties.add_tie(e.table.id_at(founder).index, e.table.id_at(other).index,
                         kind_of(tie_kind::meetup), static_cast<float>(hub.p.meetups.tie_weight));
    }
  }
  return pitches;
}

/// Chance investor `inv` is at this week's meetup of the hub.
double visit_probability(const context& ctx, const hub_state& hub, const investor_state& inv) {
  if (ctx.p.world.investor_cities[inv.city].name == hub.p.name)
    return hub.p.meetups.local_fund_attendance;
  if (!is_foreign(inv, hub)) return inv.trip_probability;
  return inv.trip_probability *
         std::max(0.0, 1.0 - ctx.p.world.capital.foreign_tension_wariness * ctx.world.tension);
}

void screen_pitches(const context& ctx, hub_state& hub, std::vector<std::size_t>& pitches,
                    long tick) {
  auto& st = hub.startups;
  std::vector<std::uint8_t> funded(pitches.size(), 0);
  for (const std::size_t i : fund_order(ctx, hub, fund_phase::meetup, tick)) {
    if (pitches.empty()) break;
    auto& inv = ctx.world.investors[i];
    auto r = ctx.rng(purpose::investor_trip, engine::mix_subject(i, hub.index), tick);
    if (inv.deals_this_year >= inv.deals_per_year || !r.bernoulli(visit_probability(ctx, hub, inv)))
      continue;
    hub.counts.add(counted::visiting_investors);
    const bool foreign = is_foreign(inv, hub);
    for (std::size_t k = 0;
         k < std::min(static_cast<std::size_t>(hub.p.meetups.pitches_screened), pitches.size());
         ++k) {
      const std::size_t p = r.below(pitches.size());
      const std::size_t s = pitches[p];
      add_contact(ctx, inv, hub, s, tick);  // the fund now knows the founder (investor_ties.cpp)
      if (funded[p] || !leads_round_at(inv, st.stage_of[s]) ||
          pitch_signal(ctx, hub, s) < round_bar(ctx.p.world, st.stage_of[s]))
        continue;
      if (foreign && !r.bernoulli(foreign_appetite(ctx, hub, st.state_tie[s]))) continue;
      hub.counts.add(counted::term_sheets);
      if (raise_round(ctx, hub, s, foreign ? lead::foreign_vc : lead::domestic_vc, i, tick)) {
        funded[p] = 1;
        break;  // one new deal per trip
      }
    }
  }
}

}  // namespace

void meetups(const context& ctx, hub_state& hub, long tick) {
  const auto attendees = draw_attendees(ctx, hub, tick);
  make_ties(ctx, hub, attendees, tick);
  auto pitches = pitching_startups(ctx, hub, attendees, tick);
  hub.counts.add(counted::meetup_attendance,
                 static_cast<std::int64_t>(attendees.size() + pitches.size()));
  hub.counts.add(counted::pitches, static_cast<std::int64_t>(pitches.size()));
  screen_pitches(ctx, hub, pitches, tick);
}

void decay_ties(const context& ctx, hub_state& hub, long) {
  // The factor compounds the weekly decay over the period. The graph only counts the period here;
  // each tie is decayed when it is next read or changed (tie_graph).
  const double factor =
      std::exp(-hub.p.meetups.tie_decay_per_year * tie_decay_period / ctx.ticks_per_year());
  hub.ties.decay(static_cast<float>(factor), static_cast<float>(hub.p.meetups.tie_drop_weight),
                 ctx.ex);
}

}  // namespace liangzhu::model::detail
