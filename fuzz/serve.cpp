// The dashboard server's request handling, without sockets: an input is "METHOD PATH" on its first
// line and the request body after it, answered by the same route table the server uses, over a
// store holding one finished run. Every answer must be a status with a JSON or HTML body; a
// crash, a sanitizer report, a hang, a 500 (an exception the handlers did not expect) or an answer
// without a body is a finding. The server starts no runs here (no room in its queue: a valid run
// request gets 429), so inputs stay independent.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "serve/routes.hpp"
#include "serve/server_context.hpp"

namespace {

using namespace liangzhu::serve;
namespace fs = std::filesystem;

server_options fuzz_options(std::size_t max_waiting) {
  server_options o;
  o.store =
      fs::temp_directory_path() / ("liangzhu-fuzz-serve-" + std::to_string(::getpid()) + ".db");
  o.scenarios = {
      {"tiny", fs::path(LIANGZHU_SOURCE_DIR) / "fuzz/checkpoint_scenario.toml", "a tiny hub"}};
  o.max_waiting_runs = max_waiting;
  o.progress_every = std::chrono::milliseconds(10);
  return o;
}

/// A fresh store holding one finished run, for the routes that show runs; the options to serve it.
server_options store_with_one_run() {
  fs::remove(fuzz_options(0).store);
  detail::server_context ctx(fuzz_options(1));
  const auto routes = detail::dashboard_routes(ctx);
  httplib::Request req;
  req.method = "POST";
  req.path = "/api/runs";
  req.body = R"({"scenario": "tiny", "label": "seed run"})";
  httplib::Response res;
  detail::answer(routes, req, res, ctx.options.max_body_bytes);
  while (!ctx.queue.progress(1) || !ctx.queue.progress(1)->finished())
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return fuzz_options(0);
}

struct fuzz_server {
  fuzz_server() : ctx(store_with_one_run()), routes(detail::dashboard_routes(ctx)) {}

  detail::server_context ctx;
  detail::route_table routes;
};

/// Reads a streamed answer to its end: one of known length (the dashboard page) at once, server-
/// sent events a bounded number of chunks.
void drain(httplib::Response& res) {
  if (!res.content_provider_) return;
  bool done = false;
  httplib::DataSink sink;
  sink.write = [&res](const char* data, std::size_t n) {
    res.body.append(data, n);
    return true;
  };
  sink.done = [&done] { done = true; };
  sink.is_writable = [] { return true; };
  if (!res.is_chunked_content_provider_) {
    res.content_provider_(0, res.content_length_, sink);
    return;
  }
  for (std::size_t offset = 0; !done && offset < 64; ++offset)
    if (!res.content_provider_(offset, 0, sink)) break;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fuzz_server server;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t eol = std::min(input.find('\n'), input.size());
  const std::string_view line = input.substr(0, eol);
  const std::size_t space = std::min(line.find(' '), line.size());
  httplib::Request req;
  req.method = std::string(line.substr(0, space));
  req.path = std::string(line.substr(std::min(space + 1, line.size())));
  req.body = std::string(input.substr(std::min(eol + 1, input.size())));
  if (req.body.size() > server.ctx.options.max_body_bytes) return 0;  // cpp-httplib answers 413
  httplib::Response res;
  detail::answer(server.routes, req, res, server.ctx.options.max_body_bytes);
  drain(res);
  if (res.status == -1) res.status = 200;  // as cpp-httplib does for a handled request
  // A 500 is an exception the handlers did not expect.
  if (res.status < 200 || res.status >= 500 || (res.body.empty() && req.method != "HEAD")) {
    std::fprintf(stderr, "%s %s answered %d with %zu bytes\n", req.method.c_str(), req.path.c_str(),
                 res.status, res.body.size());
    std::abort();
  }
  return 0;
}
