#include "io/scenario_builder.hpp"

#include "io/keys.hpp"

namespace liangzhu::io::detail {

scenario_builder::scenario_builder(std::filesystem::path path, std::string source_text) {
  result_.path_ = std::move(path);
  result_.source_text_ = std::move(source_text);
}

void scenario_builder::open_table(std::string table, bool array_entry) {
  result_.blocks_.push_back({std::move(table), array_entry, {}});
}

void scenario_builder::append(std::string key, std::string local_key, param_value value,
                              value_origin origin) {
  const std::size_t i = result_.entries_.size();
  result_.index_.emplace(key, i);
  result_.entries_.push_back(
      {std::move(key), std::move(local_key), std::move(value), std::move(origin)});
  result_.blocks_.back().entries.push_back(i);
}

void scenario_builder::add(const param_spec& spec, std::string key, param_value value,
                           value_origin origin) {
  specs_.emplace(key, &spec);
  append(std::move(key), spec.key, std::move(value), std::move(origin));
}

void scenario_builder::set_names(std::string prefix, std::vector<std::string> names) {
  result_.names_.insert_or_assign(std::move(prefix), std::move(names));
}

void scenario_builder::set_dated(const std::string& list_path,
                                 std::vector<scenario::dated_entry> entries) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const scenario::dated_entry& e = entries[i];
    const std::string prefix = list_path + "[" + std::to_string(i) + "]";
    open_table(list_path, true);
    append(join_key(prefix, "date"), "date", e.date, e.origin);
    for (const auto& [key, value] : e.values) append(join_key(prefix, key), key, value, e.origin);
  }
  result_.dated_.insert_or_assign(list_path, std::move(entries));
}

const param_spec* scenario_builder::spec_of(std::string_view key) const {
  const auto it = specs_.find(key);
  return it == specs_.end() ? nullptr : it->second;
}

void scenario_builder::replace(std::string_view key, param_value value, value_origin origin) {
  scenario::entry& e = result_.entries_[result_.index_.find(key)->second];
  e.value = std::move(value);
  e.origin = std::move(origin);
}

std::vector<std::string> scenario_builder::keys() const {
  std::vector<std::string> out;
  for (const scenario::entry& e : result_.entries_)
    if (specs_.contains(e.key)) out.push_back(e.key);
  return out;
}

}  // namespace liangzhu::io::detail
