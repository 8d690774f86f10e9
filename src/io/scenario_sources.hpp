#pragma once
/// @file Reading a scenario file and its `extends` chain into one merged TOML tree (private).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

namespace liangzhu::io {

/// The merged tree of a scenario and of every file it extends.
struct merged_sources {
  toml::table root;
  /// Source names in merge order (extended files first); a name may appear twice.
  std::vector<std::string> files;
  /// The text of the file given (not of the files it extends).
  std::string text;
};

/// Reads `file` and what it extends; throws input_error for missing, unreadable or malformed
/// files, bad `extends` values and cycles.
merged_sources read_sources(const std::filesystem::path& file);
/// The same for in-memory text; its `extends` paths are relative to the working directory.
merged_sources read_sources(std::string text, std::string_view source_name);

}  // namespace liangzhu::io
