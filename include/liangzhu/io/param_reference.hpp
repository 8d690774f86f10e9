#pragma once
/// @file The parameter reference (docs/parameters.md), generated from the schema.
#include <string>
#include <string_view>

#include "liangzhu/io/schema.hpp"

namespace liangzhu::io {

/// Markdown reference of every section and parameter of `s`, in declaration order. The output
/// depends only on the schema, so docs/parameters.md can be checked against it.
std::string render_parameter_reference(const schema& s);

/// Text made safe for one Markdown table cell: '|' escaped (it would end the cell) and line
/// breaks turned into spaces (they would end the row).
std::string markdown_cell(std::string_view text);

}  // namespace liangzhu::io
