#include "liangzhu/cli/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "liangzhu/cli/progress_bar.hpp"
#include "liangzhu/engine/printable.hpp"

namespace liangzhu::cli {
namespace {

/// Display width of UTF-8 text: code points, not bytes (scenario names may be Chinese; wide
/// characters are rare enough in our tables not to matter).
std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool usable(const std::optional<double>& value) { return value && std::isfinite(*value); }

}  // namespace

text_table::text_table(std::vector<std::string> header, std::vector<bool> right_aligned)
    : header_(std::move(header)), right_aligned_(std::move(right_aligned)) {}

void text_table::add_row(std::vector<std::string> cells) {
  // A label or name may hold control characters that would move the cursor or rewrite the
  // screen: printed escaped.
  for (auto& cell : cells) cell = engine::printable(cell);
  rows_.push_back(std::move(cells));
}

std::string text_table::render(const std::string& indent) const {
  std::vector<const std::vector<std::string>*> lines;
  if (!header_.empty()) lines.push_back(&header_);
  for (const auto& row : rows_) lines.push_back(&row);
  std::vector<std::size_t> widths;
  for (const auto* line : lines) {
    widths.resize(std::max(widths.size(), line->size()), 0);
    for (std::size_t i = 0; i < line->size(); ++i)
      widths[i] = std::max(widths[i], display_width((*line)[i]));
  }
  std::string out;
  for (const auto* line : lines) {
    std::string text = indent;
    for (std::size_t i = 0; i < line->size(); ++i) {
      const std::string& cell = (*line)[i];
      const std::string pad(widths[i] - display_width(cell), ' ');
      if (i > 0) text += "  ";
      const bool right = i < right_aligned_.size() && right_aligned_[i];
      text += right ? pad + cell : cell + pad;
    }
    text.erase(text.find_last_not_of(' ') + 1);
    out += text;
    out += '\n';
  }
  return out;
}

std::size_t widest_line(std::string_view text) {
  std::size_t widest = 0, line = 0;
  for (const char c : text) {
    line = c == '\n' ? 0 : line + 1;
    widest = std::max(widest, line);
  }
  return widest;
}

std::string join(std::span<const std::string> items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string format_count(std::optional<double> value) {
  return usable(value) ? group_thousands(std::llround(*value)) : "-";
}

std::string format_share(std::optional<double> value) {
  return usable(value) ? fmt::format("{:.1f}%", *value * 100.0) : "-";
}

std::string format_cny(std::optional<double> value) {
  if (!usable(value)) return "-";
  const double v = *value;
  if (std::abs(v) >= 1e9) return fmt::format("{:.1f} bn CNY", v / 1e9);
  if (std::abs(v) >= 1e6) return fmt::format("{:.1f} M CNY", v / 1e6);
  return fmt::format("{} CNY", group_thousands(std::llround(v)));
}

}  // namespace liangzhu::cli
