#include "liangzhu/engine/agent_table.hpp"

namespace liangzhu::engine {

void agent_table::reserve(std::size_t n) {
  for (auto& c : columns_) c->reserve(n);
  dense_to_id_.reserve(n);
  slots_.reserve(n);
}

agent_id agent_table::create() {
  agent_id id;
  if (!free_slots_.empty()) {
    // Reuse the most recently freed slot: deterministic, and keeps slot-indexed arrays compact.
    id = free_slots_.back();
    free_slots_.pop_back();
  } else {
    LIANGZHU_ASSERT(slots_.size() < no_row, "agent table full");
    id = {static_cast<std::uint32_t>(slots_.size()), 0};
    slots_.push_back(no_row);
  }
  slots_[id.index] = static_cast<std::uint32_t>(dense_to_id_.size());
  dense_to_id_.push_back(id);
  for (auto& c : columns_) c->push_default();
  return id;
}

void agent_table::destroy(agent_id id) {
  LIANGZHU_ASSERT(alive(id), "destroy() of an agent that is not alive");
  const std::uint32_t hole = slots_[id.index];
  for (auto& c : columns_) c->swap_remove(hole);
  const agent_id moved = dense_to_id_.back();
  dense_to_id_[hole] = moved;
  slots_[moved.index] = hole;
  dense_to_id_.pop_back();
  slots_[id.index] = no_row;
  free_slots_.push_back({id.index, id.generation + 1});
}

agent_id agent_table::id_of_slot(std::uint32_t s) const {
  if (s >= slots_.size() || slots_[s] == no_row) return {};
  return dense_to_id_[slots_[s]];
}

// The archive keeps the layout of the first slot map (generation and row per slot, the slots by
// row, the free slots), so checkpoints written before the generation moved to the rows still load.
void agent_table::save(archive_writer& out) const {
  out.write_string(kind_);
  out.write<std::uint64_t>(columns_.size());
  for (const auto& c : columns_) {
    out.write_string(c->name());
    c->save(out);
  }
  std::vector<std::uint32_t> generations(slots_.size(), 0), dense_to_slot(dense_to_id_.size()),
      free(free_slots_.size());
  for (std::size_t row = 0; row < dense_to_id_.size(); ++row) {
    dense_to_slot[row] = dense_to_id_[row].index;
    generations[dense_to_id_[row].index] = dense_to_id_[row].generation;
  }
  for (std::size_t k = 0; k < free_slots_.size(); ++k) {
    free[k] = free_slots_[k].index;
    generations[free_slots_[k].index] = free_slots_[k].generation;
  }
  std::vector<std::uint32_t> dense(slots_.begin(), slots_.end());
  out.write_vector(generations);
  out.write_vector(dense);
  out.write_vector(dense_to_slot);
  out.write_vector(free);
}

void agent_table::load(archive_reader& in) {
  in.expect_string(kind_, "agent kind");
  const auto n = in.read<std::uint64_t>();
  if (n != columns_.size()) in.fail("column count of '" + kind_ + "' differs");
  for (auto& c : columns_) {
    in.expect_string(c->name(), "column of " + kind_);
    c->load(in);
  }
  std::vector<std::uint32_t> generations, dense, dense_to_slot, free;
  in.read_vector(generations);
  in.read_vector(dense);
  in.read_vector(dense_to_slot);
  in.read_vector(free);
  if (generations.size() != dense.size()) in.fail("slot arrays of '" + kind_ + "' differ");
  for (const auto& c : columns_)
    if (c->size() != dense_to_slot.size()) in.fail("column '" + c->name() + "' has a wrong length");
  for (std::size_t row = 0; row < dense_to_slot.size(); ++row)
    if (dense_to_slot[row] >= dense.size() || dense[dense_to_slot[row]] != row)
      in.fail("slot map of '" + kind_ + "' is inconsistent");
  std::size_t live = 0;
  for (std::size_t s = 0; s < dense.size(); ++s)
    if (dense[s] != no_row) {
      ++live;
      if (dense[s] >= dense_to_slot.size() || dense_to_slot[dense[s]] != s)
        in.fail("slot map of '" + kind_ + "' is inconsistent");
    }
  if (live != dense_to_slot.size()) in.fail("slot map of '" + kind_ + "' is inconsistent");
  for (const std::uint32_t s : free)
    if (s >= dense.size() || dense[s] != no_row)
      in.fail("free slots of '" + kind_ + "' are inconsistent");
  slots_.assign(dense.begin(), dense.end());
  dense_to_id_.resize(dense_to_slot.size());
  for (std::size_t row = 0; row < dense_to_slot.size(); ++row)
    dense_to_id_[row] = {dense_to_slot[row], generations[dense_to_slot[row]]};
  free_slots_.resize(free.size());
  for (std::size_t k = 0; k < free.size(); ++k) free_slots_[k] = {free[k], generations[free[k]]};
}

}  // namespace liangzhu::engine
