// The server's set-up: limits, routes, and a JSON answer for every error, including those
// cpp-httplib produces itself (no route, body too large, unreadable request).
#include "liangzhu/serve/server.hpp"

#include <fmt/format.h>

#include <utility>

#include "liangzhu/engine/errors.hpp"
#include "serve/server_context.hpp"

namespace liangzhu::serve {
namespace {

std::string error_text(const httplib::Request& req, int status, std::size_t max_body) {
  switch (status) {
    case 404: return fmt::format("there is nothing at {} {}", req.method, req.path);
    case 413: return fmt::format("the request body is larger than {} bytes", max_body);
    case 400: return "the request cannot be read";
    default: return fmt::format("the request failed with HTTP status {}", status);
  }
}

}  // namespace

struct dashboard_server::impl {
  explicit impl(server_options o) : ctx(std::move(o)) {}

  detail::server_context ctx;
  httplib::Server http;
  int port = 0;
};

dashboard_server::dashboard_server(server_options options)
    : impl_(std::make_unique<impl>(std::move(options))) {
  auto& http = impl_->http;
  const std::size_t max_body = impl_->ctx.options.max_body_bytes;
  http.set_payload_max_length(max_body);
  http.set_error_handler([max_body](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty())
      detail::send_json(res, {{"error", error_text(req, res.status, max_body)}}, res.status);
  });
  detail::add_api_routes(http, impl_->ctx);
  detail::add_event_route(http, impl_->ctx);
  detail::add_page_routes(http, impl_->ctx);
}

dashboard_server::~dashboard_server() { stop(); }

int dashboard_server::bind() {
  const auto& o = impl_->ctx.options;
  const int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host)
                               : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) throw io_error(fmt::format("cannot listen on {}:{}", o.host, o.port));
  impl_->port = port;
  return port;
}

void dashboard_server::listen() { impl_->http.listen_after_bind(); }

void dashboard_server::stop() {
  impl_->ctx.queue.stop();
  impl_->http.stop();
}

int dashboard_server::port() const { return impl_->port; }

}  // namespace liangzhu::serve
