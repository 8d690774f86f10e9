// Dated policy changes: any key of a hub the model reads while it runs may change on a date, from
// the week that contains it; each entry is checked as the key itself; a yearly budget changed
// during a budget year moves what is left of it for the weeks left; a run resumed from a
// checkpoint after a change runs with the changed value.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "liangzhu/engine/errors.hpp"
#include "model/mechanism_fixture.hpp"
#include "model/model_fixture.hpp"

namespace liangzhu::model {
namespace {

using ::testing::HasSubstr;

/// The small scenario with `policies` (TOML text of [[hub.test.policy]] entries) added.
io::scenario with_policies(const std::string& policies, std::vector<std::string> overrides = {}) {
  const std::string small = testing::source_dir() + "/tests/model/data/small.toml";
  return io::parse_scenario("extends = \"" + small + "\"\n" + policies,
                            testing::source_dir() + "/tests/model/data/policies.toml",
                            scenario_schema(), std::move(overrides));
}

input_error error_of(const std::string& policies) {
  try {
    (void)read_parameters(with_policies(policies));
  } catch (const input_error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << policies;
  return input_error("none");
}

TEST(Policy, AnyRunningKeyOfTheHubMayChangeWithItsOwnType) {
  const auto p = read_parameters(with_policies(
      "[[hub.test.policy]]\ndate = 2026-01-01\nkey = \"noncompete.enforceable\"\nvalue = 0\n"
      "[[hub.test.policy]]\ndate = 2026-01-01\nkey = \"talent.graduates_per_year\"\n"
      "value = 900\n"
      "[[hub.test.policy]]\ndate = 2025-06-01\nkey = \"government.local.budget_cny_per_year\"\n"
      "value = 1e6\n"));
  const auto& changes = p.hubs[0].policy_changes;
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].key, "government.local.budget_cny_per_year") << "in date order";
  EXPECT_EQ(std::get<std::int64_t>(changes[2].value), 900) << "an integer key keeps its type";
}

TEST(Policy, EntriesAreCheckedAsTheKeysThemselves) {
  const std::string file = testing::source_dir() + "/tests/model/data/policies.toml";
  auto e = error_of("[[hub.test.policy]]\ndate = 2026-01-01\nvalue = 0\n");
  EXPECT_THAT(e.message(), HasSubstr("has no 'key'"));
  EXPECT_EQ(e.key(), "hub.test.policy[0].key");
  EXPECT_EQ(e.line(), 2) << "the entry's own line";
  e = error_of("[[hub.test.policy]]\ndate = 2026-01-01\nkey = \"noncompete.enforceable\"\n");
  EXPECT_THAT(e.message(), HasSubstr("has no 'value'"));
  e = error_of("[[hub.test.policy]]\ndate = 2026-01-01\n");
  EXPECT_THAT(e.message(), HasSubstr("has no 'key'")) << "a date alone sets nothing";
  e = error_of(
      "[[hub.test.policy]]\ndate = 2026-01-01\nkey = \"noncompete.enforceable\"\nvalue = 3\n");
  EXPECT_EQ(e.key(), "hub.test.policy[0].value");
  EXPECT_EQ(e.file(), file);
  EXPECT_EQ(e.line(), 5) << "the value's own line";
  EXPECT_THAT(e.message(), HasSubstr("1"));
  e = error_of(
      "[[hub.test.policy]]\ndate = 2026-01-01\nkey = \"government.local.budget_cny_per_year\"\n"
      "value = -5\n");
  EXPECT_EQ(e.key(), "hub.test.policy[0].value") << "a negative budget";
  e = error_of(
      "[[hub.test.policy]]\ndate = 2026-01-01\nkey = \"noncompete.enforcable\"\nvalue = 0\n");
  EXPECT_THAT(e.message(), HasSubstr("did you mean 'noncompete.enforceable'"));
  EXPECT_EQ(e.line(), 4);
  e = error_of("[[hub.test.policy]]\ndate = 2026-01-01\nkey = \"talent.engineers\"\nvalue = 9\n");
  EXPECT_THAT(e.message(), HasSubstr("takes effect when the run starts only"));
  e = error_of(
      "[[hub.test.policy]]\ndate = 2026-01-01\nkey = \"talent.wage_growth\"\nvalue = \"x\"\n");
  EXPECT_EQ(e.key(), "hub.test.policy[0].value") << "a word for a number";
  e = error_of("[[hub.test.policy]]\ndate = 2031-01-01\nkey = \"talent.wage_growth\"\nvalue = 0\n");
  EXPECT_THAT(e.message(), HasSubstr("after the run ends"));
  EXPECT_EQ(e.key(), "hub.test.policy.date");
  e = error_of("[[hub.test.policy]]\ndate = 2024-01-01\nkey = \"talent.wage_growth\"\nvalue = 0\n");
  EXPECT_THAT(e.message(), HasSubstr("before the run starts"));
}

TEST(Policy, TakesEffectInTheWeekThatContainsItsDate) {
  // 2026-01-01 is a Thursday in the week that begins on 2025-12-31, tick 52: the budget year that
  // begins there is the new one's.
  const auto p = read_parameters(with_policies(
      "[[hub.test.policy]]\ndate = 2026-01-01\nkey = \"government.local.subsidy_per_startup_cny\"\n"
      "value = 0\n"));
  const engine::calendar cal(p.start);
  EXPECT_EQ(cal.tick_containing(p.hubs[0].policy_changes[0].date), 52);
  EXPECT_EQ(cal.tick_containing(engine::date{2025, 1, 1}), 0);
  EXPECT_EQ(cal.tick_containing(engine::date{2025, 1, 7}), 0);
  EXPECT_EQ(cal.tick_containing(engine::date{2025, 1, 8}), 1);
  EXPECT_EQ(cal.tick_containing(engine::date{2024, 12, 31}), -1);
}

TEST(Policy, AYearlyBudgetChangedDuringTheYearMovesWhatIsLeftForTheWeeksLeft) {
  testing::hub_fixture f;
  const double voucher = f.hub.local.voucher_left;
  ASSERT_DOUBLE_EQ(voucher, 2e7);
  f.hub.local.voucher_left = 1.2e7;  // 8 M spent in the first half of the year
  detail::apply_policy_change(
      f.ctx, f.hub, {{2025, 7, 2}, "government.local.voucher_budget_cny_per_year", 1e7}, 26);
  EXPECT_DOUBLE_EQ(f.hub.local.voucher_left, 1.2e7 - 1e7 * 26.0 / 52.0);
  detail::apply_policy_change(f.ctx, f.hub,
                              {{2025, 7, 2}, "government.local.budget_cny_per_year", 0.0}, 26);
  EXPECT_DOUBLE_EQ(f.hub.local.budget_left, 5e7 - 5e7 * 26.0 / 52.0);
  testing::hub_fixture g;
  g.hub.local.budget_left = 1e6;  // nearly all spent
  detail::apply_policy_change(g.ctx, g.hub,
                              {{2025, 7, 2}, "government.local.budget_cny_per_year", 0.0}, 26);
  EXPECT_DOUBLE_EQ(g.hub.local.budget_left, 0.0) << "never below nothing";
}

TEST(Policy, AChangeOfAnotherKeySetsTheHubsParameterAndRedrawsTimers) {
  testing::hub_fixture f;
  detail::apply_policy_change(f.ctx, f.hub, {{2026, 1, 1}, "noncompete.enforceable", 0.0}, 52);
  EXPECT_EQ(f.hub.p.noncompete.enforceable, 0.0);
  const auto before = f.hub.engineers.next_search.values();
  const std::vector<std::int32_t> searches(before.begin(), before.end());
  detail::apply_policy_change(f.ctx, f.hub, {{2026, 1, 1}, "talent.job_search_per_year", 5.0}, 52);
  EXPECT_EQ(f.hub.p.talent.job_search_per_year, 5.0);
  double sooner = 0;
  for (std::size_t r = 0; r < searches.size(); ++r)
    sooner += f.hub.engineers.next_search[r] < searches[r] ? 1 : 0;
  EXPECT_GT(sooner / static_cast<double>(searches.size()), 0.6)
      << "twenty times the search rate: most engineers search sooner";
}

TEST(Policy, ABudgetCutFromADateLowersThatYearsSpending) {
  const auto spent = [](const std::string& policies) {
    run_options o;
    simulation sim(with_policies(policies, {"ticks=104"}), o);
    testing::recording_sink sink;
    sim.collector().set_sink(&sink);
    sim.run();
    return sink.column("gov_vouchers_cny");
  };
  const auto base = spent("");
  const auto cut = spent(
      "[[hub.test.policy]]\ndate = 2026-01-01\nkey = "
      "\"government.local.voucher_budget_cny_per_year\"\nvalue = 0\n"
      "[[hub.test.policy]]\ndate = 2026-01-01\nkey = "
      "\"government.provincial.voucher_budget_cny_per_year\"\nvalue = 0\n");
  ASSERT_GT(base[103] - base[51], 0) << "the small hub pays vouchers in its second year";
  EXPECT_EQ(cut[51], base[51]) << "the same first year";
  EXPECT_LT(cut[103] - cut[51], 0.05 * (base[103] - base[51]))
      << "no new voucher budget in 2026 (what is paid is last year's commitments at most)";
}

TEST(Policy, ARunResumedAfterAChangeRunsWithTheChangedValue) {
  const auto scenario = with_policies(
      "[[hub.test.policy]]\ndate = 2025-04-01\nkey = \"noncompete.enforceable\"\nvalue = 0\n"
      "[[hub.test.policy]]\ndate = 2025-04-01\nkey = \"talent.job_search_per_year\"\n"
      "value = 1.5\n",
      {"ticks=60"});
  simulation whole(scenario, {});
  whole.run();
  simulation first(scenario, {});
  first.run(30);
  const auto bytes = first.checkpoint();
  simulation resumed(scenario, {});
  resumed.restore({bytes.data(), bytes.size()});
  resumed.run();
  EXPECT_EQ(resumed.checkpoint(), whole.checkpoint());
}

}  // namespace
}  // namespace liangzhu::model
