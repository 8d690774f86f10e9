// Errors become JSON answers here, once for every handler.
#include "serve/server_context.hpp"

#include <fmt/format.h>

#include <charconv>
#include <exception>
#include <new>
#include <string>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/run_record.hpp"

namespace liangzhu::serve::detail {

using nlohmann::json;

server_context::server_context(server_options o)
    : options(std::move(o)),
      store(options.store),
      catalog(options.scenarios),
      queue(store, options.max_waiting_runs, options.progress_every, options.max_memory_bytes),
      streams(options.max_streams) {
  store.mark_stale_runs_interrupted();  // left running by a server that was killed
}

void send_json(httplib::Response& res, const json& body, int status) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void send_error(httplib::Response& res, const http_error& e) {
  if (e.retry_after().count() > 0)
    res.set_header("Retry-After", std::to_string(e.retry_after().count()));
  send_json(res, {{"error", e.what()}}, e.status());
}

httplib::Server::Handler guarded(handler h) {
  return [h = std::move(h)](const httplib::Request& req, httplib::Response& res) {
    try {
      h(req, res);
    } catch (const http_error& e) {
      send_error(res, e);
    } catch (const resource_error& e) {
      send_json(res, {{"error", e.what()}}, 413);
    } catch (const input_error& e) {
      send_json(res, {{"error", e.what()}}, 400);
    } catch (const std::bad_alloc&) {
      send_json(res, {{"error", "the server is out of memory: try again later"}}, 503);
    } catch (const std::exception& e) {
      send_json(res, {{"error", fmt::format("internal error: {}", e.what())}}, 500);
    }
  };
}

store::run_info stored_run(const server_context& ctx, const httplib::Request& req, int match) {
  const std::string text = req.matches[static_cast<std::size_t>(match)].str();
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  std::optional<store::run_info> run;
  if (ec == std::errc() && end == text.data() + text.size()) run = ctx.store.reader().find_run(id);
  if (!run) throw http_error(404, fmt::format("there is no run {} in the store", text));
  return *run;
}

json run_json(const store::run_info& run) {
  return {{"run_id", run.run_id},
          {"scenario", run.scenario_name},
          {"label", run.label},
          {"seed", run.seed},
          {"status", std::string(store::to_string(run.status))},
          {"ticks_done", run.ticks_done},
          {"ticks_total", run.ticks_total},
          {"started_at", run.started_at},
          {"ended_at", run.ended_at},
          {"overrides", experiment::recorded_overrides(run.scenario_text)}};
}

json progress_json(const run_progress& p) {
  return {{"run_id", p.run_id},
          {"status", p.status},
          {"tick", p.tick},
          {"ticks_total", p.ticks_total},
          {"message", p.message}};
}

}  // namespace liangzhu::serve::detail
