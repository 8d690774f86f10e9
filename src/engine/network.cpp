#include "liangzhu/engine/network.hpp"

#include <numeric>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/engine/parallel.hpp"

namespace liangzhu::engine {

tie_graph::tie_graph(std::uint16_t capacity) : capacity_(capacity) {
  LIANGZHU_ASSERT(capacity > 0, "tie capacity must be positive");
}

void tie_graph::ensure_nodes(std::size_t n) {
  if (n <= degree_.size()) return;
  degree_.resize(n, 0);
  others_.resize(n * capacity_, 0);
  weights_.resize(n * capacity_, 0.0f);
  kinds_.resize(n * capacity_, 0);
}

void tie_graph::reserve_nodes(std::size_t n) {
  degree_.reserve(n);
  others_.reserve(n * capacity_);
  weights_.reserve(n * capacity_);
  kinds_.reserve(n * capacity_);
}

int tie_graph::find(node a, node b) const {
  const auto row = neighbours(a);
  for (std::size_t i = 0; i < row.size(); ++i)
    if (row[i] == b) return static_cast<int>(i);
  return -1;
}

float tie_graph::weight(node a, node b) const {
  const int i = find(a, b);
  return i < 0 ? 0.0f : weights_[std::size_t{a} * capacity_ + static_cast<std::size_t>(i)];
}

void tie_graph::remove_at(node a, int slot) {
  // Keep the row compact by moving its last tie into the hole.
  const std::size_t base = std::size_t{a} * capacity_;
  const std::size_t last = base + degree_[a] - 1;
  const std::size_t hole = base + static_cast<std::size_t>(slot);
  others_[hole] = others_[last];
  weights_[hole] = weights_[last];
  kinds_[hole] = kinds_[last];
  --degree_[a];
}

int tie_graph::weakest(node a) const {
  if (degree_[a] < capacity_) return -1;
  const auto w = weights(a);
  return static_cast<int>(std::min_element(w.begin(), w.end()) - w.begin());
}

bool tie_graph::make_room(node a, float weight) {
  const int slot = weakest(a);
  if (slot < 0) return true;
  const std::size_t at = std::size_t{a} * capacity_ + static_cast<std::size_t>(slot);
  if (weights_[at] >= weight) return false;
  const node dropped = others_[at];
  remove_at(a, slot);
  remove_at(dropped, find(dropped, a));
  return true;
}

void tie_graph::append(node a, node b, std::uint8_t kind, float weight) {
  const std::size_t at = std::size_t{a} * capacity_ + degree_[a];
  others_[at] = b;
  weights_[at] = weight;
  kinds_[at] = kind;
  ++degree_[a];
}

bool tie_graph::add_tie(node a, node b, std::uint8_t kind, float weight) {
  LIANGZHU_ASSERT(a != b, "no tie to oneself");
  ensure_nodes(std::size_t{std::max(a, b)} + 1);
  const int ia = find(a, b);
  if (ia >= 0) {
    const int ib = find(b, a);
    for (auto [n, i] : {std::pair{a, ia}, std::pair{b, ib}}) {
      const std::size_t at = std::size_t{n} * capacity_ + static_cast<std::size_t>(i);
      weights_[at] = std::max(weights_[at], weight);
      kinds_[at] = kind;
    }
    return true;
  }
  // Check both ends before changing either, so a refused tie changes nothing.
  const int wa = weakest(a), wb = weakest(b);
  if (wa >= 0 && weights_[std::size_t{a} * capacity_ + static_cast<std::size_t>(wa)] >= weight)
    return false;
  if (wb >= 0 && weights_[std::size_t{b} * capacity_ + static_cast<std::size_t>(wb)] >= weight)
    return false;
  make_room(a, weight);
  make_room(b, weight);
  append(a, b, kind, weight);
  append(b, a, kind, weight);
  return true;
}

void tie_graph::prefetch(node a) const {
  if (a >= degree_.size()) return;
  // A row may straddle two cache lines: fetch both ends, for writing (a tie is about to be added).
  const std::size_t first = std::size_t{a} * capacity_, last = first + capacity_ - 1;
  __builtin_prefetch(&degree_[a], 1);
  for (const std::size_t at : {first, last}) {
    __builtin_prefetch(&others_[at], 1);
    __builtin_prefetch(&weights_[at], 1);
    __builtin_prefetch(&kinds_[at], 1);
  }
}

void tie_graph::prefetch_neighbours(node a) const {
  if (a >= degree_.size()) return;
  for (const node b : neighbours(a)) prefetch(b);
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
  const int ia = find(a, b);
  if (ia < 0) return;
  remove_at(a, ia);
  remove_at(b, find(b, a));
}

void tie_graph::clear_node(node a) {
  if (a >= degree_.size()) return;
  while (degree_[a] > 0) remove_tie(a, others_[std::size_t{a} * capacity_]);
}

void tie_graph::decay(float factor, float threshold, const executor& ex) {
  // Both ends of a tie hold the same weight and apply the same arithmetic, so each node can be
  // processed independently and the two ends drop the tie together.
  ex.for_each_block(degree_.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t a = begin; a < end; ++a) decay_node(static_cast<node>(a), factor, threshold);
  });
}

void tie_graph::decay_node(node a, float factor, float threshold) {
  // The degree is kept in a register: the stores to the row could alias it.
  const std::size_t base = std::size_t{a} * capacity_;
  std::size_t degree = degree_[a];
  for (std::size_t i = 0; i < degree;) {
    const float w = weights_[base + i] *= factor;
    if (w >= threshold) {
      ++i;
      continue;
    }
    // Moves the last tie into the hole, as remove_at does; the moved-in tie is decayed next.
    const std::size_t last = base + --degree;
    others_[base + i] = others_[last];
    weights_[base + i] = weights_[last];
    kinds_[base + i] = kinds_[last];
  }
  degree_[a] = static_cast<std::uint16_t>(degree);
}

std::size_t tie_graph::tie_count() const {
  return std::accumulate(degree_.begin(), degree_.end(), std::size_t{0}) / 2;
}

component_stats tie_graph::components(std::size_t nodes) const {
  nodes = std::min(nodes, degree_.size());
  std::vector<node> parent(nodes);
  std::iota(parent.begin(), parent.end(), node{0});
  auto root = [&](node x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (node a = 0; a < nodes; ++a)
    for (const node b : neighbours(a))
      if (b < nodes) {
        const node ra = root(a), rb = root(b);
        if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
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
  out.write(capacity_);
  out.write_vector(degree_);
  out.write_vector(others_);
  out.write_vector(weights_);
  out.write_vector(kinds_);
}

void tie_graph::load(archive_reader& in) {
  if (in.read<std::uint16_t>() != capacity_) in.fail("tie capacity differs");
  in.read_vector(degree_);
  in.read_vector(others_);
  in.read_vector(weights_);
  in.read_vector(kinds_);
  const std::size_t cells = degree_.size() * capacity_;
  if (others_.size() != cells || weights_.size() != cells || kinds_.size() != cells)
    in.fail("tie arrays have wrong lengths");
  for (std::size_t a = 0; a < degree_.size(); ++a) {
    if (degree_[a] > capacity_) in.fail("tie degree above capacity");
    for (const node b : neighbours(static_cast<node>(a)))
      if (b >= degree_.size()) in.fail("tie to a node out of range");
  }
}

}  // namespace liangzhu::engine
