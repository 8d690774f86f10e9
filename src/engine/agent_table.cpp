#include "liangzhu/engine/agent_table.hpp"

namespace liangzhu::engine {

void agent_table::reserve(std::size_t n) {
  for (auto& c : columns_) c->reserve(n);
  dense_to_slot_.reserve(n);
  slots_.reserve(n);
}

agent_id agent_table::create() {
  std::uint32_t s;
  if (!free_slots_.empty()) {
    // Reuse the most recently freed slot: deterministic, and keeps slot-indexed arrays compact.
    s = free_slots_.back();
    free_slots_.pop_back();
  } else {
    LIANGZHU_ASSERT(slots_.size() < no_row, "agent table full");
    s = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back({});
  }
  slots_[s].dense = static_cast<std::uint32_t>(dense_to_slot_.size());
  dense_to_slot_.push_back(s);
  for (auto& c : columns_) c->push_default();
  return {s, slots_[s].generation};
}

void agent_table::destroy(agent_id id) {
  LIANGZHU_ASSERT(alive(id), "destroy() of an agent that is not alive");
  const std::uint32_t hole = slots_[id.index].dense;
  const std::uint32_t last = static_cast<std::uint32_t>(dense_to_slot_.size() - 1);
  for (auto& c : columns_) c->swap_remove(hole);
  const std::uint32_t moved_slot = dense_to_slot_[last];
  dense_to_slot_[hole] = moved_slot;
  slots_[moved_slot].dense = hole;
  dense_to_slot_.pop_back();
  slots_[id.index].dense = no_row;
  ++slots_[id.index].generation;
  free_slots_.push_back(id.index);
}

agent_id agent_table::id_of_slot(std::uint32_t s) const {
  if (s >= slots_.size() || slots_[s].dense == no_row) return {};
  return {s, slots_[s].generation};
}

void agent_table::save(archive_writer& out) const {
  out.write_string(kind_);
  out.write<std::uint64_t>(columns_.size());
  for (const auto& c : columns_) {
    out.write_string(c->name());
    c->save(out);
  }
  std::vector<std::uint32_t> generations(slots_.size()), dense(slots_.size());
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    generations[i] = slots_[i].generation;
    dense[i] = slots_[i].dense;
  }
  out.write_vector(generations);
  out.write_vector(dense);
  out.write_vector(dense_to_slot_);
  out.write_vector(free_slots_);
}

void agent_table::load(archive_reader& in) {
  in.expect_string(kind_, "agent kind");
  const auto n = in.read<std::uint64_t>();
  if (n != columns_.size()) in.fail("column count of '" + kind_ + "' differs");
  for (auto& c : columns_) {
    in.expect_string(c->name(), "column of " + kind_);
    c->load(in);
  }
  std::vector<std::uint32_t> generations, dense;
  in.read_vector(generations);
  in.read_vector(dense);
  in.read_vector(dense_to_slot_);
  in.read_vector(free_slots_);
  if (generations.size() != dense.size()) in.fail("slot arrays of '" + kind_ + "' differ");
  slots_.resize(generations.size());
  for (std::size_t i = 0; i < slots_.size(); ++i) slots_[i] = {generations[i], dense[i]};
  for (const auto& c : columns_)
    if (c->size() != dense_to_slot_.size())
      in.fail("column '" + c->name() + "' has a wrong length");
  for (std::size_t row = 0; row < dense_to_slot_.size(); ++row)
    if (dense_to_slot_[row] >= slots_.size() || slots_[dense_to_slot_[row]].dense != row)
      in.fail("slot map of '" + kind_ + "' is inconsistent");
}

}  // namespace liangzhu::engine
