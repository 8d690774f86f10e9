// Flocking (boids) on the liangzhu engine: the benchmark's small flock with one seed, and every
// ten steps how well the birds fly with the birds they see, which rises as flocks form.
#include <cmath>
#include <cstddef>
#include <cstdio>

#include "models/flocking.hpp"

namespace {

using namespace liangzhu::benchmark_models;

/// The sum of the headings of the birds within sight of the bird in `row` (itself excluded).
vec2 neighbours_heading(const flocking_model& model, const flocking_params& params,
                        std::size_t row) {
  const periodic_space space{params.extent};
  const auto& birds = model.birds();
  const vec2 self = model.position(birds.id_at(row));
  vec2 sum;
  for (std::size_t other = 0; other < birds.size(); ++other) {
    const vec2 at = model.position(birds.id_at(other));
    const double dx = space.offset(self.x, at.x), dy = space.offset(self.y, at.y);
    if (other == row || std::hypot(dx, dy) > params.visual_distance) continue;
    const vec2 velocity = model.velocity(birds.id_at(other));
    sum.x += velocity.x;
    sum.y += velocity.y;
  }
  return sum;
}

/// The mean, over birds that see another, of the cosine between a bird's heading and its
/// neighbours' mean heading: near 0 when birds ignore each other, 1 when each flies with its flock.
double alignment_with_neighbours(const flocking_model& model, const flocking_params& params) {
  double sum = 0.0;
  std::size_t birds_with_company = 0;
  for (std::size_t row = 0; row < model.agent_count(); ++row) {
    const vec2 heading = neighbours_heading(model, params, row);
    const double length = std::hypot(heading.x, heading.y);
    if (length == 0.0) continue;
    const vec2 own = model.velocity(model.birds().id_at(row));  // a unit vector
    sum += (own.x * heading.x + own.y * heading.y) / length;
    ++birds_with_company;
  }
  return birds_with_company == 0 ? 0.0 : sum / static_cast<double>(birds_with_company);
}

}  // namespace

int main() {
  const auto params = flocking_params::small();
  flocking_model model(params, /*seed=*/42);
  model.populate();
  for (int step = 1; step <= params.steps; ++step) {
    model.step();
    if (step % 10 == 0)
      std::printf("flocking step %d: %zu birds, alignment with neighbours %.6f\n", step,
                  model.agent_count(), alignment_with_neighbours(model, params));
  }
}
