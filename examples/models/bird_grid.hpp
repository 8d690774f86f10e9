#pragma once
/// @file A uniform grid over a periodic square, rebuilt once per step, for neighbour queries.
#include <cstdint>
#include <span>
#include <vector>

namespace liangzhu::benchmark_models {

/// Birds sorted by cell (row-major), so the cells of one grid row within a query's reach are one
/// contiguous span of the sorted order. Cells are at least reach / 3 wide and a query visits the
/// 7×7 cells around a cell: every bird within `reach` of a point of the centre cell at indexing
/// time lies in one of them, and the 7×7 block covers about 2× the area of the reach circle.
class bird_grid {
 public:
  bird_grid(double extent, double reach);

  /// Sorts rows 0..n-1 by the cell of (x[row], y[row]) (a counting sort: no allocation once the
  /// buffers have grown). Afterwards sorted slot k holds row sorted_rows()[k].
  void index(std::span<const double> x, std::span<const double> y);

  std::span<const std::uint32_t> sorted_rows() const { return rows_; }
  /// The cell a row was indexed in.
  std::uint32_t home_cell(std::size_t row) const { return home_cell_[row]; }

  /// Calls f(begin, end) for the spans of sorted slots in the block of cells around `cell`.
  template <class F>
  void for_each_span(std::uint32_t cell, F&& f) const {
    const int n = per_side_, k = reach_cells_;
    const int cx = static_cast<int>(cell) % n, cy = static_cast<int>(cell) / n;
    for (int dy = -k; dy <= k; ++dy) {
      const std::size_t base = static_cast<std::size_t>(wrap(cy + dy) * n);
      int x0 = cx - k, x1 = cx + k;
      // A block that crosses the left or right edge continues at the other side of the same row.
      if (x0 < 0) {
        f(start_[base + static_cast<std::size_t>(x0 + n)],
          start_[base + static_cast<std::size_t>(n)]);
        x0 = 0;
      }
      if (x1 >= n) {
        f(start_[base], start_[base + static_cast<std::size_t>(x1 - n + 1)]);
        x1 = n - 1;
      }
      f(start_[base + static_cast<std::size_t>(x0)],
        start_[base + static_cast<std::size_t>(x1 + 1)]);
    }
  }

  int cells_per_side() const { return per_side_; }
  /// Cells a query reaches on each side of its cell (3, or 0 when the space is one cell).
  int reach_cells() const { return reach_cells_; }
  /// Whether the block of cells around `cell` includes a cell of the first or last column.
  bool block_touches_edge_x(std::uint32_t cell) const {
    return touches_edge(static_cast<int>(cell) % per_side_);
  }
  /// Whether the block of cells around `cell` includes a cell of the first or last row.
  bool block_touches_edge_y(std::uint32_t cell) const {
    return touches_edge(static_cast<int>(cell) / per_side_);
  }

 private:
  static constexpr int subdivisions = 3;
  bool touches_edge(int c) const {
    return c - reach_cells_ <= 0 || c + reach_cells_ >= per_side_ - 1;
  }
  int wrap(int c) const { return c < 0 ? c + per_side_ : (c >= per_side_ ? c - per_side_ : c); }
  std::uint32_t cell_of(double x, double y) const;

  int per_side_;
  int reach_cells_;  // cells a query reaches on each side: 3, or 0 when the space is one cell
  double inverse_cell_size_;
  std::vector<std::uint32_t> start_;   // cell c holds sorted slots [start_[c], start_[c + 1])
  std::vector<std::uint32_t> cursor_;  // next free slot of each cell while indexing
  std::vector<std::uint32_t> rows_;
  std::vector<std::uint32_t> home_cell_;
};

}  // namespace liangzhu::benchmark_models
