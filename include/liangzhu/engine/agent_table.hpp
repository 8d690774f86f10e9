#pragma once
/// @file Data-oriented agent storage: one table per agent kind, a dense column per attribute,
/// and stable ids (slot index + generation) that survive the moves removals cause.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/engine/huge_pages.hpp"

namespace liangzhu::engine {

/// Stable handle to an agent: the slot it occupies and the generation of that slot, so a handle
/// to a removed agent is detected even after its slot is reused.
struct agent_id {
  static constexpr std::uint32_t no_index = 0xFFFFFFFFu;
  std::uint32_t index = no_index;
  std::uint32_t generation = 0;

  bool is_null() const { return index == no_index; }
  std::uint64_t packed() const { return (std::uint64_t{generation} << 32) | index; }
  static agent_id unpack(std::uint64_t v) {
    return {static_cast<std::uint32_t>(v & 0xFFFFFFFFu), static_cast<std::uint32_t>(v >> 32)};
  }
  friend bool operator==(agent_id, agent_id) = default;
  friend auto operator<=>(agent_id a, agent_id b) { return a.packed() <=> b.packed(); }
};

/// Type-erased column, so the table can move rows without knowing attribute types.
class column_base {
 public:
  explicit column_base(std::string name) : name_(std::move(name)) {}
  virtual ~column_base() = default;
  const std::string& name() const { return name_; }
  virtual std::size_t size() const = 0;
  /// Bytes one row of this column takes.
  virtual std::size_t byte_size() const = 0;
  virtual void push_default() = 0;
  /// Moves the last row into row `i` and drops the last row.
  virtual void swap_remove(std::size_t i) = 0;
  virtual void reserve(std::size_t n) = 0;
  /// The value of row `i` as a double, for snapshots (numeric columns only).
  virtual double as_double(std::size_t i) const = 0;
  virtual void save(archive_writer& out) const = 0;
  virtual void load(archive_reader& in) = 0;

 private:
  std::string name_;
};

/// One attribute of every agent of a kind, stored contiguously (row = dense index).
template <class T>
class column final : public column_base {
  static_assert(std::is_trivially_copyable_v<T>, "columns hold plain values");

 public:
  column(std::string name, T initial) : column_base(std::move(name)), initial_(initial) {}
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  std::span<T> values() { return data_; }
  std::span<const T> values() const { return data_; }

  std::size_t size() const override { return data_.size(); }
  std::size_t byte_size() const override { return sizeof(T); }
  void push_default() override { data_.push_back(initial_); }
  void swap_remove(std::size_t i) override {
    data_[i] = data_.back();
    data_.pop_back();
  }
  void reserve(std::size_t n) override { data_.reserve(n); }
  double as_double(std::size_t i) const override {
    if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>)
      return static_cast<double>(data_[i]);
    else
      return 0.0;
  }
  void save(archive_writer& out) const override { out.write_vector(data_); }
  void load(archive_reader& in) override { in.read_vector(data_); }

 private:
  T initial_;
  std::vector<T, huge_page_allocator<T>> data_;  // rows are read at random: see huge_pages.hpp
};

/// The agents of one kind. Rows are dense (iteration is a loop over 0..size()); removal moves the
/// last row into the hole, so dense indices change but ids do not.
class agent_table {
 public:
  explicit agent_table(std::string kind) : kind_(std::move(kind)) {}
  agent_table(const agent_table&) = delete;
  agent_table& operator=(const agent_table&) = delete;

  const std::string& kind() const { return kind_; }

  /// Adds an attribute; every existing and future agent gets `initial`. Returns a reference that
  /// stays valid for the table's lifetime.
  template <class T>
  column<T>& add_column(std::string name, T initial = T{}) {
    auto col = std::make_unique<column<T>>(std::move(name), initial);
    for (std::size_t i = 0; i < size(); ++i) col->push_default();
    auto& ref = *col;
    columns_.push_back(std::move(col));
    return ref;
  }

  std::size_t size() const { return dense_to_id_.size(); }
  bool empty() const { return dense_to_id_.empty(); }
  /// Number of slots ever used (the bound for slot-indexed side arrays such as networks).
  std::size_t slot_count() const { return slots_.size(); }
  void reserve(std::size_t n);

  /// Adds an agent with every attribute at its initial value; returns its id. Its row is size()-1.
  agent_id create();
  /// Removes an agent. @warning invalidates dense indices of the last row (it moves).
  void destroy(agent_id id);

  bool alive(agent_id id) const {
    return id.index < slots_.size() && slots_[id.index] != no_row &&
           dense_to_id_[slots_[id.index]].generation == id.generation;
  }
  /// Dense row of a live agent.
  std::size_t row(agent_id id) const {
    LIANGZHU_ASSERT(alive(id), "row() of a removed agent");
    return slots_[id.index];
  }
  /// Dense row of the live agent in `slot` (one load: for slot-indexed side arrays such as
  /// networks and rosters, which hold slots of live agents only).
  std::size_t row_of_slot(std::uint32_t slot) const {
    LIANGZHU_ASSERT(slot < slots_.size() && slots_[slot] != no_row, "row_of_slot() of a free slot");
    return slots_[slot];
  }
  /// Dense row of the agent in `slot`, or SIZE_MAX if no agent holds it now.
  std::size_t find_row(std::uint32_t slot) const {
    return slot < slots_.size() && slots_[slot] != no_row ? slots_[slot] : SIZE_MAX;
  }
  /// One load from a row-indexed array: loops over sparse rows (job searchers, leavers) key their
  /// random draws by id, and a second, slot-indexed load would be a cache miss each.
  agent_id id_at(std::size_t row) const { return dense_to_id_[row]; }
  /// Id of the agent in `slot`, if alive (null otherwise).
  agent_id id_of_slot(std::uint32_t slot) const;
  /// Starts loading what id_at(row) reads (a hint; nothing changes).
  void prefetch_id(std::size_t row) const { __builtin_prefetch(&dense_to_id_[row]); }

  const std::vector<std::unique_ptr<column_base>>& columns() const { return columns_; }

  void save(archive_writer& out) const;
  void load(archive_reader& in);

 private:
  static constexpr std::uint32_t no_row = 0xFFFFFFFFu;

  std::string kind_;
  std::vector<std::unique_ptr<column_base>> columns_;
  // slot -> dense row (no_row when free), and dense row -> id. The generation lives with the row,
  // where id_at reads it; a free slot's next generation waits in free_slots_. 12 bytes per agent.
  std::vector<std::uint32_t, huge_page_allocator<std::uint32_t>> slots_;
  std::vector<agent_id, huge_page_allocator<agent_id>> dense_to_id_;
  std::vector<agent_id> free_slots_;  ///< free slot and the generation its next agent gets
};

}  // namespace liangzhu::engine
