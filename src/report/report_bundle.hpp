#pragma once
/// @file The report's front end (web/dist/report.js), compiled into the binary by
/// cmake/EmbedWebBundle.cmake so reports need no web folder at run time (internal).
#include <string_view>

namespace liangzhu::report::detail {

/// The bundle's JavaScript, as built by `make web`.
std::string_view report_bundle();

}  // namespace liangzhu::report::detail
