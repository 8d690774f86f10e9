#include "io/keys.hpp"

#include <algorithm>

namespace liangzhu::io {
namespace {

/// Calls `ok` on every dot-separated segment; false as soon as one fails.
template <typename Predicate>
bool all_segments(std::string_view key, Predicate ok) {
  for (;;) {
    const std::size_t dot = key.find('.');
    if (!ok(key.substr(0, dot), dot == std::string_view::npos)) return false;
    if (dot == std::string_view::npos) return true;
    key.remove_prefix(dot + 1);
  }
}

bool is_prefix_of(std::string_view prefix, std::string_view key) {
  return key.size() > prefix.size() && key.starts_with(prefix) && key[prefix.size()] == '.';
}

}  // namespace

bool is_bare_key(std::string_view key) {
  return !key.empty() && std::ranges::all_of(key, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

bool is_dotted_key(std::string_view key) {
  return all_segments(key, [](std::string_view segment, bool) { return is_bare_key(segment); });
}

bool is_section_path(std::string_view path) {
  return all_segments(path, [](std::string_view segment, bool last) {
    return is_bare_key(segment) || (segment == "*" && !last);
  });
}

bool keys_clash(std::string_view a, std::string_view b) {
  return a == b || is_prefix_of(a, b) || is_prefix_of(b, a);
}

std::pair<std::string_view, std::string_view> split_last(std::string_view key) {
  const std::size_t dot = key.rfind('.');
  if (dot == std::string_view::npos) return {std::string_view{}, key};
  return {key.substr(0, dot), key.substr(dot + 1)};
}

std::string join_key(std::string_view prefix, std::string_view key) {
  if (prefix.empty()) return std::string(key);
  if (key.empty()) return std::string(prefix);
  return std::string(prefix) + "." + std::string(key);
}

}  // namespace liangzhu::io
