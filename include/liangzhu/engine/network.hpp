#pragma once
/// @file A weighted, typed, undirected social graph with a bounded number of ties per node.
///
/// Each node keeps at most `capacity` ties (people keep a bounded number of active working
/// relationships); a new tie to a full node replaces its weakest tie if the new one is stronger.
/// Ties are stored at both ends with the same weight, so a node's ties can be updated without
/// touching other nodes.
///
/// Weights decay by a common factor every period, so a tie's weight is kept as a 16-bit
/// *level*, its logarithm in steps of 1/1024 measured against a graph-wide offset that grows by
/// -ln(factor) at each decay: decay() changes no row, and comparing two ties' weights is
/// comparing their levels. A weight is kept to within 0.05% (half a step) from the moment it is
/// set; weights between about 1e-14 and 1e6 are told apart. The tie count stays exact every
/// period: the ties alive are counted by level, and a decay that raises the drop line takes the
/// levels it passes off the count. A dropped tie stays in its rows until the row is next changed
/// (or read, in a copy), when the row sheds it keeping the order of the rest: shedding then is
/// what shedding at every decay would have left, so reads, changes and checkpoints are those of
/// a graph that dropped every weak tie at once.
///
/// Memory: capacity × 6 bytes + 4 per node, in one block per node (its degree, the levels, then
/// the ties), so that a node's row is one or two cache lines: rows are read and changed at random
/// places in a graph far larger than the caches, where each line is a wait for memory. A tie's
/// kind shares its 32-bit word with the neighbour (4 bits over 28), which bounds a graph to 2^28
/// nodes and 16 kinds.
#include <array>
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

/// A node's ties as they are now (tie_graph::ties_of): a copy, with each tie's neighbour and
/// kind apart, so it stays valid when the graph changes; bind it to a name before iterating (the
/// spans of a temporary are refused).
class tie_row {
 public:
  using node = std::uint32_t;
  /// The most ties a node may keep (the scenario key tie_capacity has the same maximum).
  static constexpr std::size_t max_capacity = 64;

  std::size_t size() const { return size_; }
  std::span<const node> neighbours() const& { return {others_.data(), size_}; }
  std::span<const float> weights() const& { return {weights_.data(), size_}; }
  std::span<const std::uint8_t> kinds() const& { return {kinds_.data(), size_}; }
  std::span<const node> neighbours() const&& = delete;
  std::span<const float> weights() const&& = delete;
  std::span<const std::uint8_t> kinds() const&& = delete;

 private:
  friend class tie_graph;
  std::size_t size_ = 0;
  std::array<node, max_capacity> others_;
  std::array<float, max_capacity> weights_;
  std::array<std::uint8_t, max_capacity> kinds_;
};

class tie_graph {
 public:
  using node = std::uint32_t;
  /// Bits of a tie's word that hold the neighbour; the kind has the rest.
  static constexpr unsigned node_bits = 28;
  /// The most nodes a graph may have, and the most kinds of tie (0 to max_kinds - 1).
  static constexpr std::size_t max_nodes = std::size_t{1} << node_bits;
  static constexpr unsigned max_kinds = 1u << (32 - node_bits);
  /// The strongest weight a tie may be given.
  static constexpr float max_weight = 1e6f;

  explicit tie_graph(std::uint16_t capacity = 12);

  std::uint16_t capacity() const { return capacity_; }
  std::size_t node_count() const { return nodes_; }
  /// Bytes each node takes (its block).
  std::size_t bytes_per_node() const { return stride_; }
  /// Grows the graph to at least `n` nodes (new nodes have no ties); n ≤ max_nodes.
  void ensure_nodes(std::size_t n);
  /// Makes room for `n` nodes without growing the graph, so that growing to `n` later copies
  /// nothing.
  void reserve_nodes(std::size_t n);

  /// Creates a tie or, if it exists, raises its weight to max(old, weight) and sets its kind
  /// (below max_kinds); weight ≤ max_weight. Returns false if no tie is there afterwards: neither
  /// end could make room (both ends full of stronger ties), or a new tie would be weaker than
  /// the last decay's threshold (it would be dropped at once).
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
  bool has_tie(node a, node b) const;
  /// The tie's weight now, 0 if there is none.
  float weight(node a, node b) const;
  void remove_tie(node a, node b);
  /// Removes every tie of `a` (when the agent behind it leaves the model).
  void clear_node(node a);

  /// Asks the processor to start loading a's row, for a loop that will soon change it at a
  /// random place in a graph larger than the caches (a hint; nothing changes).
  void prefetch(node a) const;
  /// prefetch() for each neighbour of a (whose row should be prefetched some time before).
  void prefetch_neighbours(node a) const;

