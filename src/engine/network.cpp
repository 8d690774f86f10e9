#include "liangzhu/engine/network.hpp"

#include <algorithm>
#include <numeric>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/engine/parallel.hpp"

namespace liangzhu::engine {
namespace {

using node = tie_graph::node;

/// One decay of a row of `degree` ties: each weight multiplied by `factor`, and each tie left
/// below `threshold` dropped by moving the row's last tie into its place (its weight already
/// multiplied; the place is looked at again). Returns the new degree. Both ends of a tie hold the
/// same weight and go through the same arithmetic, so they drop at the same decay whenever each
/// row is brought up to date.
std::size_t decay_row(node* others, float* weights, std::uint8_t* kinds, std::size_t degree,
                      float factor, float threshold) {
  // Multiplying first and dropping after gives what multiplying and dropping tie by tie gives
  // (each weight is multiplied once whichever place it ends in), and the two loops vectorise.
  bool drops = false;
  for (std::size_t i = 0; i < degree; ++i) {
    weights[i] *= factor;
    drops |= weights[i] < threshold;
  }
  if (!drops) return degree;
  for (std::size_t i = 0; i < degree;) {
    if (weights[i] >= threshold) {
      ++i;
      continue;
    }
    --degree;
    others[i] = others[degree];
    weights[i] = weights[degree];
    kinds[i] = kinds[degree];
  }
  return degree;
}

/// `times` decays of a row, one after another (a row emptied early needs no more).
std::size_t decay_row(node* others, float* weights, std::uint8_t* kinds, std::size_t degree,
                      std::uint32_t times, const decay_steps& steps) {
  for (std::uint32_t k = 0; k < times && degree > 0; ++k)
    degree = decay_row(others, weights, kinds, degree, steps.factor(), steps.threshold());
  return degree;
}

/// Rows are all settled before the decays since they last were overflow a row's 16-bit count.
constexpr std::uint32_t most_periods = UINT16_MAX;

}  // namespace

tie_graph::tie_graph(std::uint16_t capacity) : capacity_(capacity) {
  LIANGZHU_ASSERT(capacity > 0 && capacity <= tie_row::max_capacity,
                  "tie capacity must be 1 to 64");
}

void tie_graph::ensure_nodes(std::size_t n) {
  if (n <= degree_.size()) return;
  degree_.resize(n, 0);
  others_.resize(n * capacity_, 0);
  weights_.resize(n * capacity_, 0.0f);
  kinds_.resize(n * capacity_, 0);
  settled_.resize(n, static_cast<std::uint16_t>(periods_));
}

void tie_graph::reserve_nodes(std::size_t n) {
  degree_.reserve(n);
  others_.reserve(n * capacity_);
  weights_.reserve(n * capacity_);
  kinds_.reserve(n * capacity_);
  settled_.reserve(n);
}

tie_row tie_graph::ties_of(node a) const {
  tie_row row;
  const std::size_t base = std::size_t{a} * capacity_;
  const std::size_t degree = degree_[a];
  const std::uint32_t late = behind(a);
  if (late == 0 || degree == 0) {
    row.others_ = others_.data() + base;
    row.weights_ = weights_.data() + base;
    row.kinds_ = kinds_.data() + base;
    row.size_ = degree;
    return row;
  }
  std::copy_n(others_.data() + base, degree, row.own_others_.data());
  std::copy_n(weights_.data() + base, degree, row.own_weights_.data());
  std::copy_n(kinds_.data() + base, degree, row.own_kinds_.data());
  row.size_ = decay_row(row.own_others_.data(), row.own_weights_.data(), row.own_kinds_.data(),
                        degree, late, steps_);
  row.copied_ = true;
  return row;
}

void tie_graph::settle(node a) {
  const std::uint32_t late = behind(a);
  if (late == 0) return;
  settled_[a] = static_cast<std::uint16_t>(periods_);
  const std::size_t base = std::size_t{a} * capacity_;
  degree_[a] = static_cast<std::uint16_t>(
      decay_row(&others_[base], &weights_[base], &kinds_[base], degree_[a], late, steps_));
}

void tie_graph::settle_all(const executor& ex) {
  // Each row is its own: rows are settled in parallel.
  ex.for_each_block(degree_.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t a = begin; a < end; ++a) settle(static_cast<node>(a));
  });
  periods_ = 0;
  std::fill(settled_.begin(), settled_.end(), std::uint16_t{0});
}

