#include "liangzhu/store/csv_writer.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

#include "liangzhu/engine/printable.hpp"

namespace liangzhu::store {

std::string format_number(double value) {
  if (std::isnan(value)) return {};
  // pandas, R and strtod all read these spellings of infinity.
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  char text[32];
  // Without a format, to_chars gives the shortest text that reads back to the same double.
  const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
  return ec == std::errc{} ? std::string(text, end) : std::string{};
}

csv_writer& csv_writer::raw(std::string_view text) {
  if (row_started_) out_.put(',');
  row_started_ = true;
  out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  return *this;
}

namespace {

/// True if a spreadsheet would read `text` as a formula: it starts with = + - @ (or a tab or
/// carriage return before one) and is not simply a number such as -0.5.
bool reads_as_formula(std::string_view text) {
  if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos)
    return false;
  double number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  return ec != std::errc{} || end != text.data() + text.size();
}

}  // namespace

csv_writer& csv_writer::cell(std::string_view text) {
  // Text from users (labels, names) may hold anything: control characters are escaped (line
  // breaks and tabs are kept, quoted), and a cell a spreadsheet would run as a formula starts
  // with a quote, as OWASP advises for CSV injection.
  std::string safe = engine::printable(text, "\n\r\t");
  if (reads_as_formula(safe)) safe.insert(0, 1, '\'');
  if (safe.find_first_of(",\"\r\n") == std::string::npos) return raw(safe);
  std::string quoted = "\"";
  for (const char c : safe) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return raw(quoted + '"');
}

void csv_writer::end_row() {
  out_.put('\n');
  row_started_ = false;
}

}  // namespace liangzhu::store
