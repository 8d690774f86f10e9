#include "io/text.hpp"

#include <charconv>
#include <cmath>

namespace liangzhu::io {

std::string number_text(double v) {
  char buf[400];
  // Whole numbers of ordinary size read better in full ("10000000", not "1e+07").
  const bool whole = std::abs(v) < 1e15 && v == std::trunc(v);
  const auto [end, ec] = whole ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed)
                               : std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

std::string quoted_list(const std::vector<std::string>& words, char quote) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ", ";
    out += quote + w + quote;
  }
  return out;
}

}  // namespace liangzhu::io
