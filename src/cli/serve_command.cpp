// `liangzhu serve`: the live dashboard. The server runs on this thread; a watcher turns SIGINT or
// SIGTERM into a clean stop (the running simulation ends between two ticks as 'interrupted').
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/scenario_paths.hpp"
#include "liangzhu/cli/signals.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/posterior_file.hpp"
#include "liangzhu/serve/server.hpp"

namespace liangzhu::cli {
namespace {

struct serve_request {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string store = "runs.db";
  std::string scenario_dir;
  std::size_t max_waiting = 4;
  double rate_limit = 50;
  double rate_burst = 100;
  std::size_t max_streams = 100;
  std::uint64_t max_memory = 0;
  std::string posterior;
};

constexpr const char* serve_description =
    "Serve the policy lab in the browser. Choose a shipped scenario, change any of its "
    "parameters (with their units, ranges and sources) and add dated policy changes; run an "
    "ensemble against the scenario on every core and read the answer with its intervals, or "
    "watch one run fill its charts; download the set-up as a scenario file; list the runs of the "
    "store, open their reports and compare two side by side. With --posterior the ensembles may "
    "take a calibration's posterior draws, so their answers carry parameter uncertainty. Runs are "
    "written to the "
    "store (default runs.db) one at a time; a few more may wait. The server listens on 127.0.0.1 "
    "only unless --host says otherwise, and answers only requests addressed to it by a loopback "
    "name; state changes must come as JSON from its own pages. On any other --host it makes a "
    "token and prints the address to open with it: requests without the token are refused. "
    "Runs that would need more than --max-memory are refused (413). Each client address may make "
    "--rate-limit requests per second (after a --rate-burst); more are "
    "refused with 429. At most --max-streams pages may follow runs at once; more are refused "
    "with 503. Ctrl-C stops it: a run in progress is stored as 'interrupted'.";

constexpr const char* serve_footer =
    "Examples:\n"
    "  liangzhu serve                       # http://127.0.0.1:8080/\n"
    "  liangzhu serve --port 9000 --store out/dashboard.db\n"
    "  liangzhu serve --port 0              # any free port (printed)\n"
    "  liangzhu serve --rate-limit 0        # no limit (behind a proxy, all share one address)\n"
    "See docs/dashboard.md for the page and its JSON API.";

void define_serve(CLI::App& app, serve_request& r) {
  app.add_option("--port", r.port, "TCP port; 0 picks a free one")
      ->type_name("N")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app.add_option("--host", r.host, "Address to listen on (0.0.0.0: every interface)")
      ->type_name("ADDR")
      ->capture_default_str();
  app.add_option("--store", r.store, "Run store to write runs to and list (created if missing)")
      ->type_name("FILE")
      ->capture_default_str();
  app.add_option("--scenario-dir", r.scenario_dir,
                 "Folder of the scenarios to offer (default: the shipped scenarios)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  app.add_option("--max-waiting", r.max_waiting, "Runs that may wait behind the running one")
      ->type_name("N")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_option("--rate-limit", r.rate_limit,
                 "Requests per second each client address may make, on average; 0: no limit")
      ->type_name("N")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  app.add_option("--rate-burst", r.rate_burst,
                 "Requests a client may make at once before --rate-limit applies")
      ->type_name("N")
      ->check(CLI::Range(1.0, 1e6))
      ->capture_default_str();
  app.add_option("--max-streams", r.max_streams,
                 "Event streams (pages following a run) open at once; each holds a thread")
      ->type_name("N")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  app.add_option("--posterior", r.posterior,
                 "Posterior file (liangzhu calibrate --write-posterior) the lab's ensembles may "
                 "draw their parameters from: replicate r of both scenarios takes draw r/2 and "
                 "seed r")
      ->type_name("FILE");
  add_max_memory_option(app, r.max_memory);
}

std::vector<serve::shipped_scenario> offered_scenarios(const serve_request& r) {
  const auto dir = r.scenario_dir.empty() ? find_scenario_dir()
                                          : std::optional<std::filesystem::path>(r.scenario_dir);
  if (!dir) throw input_error("no shipped scenarios found: give --scenario-dir", "--scenario-dir");
  std::vector<serve::shipped_scenario> out;
  for (const auto& file : shipped_scenarios(*dir))
    out.push_back({file.stem().string(), file, describe_scenario(file)});
  return out;
}

/// A host as written in a URL: IPv6 addresses in brackets; every interface as the loopback
/// address, where a browser on this machine reaches it.
std::string url_host(const std::string& host) {
  if (host == "0.0.0.0") return "127.0.0.1";
  if (host == "::") return "[::1]";
  return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

int serve_dashboard(const serve_request& r) {
  const interrupt_guard interrupt;
  serve::server_options options;
  options.host = r.host;
  options.port = r.port;
  options.store = r.store;
  options.scenarios = offered_scenarios(r);
  options.max_waiting_runs = r.max_waiting;
  options.rate_limit = r.rate_limit;
  options.rate_burst = r.rate_burst;
  options.max_streams = r.max_streams;
  options.max_memory_bytes = r.max_memory;
  if (!r.posterior.empty()) {
    (void)experiment::read_posterior(r.posterior);  // a bad file is refused before serving
    options.posterior = std::filesystem::absolute(r.posterior);
  }
  const bool exposed = !serve::is_loopback_host(r.host);
  if (exposed) options.token = serve::new_token();
  serve::dashboard_server server(options);
  const int port = server.bind();
  const std::string url = fmt::format("http://{}:{}/", url_host(r.host), port);
  if (exposed) {
    fmt::print(stderr,
               "liangzhu: warning: listening on {}, where other machines can reach the server; "
               "only requests carrying its token are answered\n",
               r.host);
    fmt::print("liangzhu: dashboard at {}?token={} (store {}); Ctrl-C stops\n", url, options.token,
               r.store);
  } else {
    fmt::print("liangzhu: dashboard at {} (store {}); Ctrl-C stops\n", url, r.store);
  }
  std::fflush(stdout);
  std::atomic<bool> served = false;
  std::thread watcher([&] {
    while (!served && !interrupt.requested())
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
  });
  server.listen();
  served = true;
  watcher.join();
  if (interrupt.requested())
    std::fprintf(stderr, "liangzhu: stopped by %s\n", interrupt.signal_name());
  return to_int(exit_code::ok);
}

}  // namespace

command add_serve_command(CLI::App& parent) {
  return make_command<serve_request>(parent, {"serve", serve_description, serve_footer},
                                     define_serve, serve_dashboard);
}

}  // namespace liangzhu::cli
