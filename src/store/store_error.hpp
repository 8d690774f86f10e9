#pragma once
/// @file The one shape of every store error message: "run store '<file>': <why>" (internal).
#include <filesystem>
#include <string>
#include <string_view>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::store::detail {

/// An io_error about the store `file`, naming it first so the user knows which file is meant.
inline io_error store_error(const std::filesystem::path& file, std::string_view why) {
  // Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) on "literal" + std::string&&.
  std::string message = "run store '";
  message += file.string();
  message += "': ";
  message += why;
  return io_error(message);
}

}  // namespace liangzhu::store::detail
