#include "models/wolf_sheep.hpp"

#include "liangzhu/engine/errors.hpp"
#include "models/random_order.hpp"

namespace liangzhu::benchmark_models {
namespace {

enum purpose : std::uint64_t { placement = 1, sheep_order, sheep_actions, wolf_order, wolf_actions };

constexpr int step_x[8] = {-1, 0, 1, -1, 1, -1, 0, 1};
constexpr int step_y[8] = {-1, -1, -1, 0, 0, 1, 1, 1};
constexpr std::uint32_t no_sheep = 0xFFFFFFFFu;

int wrap(int v, int extent) { return v < 0 ? v + extent : (v >= extent ? v - extent : v); }

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
  LIANGZHU_ASSERT(params.width > 0 && params.height > 0 && params.width <= 0xFFFF &&
                      params.height <= 0xFFFF, "grid size out of range");
}

void wolf_sheep_model::populate() {
  engine::rng_stream rng(seed_, placement, 0, 0);
  const auto place = [&](int count, double gain, auto add) {
    for (int i = 0; i < count; ++i) {
      const int x = static_cast<int>(rng.below(static_cast<std::uint64_t>(params_.width)));
      const int y = static_cast<int>(rng.below(static_cast<std::uint64_t>(params_.height)));
      (this->*add)(x, y, rng.uniform(1.0, 2.0 * gain));
    }
  };
  place(params_.sheep, params_.sheep_gain, &wolf_sheep_model::add_sheep);
  place(params_.wolves, params_.wolf_gain, &wolf_sheep_model::add_wolf);
  grass_.seed_randomly(rng);
}

engine::agent_id wolf_sheep_model::add_sheep(int x, int y, double energy) {
  return sheep_.create({x, y, energy, params_.sheep_reproduction, params_.sheep_gain});
}

engine::agent_id wolf_sheep_model::add_wolf(int x, int y, double energy) {
  return wolves_.create({x, y, energy, params_.wolf_reproduction, params_.wolf_gain});
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

void wolf_sheep_model::random_move(animals& kind, std::size_t row, engine::rng_stream& rng) const {
  const auto direction = rng.below(8);
  kind.x[row] = static_cast<std::uint16_t>(wrap(kind.x[row] + step_x[direction], params_.width));
  kind.y[row] = static_cast<std::uint16_t>(wrap(kind.y[row] + step_y[direction], params_.height));
}

void wolf_sheep_model::die_or_reproduce(animals& kind, std::size_t row, double threshold,
                                        engine::rng_stream& rng) {
  if (kind.energy[row] < threshold) {
    // Removal waits for the end of the phase so the rows of the activation order stay valid.
    dead_.push_back(kind.table.id_at(row));
    return;
  }
  if (rng.uniform() < kind.reproduction[row]) {
    kind.energy[row] /= 2.0;
    kind.create_offspring(row, kind.energy[row]);  // a new row, not activated until next step
  }
}

void wolf_sheep_model::sheep_phase() {
  const auto tick = static_cast<std::uint64_t>(tick_);
  engine::rng_stream order_rng(seed_, sheep_order, 0, tick), rng(seed_, sheep_actions, 0, tick);
  draw_random_order(order_, sheep_.table.size(), order_rng);
  dead_.clear();
  for (const std::size_t row : order_) {
    random_move(sheep_, row, rng);
    sheep_.energy[row] -= 1.0;
    if (grass_.eat(sheep_.cell(row, params_.width))) sheep_.energy[row] += sheep_.energy_gain[row];
    die_or_reproduce(sheep_, row, 1.0, rng);
  }
  for (const auto id : dead_) sheep_.table.destroy(id);
}

void wolf_sheep_model::wolves_phase() {
  const auto tick = static_cast<std::uint64_t>(tick_);
  engine::rng_stream order_rng(seed_, wolf_order, 0, tick), rng(seed_, wolf_actions, 0, tick);
  index_sheep_by_cell();
  draw_random_order(order_, wolves_.table.size(), order_rng);
  dead_.clear();
  for (const std::size_t row : order_) {
    random_move(wolves_, row, rng);
    wolves_.energy[row] -= 1.0;
    if (take_sheep(wolves_.cell(row, params_.width))) wolves_.energy[row] += wolves_.energy_gain[row];
    die_or_reproduce(wolves_, row, 0.0, rng);
  }
  for (const auto id : dead_) wolves_.table.destroy(id);
  for (const auto id : eaten_) sheep_.table.destroy(id);
}

void wolf_sheep_model::index_sheep_by_cell() {
  const auto stamp = static_cast<std::uint32_t>(tick_ + 1);  // 0 marks "never listed"
  sheep_next_.resize(sheep_.table.size());
  for (std::size_t row = 0; row < sheep_.table.size(); ++row) {
    const auto cell = sheep_.cell(row, params_.width);
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
  return true;
}

}  // namespace liangzhu::benchmark_models