void tie_graph::book_drop(float w, int change) {
  if (!scheduled_) return;
  const std::uint32_t steps = steps_(w);
  if (steps == decay_steps::never) return;
  const std::uint64_t at = counted_ + steps;
  if (at >= drops_.size()) drops_.resize(at + 1, 0);
  if (change > 0) {
    ++drops_[at];
  } else {
    LIANGZHU_ASSERT(drops_[at] > 0, "a tie's drop was not in the calendar");
    --drops_[at];
  }
}

void tie_graph::reschedule(decay_steps steps, const executor& ex) {
  if (periods_ > 0) settle_all(ex);
  steps_ = std::move(steps);
  scheduled_ = true;
  drops_.clear();
  counted_ = 0;
  const std::size_t n = degree_.size();
  // The table first covers the largest weight, so that the blocks below can share it.
  const auto largest =
      ex.gather_blocks<float>(n, [&](std::size_t begin, std::size_t end, std::vector<float>& out) {
        out.push_back(*std::max_element(weights_.data() + begin * capacity_,
                                        weights_.data() + end * capacity_));
      });
  if (!largest.empty()) steps_.cover(*std::max_element(largest.begin(), largest.end()));
  // Each tie once, from its end at the lower node; each block counts its ties by the decay that
  // drops them, and the counts are added up in block order.
  struct count {
    std::uint32_t decay;
    std::uint64_t ties;
  };
  const auto counts =
      ex.gather_blocks<count>(n, [&](std::size_t begin, std::size_t end, std::vector<count>& out) {
        std::vector<std::uint64_t> by_decay;
        for (std::size_t a = begin; a < end; ++a) {
          const std::size_t base = a * capacity_;
          for (std::size_t i = 0; i < degree_[a]; ++i) {
            if (others_[base + i] < a) continue;
            const std::uint32_t k = steps_.lookup(weights_[base + i]);
            if (k == decay_steps::never) continue;
            if (k >= by_decay.size()) by_decay.resize(k + 1, 0);
            ++by_decay[k];
          }
        }
        for (std::size_t k = 0; k < by_decay.size(); ++k)
          if (by_decay[k] > 0) out.push_back({static_cast<std::uint32_t>(k), by_decay[k]});
      });
  for (const count& c : counts) {
    if (c.decay >= drops_.size()) drops_.resize(std::size_t{c.decay} + 1, 0);
    drops_[c.decay] += c.ties;
  }
}

void tie_graph::decay(float factor, float threshold, const executor& ex) {
  if (!scheduled_ || factor != steps_.factor() || threshold != steps_.threshold())
    reschedule(decay_steps(factor, threshold), ex);
  if (periods_ == most_periods) settle_all(ex);
  ++periods_;
  ++counted_;
  if (counted_ < drops_.size()) {
    LIANGZHU_ASSERT(drops_[counted_] <= ties_, "more ties drop than there are");
    ties_ -= drops_[counted_];
  }
}

int tie_graph::find(node a, node b) const {
  const node* row = others_.data() + std::size_t{a} * capacity_;
  for (std::size_t i = 0; i < degree_[a]; ++i)
    if (row[i] == b) return static_cast<int>(i);
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
  const float* w = weights_.data() + std::size_t{a} * capacity_;
  return static_cast<int>(std::min_element(w, w + degree_[a]) - w);
}

