#pragma once
/// @file `--set key=value` overrides (private to the io layer).
#include <span>
#include <string>

#include "io/scenario_builder.hpp"

namespace liangzhu::io {

/// Applies each "key=value" in order, with the same checks as values in files; errors (and the
/// values' origins) name the file `origin` ("--set", or "--posterior" for a posterior draw's) and
/// the key.
void apply_overrides(std::span<const std::string> overrides, detail::scenario_builder& out,
                     const std::string& origin = "--set");

}  // namespace liangzhu::io
