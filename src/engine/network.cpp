#include "liangzhu/engine/network.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <numeric>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/engine/parallel.hpp"

namespace liangzhu::engine {
namespace {

using node = tie_graph::node;

/// A level's step in log-weight: 1/1024, so that a weight is kept to within 0.05%.
constexpr double step = 1.0 / 1024;
/// The log-weight of level 0 when the offset is zero; level 65535 is then ln w = 32.
constexpr double floor_log = -32;
/// The offset at which the floor moves up (lower_levels): levels keep room for weights up to
/// e^16 (about 8.9e6, above max_weight) and tell apart weights down to e^-32 (1.3e-14).
constexpr double largest_offset = 16;

/// Keeps the ties of a row (`levels` and `words`, `degree` of them) at `line` or above, in their
/// order; returns how many remain.
std::size_t shed(std::uint16_t* levels, std::uint32_t* words, std::size_t degree,
                 std::uint32_t line) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < degree; ++i)
    if (levels[i] >= line) {
      levels[kept] = levels[i];
      words[kept] = words[i];
      ++kept;
    }
  return kept;
}

}  // namespace

tie_graph::tie_graph(std::uint16_t capacity)
    : capacity_(capacity),
      // The levels end on a 2-byte boundary; the words start on the next 4-byte one.
      words_offset_((sizeof(std::uint16_t) * (1 + std::size_t{capacity}) + 3) / 4 * 4),
      stride_(words_offset_ + capacity * sizeof(std::uint32_t)),
      alive_(levels, 0) {
  LIANGZHU_ASSERT(capacity > 0 && capacity <= tie_row::max_capacity,
                  "tie capacity must be 1 to 64");
}

void tie_graph::ensure_nodes(std::size_t n) {
  if (n <= nodes_) return;
  LIANGZHU_ASSERT(n <= max_nodes, "a tie graph holds at most 2^28 nodes");
  rows_.resize(n * stride_, std::byte{0});  // no ties, all fields zero
  nodes_ = n;
}

void tie_graph::reserve_nodes(std::size_t n) { rows_.reserve(n * stride_); }

tie_graph::level tie_graph::level_of(float weight) const {
  const double x = (std::log(static_cast<double>(weight)) - floor_log + offset_) / step;
  if (!(x > 0)) return 0;  // zero, or weaker than the floor
  return static_cast<level>(std::min(std::lround(x), static_cast<long>(levels - 1)));
}

float tie_graph::weight_at(level l) const {
  return static_cast<float>(std::exp(l * step + floor_log - offset_));
}

std::uint32_t tie_graph::drop_line(float threshold) const {
  if (!(threshold > 0)) return 0;
  // A tie keeps its place while its weight is at least the threshold: level ≥ x.
  const double x =
      std::ceil((std::log(static_cast<double>(threshold)) - floor_log + offset_) / step);
  return static_cast<std::uint32_t>(std::clamp(x, 0.0, static_cast<double>(levels)));
}

tie_row tie_graph::ties_of(node a) const {
  tie_row row;
  std::array<std::uint32_t, tie_row::max_capacity> words;
  std::array<level, tie_row::max_capacity> row_levels;
  std::size_t degree = degree_of(a);
  std::copy_n(words_of(a), degree, words.data());
  std::copy_n(levels_of(a), degree, row_levels.data());
  degree = shed(row_levels.data(), words.data(), degree, drop_line_);
  for (std::size_t i = 0; i < degree; ++i) {
    row.others_[i] = neighbour_in(words[i]);
    row.kinds_[i] = kind_in(words[i]);
    row.weights_[i] = weight_at(row_levels[i]);
  }
  row.size_ = degree;
  return row;
}

std::uint16_t tie_graph::degree(node a) const {
  const level* l = levels_of(a);
  return static_cast<std::uint16_t>(
      std::count_if(l, l + degree_of(a), [&](level x) { return x >= drop_line_; }));
}

void tie_graph::settle(node a) {
  degree_of(a) =
      static_cast<std::uint16_t>(shed(levels_of(a), words_of(a), degree_of(a), drop_line_));
}

void tie_graph::settle_all(const executor& ex) {
  ex.for_each_block(nodes_, [&](std::size_t begin, std::size_t end) {
    for (std::size_t a = begin; a < end; ++a) settle(static_cast<node>(a));
  });
}

void tie_graph::count_tie(level l, int change) {
  if (change > 0) {
    ++alive_[l];
    ++ties_;
  } else {
    LIANGZHU_ASSERT(alive_[l] > 0 && ties_ > 0, "a tie was not counted");
    --alive_[l];
    --ties_;
  }
}