  /// a's ties now (those dropped by decays left out); reading never changes the graph, so any
  /// number of threads may read at once while none changes it.
  tie_row ties_of(node a) const;
  /// ties_of() for code that may change the graph (one thread): a's row sheds its dropped ties
  /// in the graph, once, instead of in the copy at each read.
  tie_row settled_ties_of(node a) {
    settle(a);
    return ties_of(a);
  }
  /// a's number of ties now (ties_of(a).size(), without the copy).
  std::uint16_t degree(node a) const;

  /// Multiplies every weight by `factor` (in (0, 1]) and drops ties that fall below `threshold`
  /// (lazily: see the file comment). A threshold lower than the last one's first makes every
  /// row shed the ties it dropped, in parallel on `ex`, so that none comes back.
  void decay(float factor, float threshold, const executor& ex);

  /// Makes every stored row shed its dropped ties, in parallel on `ex`, so that ties_of() need
  /// not leave them out of its copy.
  void settle_all(const executor& ex);

  std::size_t tie_count() const;
  /// Connected components over nodes [0, nodes) (isolated nodes count as components).
  component_stats components(std::size_t nodes) const;

  void save(archive_writer& out) const;
  void load(archive_reader& in);

 private:
  /// A tie's weight as its logarithm in steps above the graph's floor (file comment).
  using level = std::uint16_t;
  static constexpr std::size_t levels = std::size_t{1} << 16;

  level level_of(float weight) const;
  float weight_at(level l) const;
  /// The least level a tie keeps under a drop weight of `threshold` (levels below have dropped).
  std::uint32_t drop_line(float threshold) const;
  /// Moves the floor up by whole steps (every level down as much) once the offset has grown
  /// large, so that new ties' levels keep room above.
  void lower_levels(const executor& ex);

  int find(node a, node b) const;
  void remove_at(node a, int slot);
  /// Index of a's weakest tie, or -1 if a has a free slot.
  int weakest(node a) const;
  bool make_room(node a, level l);
  void append(node a, node b, std::uint8_t kind, level l);
  /// Counts (or uncounts) a tie alive at level l.
  void count_tie(level l, int change);
  /// Sheds a's dropped ties from its stored row, keeping the others in their order.
  void settle(node a);

  // A node's block: its degree (16 bits), `capacity_` levels, then (from a 4-byte boundary)
  // `capacity_` ties, each a neighbour and its kind in one word (tie_word).
  std::byte* block(node a) { return rows_.data() + std::size_t{a} * stride_; }
  const std::byte* block(node a) const { return rows_.data() + std::size_t{a} * stride_; }
  std::uint16_t& degree_of(node a) { return *reinterpret_cast<std::uint16_t*>(block(a)); }
  std::uint16_t degree_of(node a) const {
    return *reinterpret_cast<const std::uint16_t*>(block(a));
  }
  level* levels_of(node a) { return reinterpret_cast<level*>(block(a) + sizeof(std::uint16_t)); }
  const level* levels_of(node a) const {
    return reinterpret_cast<const level*>(block(a) + sizeof(std::uint16_t));
  }
  std::uint32_t* words_of(node a) {
    return reinterpret_cast<std::uint32_t*>(block(a) + words_offset_);
  }
  const std::uint32_t* words_of(node a) const {
    return reinterpret_cast<const std::uint32_t*>(block(a) + words_offset_);
  }
  static constexpr std::uint32_t node_mask = (std::uint32_t{1} << node_bits) - 1;
  static node neighbour_in(std::uint32_t word) { return word & node_mask; }
  static std::uint8_t kind_in(std::uint32_t word) {
    return static_cast<std::uint8_t>(word >> node_bits);
  }
  static std::uint32_t tie_word(node b, std::uint8_t kind) {
    return b | (std::uint32_t{kind} << node_bits);
  }

  std::uint16_t capacity_;
  std::size_t words_offset_;
  /// Bytes per node (a multiple of 4, so that every block's fields are aligned).
  std::size_t stride_;
  std::size_t nodes_ = 0;
  std::vector<std::byte, huge_page_allocator<std::byte>> rows_;

  /// What the decays since the floor last moved took off every tie's log-weight.
  double offset_ = 0;
  /// Levels below this have dropped (0 to `levels`).
  std::uint32_t drop_line_ = 0;
  /// alive_[l]: ties alive at level l (each tie once).
  std::vector<std::uint64_t> alive_;
  std::size_t ties_ = 0;
};

}  // namespace liangzhu::engine
