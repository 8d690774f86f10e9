#pragma once
/// @file Turning toml++ nodes into checked parameter values, and reporting where they are
/// (private to the io layer).
#include <string>

#include <toml++/toml.h>

#include "liangzhu/io/scenario.hpp"

namespace liangzhu::io {

/// The file, line and column where a region starts.
value_origin origin_of(const toml::source_region& region);
/// Throws input_error with the location of `where`.
[[noreturn]] void fail(std::string message, const value_origin& where, std::string key);
/// "a string", "an integer", "a table"...: the kind of a node, for messages.
std::string describe(const toml::node& node);
/// Converts `node` to a value of `spec`, enforcing type, bounds and choices; errors name `key`
/// and `where`.
param_value convert(const toml::node& node, const param_spec& spec, const std::string& key,
                    const value_origin& where);

}  // namespace liangzhu::io
