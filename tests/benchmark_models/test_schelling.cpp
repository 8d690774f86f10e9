#include <gtest/gtest.h>

#include <set>

#include "models/schelling.hpp"

namespace liangzhu::benchmark_models {
namespace {

// A 5×5 grid with a rule set by hand; agents are placed by each test.
schelling_model tiny_grid(int radius, int min_to_be_happy) {
  return schelling_model({5, 0, radius, min_to_be_happy, 1}, 7);
}

bit_source test_random() { return bit_source(engine::rng_stream(1, 2, 3, 4)); }

struct placed {
  int x, y;
  std::uint8_t group;
};

// Places agents[0] and its neighbours; returns the id of agents[0].
engine::agent_id place(schelling_model& model, std::initializer_list<placed> agents) {
  engine::agent_id first;
  for (const auto& a : agents) {
    const auto id = model.add_agent(a.x, a.y, a.group);
    if (first.is_null()) first = id;
  }
  return first;
}

void activate(schelling_model& model, engine::agent_id id) {
  auto random = test_random();
  model.activate(model.agents().row(id), random);
}

TEST(Schelling, HappyAgentStaysPut) {
  auto model = tiny_grid(1, 2);
  const auto a = place(model, {{2, 2, 1}, {1, 2, 1}, {3, 3, 1}, {2, 1, 2}});
  activate(model, a);
  EXPECT_TRUE(model.happy(a));
  EXPECT_EQ(model.x_of(a), 2);
  EXPECT_EQ(model.y_of(a), 2);
}

TEST(Schelling, UnhappyAgentMovesToAnEmptyCell) {
  auto model = tiny_grid(1, 1);
  const auto a = place(model, {{2, 2, 1}, {1, 2, 2}, {3, 2, 2}});
  const auto empties = model.empty_cells();
  activate(model, a);
  EXPECT_FALSE(model.happy(a));
  EXPECT_FALSE(model.x_of(a) == 2 && model.y_of(a) == 2);
  EXPECT_EQ(model.group_at(2, 2), schelling_model::empty);
  EXPECT_EQ(model.group_at(model.x_of(a), model.y_of(a)), 1);
  EXPECT_EQ(model.empty_cells(), empties);
}

TEST(Schelling, ThresholdIsAtLeastMinToBeHappy) {
  auto model = tiny_grid(1, 3);
  const auto a = place(model, {{2, 2, 1}, {1, 1, 1}, {3, 3, 1}, {1, 3, 2}});
  activate(model, a);  // 2 of its group < 3: moves
  EXPECT_FALSE(model.happy(a));

  auto exact = tiny_grid(1, 2);
  const auto b = place(exact, {{2, 2, 1}, {1, 1, 1}, {3, 3, 1}});
  activate(exact, b);  // 2 of its group == 2: stays
  EXPECT_TRUE(exact.happy(b));
}

TEST(Schelling, ThresholdIsReadDuringTheStep) {
  auto model = tiny_grid(1, 9);
  const auto a = place(model, {{2, 2, 1}, {2, 3, 1}});
  model.set_min_to_be_happy(1);
  activate(model, a);
  EXPECT_TRUE(model.happy(a));
}

TEST(Schelling, GridIsFiniteNotPeriodic) {
  // In a corner only 3 cells are neighbours; the opposite corners would be neighbours on a torus.
  auto model = tiny_grid(1, 4);
  const auto a = model.add_agent(0, 0, 1);
  for (auto [x, y] : {std::pair{1, 0}, {0, 1}, {1, 1}, {4, 4}, {4, 0}, {0, 4}})
    model.add_agent(x, y, 1);
  activate(model, a);
  EXPECT_FALSE(model.happy(a));
}

TEST(Schelling, RadiusIsChebyshev) {
  auto model = tiny_grid(2, 2);
  // Neighbours at diagonal and straight distance 2.
  const auto a = place(model, {{2, 2, 1}, {0, 0, 1}, {4, 2, 1}});
  activate(model, a);
  EXPECT_TRUE(model.happy(a));
}

TEST(Schelling, PopulateSplitsGroupsOnDistinctCellsAndRunKeepsThem) {
  schelling_model model(schelling_params::small(), 3);
  model.populate();
  model.run();
  EXPECT_EQ(model.steps_done(), 20);
  ASSERT_EQ(model.agents().size(), 1000u);
  std::set<std::pair<int, int>> cells;
  int group_one = 0;
  for (std::size_t row = 0; row < model.agents().size(); ++row) {
    const auto id = model.agents().id_at(row);
    cells.insert({model.x_of(id), model.y_of(id)});
    group_one += model.group(id) == 1;
    EXPECT_EQ(model.group_at(model.x_of(id), model.y_of(id)), model.group(id));
  }
  EXPECT_EQ(cells.size(), 1000u);
  EXPECT_EQ(group_one, 500);
  EXPECT_EQ(model.empty_cells(), 600u);
}

std::vector<int> positions_after_run(std::uint64_t seed) {
  schelling_model model(schelling_params::small(), seed);
  model.populate();
  model.run();
  std::vector<int> cells;
  for (std::size_t row = 0; row < model.agents().size(); ++row) {
    const auto id = model.agents().id_at(row);
    cells.push_back(model.y_of(id) * 40 + model.x_of(id));
  }
  return cells;
}

TEST(Schelling, SameSeedSameRunOtherSeedOtherRun) {
  EXPECT_EQ(positions_after_run(11), positions_after_run(11));
  EXPECT_NE(positions_after_run(11), positions_after_run(12));
}

}  // namespace
}  // namespace liangzhu::benchmark_models
