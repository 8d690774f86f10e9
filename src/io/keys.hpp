#pragma once
/// @file Dotted TOML keys as the schema and the loader spell them (private to the io layer).
#include <string>
#include <string_view>
#include <utility>

namespace liangzhu::io {

/// True for a non-empty bare TOML key: letters, digits, '_' and '-'.
bool is_bare_key(std::string_view key);
/// True for bare keys joined by dots ("noncompete.max_months").
bool is_dotted_key(std::string_view key);
/// True for a dotted key whose segments may also be "*", though not the last one.
bool is_section_path(std::string_view path);
/// True if one key equals the other or is a table that holds it ("a" and "a.b").
bool keys_clash(std::string_view a, std::string_view b);
/// Splits "a.b.c" into {"a.b", "c"}; a key without a dot gives {"", key}.
std::pair<std::string_view, std::string_view> split_last(std::string_view key);
/// Joins a prefix and a key with a dot, either of which may be empty.
std::string join_key(std::string_view prefix, std::string_view key);

}  // namespace liangzhu::io
