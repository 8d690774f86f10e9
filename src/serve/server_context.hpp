#pragma once
// What the request handlers share: the options, the store, the scenarios and the run queue; and
// the helpers every handler uses to answer (internal).
#include <httplib.h>

#include <fmt/format.h>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>

#include "liangzhu/serve/server.hpp"
#include "liangzhu/store/run_store.hpp"
#include "serve/http_error.hpp"
#include "serve/routes.hpp"
#include "serve/run_queue.hpp"
#include "serve/scenario_catalog.hpp"
#include "serve/stream_slots.hpp"

namespace liangzhu::serve::detail {

struct server_context {
  explicit server_context(server_options o);

  server_options options;
  store::run_store store;
  scenario_catalog catalog;
  run_queue queue;
  stream_slots streams;
};

using handler = std::function<void(const httplib::Request&, httplib::Response&)>;

/// `h`, with every error it throws answered as {"error": message}: http_error with its status,
/// bad input 400, anything else 500. The server itself never sees an exception.
httplib::Server::Handler guarded(handler h);
/// Answers `body` as JSON with `status`.
void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200);
/// Answers the refusal `e` as {"error": message}, with its status and Retry-After.
void send_error(httplib::Response& res, const http_error& e);
/// The request's body as a JSON object; http_error 400 otherwise.
nlohmann::json parse_body(const httplib::Request& req);
/// body[key] if it has the wanted type (text, a whole number or true/false), `fallback` if absent
/// or null; http_error 400 otherwise.
template <typename T>
T field(const nlohmann::json& body, const char* key, T fallback, bool required = false) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    if (required) throw http_error(400, fmt::format("the request needs '{}'", key));
    return fallback;
  }
  bool fits = false;
  if constexpr (std::is_same_v<T, std::string>)
    fits = it->is_string();
  else if constexpr (std::is_same_v<T, bool>)
    fits = it->is_boolean();
  else
    fits = it->is_number_integer();
  if (!fits) throw http_error(400, fmt::format("'{}' has the wrong type", key));
  return it->get<T>();
}

/// The refusal of work when the queue is full (429, try again in a few seconds).
http_error queue_full(const server_context& ctx);
/// The run named by the request's `match`-th capture; http_error 404 if the store has none.
store::run_info stored_run(const server_context& ctx, const httplib::Request& req, int match = 1);
/// A run of the store as the API lists it.
nlohmann::json run_json(const store::run_info& run);
/// A run of this server as it stands: {run_id, status, tick, ticks_total, message}.
nlohmann::json progress_json(const run_progress& p);

/// GET /api/scenarios..., GET/POST /api/runs...
void add_api_routes(route_table& routes, server_context& ctx);
/// The lab: POST /api/setup/toml, /api/ensembles..., /api/queue...
void add_lab_routes(route_table& routes, server_context& ctx);
/// GET /api/runs/<id>/events: the run's progress and series as server-sent events.
void add_event_route(route_table& routes, server_context& ctx);
/// GET /, /runs/<id>/report, /compare/<a>/<b>: the dashboard and report pages.
void add_page_routes(route_table& routes, server_context& ctx);

}  // namespace liangzhu::serve::detail
