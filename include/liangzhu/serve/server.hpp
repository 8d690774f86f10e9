#pragma once
/// @file `liangzhu serve`: the live dashboard's HTTP server. A JSON API over the shipped
/// scenarios and a run store, runs executed one at a time on a worker thread with their progress
/// streamed as server-sent events, and the dashboard page (docs/dashboard.md).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace liangzhu::serve {

/// A scenario the dashboard offers: its name (file stem), file and one-line description.
struct shipped_scenario {
  std::string name;
  std::filesystem::path file;
  std::string description;
};

/// How to serve.
struct server_options {
  /// Address to listen on; the loopback interface unless asked otherwise.
  std::string host = "127.0.0.1";
  /// TCP port; 0 picks a free one (see dashboard_server::port()).
  int port = 8080;
  /// The run store runs are written to and read from (created if missing).
  std::filesystem::path store = "runs.db";
  /// The scenarios that can be run, by name; nothing else can.
  std::vector<shipped_scenario> scenarios;
  /// Largest request body accepted; larger ones get 413.
  std::size_t max_body_bytes = 64 * 1024;
  /// Runs that may wait behind the running one; more get 429.
  std::size_t max_waiting_runs = 4;
  /// Requests per second each client address may make, on average; more get 429 with
  /// Retry-After. 0 lets every request through.
  double rate_limit = 50;
  /// Requests a client may make at once before the rate applies (a page opening asks for a few).
  double rate_burst = 100;
  /// Event streams open at once (each holds a connection thread while it lasts); more get 503.
  std::size_t max_streams = 100;
  /// Connection threads for everything but event streams: the server has max_streams + this
  /// many, so pages following runs never keep the API waiting.
  std::size_t request_threads = 16;
  /// Time a connection has to send a request's whole head (request line and headers); then it
  /// is closed, so a client sending its head slowly holds nothing for long.
  std::chrono::milliseconds head_deadline{10000};
  /// Connections one client address may have waiting for their head at once; more are refused.
  std::size_t max_waiting_per_address = 128;
  /// How often a running simulation writes its ticks to the store and tells the page.
  std::chrono::milliseconds progress_every{250};
  /// Most memory a run may need, in bytes (0: half of the machine's); larger runs get 413.
  std::uint64_t max_memory_bytes = 0;
  /// A calibration's posterior file the lab's ensembles may take draws from (empty: none).
  std::filesystem::path posterior;
  /// When not empty, every request must carry it (the page's cookie, set by opening
  /// /?token=..., or an "Authorization: Bearer" header); for a server others can reach.
  std::string token;
};

/// True if `host` (as given to --host) is the loopback interface only: "127.x.y.z", "::1",
/// "localhost". Anything else is reachable from other machines and needs a token.
bool is_loopback_host(std::string_view host);

/// A fresh random token for server_options::token (32 hex digits from the system's random device).
std::string new_token();

/// The server: binds on construction of `bind()`, serves until `stop()`.
class dashboard_server {
 public:
  /// Opens the store (io_error if it cannot be opened for writing).
  explicit dashboard_server(server_options options);
  ~dashboard_server();
  dashboard_server(const dashboard_server&) = delete;
  dashboard_server& operator=(const dashboard_server&) = delete;

  /// Binds the listening socket; io_error naming the address if it cannot. Returns the port.
  int bind();
  /// Serves requests until stop(). @warning bind() first.
  void listen();
  /// Stops the running simulation between two ticks (stored as interrupted) and the server;
  /// safe from any thread.
  void stop();
  /// The port bound (0 before bind()).
  int port() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace liangzhu::serve
