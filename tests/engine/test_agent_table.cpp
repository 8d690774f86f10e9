#include <gtest/gtest.h>

#include <set>

#include "liangzhu/engine/agent_table.hpp"

namespace liangzhu::engine {
namespace {

TEST(AgentTable, CreateGivesDenseRowsAndInitialValues) {
  agent_table t("person");
  auto& age = t.add_column<int>("age", 30);
  const auto a = t.create();
  const auto b = t.create();
  EXPECT_EQ(t.size(), 2u);
  EXPECT_EQ(t.row(a), 0u);
  EXPECT_EQ(t.row(b), 1u);
  EXPECT_EQ(age[t.row(b)], 30);
}

TEST(AgentTable, ColumnAddedLaterCoversExistingAgents) {
  agent_table t("person");
  t.create();
  t.create();
  auto& wage = t.add_column<double>("wage", 1.5);
  EXPECT_EQ(wage.values().size(), 2u);
  EXPECT_EQ(wage[1], 1.5);
}

TEST(AgentTable, DestroyMovesLastRowAndKeepsIds) {
  agent_table t("person");
  auto& tag = t.add_column<int>("tag");
  std::vector<agent_id> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(t.create());
    tag[t.row(ids.back())] = i;
  }
  t.destroy(ids[1]);
  EXPECT_FALSE(t.alive(ids[1]));
  EXPECT_EQ(t.size(), 4u);
  for (int i : {0, 2, 3, 4}) EXPECT_EQ(tag[t.row(ids[static_cast<std::size_t>(i)])], i);
}

TEST(AgentTable, StaleIdIsDetectedAfterSlotReuse) {
  agent_table t("person");
  const auto a = t.create();
  t.destroy(a);
  const auto b = t.create();
  EXPECT_EQ(a.index, b.index);
  EXPECT_NE(a.generation, b.generation);
  EXPECT_FALSE(t.alive(a));
  EXPECT_TRUE(t.alive(b));
  EXPECT_TRUE(t.id_of_slot(a.index) == b);
}

TEST(AgentTable, RemoveUnderIterationVisitsEverySurvivorOnce) {
  // The idiom models use: walk rows backwards, destroying as we go; the row moved into a hole
  // has already been visited, so nothing is skipped or seen twice.
  agent_table t("person");
  auto& tag = t.add_column<int>("tag");
  for (int i = 0; i < 100; ++i) tag[t.row(t.create())] = i;
  std::multiset<int> visited;
  for (std::size_t r = t.size(); r-- > 0;) {
    visited.insert(tag[r]);
    if (tag[r] % 3 == 0) t.destroy(t.id_at(r));
  }
  EXPECT_EQ(visited.size(), 100u);
  EXPECT_EQ(std::set<int>(visited.begin(), visited.end()).size(), 100u);
  EXPECT_EQ(t.size(), 66u);
  for (std::size_t r = 0; r < t.size(); ++r) EXPECT_NE(tag[r] % 3, 0);
}

TEST(AgentTable, AddDuringIterationIsSeenAfterTheLoopBound) {
  agent_table t("person");
  auto& tag = t.add_column<int>("tag");
  for (int i = 0; i < 10; ++i) tag[t.row(t.create())] = i;
  const std::size_t n = t.size();
  for (std::size_t r = 0; r < n; ++r)
    if (tag[r] % 2 == 0) tag[t.row(t.create())] = 100 + tag[r];
  EXPECT_EQ(t.size(), 15u);
  EXPECT_EQ(tag[14], 108);
}

TEST(AgentTable, SaveLoadRoundTrip) {
  agent_table t("person");
  auto& skill = t.add_column<float>("skill");
  for (int i = 0; i < 20; ++i) skill[t.row(t.create())] = static_cast<float>(i);
  t.destroy(t.id_at(3));
  t.destroy(t.id_at(7));
  archive_writer w;
  t.save(w);

  agent_table u("person");
  auto& skill2 = u.add_column<float>("skill");
  const std::string bytes(w.bytes().begin(), w.bytes().end());
  archive_reader r(bytes, "test");
  u.load(r);
  ASSERT_EQ(u.size(), t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    EXPECT_EQ(skill2[i], skill[i]);
    EXPECT_TRUE(u.id_at(i) == t.id_at(i));
  }
  EXPECT_TRUE(u.create() == t.create());  // the free list came back too
}

TEST(AgentTable, LoadRejectsOtherLayout) {
  agent_table t("person");
  t.add_column<float>("skill");
  t.create();
  archive_writer w;
  t.save(w);
  agent_table u("person");
  u.add_column<float>("wage");
  const std::string bytes(w.bytes().begin(), w.bytes().end());
  archive_reader r(bytes, "test");
  EXPECT_THROW(u.load(r), io_error);
}

}  // namespace
}  // namespace liangzhu::engine