void tie_graph::lower_levels(const executor& ex) {
  const auto by = static_cast<std::uint32_t>(offset_ / step);
  // Rows shed their dropped ties first: moved down, a dropped tie could land on or above the
  // lowered drop line.
  ex.for_each_block(nodes_, [&](std::size_t begin, std::size_t end) {
    for (std::size_t a = begin; a < end; ++a) {
      const auto at = static_cast<node>(a);
      settle(at);
      level* l = levels_of(at);
      for (std::size_t i = 0; i < degree_of(at); ++i)
        l[i] = static_cast<level>(l[i] > by ? l[i] - by : 0);
    }
  });
  std::vector<std::uint64_t> moved(levels, 0);
  for (std::size_t l = 0; l < levels; ++l) moved[l > by ? l - by : 0] += alive_[l];
  alive_ = std::move(moved);
  offset_ -= by * step;
  drop_line_ = drop_line_ > by ? drop_line_ - by : 0;
}

void tie_graph::decay(float factor, float threshold, const executor& ex) {
  LIANGZHU_ASSERT(factor > 0 && factor <= 1, "a decay factor is above 0 and at most 1");
  offset_ -= std::log(static_cast<double>(factor));
  if (offset_ >= largest_offset) lower_levels(ex);
  const std::uint32_t line = drop_line(threshold);
  if (line < drop_line_) {
    // A lower threshold: the ties dropped before stay dropped (and were taken off the count).
    settle_all(ex);
  } else {
    for (std::uint32_t l = drop_line_; l < line; ++l) {
      LIANGZHU_ASSERT(alive_[l] <= ties_, "more ties drop than there are");
      ties_ -= alive_[l];
      alive_[l] = 0;
    }
  }
  drop_line_ = line;
}

int tie_graph::find(node a, node b) const {
  const std::uint32_t* row = words_of(a);
  for (std::size_t i = 0; i < degree_of(a); ++i)
    if (neighbour_in(row[i]) == b) return static_cast<int>(i);
  return -1;
}

bool tie_graph::has_tie(node a, node b) const {
  const tie_row row = ties_of(a);
  const auto others = row.neighbours();
  return std::find(others.begin(), others.end(), b) != others.end();
}

float tie_graph::weight(node a, node b) const {
  const tie_row row = ties_of(a);
  const auto others = row.neighbours();
  const auto i = std::find(others.begin(), others.end(), b) - others.begin();
  return static_cast<std::size_t>(i) < others.size() ? row.weights()[static_cast<std::size_t>(i)]
                                                     : 0.0f;
}

void tie_graph::remove_at(node a, int slot) {
  // Keep the row compact by moving its last tie into the hole.
  const std::size_t last = degree_of(a) - 1u;
  const auto hole = static_cast<std::size_t>(slot);
  words_of(a)[hole] = words_of(a)[last];
  levels_of(a)[hole] = levels_of(a)[last];
  --degree_of(a);
}

int tie_graph::weakest(node a) const {
  if (degree_of(a) < capacity_) return -1;
  const level* l = levels_of(a);
  return static_cast<int>(std::min_element(l, l + degree_of(a)) - l);
}

bool tie_graph::make_room(node a, level l) {
  const int slot = weakest(a);
  if (slot < 0) return true;
  const auto at = static_cast<std::size_t>(slot);
  if (levels_of(a)[at] >= l) return false;
  const node dropped = neighbour_in(words_of(a)[at]);
  settle(dropped);
  count_tie(levels_of(a)[at], -1);
  remove_at(a, slot);
  remove_at(dropped, find(dropped, a));
  return true;
}

void tie_graph::append(node a, node b, std::uint8_t kind, level l) {
  const std::size_t at = degree_of(a);
  words_of(a)[at] = tie_word(b, kind);
  levels_of(a)[at] = l;
  ++degree_of(a);
}

