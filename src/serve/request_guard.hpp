#pragma once
// What a request must be before any route sees it, so that no other web page can drive the
// dashboard: a Host this server answers to (DNS rebinding), state changes only as JSON from this
// server's own pages (cross-site forms send text/plain or form encoding without a preflight), and
// the server's token when it listens where others can reach it (internal).
#include <httplib.h>

#include <string>
#include <string_view>

#include "liangzhu/serve/server.hpp"

namespace liangzhu::serve::detail {

/// The cookie that carries the token once the page was opened with /?token=...
inline constexpr std::string_view token_cookie = "liangzhu_token";

/// The host name of a Host header without its port ("127.0.0.1", "::1", "localhost"), lower
/// case; empty if it cannot be read.
std::string host_name(std::string_view header);

/// True if `req` may go on to the routes. Otherwise `res` holds the answer: 421 for a Host the
/// server does not answer to, 403 for a cross-site state change, 415 for a state change that is
/// not JSON, 401 without the token; or a 303 that keeps the token of /?token=... in a cookie.
bool admit(const httplib::Request& req, httplib::Response& res, const server_options& o);

}  // namespace liangzhu::serve::detail