bool tie_graph::make_room(node a, float weight) {
  const int slot = weakest(a);
  if (slot < 0) return true;
  const std::size_t at = std::size_t{a} * capacity_ + static_cast<std::size_t>(slot);
  if (weights_[at] >= weight) return false;
  const node dropped = others_[at];
  settle(dropped);
  book_drop(weights_[at], -1);
  --ties_;
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
  LIANGZHU_ASSERT(weight >= 0, "tie weights are not negative");
  ensure_nodes(std::size_t{std::max(a, b)} + 1);
  settle(a);
  settle(b);
  const int ia = find(a, b);
  if (ia >= 0) {
    const int ib = find(b, a);
    const float old = weights_[std::size_t{a} * capacity_ + static_cast<std::size_t>(ia)];
    if (weight > old) {
      book_drop(old, -1);
      book_drop(weight, +1);
    }
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
  book_drop(weight, +1);
  ++ties_;
  return true;
}

void tie_graph::prefetch(node a) const {
  if (a >= degree_.size()) return;
  // A row may straddle two cache lines: fetch both ends, for writing (a tie is about to be added).
  const std::size_t first = std::size_t{a} * capacity_, last = first + capacity_ - 1;
  __builtin_prefetch(&degree_[a], 1);
  __builtin_prefetch(&settled_[a], 1);
  for (const std::size_t at : {first, last}) {
    __builtin_prefetch(&others_[at], 1);
    __builtin_prefetch(&weights_[at], 1);
    __builtin_prefetch(&kinds_[at], 1);
  }
}

void tie_graph::prefetch_neighbours(node a) const {
  if (a >= degree_.size()) return;
  // The stored row: a tie that has decayed away since costs one needless fetch, nothing else.
  const node* row = others_.data() + std::size_t{a} * capacity_;
  for (std::size_t i = 0; i < degree_[a]; ++i) prefetch(row[i]);
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
  if (std::max(a, b) >= degree_.size()) return;
  settle(a);
  const int ia = find(a, b);
  if (ia < 0) return;
  settle(b);
  book_drop(weights_[std::size_t{a} * capacity_ + static_cast<std::size_t>(ia)], -1);
  --ties_;
  remove_at(a, ia);
  remove_at(b, find(b, a));
}

void tie_graph::clear_node(node a) {
  if (a >= degree_.size()) return;
  settle(a);
  while (degree_[a] > 0) remove_tie(a, others_[std::size_t{a} * capacity_]);
}

std::size_t tie_graph::tie_count() const { return ties_; }

component_stats tie_graph::components(std::size_t nodes) const {
  nodes = std::min(nodes, degree_.size());
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
  // The rows as they are now, in the layout of a graph that decayed every row at every decay
  // (slots beyond a row's ties included, as its decays left them), so a checkpoint does not
  // depend on which rows happened to be brought up to date.
  out.write(capacity_);
  const std::size_t n = degree_.size(), cells = n * capacity_;
  const std::size_t degrees = out.write_vector_room<std::uint16_t>(n);
  const std::size_t others = out.write_vector_room<node>(cells);
  const std::size_t weights = out.write_vector_room<float>(cells);
  const std::size_t kinds = out.write_vector_room<std::uint8_t>(cells);
  std::array<node, tie_row::max_capacity> row_others;
  std::array<float, tie_row::max_capacity> row_weights;
  std::array<std::uint8_t, tie_row::max_capacity> row_kinds;
  for (std::size_t a = 0; a < n; ++a) {
    const std::size_t base = a * capacity_;
    std::copy_n(others_.data() + base, capacity_, row_others.data());
    std::copy_n(weights_.data() + base, capacity_, row_weights.data());
    std::copy_n(kinds_.data() + base, capacity_, row_kinds.data());
    const auto degree = static_cast<std::uint16_t>(decay_row(row_others.data(), row_weights.data(),
                                                             row_kinds.data(), degree_[a],
                                                             behind(static_cast<node>(a)), steps_));
    out.write_at<std::uint16_t>(degrees, a, {&degree, 1});
    out.write_at<node>(others, base, {row_others.data(), capacity_});
    out.write_at<float>(weights, base, {row_weights.data(), capacity_});
    out.write_at<std::uint8_t>(kinds, base, {row_kinds.data(), capacity_});
  }
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
    const std::size_t base = a * capacity_;
    for (std::size_t i = 0; i < degree_[a]; ++i) {
      if (others_[base + i] >= degree_.size()) in.fail("tie to a node out of range");
      if (!(weights_[base + i] >= 0)) in.fail("negative or undefined tie weight");
    }
  }
  // Every row is up to date; the calendar is counted again at the next decay.
  settled_.assign(degree_.size(), 0);
  periods_ = 0;
  scheduled_ = false;
  drops_.clear();
  counted_ = 0;
  ties_ = std::accumulate(degree_.begin(), degree_.end(), std::size_t{0}) / 2;
}

}  // namespace liangzhu::engine
