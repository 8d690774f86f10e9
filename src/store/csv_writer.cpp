#include "store/csv_writer.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

#include "liangzhu/engine/errors.hpp"

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

atomic_file::atomic_file(std::filesystem::path target)
    : target_(std::move(target)), partial_(target_.string() + ".partial") {
  out_.open(partial_, std::ios::binary | std::ios::trunc);  // binary: '\n' stays '\n'
  if (!out_) throw io_error("cannot create '" + partial_.string() + "'");
}

atomic_file::~atomic_file() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  std::filesystem::remove(partial_, ignored);
}

void atomic_file::commit() {
  out_.flush();
  out_.close();
  if (!out_) throw io_error("cannot write '" + partial_.string() + "' (disk full?)");
  std::error_code ec;
  std::filesystem::rename(partial_, target_, ec);
  if (ec) throw io_error("cannot rename '" + partial_.string() + "' to '" + target_.string() +
                         "': " + ec.message());
  committed_ = true;
}

}  // namespace liangzhu::store::detail
