#pragma once
/// @file Where the shipped scenarios live, and how a SCENARIO argument (a path or the name of a
/// shipped scenario, "baseline") becomes a file.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace liangzhu::cli {

/// The folders that may hold the shipped scenarios, in the order they are tried: only
/// $LIANGZHU_SCENARIO_DIR if it is set; else, for the executable's folder and up to three folders
/// above it, <folder>/scenarios (a build tree: build/<preset>/src/liangzhu) and
/// <folder>/share/liangzhu/scenarios (an install: bin/liangzhu); last ./scenarios.
std::vector<std::filesystem::path> scenario_dir_candidates();

/// The first candidate that is a folder, or nullopt.
std::optional<std::filesystem::path> find_scenario_dir();

/// The *.toml files directly inside `dir`, sorted by name.
std::vector<std::filesystem::path> shipped_scenarios(const std::filesystem::path& dir);

/// The file a SCENARIO argument names: the argument itself if it looks like a path (has a '/',
/// ends in ".toml" or exists), else <scenario dir>/<argument>.toml. Throws input_error naming the
/// shipped scenarios if neither exists.
std::filesystem::path resolve_scenario(const std::string& argument);

/// What a scenario file describes: its first comment line (the shipped ones start with one), else
/// its `name` key, else why it does not load.
std::string describe_scenario(const std::filesystem::path& file);

}  // namespace liangzhu::cli
