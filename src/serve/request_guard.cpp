#include "serve/request_guard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <random>

#include "serve/http_error.hpp"
#include "serve/server_context.hpp"

namespace liangzhu::serve::detail {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// Compares in a time that does not depend on where the texts first differ.
bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

/// The value of cookie `name` in a Cookie header; empty if absent.
std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t end = std::min(header.find(';'), header.size());
    std::string_view pair = header.substr(0, end);
    header.remove_prefix(std::min(end + 1, header.size()));
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name)
      return std::string(pair.substr(eq + 1));
  }
  return {};
}

bool has_token(const httplib::Request& req, const std::string& token) {
  const std::string bearer = req.get_header_value("Authorization");
  constexpr std::string_view scheme = "Bearer ";
  if (bearer.size() > scheme.size() && bearer.compare(0, scheme.size(), scheme) == 0 &&
      same_secret(std::string_view(bearer).substr(scheme.size()), token))
    return true;
  return same_secret(cookie_value(req.get_header_value("Cookie"), token_cookie), token);
}

bool host_answered(std::string_view name, const server_options& o) {
  static constexpr std::array<std::string_view, 3> loopback_names{"localhost", "127.0.0.1", "::1"};
  if (std::find(loopback_names.begin(), loopback_names.end(), name) != loopback_names.end())
    return true;
  return name == lower(o.host);
}

bool refuse(httplib::Response& res, int status, const std::string& message) {
  send_error(res, http_error(status, message));
  return false;
}

}  // namespace

std::string host_name(std::string_view header) {
  if (header.starts_with('[')) {
    const std::size_t close = header.find(']');
    return close == std::string_view::npos ? std::string() : lower(header.substr(1, close - 1));
  }
  return lower(header.substr(0, std::min(header.find(':'), header.size())));
}

bool admit(const httplib::Request& req, httplib::Response& res, const server_options& o) {
  const std::string host = req.get_header_value("Host");
  if (host.empty()) return refuse(res, 400, "the request has no Host header");
  // With a token, the token decides: others may reach the server by any of its names.
  if (o.token.empty() && !host_answered(host_name(host), o))
    return refuse(res, 421,
                  fmt::format("this server answers to {} and the loopback names only, not to "
                              "'{}'",
                              o.host, host));
  if (req.method == "POST") {
    const std::string origin = req.get_header_value("Origin");
    if (!origin.empty() && origin != "http://" + host)
      return refuse(res, 403,
                    fmt::format("a page of {} may not change this server's state", origin));
    if (lower(req.get_header_value("Sec-Fetch-Site")) == "cross-site")
      return refuse(res, 403, "another site's page may not change this server's state");
    const std::string type = req.get_header_value("Content-Type");
    const std::string media = lower(type.substr(0, std::min(type.find(';'), type.size())));
    if (media != "application/json")
      return refuse(res, 415,
                    fmt::format("a request that changes the server's state must be "
                                "application/json, not '{}'",
                                type));
  }
  if (o.token.empty() || has_token(req, o.token)) return true;
  if (req.method == "GET" && req.has_param("token") &&
      same_secret(req.get_param_value("token"), o.token)) {
    // The page keeps the token in a cookie its own requests carry, and no other site's do.
    res.set_header("Set-Cookie",
                   fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict", token_cookie, o.token));
    res.set_redirect(req.path, 303);
    return false;
  }
  return refuse(res, 401,
                "this server needs its token: open the address it printed when it started "
                "(ending in /?token=...), or send 'Authorization: Bearer <token>'");
}

}  // namespace liangzhu::serve::detail

namespace liangzhu::serve {

bool is_loopback_host(std::string_view host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

std::string new_token() {
  std::random_device device;
  std::string out;
  for (int i = 0; i < 4; ++i) out += fmt::format("{:08x}", device());
  return out;
}

}  // namespace liangzhu::serve
