#pragma once
// Investors' ties to startups (see investor_ties.cpp): the part of deal flow that does not wait for
// a fund's next trip to a meetup.
#include "context.hpp"

namespace liangzhu::model::detail {

/// Records that investor `inv` knows the startup in row `s` of `hub` (now, at `tick`): a known
/// startup moves to the front; when the fund already keeps `capital.investor_contacts_kept`, the
/// contact heard of longest ago is dropped.
void add_contact(const context& ctx, investor_state& inv, const hub_state& hub, std::size_t s,
                 long tick);
/// A new startup's founder is introduced to the funds that hold stakes in the startups of the
/// founders they are tied to ("warm introductions").
void introduce_to_portfolio_investors(const context& ctx, hub_state& hub, std::size_t s, long tick);
/// Each fund looks again, now and then, at the startups it knows that are raising; it may lead
/// their round without meeting them at a meetup.
void deal_flow_through_ties(const context& ctx, hub_state& hub, long tick);

}  // namespace liangzhu::model::detail
