#pragma once
/// @file Dated policy changes added to a scenario without editing its file: the Python package's
/// `Scenario.policy()` and the dashboard's policy timeline write them as `[[hub.<h>.policy]]`
/// entries of a TOML text that extends the scenario's file, so they are checked, stored and
/// hashed exactly as entries written in a file would be.
#include <filesystem>

#include <span>
#include <string>
#include "liangzhu/io/schema.hpp"

namespace liangzhu::io {

/// One `[[hub.<hub>.policy]]` entry.
struct policy_entry {
  std::string hub;
  std::string date;   ///< YYYY-MM-DD or YYYY-MM, as in a scenario file
  std::string key;    ///< a key of the hub's table ("noncompete.max_months")
  std::string value;  ///< as TOML text ("6", "false", "\"china\"")
};

/// TOML that extends `file` (made absolute), sets each `overrides` "key=value" as a dotted key
/// and adds `policies` to the file's own policy changes (a dated list given again replaces the one
/// it extends, so the file's entries of each hub given one are written again first; `s` reads
/// them); loading it gives the scenario of `file` with those changes. input_error for an entry
/// whose hub, date or value could not be written as TOML, or a file that does not load.
std::string extending_toml(const std::filesystem::path& file, const schema& s,
                           std::span<const std::string> overrides,
                           std::span<const policy_entry> policies);

}  // namespace liangzhu::io
