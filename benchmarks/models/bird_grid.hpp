#pragma once
/// @file A uniform grid over a periodic square, rebuilt once per step, for neighbour queries.
#include <cstdint>
#include <span>
#include <vector>

namespace liangzhu::benchmark_models {

/// Birds bucketed by cell. Cells are at least `reach` wide, so the 3×3 block of cells around the
/// cell a bird was indexed in holds every bird that was within `reach` of it at indexing time.
class bird_grid {
 public:
  bird_grid(double extent, double reach);

  /// Buckets rows 0..n-1 by the cell of (x[row], y[row]) (a counting sort: no allocation once the
  /// buffers have grown).
  void index(std::span<const double> x, std::span<const double> y);

  /// Calls f(row) for every row indexed in the 3×3 block of cells around `row`'s indexed cell.
  template <class F>
  void for_each_near(std::size_t row, F&& f) const {
    const std::uint32_t* near = &near_cells_[home_cell_[row] * block_size_];
    for (std::size_t k = 0; k < block_size_; ++k)
      for (std::uint32_t i = start_[near[k]]; i < start_[near[k] + 1]; ++i) f(rows_[i]);
  }

  int cells_per_side() const { return per_side_; }

 private:
  std::uint32_t cell_of(double x, double y) const;

  int per_side_;
  double inverse_cell_size_;
  std::size_t block_size_;               // 9, or 1 when the space is under 3 cells wide
  std::vector<std::uint32_t> near_cells_;  // block_size_ cells per cell, wrapped at the edges
  std::vector<std::uint32_t> start_;       // bucket c is rows_[start_[c], start_[c + 1])
  std::vector<std::uint32_t> cursor_;     // next free place of each bucket while indexing
  std::vector<std::uint32_t> rows_;
  std::vector<std::uint32_t> home_cell_;
};

}  // namespace liangzhu::benchmark_models
