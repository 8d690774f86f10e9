#include "liangzhu/io/scenario.hpp"

#include <cstdio>
#include <stdexcept>

namespace liangzhu::io {
namespace {

std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string header_of(const std::string& table, bool array_entry) {
  return array_entry ? "[[" + table + "]]" : "[" + table + "]";
}

}  // namespace

const scenario::entry& scenario::at(std::string_view key) const {
  const auto it = index_.find(key);
  if (it == index_.end()) throw std::out_of_range("scenario has no key '" + std::string(key) + "'");
  return entries_[it->second];
}

template <typename T>
const T& scenario::get(std::string_view key, const char* wanted) const {
  const T* v = std::get_if<T>(&at(key).value);
  if (!v) throw std::invalid_argument("scenario key '" + std::string(key) + "' is not " + wanted);
  return *v;
}

std::int64_t scenario::integer(std::string_view key) const {
  return get<std::int64_t>(key, "an integer");
}
double scenario::real(std::string_view key) const { return get<double>(key, "a real"); }
bool scenario::boolean(std::string_view key) const { return get<bool>(key, "a boolean"); }
const std::string& scenario::string(std::string_view key) const {
  return get<std::string>(key, "a string");
}
engine::date scenario::date(std::string_view key) const { return get<engine::date>(key, "a date"); }
const param_value& scenario::value(std::string_view key) const { return at(key).value; }
const value_origin& scenario::origin(std::string_view key) const { return at(key).origin; }

std::vector<std::string> scenario::names(std::string_view named_section_prefix) const {
  const auto it = names_.find(named_section_prefix);
  if (it == names_.end())
    throw std::out_of_range("scenario has no named section '" + std::string(named_section_prefix) +
                            "'");
  return it->second;
}

std::vector<scenario::dated_entry> scenario::dated(std::string_view list_path) const {
  const auto it = dated_.find(list_path);
  if (it == dated_.end())
    throw std::out_of_range("scenario has no dated list '" + std::string(list_path) + "'");
  return it->second;
}

std::vector<std::pair<std::string, param_value>> scenario::flattened() const {
  std::vector<std::pair<std::string, param_value>> out;
  out.reserve(entries_.size());
  for (const entry& e : entries_) out.emplace_back(e.key, e.value);
  return out;
}

std::string scenario::canonical_toml() const {
  std::string out;
  for (const block& b : blocks_) {
    if (!b.table.empty()) {
      if (!out.empty()) out += '\n';
      out += header_of(b.table, b.array_entry);
      out += '\n';
    }
    for (const std::size_t i : b.entries)
      out += entries_[i].local_key + " = " + format_value(entries_[i].value) + "\n";
  }
  return out;
}

std::string scenario::hash() const {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(fnv1a64(canonical_toml())));
  return buf;
}

}  // namespace liangzhu::io
