#pragma once
/// @file Writing CSV that pandas and R read as is, and that a spreadsheet does not run as
/// formulas; files appear whole through liangzhu/store/atomic_file.hpp. The store's exports and
/// the commands' --csv files all write through it.
#include <concepts>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "liangzhu/store/atomic_file.hpp"

namespace liangzhu::store {

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
  /// An empty cell when there is no value.
  template <std::integral T>
  csv_writer& cell(const std::optional<T>& value) {
    return value ? cell(*value) : raw({});
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

/// Writes one CSV file through `body(csv_writer&)`, whole or not at all (atomic_file).
template <typename Body>
void write_csv(const std::filesystem::path& file, Body&& body) {
  atomic_file out(file);
  csv_writer csv(out.stream());
  body(csv);
  out.commit();
}

}  // namespace liangzhu::store
