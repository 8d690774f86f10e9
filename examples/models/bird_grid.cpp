#include "models/bird_grid.hpp"

#include <algorithm>
#include <cmath>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::benchmark_models {

bird_grid::bird_grid(double extent, double reach) {
  LIANGZHU_ASSERT(extent > 0.0 && reach > 0.0, "bad grid size");
  per_side_ = static_cast<int>(std::floor(extent * subdivisions / reach));
  reach_cells_ = subdivisions;
  // A block wider than the space would visit a cell twice: then one cell holds every bird.
  if (per_side_ < 2 * subdivisions + 1) {
    per_side_ = 1;
    reach_cells_ = 0;
  }
  inverse_cell_size_ = per_side_ / extent;
  start_.resize(static_cast<std::size_t>(per_side_) * static_cast<std::size_t>(per_side_) + 1);
}

std::uint32_t bird_grid::cell_of(double x, double y) const {
  // Clamped, so a coordinate a rounding step below the extent still lands in the last cell.
  const auto axis = [&](double v) {
    return std::min(per_side_ - 1, static_cast<int>(v * inverse_cell_size_));
  };
  return static_cast<std::uint32_t>(axis(y) * per_side_ + axis(x));
}

void bird_grid::index(std::span<const double> x, std::span<const double> y) {
  const std::size_t n = x.size();
  home_cell_.resize(n);
  rows_.resize(n);
  std::fill(start_.begin(), start_.end(), 0u);
  for (std::size_t row = 0; row < n; ++row) {
    home_cell_[row] = cell_of(x[row], y[row]);
    ++start_[home_cell_[row] + 1];
  }
  for (std::size_t c = 1; c < start_.size(); ++c) start_[c] += start_[c - 1];
  cursor_.assign(start_.begin(), start_.end() - 1);
  for (std::size_t row = 0; row < n; ++row)
    rows_[cursor_[home_cell_[row]]++] = static_cast<std::uint32_t>(row);
}

}  // namespace liangzhu::benchmark_models
