#include "models/bird_grid.hpp"

#include <algorithm>
#include <cmath>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::benchmark_models {

bird_grid::bird_grid(double extent, double reach) {
  LIANGZHU_ASSERT(extent > 0.0 && reach > 0.0, "bad grid size");
  per_side_ = std::max(1, static_cast<int>(std::floor(extent / reach)));
  // With fewer than 3 cells a side the 3×3 block would visit a cell twice: use one cell.
  if (per_side_ < 3) per_side_ = 1;
  inverse_cell_size_ = per_side_ / extent;
  block_size_ = per_side_ == 1 ? 1 : 9;
  const int n = per_side_;
  for (int cy = 0; cy < n; ++cy)
    for (int cx = 0; cx < n; ++cx)
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
          if (block_size_ == 1 && (dx != 0 || dy != 0)) continue;
          near_cells_.push_back(static_cast<std::uint32_t>(((cy + dy + n) % n) * n + (cx + dx + n) % n));
        }
  start_.resize(static_cast<std::size_t>(n) * static_cast<std::size_t>(n) + 1);
}

std::uint32_t bird_grid::cell_of(double x, double y) const {
  // Clamped, so a coordinate a rounding step below the extent still lands in the last cell.
  const auto axis = [&](double v) { return std::min(per_side_ - 1, static_cast<int>(v * inverse_cell_size_)); };
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
  for (std::size_t row = 0; row < n; ++row) rows_[cursor_[home_cell_[row]]++] = static_cast<std::uint32_t>(row);
}

}  // namespace liangzhu::benchmark_models
