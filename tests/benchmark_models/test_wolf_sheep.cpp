#include <gtest/gtest.h>

#include <set>

#include "models/wolf_sheep.hpp"

namespace liangzhu::benchmark_models {
namespace {

// A 5×5 torus, all grass grown, regrowth 4, no reproduction unless a test asks for it.
wolf_sheep_params tiny(double sheep_reproduction = 0.0, double wolf_reproduction = 0.0) {
  return {5, 5, 0, 0, 4, sheep_reproduction, wolf_reproduction, 5.0, 13.0, 1};
}

float energy_of(const animals& kind, engine::agent_id id) {
  return kind.state[kind.table.row(id)].energy;
}

void make_all_grass_bare(wolf_sheep_model& model, int countdown) {
  for (std::size_t c = 0; c < model.grass().cells(); ++c) model.grass().set(c, countdown);
}

TEST(WolfSheep, SheepMovesToANeighbourCellAcrossTheEdge) {
  const engine::executor ex(1);
  std::set<std::pair<int, int>> reached;
  for (std::uint64_t seed = 1; seed <= 64; ++seed) {
    wolf_sheep_model model(tiny(), seed, ex);
    const auto s = model.add_sheep(0, 0, 10.0);
    model.sheep_phase();
    const animal& a = model.sheep().state[model.sheep().table.row(s)];
    reached.insert({a.x, a.y});
  }
  const std::set<std::pair<int, int>> neighbours{{4, 4}, {0, 4}, {1, 4}, {4, 0},
                                                 {1, 0}, {4, 1}, {0, 1}, {1, 1}};
  EXPECT_EQ(reached, neighbours);
}

TEST(WolfSheep, SheepEatsGrownGrassWhichStartsItsCountdown) {
  const engine::executor ex(1);
  wolf_sheep_model model(tiny(), 1, ex);
  const auto s = model.add_sheep(2, 2, 3.0);
  model.sheep_phase();
  EXPECT_FLOAT_EQ(energy_of(model.sheep(), s), 3.0f - 1.0f + 5.0f);
  const animal& a = model.sheep().state[model.sheep().table.row(s)];
  const auto cell = model.cell_of(a.x, a.y);
  EXPECT_FALSE(model.grass().grown(cell));
  EXPECT_EQ(model.grass().countdown(cell), 4);
  EXPECT_EQ(model.grass().grown_count(), 24u);
}

TEST(WolfSheep, GrassCountsDownAndRegrowsAtZero) {
  const engine::executor ex(1);
  wolf_sheep_model model(tiny(), 1, ex);
  model.grass().set(7, 3);
  model.grass_phase();
  model.grass_phase();
  EXPECT_FALSE(model.grass().grown(7));
  EXPECT_EQ(model.grass().countdown(7), 1);
  model.grass_phase();
  EXPECT_TRUE(model.grass().grown(7));
  EXPECT_TRUE(model.grass().grown(8));  // grown grass stays grown
}

TEST(WolfSheep, SheepStarvesBelowOneEnergy) {
  const engine::executor ex(1);
  wolf_sheep_model model(tiny(), 1, ex);
  make_all_grass_bare(model, 2);
  const auto starving = model.add_sheep(1, 1, 1.5);  // 0.5 after moving: dies
  const auto lasting = model.add_sheep(3, 3, 2.0);   // exactly 1 after moving: lives
  model.sheep_phase();
  EXPECT_FALSE(model.sheep().table.alive(starving));
  ASSERT_TRUE(model.sheep().table.alive(lasting));
  EXPECT_FLOAT_EQ(energy_of(model.sheep(), lasting), 1.0f);
  EXPECT_EQ(model.sheep_changes().starved, 1);
}

TEST(WolfSheep, ReproductionHalvesEnergyAndCreatesANewAgentInTheSameCell) {
  const engine::executor ex(1);
  wolf_sheep_model model(tiny(1.0), 1, ex);
  const auto parent = model.add_sheep(2, 2, 7.0);
  model.sheep_phase();
  ASSERT_EQ(model.sheep().table.size(), 2u);
  const auto child = model.sheep().table.id_at(1);
  EXPECT_NE(child, parent);
  EXPECT_FLOAT_EQ(energy_of(model.sheep(), parent), (7.0f - 1.0f + 5.0f) / 2);
  EXPECT_FLOAT_EQ(energy_of(model.sheep(), child), (7.0f - 1.0f + 5.0f) / 2);
  const animal& p = model.sheep().state[model.sheep().table.row(parent)];
  const animal& c = model.sheep().state[model.sheep().table.row(child)];
  EXPECT_EQ(model.cell_of(p.x, p.y), model.cell_of(c.x, c.y));
  EXPECT_FLOAT_EQ(c.reproduction, 1.0f);
  EXPECT_FLOAT_EQ(c.energy_gain, 5.0f);
}

TEST(WolfSheep, WolfEatsOneSheepOfItsCell) {
  const engine::executor ex(1);
  wolf_sheep_model model(tiny(), 1, ex);
  const auto wolf = model.add_wolf(2, 2, 4.0);
  // A sheep on each of the 8 cells the wolf can move to.
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -1; dx <= 1; ++dx)
      if (dx != 0 || dy != 0) model.add_sheep(2 + dx, 2 + dy, 10.0);
  model.wolves_phase();
  EXPECT_EQ(model.sheep().table.size(), 7u);
  EXPECT_EQ(model.sheep_changes().eaten, 1);
  EXPECT_FLOAT_EQ(energy_of(model.wolves(), wolf), 4.0f - 1.0f + 13.0f);
}

TEST(WolfSheep, WolfDiesBelowZeroEnergy) {
  const engine::executor ex(1);
  wolf_sheep_model model(tiny(), 1, ex);
  const auto starving = model.add_wolf(0, 0, 0.5);  // -0.5: dies
  const auto lasting = model.add_wolf(3, 3, 1.0);   // exactly 0: lives
  model.wolves_phase();
  EXPECT_FALSE(model.wolves().table.alive(starving));
  EXPECT_TRUE(model.wolves().table.alive(lasting));
  EXPECT_EQ(model.wolf_changes().starved, 1);
}

TEST(WolfSheep, PopulationsBalanceBirthsAndDeaths) {
  const engine::executor ex(1);
  wolf_sheep_model model(wolf_sheep_params::large(), 5, ex);
  model.populate();
  EXPECT_EQ(model.sheep().table.size(), 1000u);
  EXPECT_EQ(model.wolves().table.size(), 500u);
  for (int s = 0; s < 30; ++s) model.step();
  const auto& sc = model.sheep_changes();
  const auto& wc = model.wolf_changes();
  EXPECT_EQ(static_cast<long>(model.sheep().table.size()),
            1000 + sc.births - sc.starved - sc.eaten);
  EXPECT_EQ(static_cast<long>(model.wolves().table.size()), 500 + wc.births - wc.starved);
  EXPECT_GT(sc.births, 0);
  EXPECT_GT(sc.eaten, 0);
  for (std::size_t c = 0; c < model.grass().cells(); ++c)
    EXPECT_EQ(model.grass().grown(c), model.grass().countdown(c) == 0);
}

// Everything a run leaves behind, in row order.
std::vector<double> state_after_run(std::uint64_t seed, int threads) {
  const engine::executor ex(threads);
  wolf_sheep_model model(wolf_sheep_params::large(), seed, ex);  // 10,000 cells: several blocks
  model.populate();
  model.run();
  std::vector<double> state;
  for (const animals* kind : {&model.sheep(), &model.wolves()})
    for (const animal& a : kind->state.values())
      state.insert(state.end(), {double(a.x), double(a.y), a.energy});
  for (std::size_t c = 0; c < model.grass().cells(); ++c)
    state.push_back(model.grass().countdown(c));
  return state;
}

TEST(WolfSheep, SameSeedGivesTheSameRunOnOneAndTwoThreads) {
  const auto one = state_after_run(9, 1);
  EXPECT_EQ(one, state_after_run(9, 2));
  EXPECT_NE(one, state_after_run(10, 1));
}

}  // namespace
}  // namespace liangzhu::benchmark_models
