#include "store/csv_writer.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace liangzhu::store::detail {

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

csv_writer& csv_writer::cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return raw(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return raw(quoted + '"');
}

void csv_writer::end_row() {
  out_.put('\n');
  row_started_ = false;
}

}  // namespace liangzhu::store::detail
