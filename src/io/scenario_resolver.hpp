#pragma once
/// @file Checking a merged TOML tree against the schema and resolving every value (private).
#include <span>
#include <string>

#include <toml++/toml.h>

#include "io/scenario_builder.hpp"

namespace liangzhu::io {

/// Walks the schema over `root`, rejecting unknown keys and bad values and recording every
/// parameter (default or given) in `out`. `files` (merge order) orders instances across files.
void resolve_tree(const toml::table& root, const schema& s, std::span<const std::string> files,
                  detail::scenario_builder& out);

}  // namespace liangzhu::io
