#include "serve/routes.hpp"

#include <fmt/format.h>

#include <string_view>
#include <utility>

#include "serve/server_context.hpp"

namespace liangzhu::serve::detail {
namespace {

std::string error_text(const httplib::Request& req, int status, std::size_t max_body) {
  switch (status) {
    case 404:
      return fmt::format("there is nothing at {} {}", req.method, req.path);
    case 413:
      return fmt::format("the request body is larger than {} bytes", max_body);
    case 400:
      return "the request cannot be read";
    case 415:
      return "a request that changes the server's state must be application/json";
    default:
      return fmt::format("the request failed with HTTP status {}", status);
  }
}

}  // namespace

void route_table::get(const std::string& pattern, handler h) {
  routes_.push_back({"GET", std::regex(pattern), std::move(h)});
}

void route_table::post(const std::string& pattern, handler h) {
  routes_.push_back({"POST", std::regex(pattern), std::move(h)});
}

bool route_table::dispatch(httplib::Request& req, httplib::Response& res) const {
  const std::string_view method = req.method == "HEAD" ? std::string_view("GET") : req.method;
  for (const route& r : routes_) {
    if (r.method == method && std::regex_match(req.path, req.matches, r.pattern)) {
      r.h(req, res);
      return true;
    }
  }
  return false;
}

route_table dashboard_routes(server_context& ctx) {
  route_table routes;
  add_api_routes(routes, ctx);
  add_lab_routes(routes, ctx);
  add_event_route(routes, ctx);
  add_page_routes(routes, ctx);
  return routes;
}

void answer(const route_table& routes, httplib::Request& req, httplib::Response& res,
            std::size_t max_body) {
  if (!routes.dispatch(req, res)) res.status = 404;
  answer_error(req, res, max_body);
}

void answer_error(const httplib::Request& req, httplib::Response& res, std::size_t max_body) {
  // cpp-httplib refuses a form-encoded body over 8 KiB itself, before any handler: that is not
  // about the body's size (the limit is 64 KiB) but about its type, which this server never takes.
  if (res.status == 413 &&
      req.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded")) {
    res.status = 415;
    res.body.clear();
  }
  if (res.status >= 400 && res.body.empty())
    send_json(res, {{"error", error_text(req, res.status, max_body)}}, res.status);
}

}  // namespace liangzhu::serve::detail
