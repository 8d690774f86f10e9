// The server's set-up: limits, and every request cpp-httplib has read handed to the route table
// (serve/routes.hpp); errors cpp-httplib produces itself (body too large, unreadable request) get
// the same JSON answer as the API's. Connections wait for their request's head in the connection
// gate without a thread (serve/front_server.hpp); a whole request is answered on one of a fixed
// pool of workers, one per event stream allowed (stream_slots) plus `request_threads` that
// streams can never take.
#include "liangzhu/serve/server.hpp"

#include <fmt/format.h>
#include <sys/socket.h>

#include <utility>

#include "liangzhu/engine/errors.hpp"
#include "serve/front_server.hpp"
#include "serve/rate_limiter.hpp"
#include "serve/request_guard.hpp"
#include "serve/routes.hpp"
#include "serve/server_context.hpp"

namespace liangzhu::serve {
namespace {

/// Connections the kernel queues before the server accepts them. cpp-httplib 0.11 (Debian 12's)
/// listens with a backlog of 5: 64 pages opening at once overflow it, and each connection the
/// kernel drops waits a second or more for its retry.
constexpr int listen_backlog = 128;

/// True if `req`'s client may ask now; otherwise answers 429 with when it may.
bool admitted(detail::rate_limiter& limiter, const server_options& o, const httplib::Request& req,
              httplib::Response& res) {
  const auto verdict = limiter.admit(req.remote_addr);
  if (verdict.allowed) return true;
  const auto message = fmt::format("more than {} requests per second from {}: try again in {} s",
                                   o.rate_limit, req.remote_addr, verdict.retry_after.count());
  detail::send_error(res, detail::http_error(429, message, verdict.retry_after));
  return false;
}

/// The front's limits from the options: a worker for each event stream allowed plus
/// `request_threads` that streams can never take.
detail::front_limits front_limits_of(const server_options& o) {
  detail::front_limits limits;
  limits.workers = o.max_streams + o.request_threads;
  limits.gate.head_deadline = o.head_deadline;
  limits.gate.max_waiting_per_address = o.max_waiting_per_address;
  return limits;
}

}  // namespace

struct dashboard_server::impl {
  explicit impl(server_options o)
      : ctx(std::move(o)),
        routes(detail::dashboard_routes(ctx)),
        limiter(ctx.options.rate_limit, ctx.options.rate_burst) {}

  detail::server_context ctx;
  detail::route_table routes;
  detail::rate_limiter limiter;
  detail::front_server http{front_limits_of(ctx.options)};
  socket_t listening = INVALID_SOCKET;
  int port = 0;
};

dashboard_server::dashboard_server(server_options options)
    : impl_(std::make_unique<impl>(std::move(options))) {
  auto& http = impl_->http;
  const server_options& o = impl_->ctx.options;
  LIANGZHU_ASSERT(o.request_threads > 0, "the server needs a thread for requests");
  http.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    impl_->listening = sock;
  });
  const std::size_t max_body = o.max_body_bytes;
  http.set_payload_max_length(max_body);
  http.set_error_handler([max_body](const httplib::Request& req, httplib::Response& res) {
    detail::answer_error(req, res, max_body);
  });
  const auto forward = [this, max_body](const httplib::Request& req, httplib::Response& res) {
    if (!admitted(impl_->limiter, impl_->ctx.options, req, res)) return;
    if (!detail::admit(req, res, impl_->ctx.options)) return;
    // cpp-httplib hands handlers a const request; the route table fills in its captures.
    httplib::Request routed = req;
    detail::answer(impl_->routes, routed, res, max_body);
  };
  http.Get(".*", forward);
  http.Post(".*", forward);
}

dashboard_server::~dashboard_server() { stop(); }

int dashboard_server::bind() {
  const auto& o = impl_->ctx.options;
  const int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host)
                               : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) throw io_error(fmt::format("cannot listen on {}:{}", o.host, o.port));
  // listen() on a listening socket changes its backlog (Linux).
  if (::listen(impl_->listening, listen_backlog) != 0)
    throw io_error(
        fmt::format("cannot listen on {}:{} with a backlog of {}", o.host, port, listen_backlog));
  impl_->port = port;
  return port;
}

void dashboard_server::listen() { impl_->http.listen_after_bind(); }

void dashboard_server::stop() {
  impl_->ctx.queue.stop();
  impl_->http.stop_all();
}

int dashboard_server::port() const { return impl_->port; }

}  // namespace liangzhu::serve