bool tie_graph::add_tie(node a, node b, std::uint8_t kind, float weight) {
  LIANGZHU_ASSERT(a != b, "no tie to oneself");
  LIANGZHU_ASSERT(weight >= 0 && weight <= max_weight, "tie weights are 0 to max_weight");
  LIANGZHU_ASSERT(kind < max_kinds, "a tie's kind is below 16");
  ensure_nodes(std::size_t{std::max(a, b)} + 1);
  settle(a);
  settle(b);
  const level l = level_of(weight);
  const int ia = find(a, b);
  if (ia >= 0) {
    const int ib = find(b, a);
    const level old = levels_of(a)[static_cast<std::size_t>(ia)];
    if (l > old) {
      count_tie(old, -1);
      count_tie(l, +1);
    }
    for (auto [n, i] : {std::pair{a, ia}, std::pair{b, ib}}) {
      const auto at = static_cast<std::size_t>(i);
      levels_of(n)[at] = std::max(levels_of(n)[at], l);
      words_of(n)[at] = tie_word(b == n ? a : b, kind);
    }
    return true;
  }
  if (l < drop_line_) return false;
  // Check both ends before changing either, so a refused tie changes nothing.
  const int wa = weakest(a), wb = weakest(b);
  if (wa >= 0 && levels_of(a)[static_cast<std::size_t>(wa)] >= l) return false;
  if (wb >= 0 && levels_of(b)[static_cast<std::size_t>(wb)] >= l) return false;
  make_room(a, l);
  make_room(b, l);
  append(a, b, kind, l);
  append(b, a, kind, l);
  count_tie(l, +1);
  return true;
}

void tie_graph::prefetch(node a) const {
  if (a >= nodes_) return;
  // Every cache line of the block, for writing (a tie is about to be added or removed).
  constexpr std::uintptr_t line = 64;
  const auto first = reinterpret_cast<std::uintptr_t>(block(a)) & ~(line - 1);
  const auto last = reinterpret_cast<std::uintptr_t>(block(a) + stride_ - 1);
  for (std::uintptr_t at = first; at <= last; at += line)
    __builtin_prefetch(reinterpret_cast<const void*>(at), 1);
}

void tie_graph::prefetch_neighbours(node a) const {
  if (a >= nodes_) return;
  // The stored row: a tie that has decayed away since costs one needless fetch, nothing else.
  const std::uint32_t* row = words_of(a);
  for (std::size_t i = 0; i < degree_of(a); ++i) prefetch(neighbour_in(row[i]));
}

void tie_graph::add_ties(std::span<const new_tie> ties) {
  // Rows are scattered over a graph much larger than the caches: while one tie is added, the
  // rows of the tie `ahead` places on are already on their way.
  constexpr std::size_t ahead = 16;
  for (std::size_t k = 0; k < ties.size(); ++k) {
    if (k + ahead < ties.size()) {
      prefetch(ties[k + ahead].a);
      prefetch(ties[k + ahead].b);
    }
    add_tie(ties[k].a, ties[k].b, ties[k].kind, ties[k].weight);
  }
}

void tie_graph::remove_tie(node a, node b) {
  if (std::max(a, b) >= nodes_) return;
  settle(a);
  const int ia = find(a, b);
  if (ia < 0) return;
  settle(b);
  count_tie(levels_of(a)[static_cast<std::size_t>(ia)], -1);
  remove_at(a, ia);
  remove_at(b, find(b, a));
}

void tie_graph::clear_node(node a) {
  if (a >= nodes_) return;
  settle(a);
  while (degree_of(a) > 0) remove_tie(a, neighbour_in(words_of(a)[0]));
}

std::size_t tie_graph::tie_count() const { return ties_; }

