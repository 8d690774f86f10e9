#include "models/animals.hpp"

namespace liangzhu::benchmark_models {

engine::agent_id animals::create(const animal_traits& traits) {
  const auto id = table.create();
  const auto row = table.row(id);
  x[row] = static_cast<std::uint16_t>(traits.x);
  y[row] = static_cast<std::uint16_t>(traits.y);
  energy[row] = traits.energy;
  reproduction[row] = traits.reproduction;
  energy_gain[row] = traits.energy_gain;
  return id;
}

engine::agent_id animals::create_offspring(std::size_t parent_row, double offspring_energy) {
  // Copy the parent's values before create(): appending a row may reallocate the columns.
  const animal_traits traits{x[parent_row], y[parent_row], offspring_energy, reproduction[parent_row],
                             energy_gain[parent_row]};
  return create(traits);
}

}  // namespace liangzhu::benchmark_models
