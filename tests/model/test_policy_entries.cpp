// Policy changes added without editing a file (the dashboard's timeline, Python's
// Scenario.policy): written as TOML that extends the file, they add to the file's own changes
// (a dated list given again would replace them), and what could break the TOML is refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/policy_entries.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "model/model_fixture.hpp"

namespace liangzhu::model {
namespace {

using ::testing::HasSubstr;

std::string subsidy_cut() { return testing::source_dir() + "/scenarios/subsidy_cut.toml"; }

io::scenario load(const std::vector<io::policy_entry>& policies) {
  return io::parse_scenario(io::extending_toml(subsidy_cut(), scenario_schema(), {}, policies),
                            "<added>", scenario_schema());
}

TEST(PolicyEntries, AddedChangesKeepTheFilesOwn) {
  const io::scenario own = io::load_scenario(subsidy_cut(), scenario_schema());
  const auto before = own.dated("hub.liangzhu.policy");
  ASSERT_FALSE(before.empty()) << "subsidy_cut.toml cuts its budgets with dated changes";
  const io::scenario added = load({{"liangzhu", "2027-01-01", "noncompete.max_months", "0"}});
  const auto after = added.dated("hub.liangzhu.policy");
  ASSERT_EQ(after.size(), before.size() + 1);
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i].date, before[i].date);
    EXPECT_EQ(after[i].values.at("key"), before[i].values.at("key"));
    EXPECT_EQ(after[i].values.at("value"), before[i].values.at("value"));
  }
  EXPECT_EQ(std::get<std::string>(after.back().values.at("key")), "noncompete.max_months");
  // With nothing added, the text is the file itself: the same resolved scenario, the same hash.
  const io::scenario same = io::parse_scenario(
      io::extending_toml(subsidy_cut(), scenario_schema(), {}, {}), "<same>", scenario_schema());
  EXPECT_EQ(same.canonical_toml(), own.canonical_toml());
}

TEST(PolicyEntries, WhatCouldBreakTheTomlIsRefusedWithTheEntryNamed) {
  const auto message = [](const io::policy_entry& p) -> std::string {
    try {
      (void)load({p});
    } catch (const input_error& e) {
      return std::string(e.what()) + " @ " + e.key();
    }
    return "accepted";
  };
  EXPECT_THAT(message({"x]\n[evil", "2027-01-01", "noncompete.max_months", "0"}),
              HasSubstr("not a hub name"));
  EXPECT_THAT(message({"liangzhu", "2027-01-01\nname = 1", "noncompete.max_months", "0"}),
              HasSubstr("not a date"));
  EXPECT_THAT(message({"liangzhu", "2027-01-01", "noncompete.max_months", "0\nname = \"x\""}),
              HasSubstr("one TOML value on one line"));
  EXPECT_THAT(message({"liangzhu", "2027-01-01", "", "0"}), HasSubstr("policy[0].key"));
  EXPECT_THAT(message({"liangzhu", "2027-02-30", "noncompete.max_months", "0"}),
              HasSubstr("not a date"));
}

TEST(PolicyEntries, AMonthMeansItsFirstDayAsInAFile) {
  const auto added = load({{"liangzhu", "2027-02", "noncompete.max_months", "0"}});
  EXPECT_EQ(added.dated("hub.liangzhu.policy").back().date.to_string(), "2027-02-01");
}

}  // namespace
}  // namespace liangzhu::model
