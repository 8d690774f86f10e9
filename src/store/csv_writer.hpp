#pragma once
/// @file Writing CSV that pandas and R read as is, into files that appear whole or not at all
/// (internal).
#include <concepts>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

namespace liangzhu::store::detail {

/// Shortest text that strtod reads back to the same bits; "Inf"/"-Inf"; empty for NaN.
std::string format_number(double value);

/// RFC 4180 rows: fields quoted only when they hold a comma, quote or line break; '\n' ends rows.
class csv_writer {
 public:
  explicit csv_writer(std::ostream& out) : out_(out) {}

  csv_writer& cell(std::string_view text);
  csv_writer& cell(double value) { return raw(format_number(value)); }
  /// An empty cell when there is no value (NULL).
  csv_writer& cell(const std::optional<double>& value) { return value ? cell(*value) : raw({}); }
  template <std::integral T>
  csv_writer& cell(T value) {
    return raw(std::to_string(value));
  }
  /// Writes `cells` as one row.
  template <typename... Cells>
  void row(const Cells&... cells) {
    (cell(cells), ...);
    end_row();
  }
  void end_row();

 private:
  /// Writes a field that needs no quoting, after a separator if it is not the first of its row.
  csv_writer& raw(std::string_view text);

  std::ostream& out_;
  bool row_started_ = false;
};

/// A file written under `<name>.partial` and renamed into place by commit(); removed instead if
/// destroyed uncommitted (an error on the way), so `target` is always whole or absent.
class atomic_file {
 public:
  /// Creates the temporary file or throws io_error naming `target`.
  explicit atomic_file(std::filesystem::path target);
  ~atomic_file();
  atomic_file(const atomic_file&) = delete;
  atomic_file& operator=(const atomic_file&) = delete;

  std::ostream& stream() { return out_; }
  /// Flushes, closes and renames into place; io_error naming the file if any write failed.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path partial_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace liangzhu::store::detail
