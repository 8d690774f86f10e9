#pragma once
// The engineers' agenda: who has something to do in a week, so that a week visits those
// engineers instead of scanning all of them (docs/performance.md).
//
// - Timing wheels (engine/timing_wheel.hpp) of the engineers' next job search, idea, departure
//   and, for the unemployed, market offer: the ticks are drawn once as waiting times (timers.hpp)
//   and kept in the engineer columns; the wheels only say whose comes up when. An engineer who
//   loses its place has its market-offer time drawn at the next job moves (the list of those
//   whose unemployment started, below), where the stream and the week are known.
// - Row sets, one bit per engineer row, of the states that ask for something every week: the
//   unemployed (offers to them are drawn while positions are open), founders-to-be waiting out a
//   noncompete, engineers bound by one (compensation is paid weekly), and open-sourcing founders
//   (their ties spill over). Iterated in increasing row, as the scans they replace were.
// - The sum of the employed engineers' hire ticks, for the mean tenure.
//
// All of it is derived from the engineer columns: kept up to date by the code that changes them
// (labour.cpp, noncompete.cpp, founding.cpp, ...), rebuilt from the columns when they change in
// bulk (set-up, a loaded checkpoint, a continued history) and checked against them with the
// conservation invariants. A phase that reads it therefore sees exactly the engineers a scan
// would have found, in the same order, and draws the same numbers.
#include <array>
#include <boost/dynamic_bitset.hpp>
#include <cstdint>
#include <vector>

#include "liangzhu/engine/timing_wheel.hpp"
#include "week.hpp"

namespace liangzhu::model::detail {

struct context;
struct hub_state;

/// An engineer's own processes, drawn as the tick they next fire at.
enum class timer : std::uint8_t { search, idea, leave, market_offer };
inline constexpr int timer_count = 4;
/// States whose engineers act, or are counted, every week.
enum class row_set : std::uint8_t { unemployed, waiting, bound, open_founder };
inline constexpr int row_set_count = 4;

struct engineer_agenda {
  std::array<engine::timing_wheel, timer_count> wheels;
  std::array<boost::dynamic_bitset<std::uint64_t>, row_set_count> sets;
  std::int64_t employed_hire_ticks = 0;  ///< sum of max(0, hired) over the employed
  /// Slots of engineers whose market-offer time is to be drawn (they became unemployed, or the
  /// rate changed, since job moves last ran); may name an engineer twice or a slot reused since.
  std::vector<std::uint32_t> market_offer_undrawn;
};

/// Sets the unemployed engineer's market-offer time to be drawn at the next job moves (it lost
/// its place, or the rate changed).
void undraw_market_offer(hub_state& hub, std::size_t row);
/// The unemployed engineers whose market-offer time is to be drawn, in increasing row; empties
/// the list.
std::vector<std::size_t> take_market_offer_undrawn(hub_state& hub);

/// Sets the engineer's `which` timer to fire at tick `at` and files it.
void set_timer(hub_state& hub, timer which, std::size_t row, week at);
/// Files the engineer's timers as they stand in the columns (after drawing them in a
/// parallel loop, where filing is not allowed).
void file_timers(hub_state& hub, std::size_t row);
/// The engineers whose `which` timer fires at `tick`, in increasing row.
std::vector<std::size_t> due_rows(const context& ctx, hub_state& hub, timer which, long tick);

void set_member(hub_state& hub, row_set which, std::size_t row, bool member);
/// The rows in the set, in increasing order. `bound` may hold engineers whose binding has ended
/// (it is pruned by pay_noncompete_compensation): check bound_until.
std::vector<std::size_t> rows_in(const hub_state& hub, row_set which);
/// The union of two increasing row lists, increasing and without repeats.
std::vector<std::size_t> merge_rows(const std::vector<std::size_t>& a,
                                    const std::vector<std::size_t>& b);

/// Row bookkeeping: a row was added at the end, or `row` is about to be removed (the last row
/// moves into it, as in engine::agent_table::destroy).
void agenda_row_added(hub_state& hub);
void agenda_row_removed(hub_state& hub, std::size_t row);
/// An engineer's place changes: keeps the unemployed set, the market-offer timer (cleared when
/// employed, to be drawn when out of work) and the tenure sum.
void agenda_place_changed(hub_state& hub, std::size_t row, bool was_employed, bool is_employed,
                          std::int32_t old_hired, std::int32_t new_hired);

/// Rebuilds everything from the engineer columns, for a run whose next tick is `now`.
void rebuild_agenda(hub_state& hub, long now);
/// Forgets the filed timers (they are refilled from the columns at their next use): after the
/// timers were redrawn in bulk.
void forget_timers(hub_state& hub);
/// Throws liangzhu::error if the agenda disagrees with the columns after tick `tick` was run.
void check_agenda(const hub_state& hub, long tick);

}  // namespace liangzhu::model::detail