component_stats tie_graph::components(std::size_t nodes) const {
  nodes = std::min(nodes, nodes_);
  std::vector<node> parent(nodes);
  std::iota(parent.begin(), parent.end(), node{0});
  auto root = [&](node x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (node a = 0; a < nodes; ++a) {
    const tie_row row = ties_of(a);
    for (const node b : row.neighbours())
      if (b < nodes) {
        const node ra = root(a), rb = root(b);
        if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
      }
  }
  std::vector<std::size_t> size(nodes, 0);
  component_stats stats;
  for (node a = 0; a < nodes; ++a) {
    const std::size_t s = ++size[root(a)];
    if (s == 1) ++stats.components;
    stats.largest = std::max(stats.largest, s);
  }
  return stats;
}

void tie_graph::save(archive_writer& out) const {
  // The rows as they are now, each having shed its dropped ties (and zeros beyond its degree),
  // so that a checkpoint does not depend on which rows happened to be changed since. The archive
  // keeps each field in an array of its own.
  out.write(capacity_);
  out.write(offset_);
  out.write(drop_line_);
  const std::size_t n = nodes_, cells = n * capacity_;
  const std::size_t degrees = out.write_vector_room<std::uint16_t>(n);
  const std::size_t others = out.write_vector_room<node>(cells);
  const std::size_t row_levels_at = out.write_vector_room<level>(cells);
  const std::size_t kinds = out.write_vector_room<std::uint8_t>(cells);
  std::array<std::uint32_t, tie_row::max_capacity> row_words;
  std::array<level, tie_row::max_capacity> row_levels;
  std::array<node, tie_row::max_capacity> row_others;
  std::array<std::uint8_t, tie_row::max_capacity> row_kinds;
  for (std::size_t a = 0; a < n; ++a) {
    const auto at = static_cast<node>(a);
    std::copy_n(words_of(at), degree_of(at), row_words.data());
    std::copy_n(levels_of(at), degree_of(at), row_levels.data());
    const auto degree = static_cast<std::uint16_t>(
        shed(row_levels.data(), row_words.data(), degree_of(at), drop_line_));
    std::fill(row_levels.begin() + degree, row_levels.begin() + capacity_, level{0});
    for (std::size_t i = 0; i < capacity_; ++i) {
      row_others[i] = i < degree ? neighbour_in(row_words[i]) : 0;
      row_kinds[i] = i < degree ? kind_in(row_words[i]) : 0;
    }
    const std::size_t base = a * capacity_;
    out.write_at<std::uint16_t>(degrees, a, {&degree, 1});
    out.write_at<node>(others, base, {row_others.data(), capacity_});
    out.write_at<level>(row_levels_at, base, {row_levels.data(), capacity_});
    out.write_at<std::uint8_t>(kinds, base, {row_kinds.data(), capacity_});
  }
}

void tie_graph::load(archive_reader& in) {
  if (in.read<std::uint16_t>() != capacity_) in.fail("tie capacity differs");
  const auto offset = in.read<double>();
  if (!(offset >= 0 && offset < largest_offset)) in.fail("tie weight offset out of range");
  const auto line = in.read<std::uint32_t>();
  if (line > levels) in.fail("tie drop line out of range");
  // Each field's array is copied from the archive into the blocks (no second copy of the graph).
  const auto degrees = in.read_vector_bytes<std::uint16_t>();
  const std::size_t n = degrees.size() / sizeof(std::uint16_t), cells = n * capacity_;
  const auto others = in.read_vector_bytes<node>();
  const auto row_levels = in.read_vector_bytes<level>();
  const auto kinds = in.read_vector_bytes<std::uint8_t>();
  if (others.size() != cells * sizeof(node) || row_levels.size() != cells * sizeof(level) ||
      kinds.size() != cells)
    in.fail("tie arrays have wrong lengths");
  if (n > max_nodes) in.fail("more tie rows than a graph holds (2^28)");
  rows_.clear();
  nodes_ = 0;
  ensure_nodes(n);
  offset_ = offset;
  drop_line_ = line;
  std::fill(alive_.begin(), alive_.end(), 0);
  ties_ = 0;
  for (std::size_t a = 0; a < n; ++a) {
    const auto at = static_cast<node>(a);
    const std::size_t base = a * capacity_;
    std::memcpy(&degree_of(at), degrees.data() + a * sizeof(std::uint16_t), sizeof(std::uint16_t));
    if (degree_of(at) > capacity_) in.fail("tie degree above capacity");
    std::memcpy(levels_of(at), row_levels.data() + base * sizeof(level), capacity_ * sizeof(level));
    for (std::size_t i = 0; i < degree_of(at); ++i) {
      node other;
      std::memcpy(&other, others.data() + (base + i) * sizeof(node), sizeof(node));
      const auto kind = static_cast<std::uint8_t>(kinds[base + i]);
      if (other >= n || other == a) in.fail("tie to a node out of range");
      if (kind >= max_kinds) in.fail("tie kind out of range");
      if (levels_of(at)[i] < drop_line_) in.fail("tie weaker than its drop line");
      words_of(at)[i] = tie_word(other, kind);
      if (other > a) ++alive_[levels_of(at)[i]];  // each tie once, from its lower end
    }
    std::fill(levels_of(at) + degree_of(at), levels_of(at) + capacity_, level{0});
    ties_ += degree_of(at);
  }
  // Each tie must be at both ends with the same level and kind: changes to it assume so.
  for (std::size_t a = 0; a < n; ++a) {
    const auto at = static_cast<node>(a);
    for (std::size_t i = 0; i < degree_of(at); ++i) {
      const node other = neighbour_in(words_of(at)[i]);
      const int j = find(other, at);
      if (j < 0 || levels_of(other)[static_cast<std::size_t>(j)] != levels_of(at)[i] ||
          words_of(other)[static_cast<std::size_t>(j)] != tie_word(at, kind_in(words_of(at)[i])))
        in.fail("a tie is not the same at both ends");
    }
  }
  if (ties_ % 2 != 0 ||
      std::accumulate(alive_.begin(), alive_.end(), std::uint64_t{0}) != ties_ / 2)
    in.fail("a tie is stored at one end only");
  ties_ /= 2;
}

}  // namespace liangzhu::engine
