#pragma once
// What every mechanism sees: the parameters, the shared state, the executor, the calendar, the
// event log, and the random streams of the run.
#include <cmath>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/engine/collector.hpp"
#include "liangzhu/engine/parallel.hpp"
#include "liangzhu/engine/rng.hpp"
#include "state.hpp"

namespace liangzhu::model::detail {

/// Kinds of events written to the run store.
struct event_kinds {
  std::uint16_t founding, failure, acquisition, tiger, round_guidance, round_domestic_vc,
      round_foreign_vc, valuation, poach, litigation, breakthrough, open_source, export_control,
      policy, independence, tension_shock, startup_at_start, round_stage, listing;
};

struct context {
  const parameters& p;
  world_state& world;
  const engine::executor& ex;
  const engine::calendar& cal;
  engine::event_log& events;
  const event_kinds& kinds;

  double ticks_per_year() const { return cal.ticks_per_year(); }
  /// Converts a yearly rate into a per-tick probability.
  double per_tick(double rate_per_year) const {
    return 1.0 - std::exp(-rate_per_year / ticks_per_year());
  }
  engine::rng_stream rng(purpose what, std::uint64_t subject, long tick,
                         substream which = substream::main) const {
    return {p.seed, static_cast<std::uint64_t>(what), subject, static_cast<std::uint64_t>(tick),
            static_cast<std::uint64_t>(which)};
  }
  void event(long tick, const hub_state& hub, std::uint16_t kind, std::uint64_t subject,
             double value) const {
    events.record({static_cast<std::int32_t>(tick), hub.index, kind, subject, value});
  }
};

/// Stream subject of a hub-level draw: keeps hubs' streams apart from each other and from
/// agents' (whose subjects are packed ids below 2^63).
inline std::uint64_t hub_subject(const hub_state& hub, std::uint64_t what) {
  return (1ull << 63) | (std::uint64_t{hub.index} << 48) | what;
}

}  // namespace liangzhu::model::detail
