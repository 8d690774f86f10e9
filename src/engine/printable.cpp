#include "liangzhu/engine/printable.hpp"

namespace liangzhu::engine {
namespace {

void append_hex(std::string& out, const char* prefix, unsigned value, int digits) {
  static constexpr char hex[] = "0123456789abcdef";
  out += prefix;
  for (int d = digits - 1; d >= 0; --d) out += hex[(value >> (4 * d)) & 0xfU];
}

}  // namespace

std::string printable(std::string_view text, std::string_view keep) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool kept = keep.find(static_cast<char>(c)) != std::string_view::npos;
    if ((c < 0x20 || c == 0x7f) && !kept) {
      append_hex(out, "\\x", c, 2);
    } else if (c == 0xc2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      // C1 controls (U+0080..U+009F, such as the CSI U+009B) in UTF-8.
      append_hex(out, "\\u", static_cast<unsigned char>(text[++i]), 4);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace liangzhu::engine
