#include "liangzhu/engine/network.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <numeric>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/engine/parallel.hpp"

namespace liangzhu::engine {
namespace {

using node = tie_graph::node;

/// One decay of a row of `degree` ties (`words`: neighbour and kind): each weight multiplied by
/// `factor`, and each tie left below `threshold` dropped by moving the row's last tie into its
/// place (its weight already multiplied; the place is looked at again). Returns the new degree.
/// Both ends of a tie hold the same weight and go through the same arithmetic, so they drop at
/// the same decay whenever each row is brought up to date.
std::size_t decay_row(std::uint32_t* words, float* weights, std::size_t degree, float factor,
                      float threshold) {
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
    words[i] = words[degree];
    weights[i] = weights[degree];
  }
  return degree;
}

/// `times` decays of a row, one after another (a row emptied early needs no more).
std::size_t decay_row(std::uint32_t* words, float* weights, std::size_t degree, std::uint32_t times,
                      const decay_steps& steps) {
  if (times == 0 || degree == 0) return degree;
  // Most rows lose no tie while they catch up. Their weights are multiplied `times` times in
  // lanes the compiler vectorises (the same float products, in a copy) and kept if none ends
  // below the threshold: with a factor of at most 1 products only shrink, so none fell below it
  // on the way either. A row that does lose a tie (or a graph whose weights grow) is decayed
  // decay by decay below, for the order its ties end in.
  constexpr std::size_t lanes = 16;
  if (degree <= lanes && steps.factor() <= 1.0f) {
    alignas(64) std::array<float, lanes> w{};
    std::copy_n(weights, degree, w.begin());
    const float factor = steps.factor();
    for (std::uint32_t k = 0; k < times; ++k)
      for (float& x : w) x *= factor;
    bool drops = false;
    for (std::size_t i = 0; i < degree; ++i) drops |= w[i] < steps.threshold();
    if (!drops) {
      std::copy_n(w.begin(), degree, weights);
      return degree;
    }
  }
  for (std::uint32_t k = 0; k < times && degree > 0; ++k)
    degree = decay_row(words, weights, degree, steps.factor(), steps.threshold());
  return degree;
}

/// Rows are all settled before the decays since they last were overflow a row's 16-bit count.
constexpr std::uint32_t most_periods = UINT16_MAX;

}  // namespace

tie_graph::tie_graph(std::uint16_t capacity)
    : capacity_(capacity),
      stride_(header_bytes + capacity * (sizeof(std::uint32_t) + sizeof(float))) {
  LIANGZHU_ASSERT(capacity > 0 && capacity <= tie_row::max_capacity,
                  "tie capacity must be 1 to 64");
}

void tie_graph::ensure_nodes(std::size_t n) {
  if (n <= nodes_) return;
  LIANGZHU_ASSERT(n <= max_nodes, "a tie graph holds at most 2^28 nodes");
  rows_.resize(n * stride_, std::byte{0});  // no ties, all fields zero
  for (std::size_t a = nodes_; a < n; ++a)
    settled_of(static_cast<node>(a)) = static_cast<std::uint16_t>(periods_);
  nodes_ = n;
}

void tie_graph::reserve_nodes(std::size_t n) { rows_.reserve(n * stride_); }

tie_row tie_graph::ties_of(node a) const {
  tie_row row;
  std::array<std::uint32_t, tie_row::max_capacity> words;
  std::size_t degree = degree_of(a);
  std::copy_n(words_of(a), degree, words.data());
  std::copy_n(weights_of(a), degree, row.weights_.data());
  degree = decay_row(words.data(), row.weights_.data(), degree, behind(a), steps_);
  for (std::size_t i = 0; i < degree; ++i) {
    row.others_[i] = neighbour_in(words[i]);
    row.kinds_[i] = kind_in(words[i]);
  }
  row.size_ = degree;
  return row;
}

void tie_graph::settle(node a) {
  const std::uint32_t late = behind(a);
  if (late == 0) return;
  settled_of(a) = static_cast<std::uint16_t>(periods_);
  degree_of(a) =
      static_cast<std::uint16_t>(decay_row(words_of(a), weights_of(a), degree_of(a), late, steps_));
}

