// A run's progress as server-sent events. Each update is a "data" event with the ticks the page
// does not have yet (the run's header, the dates and series values of those ticks, and its summary
// once it has ended), whose id is the number of ticks sent so far, then a "progress" event
// ({run_id, status, tick, ticks_total, message}). The first update carries every tick stored so
// far, or only those after Last-Event-ID when a page reconnects: no tick is sent twice or missed,
// and an update of a long run is a few kilobytes, not the whole run again. Updates come each time
// the worker has stored more ticks, until the run ends; a run this server did not start (or one
// that ended before a restart) gets its stored state once. Waits are short, so a closed page or a
// stopping server ends the stream within a second. Streams are capped (stream_slots): one more
// is refused with 503.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <memory>
#include <new>
#include <string>

#include "liangzhu/report/report_data.hpp"
#include "serve/server_context.hpp"

namespace liangzhu::serve::detail {
namespace {

using nlohmann::json;

constexpr std::chrono::milliseconds heartbeat{1000};
/// When a page refused a stream may try again: a slot frees when a run ends or a page closes.
constexpr std::chrono::seconds stream_retry{5};

/// One page's stream: the ticks it has, the progress it last saw, its place among the streams.
struct viewer {
  std::int64_t run_id;
  std::int64_t ticks_sent;  ///< the page has ticks [0, ticks_sent)
  std::uint64_t seen;
  stream_slots::slot slot;
};

std::string event_text(const char* name, const json& payload) {
  return fmt::format("event: {}\ndata: {}\n\n", name,
                     payload.dump(-1, ' ', false, json::error_handler_t::replace));
}

/// The ticks a reconnecting page has (the id of the last event it got); 0 for a new page.
std::int64_t ticks_known(const httplib::Request& req) {
  const std::string text = req.get_header_value("Last-Event-ID");
  std::int64_t ticks = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ticks);
  return ec == std::errc() && end == text.data() + text.size() && ticks > 0 ? ticks : 0;
}

json stored_progress(const store::run_info& run) {
  return {{"run_id", run.run_id},
          {"status", std::string(store::to_string(run.status))},
          {"tick", run.ticks_done},
          {"ticks_total", run.ticks_total},
          {"message", ""}};
}

/// Sends the ticks the page lacks, up to `ticks_done`, and where the run stands; false if the
/// page has gone. A page claiming more ticks than there are gets none, from where the run is: it
/// sees that `from` is not its count and starts over.
bool send_update(const server_context& ctx, viewer& v, std::int64_t ticks_done,
                 const json& progress, httplib::DataSink& sink) {
  // One reader: the run's row, catalog, series and summary as of one moment.
  const auto store = ctx.store.reader();
  const auto run = store.find_run(v.run_id);
  if (!run) return false;
  const std::int64_t from = std::min(v.ticks_sent, ticks_done);
  json data = report::run_data(store, *run, {from, ticks_done});
  data["from"] = from;
  v.ticks_sent = from + static_cast<std::int64_t>(data["dates"].size());
  const std::string text = fmt::format("id: {}\n", v.ticks_sent) + event_text("data", data) +
                           event_text("progress", progress);
  return sink.write(text.data(), text.size());
}

/// One turn of a live run's stream: waits for news, sends it, ends the stream with the run.
bool stream_turn(const server_context& ctx, viewer& v, httplib::DataSink& sink) {
  const auto p = ctx.queue.wait(v.run_id, v.seen, heartbeat);
  if (!p || (p->version <= v.seen && ctx.queue.stopping())) {
    sink.done();
    return true;
  }
  if (p->version <= v.seen) return sink.write(": keep-alive\n\n", 15);
  v.seen = p->version;
  if (!send_update(ctx, v, p->tick, progress_json(*p), sink)) return false;
  if (p->finished()) sink.done();
  return true;
}

/// `turn`, with whatever it throws (a store that cannot be read, memory) sent to the page as a
/// "failure" event ({"error": message}) that ends the stream: an exception must not leave a content
/// provider, where it would end the whole server.
template <typename Turn>
bool guarded_turn(Turn&& turn, httplib::DataSink& sink) {
  try {
    return turn();
  } catch (const std::exception& e) {
    const bool memory = dynamic_cast<const std::bad_alloc*>(&e) != nullptr;
    const std::string text = event_text(
        "failure", {{"error", memory ? std::string("the server is out of memory")
                                     : fmt::format("the run cannot be read: {}", e.what())}});
    if (!sink.write(text.data(), text.size())) return false;
    sink.done();
    return true;
  }
}

void stream_events(server_context& ctx, const httplib::Request& req, httplib::Response& res) {
  const store::run_info run = stored_run(ctx, req);
  auto slot = ctx.streams.try_acquire();
  if (!slot) {
    throw http_error(503,
                     fmt::format("{} event streams are open, as many as this server keeps: try "
                                 "again when a run has ended or a page has closed",
                                 ctx.streams.capacity()),
                     stream_retry);
  }
  // Shared: cpp-httplib copies the content provider; the slot is given back with its last copy.
  auto v = std::make_shared<viewer>(viewer{run.run_id, ticks_known(req), 0, std::move(*slot)});
  res.set_header("Cache-Control", "no-store");
  if (!ctx.queue.progress(run.run_id)) {
    res.set_chunked_content_provider(
        "text/event-stream", [&ctx, v, run](std::size_t, httplib::DataSink& sink) {
          return guarded_turn(
              [&] {
                if (!send_update(ctx, *v, run.ticks_done, stored_progress(run), sink)) return false;
                sink.done();
                return true;
              },
              sink);
        });
    return;
  }
  res.set_chunked_content_provider(
      "text/event-stream", [&ctx, v](std::size_t, httplib::DataSink& sink) {
        return guarded_turn([&] { return stream_turn(ctx, *v, sink); }, sink);
      });
}

}  // namespace

void add_event_route(route_table& routes, server_context& ctx) {
  routes.get(R"(/api/runs/(\d+)/events)",
             guarded([&ctx](const auto& req, auto& res) { stream_events(ctx, req, res); }));
}

}  // namespace liangzhu::serve::detail
