#include "models/wolf_sheep.hpp"

#include "liangzhu/engine/errors.hpp"
#include "models/random_order.hpp"

namespace liangzhu::benchmark_models {
namespace {

enum purpose : std::uint64_t {
  placement = 1,
  sheep_order,
  sheep_actions,
  wolf_order,
  wolf_actions
};

constexpr int step_x[8] = {-1, 0, 1, -1, 1, -1, 0, 1};
constexpr int step_y[8] = {-1, -1, -1, 0, 0, 1, 1, 1};
constexpr std::uint32_t no_sheep = 0xFFFFFFFFu;

int wrap(int v, int extent) { return v < 0 ? v + extent : (v >= extent ? v - extent : v); }

animal animal_at(int x, int y, double energy, double reproduction, double energy_gain) {
  return {static_cast<std::uint16_t>(x), static_cast<std::uint16_t>(y), static_cast<float>(energy),
          static_cast<float>(reproduction), static_cast<float>(energy_gain)};
}

}  // namespace

wolf_sheep_model::wolf_sheep_model(const wolf_sheep_params& params, std::uint64_t seed,
                                   const engine::executor& ex)
    : params_(params),
      seed_(seed),
      ex_(ex),
      grass_(static_cast<std::size_t>(params.width) * static_cast<std::size_t>(params.height),
             params.regrowth_time),
      sheep_head_(grass_.cells(), no_sheep),
      sheep_stamp_(grass_.cells(), 0) {
  LIANGZHU_ASSERT(
      params.width > 0 && params.height > 0 && params.width <= 0xFFFF && params.height <= 0xFFFF,
      "grid size out of range");
}

void wolf_sheep_model::populate() {
  bit_source random(engine::rng_stream(seed_, placement, 0, 0));
  const auto place = [&](int count, double gain, auto add) {
    for (int i = 0; i < count; ++i) {
      const int x = static_cast<int>(random.below(static_cast<std::uint32_t>(params_.width)));
      const int y = static_cast<int>(random.below(static_cast<std::uint32_t>(params_.height)));
      // Uniform in [1, 2·gain) with 32 random bits.
      const double energy = 1.0 + (2.0 * gain - 1.0) * random.bits(32) * 0x1.0p-32;
      (this->*add)(x, y, energy);
    }
  };
  place(params_.sheep, params_.sheep_gain, &wolf_sheep_model::add_sheep);
  place(params_.wolves, params_.wolf_gain, &wolf_sheep_model::add_wolf);
  grass_.seed_randomly(random);
}

engine::agent_id wolf_sheep_model::add_sheep(int x, int y, double energy) {
  return sheep_.create(animal_at(x, y, energy, params_.sheep_reproduction, params_.sheep_gain));
}

engine::agent_id wolf_sheep_model::add_wolf(int x, int y, double energy) {
  return wolves_.create(animal_at(x, y, energy, params_.wolf_reproduction, params_.wolf_gain));
}

void wolf_sheep_model::step() {
  sheep_phase();
  wolves_phase();
  grass_phase();
  ++tick_;
}

void wolf_sheep_model::run() {
  for (int s = 0; s < params_.steps; ++s) step();
}

void wolf_sheep_model::random_move(animal& a, bit_source& random) const {
  const auto direction = random.bits(3);
  a.x = static_cast<std::uint16_t>(wrap(a.x + step_x[direction], params_.width));
  a.y = static_cast<std::uint16_t>(wrap(a.y + step_y[direction], params_.height));
}

void wolf_sheep_model::die_or_reproduce(animals& kind, std::size_t row, float threshold,
                                        bit_source& random, population_changes& changes) {
  animal& a = kind.state[row];
  if (a.energy < threshold) {
    // Removal waits for the end of the phase so the rows of the activation order stay valid.
    dead_.push_back(kind.table.id_at(row));
    ++changes.starved;
    return;
  }
  if (random.chance(a.reproduction)) {
    a.energy /= 2.0f;
    kind.create(a);  // the offspring: a new row (and id), not activated until the next step
    ++changes.births;
  }
}

// The phase of one kind, as BENCHMARKS.md words it for both: in random order, move, spend one
// energy, eat what the cell offers (`eat` says whether there was a meal), then die below
// `death_threshold` or maybe reproduce.
template <class Eat>
void wolf_sheep_model::activate_all(animals& kind, std::uint64_t order_purpose,
                                    std::uint64_t action_purpose, float death_threshold,
                                    population_changes& changes, Eat&& eat) {
  const auto tick = static_cast<std::uint64_t>(tick_);
  bit_source order_random(engine::rng_stream(seed_, order_purpose, 0, tick));
  bit_source random(engine::rng_stream(seed_, action_purpose, 0, tick));
  draw_random_order(order_, kind.table.size(), order_random);
  dead_.clear();
  for (const std::size_t row : order_) {
    animal& a = kind.state[row];
    random_move(a, random);
    a.energy -= 1.0f;
    if (eat(cell_of(a.x, a.y))) a.energy += a.energy_gain;
    die_or_reproduce(kind, row, death_threshold, random, changes);
  }
  for (const auto id : dead_) kind.table.destroy(id);
}

void wolf_sheep_model::sheep_phase() {
  activate_all(sheep_, sheep_order, sheep_actions, 1.0f, sheep_changes_,
               [this](std::size_t cell) { return grass_.eat(cell); });
}

void wolf_sheep_model::wolves_phase() {
  index_sheep_by_cell();
  activate_all(wolves_, wolf_order, wolf_actions, 0.0f, wolf_changes_,
               [this](std::size_t cell) { return take_sheep(cell); });
  for (const auto id : eaten_) sheep_.table.destroy(id);
}

void wolf_sheep_model::index_sheep_by_cell() {
  const auto stamp = static_cast<std::uint32_t>(tick_ + 1);  // 0 marks "never listed"
  sheep_next_.resize(sheep_.table.size());
  for (std::size_t row = 0; row < sheep_.table.size(); ++row) {
    const auto cell = cell_of(sheep_.state[row].x, sheep_.state[row].y);
    if (sheep_stamp_[cell] != stamp) {
      sheep_stamp_[cell] = stamp;
      sheep_head_[cell] = no_sheep;
    }
    sheep_next_[row] = sheep_head_[cell];
    sheep_head_[cell] = static_cast<std::uint32_t>(row);
  }
  eaten_.clear();
}

bool wolf_sheep_model::take_sheep(std::size_t cell) {
  if (sheep_stamp_[cell] != static_cast<std::uint32_t>(tick_ + 1)) return false;
  const std::uint32_t row = sheep_head_[cell];
  if (row == no_sheep) return false;
  // Sheep rows do not move during the wolves' phase (removal waits for its end).
  sheep_head_[cell] = sheep_next_[row];
  eaten_.push_back(sheep_.table.id_at(row));
  ++sheep_changes_.eaten;
  return true;
}

}  // namespace liangzhu::benchmark_models
