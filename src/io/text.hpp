#pragma once
/// @file Small text helpers shared by messages, TOML output and the reference (private).
#include <string>
#include <vector>

namespace liangzhu::io {

/// Shortest text that reads back to the same double, without forcing a decimal point; whole
/// numbers below 1e15 in full ("24", "10000000").
std::string number_text(double v);
/// 'a', 'b', 'c' (or with another quote character, e.g. '`' for Markdown).
std::string quoted_list(const std::vector<std::string>& words, char quote = '\'');

}  // namespace liangzhu::io