void tie_graph::settle_all(const executor& ex) {
  // Each row is its own: rows are settled in parallel, and their count starts again at zero.
  ex.for_each_block(nodes_, [&](std::size_t begin, std::size_t end) {
    for (std::size_t a = begin; a < end; ++a) {
      settle(static_cast<node>(a));
      settled_of(static_cast<node>(a)) = 0;
    }
  });
  periods_ = 0;
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
  const std::size_t n = nodes_;
  // The table first covers the largest weight (of every slot, as the rows' storage holds them),
  // so that the blocks below can share it.
  const auto largest =
      ex.gather_blocks<float>(n, [&](std::size_t begin, std::size_t end, std::vector<float>& out) {
        float most = 0;
        for (std::size_t a = begin; a < end; ++a) {
          const float* w = weights_of(static_cast<node>(a));
          most = std::max(most, *std::max_element(w, w + capacity_));
        }
        out.push_back(most);
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
          const std::uint32_t* words = words_of(static_cast<node>(a));
          const float* weights = weights_of(static_cast<node>(a));
          for (std::size_t i = 0; i < degree_of(static_cast<node>(a)); ++i) {
            if (neighbour_in(words[i]) < a) continue;
            const std::uint32_t k = steps_.lookup(weights[i]);
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
  weights_of(a)[hole] = weights_of(a)[last];
  --degree_of(a);
}

int tie_graph::weakest(node a) const {
  if (degree_of(a) < capacity_) return -1;
  const float* w = weights_of(a);
  return static_cast<int>(std::min_element(w, w + degree_of(a)) - w);
}

bool tie_graph::make_room(node a, float weight) {
  const int slot = weakest(a);
  if (slot < 0) return true;
  const auto at = static_cast<std::size_t>(slot);
  if (weights_of(a)[at] >= weight) return false;
  const node dropped = neighbour_in(words_of(a)[at]);
  settle(dropped);
  book_drop(weights_of(a)[at], -1);
  --ties_;
  remove_at(a, slot);
  remove_at(dropped, find(dropped, a));
  return true;
}

void tie_graph::append(node a, node b, std::uint8_t kind, float weight) {
  const std::size_t at = degree_of(a);
  words_of(a)[at] = tie_word(b, kind);
  weights_of(a)[at] = weight;
  ++degree_of(a);
}

bool tie_graph::add_tie(node a, node b, std::uint8_t kind, float weight) {
  LIANGZHU_ASSERT(a != b, "no tie to oneself");
  LIANGZHU_ASSERT(weight >= 0, "tie weights are not negative");
  LIANGZHU_ASSERT(kind < max_kinds, "a tie's kind is below 16");
  ensure_nodes(std::size_t{std::max(a, b)} + 1);
  settle(a);
  settle(b);
  const int ia = find(a, b);
  if (ia >= 0) {
    const int ib = find(b, a);
    const float old = weights_of(a)[static_cast<std::size_t>(ia)];
    if (weight > old) {
      book_drop(old, -1);
      book_drop(weight, +1);
    }
    for (auto [n, i] : {std::pair{a, ia}, std::pair{b, ib}}) {
      const auto at = static_cast<std::size_t>(i);
      weights_of(n)[at] = std::max(weights_of(n)[at], weight);
      words_of(n)[at] = tie_word(b == n ? a : b, kind);
    }
    return true;
  }
  // Check both ends before changing either, so a refused tie changes nothing.
  const int wa = weakest(a), wb = weakest(b);
  if (wa >= 0 && weights_of(a)[static_cast<std::size_t>(wa)] >= weight) return false;
  if (wb >= 0 && weights_of(b)[static_cast<std::size_t>(wb)] >= weight) return false;
  make_room(a, weight);
  make_room(b, weight);
  append(a, b, kind, weight);
  append(b, a, kind, weight);
  book_drop(weight, +1);
  ++ties_;
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
  book_drop(weights_of(a)[static_cast<std::size_t>(ia)], -1);
  --ties_;
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
  // The rows as they are now, in the layout of a graph that decayed every row at every decay
  // (slots beyond a row's ties included, as its decays left them), so a checkpoint does not
  // depend on which rows happened to be brought up to date. The archive keeps each field in an
  // array of its own (the layout of the graph's storage before its blocks).
  out.write(capacity_);
  const std::size_t n = nodes_, cells = n * capacity_;
  const std::size_t degrees = out.write_vector_room<std::uint16_t>(n);
  const std::size_t others = out.write_vector_room<node>(cells);
  const std::size_t weights = out.write_vector_room<float>(cells);
  const std::size_t kinds = out.write_vector_room<std::uint8_t>(cells);
  std::array<std::uint32_t, tie_row::max_capacity> row_words;
  std::array<node, tie_row::max_capacity> row_others;
  std::array<float, tie_row::max_capacity> row_weights;
  std::array<std::uint8_t, tie_row::max_capacity> row_kinds;
  for (std::size_t a = 0; a < n; ++a) {
    const auto at = static_cast<node>(a);
    std::copy_n(words_of(at), capacity_, row_words.data());
    std::copy_n(weights_of(at), capacity_, row_weights.data());
    const auto degree = static_cast<std::uint16_t>(
        decay_row(row_words.data(), row_weights.data(), degree_of(at), behind(at), steps_));
    for (std::size_t i = 0; i < capacity_; ++i) {
      row_others[i] = neighbour_in(row_words[i]);
      row_kinds[i] = kind_in(row_words[i]);
    }
    const std::size_t base = a * capacity_;
    out.write_at<std::uint16_t>(degrees, a, {&degree, 1});
    out.write_at<node>(others, base, {row_others.data(), capacity_});
    out.write_at<float>(weights, base, {row_weights.data(), capacity_});
    out.write_at<std::uint8_t>(kinds, base, {row_kinds.data(), capacity_});
  }
}

void tie_graph::load(archive_reader& in) {
  if (in.read<std::uint16_t>() != capacity_) in.fail("tie capacity differs");
  // Each field's array is copied from the archive into the blocks (no second copy of the graph).
  const auto degrees = in.read_vector_bytes<std::uint16_t>();
  const std::size_t n = degrees.size() / sizeof(std::uint16_t), cells = n * capacity_;
  const auto others = in.read_vector_bytes<node>();
  const auto weights = in.read_vector_bytes<float>();
  const auto kinds = in.read_vector_bytes<std::uint8_t>();
  if (others.size() != cells * sizeof(node) || weights.size() != cells * sizeof(float) ||
      kinds.size() != cells)
    in.fail("tie arrays have wrong lengths");
  if (n > max_nodes) in.fail("more tie rows than a graph holds (2^28)");
  rows_.clear();
  nodes_ = 0;
  periods_ = 0;
  ensure_nodes(n);  // every row up to date: no decays behind
  ties_ = 0;
  for (std::size_t a = 0; a < n; ++a) {
    const auto at = static_cast<node>(a);
    const std::size_t base = a * capacity_;
    std::memcpy(&degree_of(at), degrees.data() + a * sizeof(std::uint16_t), sizeof(std::uint16_t));
    std::memcpy(weights_of(at), weights.data() + base * sizeof(float), capacity_ * sizeof(float));
    if (degree_of(at) > capacity_) in.fail("tie degree above capacity");
    for (std::size_t i = 0; i < capacity_; ++i) {
      node other;
      std::memcpy(&other, others.data() + (base + i) * sizeof(node), sizeof(node));
      const auto kind = static_cast<std::uint8_t>(kinds[base + i]);
      // Slots beyond the degree hold what decays left there (save()): kept as they were, only
      // the ties themselves are checked.
      if (i < degree_of(at)) {
        if (other >= n) in.fail("tie to a node out of range");
        if (kind >= max_kinds) in.fail("tie kind out of range");
        if (!(weights_of(at)[i] >= 0)) in.fail("negative or undefined tie weight");
      }
      words_of(at)[i] = tie_word(other & node_mask, static_cast<std::uint8_t>(kind % max_kinds));
    }
    ties_ += degree_of(at);
  }
  ties_ /= 2;
  // The calendar is counted again at the next decay.
  scheduled_ = false;
  drops_.clear();
  counted_ = 0;
}

}  // namespace liangzhu::engine
