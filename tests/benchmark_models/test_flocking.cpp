#include <gtest/gtest.h>

#include <cmath>

#include "models/flocking.hpp"

namespace liangzhu::benchmark_models {
namespace {

// A 100×100 space with visual distance 5 where only the rule under test is switched on.
flocking_params only(double cohere, double separate, double match) {
  flocking_params p;
  p.cohere_factor = cohere;
  p.separate_factor = separate;
  p.match_factor = match;
  return p;
}

// The velocity BENCHMARKS.md's update gives for velocity v pulled by `pull`: (v + pull) / 2,
// normalised.
vec2 expected_heading(vec2 v, vec2 pull) {
  const double x = (v.x + pull.x) / 2, y = (v.y + pull.y) / 2;
  const double norm = std::hypot(x, y);
  return {x / norm, y / norm};
}

void activate(flocking_model& model, engine::agent_id id) {
  model.begin_step();
  model.activate(model.birds().row(id));
}

void expect_near(vec2 actual, vec2 expected) {
  EXPECT_NEAR(actual.x, expected.x, 1e-12);
  EXPECT_NEAR(actual.y, expected.y, 1e-12);
}

TEST(Flocking, CohesionPullsTowardsTheMeanNeighbourPosition) {
  flocking_model model(only(0.03, 0.0, 0.0), 1);
  const auto a = model.add_bird({10, 10}, {1, 0});
  model.add_bird({10, 13}, {1, 0});
  model.add_bird({12, 10}, {1, 0});
  activate(model, a);
  const vec2 v = expected_heading({1, 0}, {(0 + 2) / 2.0 * 0.03, (3 + 0) / 2.0 * 0.03});
  expect_near(model.velocity(a), v);
  expect_near(model.position(a), {10 + v.x, 10 + v.y});
}

TEST(Flocking, SeparationPushesAwayFromCloseNeighboursOnly) {
  flocking_model model(only(0.0, 0.015, 0.0), 1);
  const auto a = model.add_bird({10, 10}, {1, 0});
  model.add_bird({10, 10.5}, {1, 0});  // closer than the separation
  model.add_bird({10, 7}, {1, 0});     // seen, but not close: counts in N only
  activate(model, a);
  expect_near(model.velocity(a), expected_heading({1, 0}, {0, -0.5 / 2 * 0.015}));
}

TEST(Flocking, AlignmentMatchesTheMeanNeighbourVelocity) {
  flocking_model model(only(0.0, 0.0, 0.05), 1);
  const auto a = model.add_bird({10, 10}, {1, 0});
  model.add_bird({13, 10}, {0, 1});
  model.add_bird({10, 6}, {0, -1});
  model.add_bird({16, 10}, {-1, 0});  // beyond the visual distance: ignored
  activate(model, a);
  expect_near(model.velocity(a), expected_heading({1, 0}, {0, 0}));

  flocking_model pair(only(0.0, 0.0, 0.05), 1);
  const auto b = pair.add_bird({10, 10}, {1, 0});
  pair.add_bird({13, 10}, {0, 1});
  activate(pair, b);
  expect_near(pair.velocity(b), expected_heading({1, 0}, {0, 0.05}));
}

TEST(Flocking, LoneBirdKeepsItsHeadingAndMovesBySpeed) {
  flocking_model model(flocking_params::small(), 1);
  const auto a = model.add_bird({50, 50}, {3, 4});
  activate(model, a);
  expect_near(model.velocity(a), {0.6, 0.8});
  expect_near(model.position(a), {50.6, 50.8});
}

TEST(Flocking, SpaceWrapsForMovesAndForNeighbours) {
  flocking_model model(only(0.03, 0.0, 0.0), 1);
  const auto a = model.add_bird({99.8, 0.5}, {1, 0});
  model.add_bird({2.8, 0.5}, {1, 0});    // 3 to the right, across the edge
  model.add_bird({99.8, 97.5}, {1, 0});  // 3 below, across the edge
  activate(model, a);
  const vec2 v = expected_heading({1, 0}, {1.5 * 0.03, -1.5 * 0.03});
  expect_near(model.velocity(a), v);
  EXPECT_NEAR(model.position(a).x, 99.8 + v.x - 100.0, 1e-12);
  EXPECT_NEAR(model.position(a).y, 0.5 + v.y, 1e-12);
}

// The same sequential update with a search over all pairs, as BENCHMARKS.md states it.
void brute_force_step(std::vector<vec2>& pos, std::vector<vec2>& vel, const flocking_params& p) {
  const periodic_space space{p.extent};
  for (std::size_t i = 0; i < pos.size(); ++i) {
    vec2 cohere, separate, match;
    int n = 0;
    for (std::size_t j = 0; j < pos.size(); ++j) {
      const double dx = space.offset(pos[i].x, pos[j].x), dy = space.offset(pos[i].y, pos[j].y);
      if (j == i || std::hypot(dx, dy) > p.visual_distance) continue;
      ++n;
      cohere = {cohere.x + dx, cohere.y + dy};
      match = {match.x + vel[j].x, match.y + vel[j].y};
      if (std::hypot(dx, dy) < p.separation) separate = {separate.x - dx, separate.y - dy};
    }
    const double k = std::max(n, 1);
    const vec2 pull{
        (cohere.x * p.cohere_factor + separate.x * p.separate_factor + match.x * p.match_factor) /
            k,
        (cohere.y * p.cohere_factor + separate.y * p.separate_factor + match.y * p.match_factor) /
            k};
    vel[i] = expected_heading(vel[i], pull);
    pos[i] = {space.wrap(pos[i].x + vel[i].x * p.speed), space.wrap(pos[i].y + vel[i].y * p.speed)};
  }
}

TEST(Flocking, GridSearchAgreesWithAllPairsOverSeveralSteps) {
  auto params = flocking_params::small();
  params.birds = 600;  // dense enough for many neighbours and close encounters
  flocking_model model(params, 4);
  model.populate();
  std::vector<vec2> pos, vel;
  for (std::size_t row = 0; row < model.birds().size(); ++row) {
    pos.push_back(model.position(model.birds().id_at(row)));
    vel.push_back(model.velocity(model.birds().id_at(row)));
  }
  for (int step = 0; step < 5; ++step) {
    model.begin_step();
    for (std::size_t row = 0; row < pos.size(); ++row) model.activate(row);
    brute_force_step(pos, vel, params);
  }
  for (std::size_t row = 0; row < pos.size(); ++row) {
    EXPECT_NEAR(model.position(model.birds().id_at(row)).x, pos[row].x, 1e-9);
    EXPECT_NEAR(model.velocity(model.birds().id_at(row)).y, vel[row].y, 1e-9);
  }
}

TEST(Flocking, RunKeepsBirdsUnitSpeedAndInsideTheSpace) {
  flocking_model model(flocking_params::large(), 2);
  model.populate();
  model.run();
  ASSERT_EQ(model.birds().size(), 400u);
  for (std::size_t row = 0; row < model.birds().size(); ++row) {
    const auto id = model.birds().id_at(row);
    EXPECT_NEAR(std::hypot(model.velocity(id).x, model.velocity(id).y), 1.0, 1e-12);
    EXPECT_GE(model.position(id).x, 0.0);
    EXPECT_LT(model.position(id).x, 150.0);
  }
}

std::vector<double> state_after_run(std::uint64_t seed) {
  flocking_model model(flocking_params::small(), seed);
  model.populate();
  model.run();
  std::vector<double> state;
  for (std::size_t row = 0; row < model.birds().size(); ++row) {
    const auto id = model.birds().id_at(row);
    state.insert(state.end(), {model.position(id).x, model.position(id).y, model.velocity(id).x});
  }
  return state;
}

TEST(Flocking, SameSeedSameRunOtherSeedOtherRun) {
  EXPECT_EQ(state_after_run(3), state_after_run(3));
  EXPECT_NE(state_after_run(3), state_after_run(4));
}

}  // namespace
}  // namespace liangzhu::benchmark_models
