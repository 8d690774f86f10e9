#pragma once
// Noncompete agreements (ODD submodel "Noncompetes"), used by talent.cpp and founding.cpp.
#include "context.hpp"

namespace liangzhu::model::detail {

/// Probability that a bound engineer who competes with the former employer is sued.
double effective_enforcement(const hub_state& hub, std::size_t incumbent);
/// True if the engineer in `row` is bound by a noncompete that can be enforced at `tick`.
bool is_restricted(const context& ctx, const hub_state& hub, std::size_t row, long tick);
/// After the engineer in `row` left incumbent `former`: binds it with the incumbent's
/// probability, for the incumbent's duration capped by the hub's law.
/// Records that the startup in row `s` was founded by a bound engineer, and draws whether and
/// when the former employer sues.
void schedule_suit(const context& ctx, hub_state& hub, std::size_t s, std::size_t founder_row,
                   long tick);
/// The tick a binding would end if the engineer in `row` left incumbent `former` at `tick`, or -1.
std::int32_t binding_end(const context& ctx, const hub_state& hub, std::size_t row,
                         std::size_t former, long tick);
/// True if the engineer in `row` works at an incumbent and leaving now would bind it with an
/// enforceable noncompete (so it cannot join a startup).
bool leaving_would_restrict(const context& ctx, const hub_state& hub, std::size_t row, long tick);
void maybe_bind(const context& ctx, hub_state& hub, std::size_t row, std::size_t former, long tick);

}  // namespace liangzhu::model::detail
