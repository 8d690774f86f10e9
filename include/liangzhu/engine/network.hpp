#pragma once
/// @file A weighted, typed, undirected social graph with a bounded number of ties per node.
///
/// Each node keeps at most `capacity` ties (people keep a bounded number of active working
/// relationships); a new tie to a full node replaces its weakest tie if the new one is stronger.
/// Ties are stored at both ends with the same weight, so decay can run per node in parallel
/// without touching other nodes. Memory: capacity × 9 bytes + 2 bytes per node.
#include <cstdint>
#include <span>
#include <vector>

#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/huge_pages.hpp"

namespace liangzhu::engine {

class executor;

/// Summary of the connected components.
struct component_stats {
  std::size_t components = 0;  ///< counting isolated nodes among `nodes`
  std::size_t largest = 0;
};

class tie_graph {
 public:
  using node = std::uint32_t;

  explicit tie_graph(std::uint16_t capacity = 12);

  std::uint16_t capacity() const { return capacity_; }
  std::size_t node_count() const { return degree_.size(); }
  /// Grows the graph to at least `n` nodes (new nodes have no ties).
  void ensure_nodes(std::size_t n);
  /// Makes room for `n` nodes without growing the graph, so that growing to `n` later copies
  /// nothing.
  void reserve_nodes(std::size_t n);

  /// Creates a tie or, if it exists, raises its weight to max(old, weight) and sets its kind.
  /// Returns false if neither end could make room (both ends full of stronger ties).
  bool add_tie(node a, node b, std::uint8_t kind, float weight);
  /// A tie to add with add_ties().
  struct new_tie {
    node a = 0, b = 0;
    std::uint8_t kind = 0;
    float weight = 0;
  };
  /// add_tie() for each of `ties` in order (same result), faster for long lists: it fetches the
  /// rows of the ties a few places ahead from memory while adding the current one.
  void add_ties(std::span<const new_tie> ties);
  bool has_tie(node a, node b) const { return find(a, b) >= 0; }
  float weight(node a, node b) const;
  void remove_tie(node a, node b);
  /// Removes every tie of `a` (when the agent behind it leaves the model).
  void clear_node(node a);

  /// Asks the processor to start loading a's row, for a loop that will soon change it at a
  /// random place in a graph larger than the caches (a hint; nothing changes).
  void prefetch(node a) const;
  /// prefetch() for each neighbour of a (whose row should be prefetched some time before).
  void prefetch_neighbours(node a) const;

  std::uint16_t degree(node a) const { return degree_[a]; }
  std::span<const node> neighbours(node a) const {
    return {others_.data() + std::size_t{a} * capacity_, degree_[a]};
  }
  std::span<const float> weights(node a) const {
    return {weights_.data() + std::size_t{a} * capacity_, degree_[a]};
  }
  std::span<const std::uint8_t> kinds(node a) const {
    return {kinds_.data() + std::size_t{a} * capacity_, degree_[a]};
  }

  /// Multiplies every weight by `factor` and drops ties that fall below `threshold`.
  void decay(float factor, float threshold, const executor& ex);

  std::size_t tie_count() const;
  /// Connected components over nodes [0, nodes) (isolated nodes count as components).
  component_stats components(std::size_t nodes) const;

  void save(archive_writer& out) const;
  void load(archive_reader& in);

 private:
  int find(node a, node b) const;
  void remove_at(node a, int slot);
  void decay_node(node a, float factor, float threshold);
  /// Index of a's weakest tie, or -1 if a has a free slot.
  int weakest(node a) const;
  bool make_room(node a, float weight);

  void append(node a, node b, std::uint8_t kind, float weight);

  template <class T>
  using array = std::vector<T, huge_page_allocator<T>>;

  std::uint16_t capacity_;
  array<std::uint16_t> degree_;
  array<node> others_;
  array<float> weights_;
  array<std::uint8_t> kinds_;
};

}  // namespace liangzhu::engine
