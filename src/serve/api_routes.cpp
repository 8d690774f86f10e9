// The JSON API: scenarios and their levers, runs started and listed. A run request is checked in
// full (JSON, scenario, values against the schema, the model's own checks) before anything is
// written, so a bad request leaves nothing in the store.
#include <fmt/format.h>

#include <memory>
#include <string>
#include <utility>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/model/memory_estimate.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/model/simulation.hpp"
#include "liangzhu/report/report_data.hpp"
#include "serve/http_error.hpp"
#include "serve/lab_setup.hpp"
#include "serve/server_context.hpp"

namespace liangzhu::serve::detail {
namespace {

using nlohmann::json;

/// Longest pause between ticks a request may ask for.
constexpr long max_tick_delay_ms = 2000;
/// Longest a run may spend pausing between its weeks in all (ticks x tick_delay_ms): a run to
/// watch, not one that holds the only worker for hours.
constexpr long max_total_delay_ms = 10L * 60 * 1000;

run_job parse_run_request(const server_context& ctx, const json& body) {
  const auto delay = field<long>(body, "tick_delay_ms", 0);
  if (delay < 0 || delay > max_tick_delay_ms)
    throw http_error(400, fmt::format("'tick_delay_ms' must be from 0 to {}", max_tick_delay_ms));
  const lab_setup setup = parse_setup(body);
  run_job job{load_setup(ctx.catalog, setup),
              {},
              described_changes(setup),
              field<std::string>(body, "label", ""),
              std::chrono::milliseconds(delay)};
  if (job.label.size() > 200) throw http_error(400, "'label' is longer than 200 characters");
  job.params = model::read_parameters(job.scenario);
  if (job.params.ticks * delay > max_total_delay_ms)
    throw http_error(400, fmt::format("{} weeks with a pause of {} ms after each would take {:.0f} "
                                      "minutes: at most {} minutes of pauses in all",
                                      job.params.ticks, delay,
                                      static_cast<double>(job.params.ticks * delay) / 60000.0,
                                      max_total_delay_ms / 60000));
  try {
    model::check_memory(job.params, ctx.options.max_memory_bytes);
  } catch (const resource_error& e) {
    throw http_error(413, e.what());
  }
  return job;
}

void start_run(server_context& ctx, const httplib::Request& req, httplib::Response& res) {
  // Checked in full first (milliseconds: the simulation is built on the worker), so that a bad
  // request hears what is wrong with it even when the queue is full.
  run_job job = parse_run_request(ctx, parse_body(req));
  const auto progress = ctx.queue.submit(std::move(job));
  if (!progress) throw queue_full(ctx);
  json out = progress_json(*progress);
  out["events"] = fmt::format("/api/runs/{}/events", progress->run_id);
  send_json(res, out, 202);
}

void cancel_run(server_context& ctx, const httplib::Request& req, httplib::Response& res) {
  const auto run = stored_run(ctx, req);
  if (!ctx.queue.cancel(run.run_id))
    throw http_error(409, fmt::format("run {} is not waiting or running here", run.run_id));
  json out = progress_json(ctx.queue.progress(run.run_id).value());
  send_json(res, out, 202);
}

void list_runs(const server_context& ctx, httplib::Response& res) {
  json out = json::array();
  for (const auto& run : ctx.store.reader().list_runs()) out.push_back(run_json(run));
  send_json(res, out);
}

void show_run(const server_context& ctx, const httplib::Request& req, httplib::Response& res) {
  const auto run = stored_run(ctx, req);
  json out = run_json(run);
  if (const auto p = ctx.queue.progress(run.run_id)) out["live"] = progress_json(*p);
  send_json(res, out);
}

}  // namespace

json parse_body(const httplib::Request& req) {
  try {
    json body = json::parse(req.body);
    if (!body.is_object()) throw http_error(400, "the request body must be a JSON object");
    return body;
  } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers like 1e400
    throw http_error(400, fmt::format("the request body is not JSON: {}", e.what()));
  }
}

http_error queue_full(const server_context& ctx) {
  return http_error(429,
                    fmt::format("{} runs are waiting already: try again when one has ended",
                                ctx.options.max_waiting_runs),
                    std::chrono::seconds(5));
}

void add_api_routes(route_table& routes, server_context& ctx) {
  routes.get("/api/scenarios",
             guarded([&ctx](const auto&, auto& res) { send_json(res, ctx.catalog.list()); }));
  routes.get(R"(/api/scenarios/([A-Za-z0-9_.-]+))", guarded([&ctx](const auto& req, auto& res) {
               send_json(res, ctx.catalog.parameters(req.matches[1].str()));
             }));
  routes.post("/api/runs",
              guarded([&ctx](const auto& req, auto& res) { start_run(ctx, req, res); }));
  routes.post(R"(/api/runs/(\d+)/cancel)",
              guarded([&ctx](const auto& req, auto& res) { cancel_run(ctx, req, res); }));
  routes.get("/api/runs", guarded([&ctx](const auto&, auto& res) { list_runs(ctx, res); }));
  routes.get(R"(/api/runs/(\d+))",
             guarded([&ctx](const auto& req, auto& res) { show_run(ctx, req, res); }));
  routes.get(R"(/api/runs/(\d+)/data)", guarded([&ctx](const auto& req, auto& res) {
               const std::int64_t id = stored_run(ctx, req).run_id;
               send_json(res, report::report_data(ctx.store.reader(), std::span(&id, 1)));
             }));
}

}  // namespace liangzhu::serve::detail
