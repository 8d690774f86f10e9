#include "agenda.hpp"

#include <algorithm>
#include <bit>
#include <string>

#include "context.hpp"
#include "liangzhu/engine/errors.hpp"

namespace liangzhu::model::detail {
namespace {

/// The column holding the `which` timers (const or not, as the table).
template <class Table>
auto& timer_column(Table& e, timer which) {
  switch (which) {
    case timer::search:
      return e.next_search;
    case timer::idea:
      return e.next_idea;
    case timer::leave:
      return e.leave_tick;
    case timer::market_offer:
      break;
  }
  return e.next_market_offer;
}

engine::timing_wheel& wheel(hub_state& hub, timer which) {
  return hub.agenda.wheels[static_cast<std::size_t>(which)];
}
boost::dynamic_bitset<std::uint64_t>& bits(hub_state& hub, row_set which) {
  return hub.agenda.sets[static_cast<std::size_t>(which)];
}
const boost::dynamic_bitset<std::uint64_t>& bits(const hub_state& hub, row_set which) {
  return hub.agenda.sets[static_cast<std::size_t>(which)];
}

constexpr std::array<timer, timer_count> all_timers{timer::search, timer::idea, timer::leave,
                                                    timer::market_offer};
constexpr std::array<row_set, row_set_count> all_sets{row_set::unemployed, row_set::waiting,
                                                      row_set::bound, row_set::open_founder};

/// Whether `row` belongs in the set by the columns. For `bound`, engineers bound after `tick`.
bool belongs(const hub_state& hub, row_set which, std::size_t row, long tick) {
  const auto& e = hub.engineers;
  switch (which) {
    case row_set::unemployed:
      return e.where[row] == place::unemployed;
    case row_set::waiting:
      return e.waiting_since[row] >= 0;
    case row_set::bound:
      return e.bound_until[row] > tick;
    case row_set::open_founder:
      break;
  }
  return e.open_founder[row] != 0;
}

bool employed(place p) { return p != place::unemployed; }
std::int64_t hire_tick(std::int32_t hired) { return std::max<std::int32_t>(0, hired); }

[[noreturn]] void disagrees(const hub_state& hub, const std::string& what) {
  throw error("agenda check failed in hub '" + hub.p.name + "': " + what);
}

/// An employed engineer has no market-offer time; an unemployed one has one after `tick`, or is
/// listed to have it drawn.
void check_market_offer_timer(const hub_state& hub, std::size_t row, long tick,
                              const std::vector<std::uint32_t>& undrawn) {
  const auto& e = hub.engineers;
  const std::int32_t at = e.next_market_offer[row];
  const bool listed = std::binary_search(undrawn.begin(), undrawn.end(), e.table.id_at(row).index);
  const bool ok = employed(e.where[row]) ? at == -1 : (at > tick || (at < 0 && listed));
  if (!ok)
    disagrees(hub, "the market-offer time of row " + std::to_string(row) + " is " +
                       std::to_string(at) + (listed ? " (listed to be drawn)" : ""));
}

}  // namespace

void undraw_market_offer(hub_state& hub, std::size_t row) {
  hub.engineers.next_market_offer[row] = -1;
  hub.agenda.market_offer_undrawn.push_back(hub.engineers.table.id_at(row).index);
}

std::vector<std::size_t> take_market_offer_undrawn(hub_state& hub) {
  const auto& e = hub.engineers;
  std::vector<std::size_t> rows;
  for (const std::uint32_t slot : hub.agenda.market_offer_undrawn) {
    const std::size_t row = e.table.find_row(slot);
    if (row != SIZE_MAX && e.where[row] == place::unemployed && e.next_market_offer[row] < 0)
      rows.push_back(row);
  }
  hub.agenda.market_offer_undrawn.clear();
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

void set_timer(hub_state& hub, timer which, std::size_t row, week at) {
  timer_column(hub.engineers, which)[row] = at;
  wheel(hub, which).schedule(hub.engineers.table.id_at(row).index, at);
}

void file_timers(hub_state& hub, std::size_t row) {
  const auto slot = hub.engineers.table.id_at(row).index;
  for (const timer t : all_timers)
    wheel(hub, t).schedule(slot, timer_column(hub.engineers, t)[row]);
}

std::vector<std::size_t> due_rows(const context& ctx, hub_state& hub, timer which, long tick) {
  const auto& e = hub.engineers;
  const auto& at = timer_column(e, which);
  auto& w = wheel(hub, which);
  if (w.needs_refill(tick)) {
    w.advance(tick);
    const long end = w.window_end();
    const auto filed = ctx.ex.select(e.table.size(), [&](std::size_t row) {
      return (at[row] >= tick) & (at[row] < end);  // `&`: no branch, the scan vectorises
    });
    for (const std::size_t row : filed) w.schedule(e.table.id_at(row).index, at[row]);
  }
  std::vector<std::size_t> rows;
  for (const std::uint32_t slot : w.take(tick)) {
    // A filed slot may be stale: its engineer left (or the slot holds another one now), or the
    // timer was drawn again since.
    const std::size_t row = e.table.find_row(slot);
    if (row != SIZE_MAX && at[row] == tick) rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  return rows;
}

void set_member(hub_state& hub, row_set which, std::size_t row, bool member) {
  bits(hub, which)[row] = member;
}

std::vector<std::size_t> rows_in(const hub_state& hub, row_set which) {
  // The blocks are copied out (one word per 64 engineers) and walked a set bit at a time: a
  // quarter of the time find_next and count took (city run profile).
  const auto& b = bits(hub, which);
  std::vector<std::uint64_t> blocks(b.num_blocks());
  boost::to_block_range(b, blocks.begin());
  std::vector<std::size_t> rows;
  for (std::size_t k = 0; k < blocks.size(); ++k)
    for (std::uint64_t word = blocks[k]; word != 0; word &= word - 1)
      rows.push_back(k * 64 + static_cast<std::size_t>(std::countr_zero(word)));
  return rows;
}

std::vector<std::size_t> merge_rows(const std::vector<std::size_t>& a,
                                    const std::vector<std::size_t>& b) {
  std::vector<std::size_t> out;
  out.reserve(a.size() + b.size());
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

void agenda_row_added(hub_state& hub) {
  // New engineers are unemployed until placed (labour.cpp), and in no other set.
  for (const row_set s : all_sets) bits(hub, s).push_back(s == row_set::unemployed);
  undraw_market_offer(hub, hub.engineers.table.size() - 1);
}

void agenda_row_removed(hub_state& hub, std::size_t row) {
  for (const row_set s : all_sets) {
    auto& b = bits(hub, s);
    b[row] = b[b.size() - 1];
    b.pop_back();
  }
}

void agenda_place_changed(hub_state& hub, std::size_t row, bool was_employed, bool is_employed,
                          std::int32_t old_hired, std::int32_t new_hired) {
  auto& sum = hub.agenda.employed_hire_ticks;
  if (was_employed) sum -= hire_tick(old_hired);
  if (is_employed) sum += hire_tick(new_hired);
  bits(hub, row_set::unemployed)[row] = !is_employed;
  if (is_employed) hub.engineers.next_market_offer[row] = -1;
  if (was_employed && !is_employed) undraw_market_offer(hub, row);
}

void rebuild_agenda(hub_state& hub, long now) {
  const auto& e = hub.engineers;
  const std::size_t n = e.table.size();
  for (const row_set s : all_sets) {
    auto& b = bits(hub, s);
    b.clear();
    b.resize(n);
    // Bindings ending at `now` too: the invariant check after the last week run asks for them.
    for (std::size_t row = 0; row < n; ++row) b[row] = belongs(hub, s, row, now - 1);
  }
  hub.agenda.employed_hire_ticks = 0;
  // Released, not cleared: set-up lists every engineer it creates (tens of MB at national scale).
  hub.agenda.market_offer_undrawn = {};
  for (std::size_t row = 0; row < n; ++row) {
    if (employed(e.where[row])) hub.agenda.employed_hire_ticks += hire_tick(e.hired[row]);
    if (!employed(e.where[row]) && e.next_market_offer[row] < 0)
      hub.agenda.market_offer_undrawn.push_back(e.table.id_at(row).index);
  }
  forget_timers(hub);
}

void forget_timers(hub_state& hub) {
  for (auto& w : hub.agenda.wheels) w.forget();
}

void check_agenda(const hub_state& hub, long tick) {
  const auto& e = hub.engineers;
  const std::size_t n = e.table.size();
  auto undrawn = hub.agenda.market_offer_undrawn;
  std::sort(undrawn.begin(), undrawn.end());
  std::int64_t hire_ticks = 0;
  for (const row_set s : all_sets)
    if (bits(hub, s).size() != n) disagrees(hub, "a row set does not cover the engineers");
  for (std::size_t row = 0; row < n; ++row) {
    for (const row_set s : all_sets) {
      const bool in = bits(hub, s)[row];
      // Ended bindings leave the bound set when it is next read.
      const bool ok = s == row_set::bound ? (in || !belongs(hub, s, row, tick))
                                          : in == belongs(hub, s, row, tick);
      if (!ok)
        disagrees(hub, "row set " + std::to_string(static_cast<int>(s)) + " is wrong at row " +
                           std::to_string(row));
    }
    if (employed(e.where[row])) hire_ticks += hire_tick(e.hired[row]);
    check_market_offer_timer(hub, row, tick, undrawn);
  }
  if (hire_ticks != hub.agenda.employed_hire_ticks)
    disagrees(hub, "the employed engineers' hire ticks sum to " + std::to_string(hire_ticks) +
                       ", the agenda says " + std::to_string(hub.agenda.employed_hire_ticks));
  // Every timer due later in the wheel's window is filed under its tick.
  for (const timer t : all_timers) {
    auto w = hub.agenda.wheels[static_cast<std::size_t>(t)];  // a copy: take() empties
    if (w.needs_refill(tick + 1)) continue;
    std::vector<std::vector<std::uint32_t>> filed;
    for (long due = tick + 1; due < w.window_end(); ++due) {
      filed.push_back(w.take(due));
      std::sort(filed.back().begin(), filed.back().end());
    }
    const auto& at = timer_column(e, t);
    for (std::size_t row = 0; row < n; ++row) {
      if (at[row] <= tick || at[row] >= w.window_end()) continue;
      const auto& slots = filed[static_cast<std::size_t>(at[row] - tick - 1)];
      if (!std::binary_search(slots.begin(), slots.end(), e.table.id_at(row).index))
        disagrees(hub, "timer " + std::to_string(static_cast<int>(t)) + " of row " +
                           std::to_string(row) + " due at " + std::to_string(at[row]) +
                           " is not filed");
    }
  }
}

}  // namespace liangzhu::model::detail
