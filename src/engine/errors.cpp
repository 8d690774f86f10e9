#include "liangzhu/engine/errors.hpp"

#include <cstdio>
#include <cstdlib>

namespace liangzhu {
namespace {

std::string locate(const std::string& message, const std::string& file, int line, int column,
                   const std::string& key) {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ':';
      out += std::to_string(line);
      if (column > 0) {
        out += ':';
        out += std::to_string(column);
      }
    }
    out += ": ";
  }
  if (!key.empty()) {
    out += '\'';
    out += key;
    out += "': ";
  }
  return out + message;
}

}  // namespace

input_error::input_error(std::string message, std::string file, int line, int column,
                         std::string key)
    : error(locate(message, file, line, column, key)),
      message_(std::move(message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      key_(std::move(key)) {}

namespace detail {
void assertion_failed(const char* condition, const char* message, const char* file, int line) {
  std::fprintf(stderr, "liangzhu: internal error at %s:%d: %s (%s)\n", file, line, message,
               condition);
  std::abort();
}
}  // namespace detail
}  // namespace liangzhu
