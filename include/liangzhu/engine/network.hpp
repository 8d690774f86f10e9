#pragma once
/// @file A weighted, typed, undirected social graph with a bounded number of ties per node.
///
/// Each node keeps at most `capacity` ties (people keep a bounded number of active working
/// relationships); a new tie to a full node replaces its weakest tie if the new one is stronger.
/// Ties are stored at both ends with the same weight, so a node's ties can be updated without
/// touching other nodes.
///
/// Decay is lazy: decay() only counts the period, and a node's row is brought up to date (its
/// weights multiplied once per period passed, ties below the threshold dropped, exactly as a pass
/// over every row at every decay would) when it is next changed; reading it (ties_of) computes
/// the same up-to-date row without storing it. The tie count stays exact every period because
/// the period at which each tie will drop is known in advance (decay_steps) and kept in a
/// calendar. Memory: capacity × 8 bytes + 4 bytes per node, in one block per node (its degree,
/// its count of decays, then its ties, then their weights), so that a node's row is two cache
/// lines: rows are read and changed at random places in a graph far larger than the caches,
/// where each line is a wait for memory (separate arrays per field took five to seven). A tie's
/// kind shares its 32-bit word with the neighbour (4 bits over 28), which bounds a graph to
/// 2^28 nodes and 16 kinds: a separate byte per kind was 12 of the 112 bytes a node took.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/decay_steps.hpp"
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

  explicit tie_graph(std::uint16_t capacity = 12);

  std::uint16_t capacity() const { return capacity_; }
  std::size_t node_count() const { return nodes_; }
  /// Grows the graph to at least `n` nodes (new nodes have no ties); n ≤ max_nodes.
  void ensure_nodes(std::size_t n);
  /// Makes room for `n` nodes without growing the graph, so that growing to `n` later copies
  /// nothing.
  void reserve_nodes(std::size_t n);

  /// Creates a tie or, if it exists, raises its weight to max(old, weight) and sets its kind
  /// (below max_kinds).
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

  /// a's ties now (decayed to the last decay()); reading never changes the graph, so any
  /// number of threads may read at once while none changes it.
  tie_row ties_of(node a) const;
  /// ties_of() for code that may change the graph (one thread): a's row is brought up to date
  /// in the graph, once, instead of in the copy at each read.
  tie_row settled_ties_of(node a) {
    settle(a);
    return ties_of(a);
  }
  std::uint16_t degree(node a) const { return static_cast<std::uint16_t>(ties_of(a).size()); }

  /// Multiplies every weight by `factor` and drops ties that fall below `threshold` (lazily: see
  /// the file comment). A factor or threshold other than the last one's brings every row up to
  /// date first, in parallel on `ex`, as does the first decay after building or loading.
  void decay(float factor, float threshold, const executor& ex);

  /// Brings every stored row up to date, in parallel on `ex` (as a pass over every row at every
  /// decay would have left it), so that ties_of() need not decay its copy.
  void settle_all(const executor& ex);

  std::size_t tie_count() const;
  /// Connected components over nodes [0, nodes) (isolated nodes count as components).
  component_stats components(std::size_t nodes) const;

  void save(archive_writer& out) const;
  void load(archive_reader& in);

 private:
  int find(node a, node b) const;
  void remove_at(node a, int slot);
  /// Index of a's weakest tie, or -1 if a has a free slot.
  int weakest(node a) const;
  bool make_room(node a, float weight);
  void append(node a, node b, std::uint8_t kind, float weight);

  /// Decays behind the last decay() that a's stored row is.
  std::uint32_t behind(node a) const {
    return static_cast<std::uint32_t>(periods_ - settled_of(a));
  }
  /// Brings a's stored row up to date.
  void settle(node a);
  /// Settles every row and recounts, in the calendar, when each tie will drop under `steps`.
  void reschedule(decay_steps steps, const executor& ex);
  /// Books (or unbooks) in the calendar the drop of a tie of weight w (settled to now).
  void book_drop(float w, int change);

  // A node's block: its degree and the count of the `periods_` decays its stored row has had
  // (two 16-bit words), then `capacity_` ties (a neighbour and its kind in each word: tie_word)
  // and `capacity_` weights.
  std::byte* block(node a) { return rows_.data() + std::size_t{a} * stride_; }
  const std::byte* block(node a) const { return rows_.data() + std::size_t{a} * stride_; }
  std::uint16_t& degree_of(node a) { return reinterpret_cast<std::uint16_t*>(block(a))[0]; }
  std::uint16_t degree_of(node a) const {
    return reinterpret_cast<const std::uint16_t*>(block(a))[0];
  }
  std::uint16_t& settled_of(node a) { return reinterpret_cast<std::uint16_t*>(block(a))[1]; }
  std::uint16_t settled_of(node a) const {
    return reinterpret_cast<const std::uint16_t*>(block(a))[1];
  }
  std::uint32_t* words_of(node a) {
    return reinterpret_cast<std::uint32_t*>(block(a) + header_bytes);
  }
  const std::uint32_t* words_of(node a) const {
    return reinterpret_cast<const std::uint32_t*>(block(a) + header_bytes);
  }
  float* weights_of(node a) { return reinterpret_cast<float*>(block(a) + weights_offset()); }
  const float* weights_of(node a) const {
    return reinterpret_cast<const float*>(block(a) + weights_offset());
  }
  static constexpr std::uint32_t node_mask = (std::uint32_t{1} << node_bits) - 1;
  static node neighbour_in(std::uint32_t word) { return word & node_mask; }
  static std::uint8_t kind_in(std::uint32_t word) {
    return static_cast<std::uint8_t>(word >> node_bits);
  }
  static std::uint32_t tie_word(node b, std::uint8_t kind) {
    return b | (std::uint32_t{kind} << node_bits);
  }
  static constexpr std::size_t header_bytes = 2 * sizeof(std::uint16_t);
  std::size_t weights_offset() const { return header_bytes + capacity_ * sizeof(std::uint32_t); }

  std::uint16_t capacity_;
  /// Bytes per node (a multiple of 4, so that every block's fields are aligned).
  std::size_t stride_;
  std::size_t nodes_ = 0;
  std::vector<std::byte, huge_page_allocator<std::byte>> rows_;

  /// Decays since every row was last settled (which happens before the count would overflow
  /// settled_'s 16 bits, and when the schedule changes).
  std::uint32_t periods_ = 0;
  /// The schedule of the decays so far; `scheduled_` once the calendar counts by it.
  decay_steps steps_;
  bool scheduled_ = false;
  /// drops_[k]: ties that drop at the k-th decay after the calendar was counted; `counted_`
  /// decays have happened since.
  std::vector<std::uint64_t> drops_;
  std::uint64_t counted_ = 0;
  std::size_t ties_ = 0;
};

}  // namespace liangzhu::engine
