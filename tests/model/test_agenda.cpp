// The engineers' agenda (src/model/agenda.hpp) finds exactly the engineers a scan of the columns
// would, in the same order, whatever happened to the rows and timers since.
#include <gtest/gtest.h>

#include "liangzhu/engine/errors.hpp"
#include "model/agenda.hpp"
#include "model/mechanism_fixture.hpp"
#include "model/timers.hpp"

namespace liangzhu::model {
namespace {

using detail::row_set;
using detail::timer;

std::vector<std::size_t> scanned(const detail::hub_state& hub, long tick) {
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < hub.engineers.table.size(); ++r)
    if (hub.engineers.next_search[r] == tick) rows.push_back(r);
  return rows;
}

TEST(Agenda, DueEngineersAreThoseAScanFindsAcrossWindowsRemovalsAndRedraws) {
  testing::hub_fixture f;
  auto& hub = f.hub;
  auto& e = hub.engineers;
  engine::rng_stream r(7, 1, 2, 3);
  for (long tick = 0; tick < 200; ++tick) {
    hub.clock = static_cast<std::int32_t>(tick);
    const auto expected = scanned(hub, tick);
    EXPECT_EQ(detail::due_rows(f.ctx, hub, timer::search, tick), expected) << "tick " << tick;
    // Those due draw their next search; some others are redrawn early; a few leave and a few
    // arrive (reusing the leavers' slots).
    for (const std::size_t row : expected)
      detail::set_timer(hub, timer::search, row,
                        detail::as_week(tick + 1 + static_cast<long>(r.below(80))));
    for (int k = 0; k < 5; ++k)
      detail::set_timer(hub, timer::search, r.below(e.table.size()),
                        detail::as_week(tick + 1 + static_cast<long>(r.below(80))));
    for (int k = 0; k < 3; ++k) detail::remove_engineer(hub, r.below(e.table.size()));
    for (int k = 0; k < 3; ++k) {
      const std::size_t row = detail::add_engineer(hub);
      detail::set_timer(hub, timer::search, row,
                        detail::as_week(tick + 1 + static_cast<long>(r.below(80))));
    }
    EXPECT_NO_THROW(detail::check_agenda(hub, tick)) << "tick " << tick;
  }
}

TEST(Agenda, RowSetsFollowPlacesAndRemovals) {
  testing::hub_fixture f;
  auto& hub = f.hub;
  const std::size_t row = f.someone(detail::place::incumbent);
  detail::leave_place(hub, row);
  auto unemployed = detail::rows_in(hub, row_set::unemployed);
  EXPECT_TRUE(std::binary_search(unemployed.begin(), unemployed.end(), row));
  // Removing an engineer moves the last row into its place, and its memberships with it.
  const std::size_t last = hub.engineers.table.size() - 1;
  const bool last_unemployed = hub.engineers.where[last] == detail::place::unemployed;
  detail::remove_engineer(hub, row);
  unemployed = detail::rows_in(hub, row_set::unemployed);
  EXPECT_EQ(std::binary_search(unemployed.begin(), unemployed.end(), row), last_unemployed);
  EXPECT_NO_THROW(detail::check_conservation(hub));
}

TEST(Agenda, TheCheckCatchesATimerSetBehindTheAgendasBack) {
  testing::hub_fixture f;
  auto& hub = f.hub;
  hub.clock = 0;
  (void)detail::due_rows(f.ctx, hub, timer::idea, 0);  // the wheel now has a window
  hub.engineers.next_idea[0] = 3;                      // not filed
  EXPECT_THROW(detail::check_agenda(hub, 0), error);
  detail::set_timer(hub, timer::idea, 0, 3);
  EXPECT_NO_THROW(detail::check_agenda(hub, 0));
  hub.engineers.waiting_since[1] = 0;  // waits, but not in the set
  EXPECT_THROW(detail::check_agenda(hub, 0), error);
}

TEST(Agenda, AnEngineerOutOfWorkIsListedForAMarketOfferTimeAndAJobClearsIt) {
  testing::hub_fixture f;
  auto& hub = f.hub;
  auto& e = hub.engineers;
  for (const std::size_t r : detail::take_market_offer_undrawn(hub))  // the set-up's unemployed
    detail::set_timer(hub, timer::market_offer, r, 10);
  const std::size_t row = f.someone(detail::place::incumbent);
  EXPECT_EQ(e.next_market_offer[row], -1);
  detail::leave_place(hub, row);
  EXPECT_EQ(e.next_market_offer[row], -1);
  EXPECT_NO_THROW(detail::check_agenda(hub, 0));  // listed, so not yet drawn is right
  EXPECT_EQ(detail::take_market_offer_undrawn(hub), std::vector<std::size_t>{row});
  EXPECT_THROW(detail::check_agenda(hub, 0), error);  // neither drawn nor listed
  detail::set_timer(hub, timer::market_offer, row, 5);
  EXPECT_NO_THROW(detail::check_agenda(hub, 0));
  detail::join_market(hub, row, 100.0);  // a job clears it
  EXPECT_EQ(e.next_market_offer[row], -1);
  EXPECT_NO_THROW(detail::check_agenda(hub, 0));
  // Listed, then employed again before job moves ran: nothing left to draw.
  detail::leave_place(hub, row);
  detail::join_market(hub, row, 100.0);
  EXPECT_TRUE(detail::take_market_offer_undrawn(hub).empty());
}

TEST(Agenda, AgreesWithTheColumnsEveryWeekThroughPolicyChangesAndAResume) {
  // A change of a talent key redraws every timer; the resumed run starts its windows at another
  // tick than the whole one; both check the agenda every week and end in the same state.
  const auto scenario = testing::small_scenario(
      {"ticks=90", "hub.test.talent.leave_rate_per_year=0.3", "hub.test.noncompete.max_months=24"});
  run_options checked;
  checked.check_every_tick = true;
  simulation whole(scenario, checked);
  whole.run();
  simulation first(scenario, checked);
  first.run(45);
  const auto bytes = first.checkpoint();
  checked.threads = 2;
  simulation resumed(scenario, checked);
  resumed.restore({bytes.data(), bytes.size()});
  resumed.run();
  EXPECT_EQ(resumed.checkpoint(), whole.checkpoint());
}

}  // namespace
}  // namespace liangzhu::model
