// A run's progress as server-sent events: "progress" ({run_id, status, tick, ticks_total,
// message}) and "data" (the run as the report draws it, docs/report.md) each time the worker has
// written more ticks, until the run ends. A run this server did not start (or one that ended
// before a restart) gets its stored state once. Waits are short, so a closed page or a stopping
// server ends the stream within a second.
#include <fmt/format.h>

#include <memory>
#include <string>

#include "liangzhu/report/report_data.hpp"
#include "serve/server_context.hpp"

namespace liangzhu::serve::detail {
namespace {

using nlohmann::json;

constexpr std::chrono::milliseconds heartbeat{1000};

bool send_event(httplib::DataSink& sink, const char* name, const json& payload) {
  const std::string text = fmt::format("event: {}\ndata: {}\n\n", name,
                                       payload.dump(-1, ' ', false, json::error_handler_t::replace));
  return sink.write(text.data(), text.size());
}

json stored_progress(const store::run_info& run) {
  return {{"run_id", run.run_id},
          {"status", std::string(store::to_string(run.status))},
          {"tick", run.ticks_done},
          {"ticks_total", run.ticks_total},
          {"message", ""}};
}

/// Sends the run's series and where it stands; false if the page has gone.
bool send_state(const server_context& ctx, std::int64_t id, const json& progress,
                httplib::DataSink& sink) {
  const auto run = ctx.store.find_run(id);
  return run && send_event(sink, "data", report::run_data(ctx.store, *run)) &&
         send_event(sink, "progress", progress);
}

/// One turn of a live run's stream: waits for news, sends it, ends the stream with the run.
bool stream_turn(const server_context& ctx, std::int64_t id, std::uint64_t& seen,
                 httplib::DataSink& sink) {
  const auto p = ctx.queue.wait(id, seen, heartbeat);
  if (!p || (p->version <= seen && ctx.queue.stopping())) {
    sink.done();
    return true;
  }
  if (p->version <= seen) return sink.write(": keep-alive\n\n", 15);
  seen = p->version;
  if (!send_state(ctx, id, progress_json(*p), sink)) return false;
  if (p->finished()) sink.done();
  return true;
}

void stream_events(const server_context& ctx, const httplib::Request& req, httplib::Response& res) {
  const store::run_info run = stored_run(ctx, req);
  const std::int64_t id = run.run_id;
  res.set_header("Cache-Control", "no-store");
  if (!ctx.queue.progress(id)) {
    res.set_chunked_content_provider("text/event-stream", [&ctx, id, run](std::size_t, httplib::DataSink& sink) {
      if (!send_state(ctx, id, stored_progress(run), sink)) return false;
      sink.done();
      return true;
    });
    return;
  }
  auto seen = std::make_shared<std::uint64_t>(0);
  res.set_chunked_content_provider("text/event-stream",
                                   [&ctx, id, seen](std::size_t, httplib::DataSink& sink) {
                                     return stream_turn(ctx, id, *seen, sink);
                                   });
}

}  // namespace

void add_event_route(route_table& routes, server_context& ctx) {
  routes.get(R"(/api/runs/(\d+)/events)", guarded([&ctx](const auto& req, auto& res) {
    stream_events(ctx, req, res);
  }));
}

}  // namespace liangzhu::serve::detail
