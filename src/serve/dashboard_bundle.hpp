#pragma once
/// @file The dashboard's front end (web/dist/dashboard.js), compiled into the binary by
/// cmake/EmbedWebBundle.cmake so `liangzhu serve` needs no web folder at run time (internal).
#include <string_view>

namespace liangzhu::serve::detail {

/// The bundle's JavaScript, as built by `make web`.
std::string_view dashboard_bundle();

}  // namespace liangzhu::serve::detail
