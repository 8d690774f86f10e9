#pragma once
/// @file Plain-text tables for the terminal: columns aligned, two spaces apart, and the number
/// formats the reports share.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace liangzhu::cli {

/// Rows of cells printed with aligned columns; numeric columns can be right-aligned.
class text_table {
 public:
  /// `header` may be empty (no header line); `right_aligned[i]` right-aligns column i.
  explicit text_table(std::vector<std::string> header, std::vector<bool> right_aligned = {});

  void add_row(std::vector<std::string> cells);
  bool empty() const { return rows_.empty(); }
  /// The table, one line per row, each ending in '\n', prefixed by `indent`.
  std::string render(const std::string& indent = "") const;

 private:
  std::vector<std::string> header_;
  std::vector<bool> right_aligned_;
  std::vector<std::vector<std::string>> rows_;
};

/// The widest a table printed to a terminal may be; wider ones are printed another way
/// (compare: a table per output; diff: a block per key).
inline constexpr std::size_t terminal_columns = 120;

/// The length of the longest line of `text`.
std::size_t widest_line(std::string_view text);

/// `items` with `separator` between them.
std::string join(std::span<const std::string> items, std::string_view separator = ", ");

/// A count with thousands separators ("12,345"); "-" if missing.
std::string format_count(std::optional<double> value);
/// A share (0..1) as a percentage ("12.3%"); "-" if missing.
std::string format_share(std::optional<double> value);
/// An amount of yuan, scaled ("1.2 bn CNY", "34.5 M CNY", "12,345 CNY"); "-" if missing.
std::string format_cny(std::optional<double> value);

}  // namespace liangzhu::cli
