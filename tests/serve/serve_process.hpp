#pragma once
// `liangzhu serve` as a process of its own (the load test's server): the port it printed, and
// what /proc says of its memory, threads and open files.
#include <httplib.h>
#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>

#include "cli/cli_test_support.hpp"

namespace liangzhu::testing {

/// `liangzhu serve` started by a test: stopped with SIGTERM by stop(), killed if the test ends
/// before (a failed assertion must not leave a server behind).
class serve_process {
 public:
  explicit serve_process(cli::testing::child server) : server_(std::move(server)) {}
  ~serve_process() {
    if (running_) {
      ::kill(server_.pid(), SIGKILL);
      server_.wait();
    }
  }
  serve_process(const serve_process&) = delete;
  serve_process& operator=(const serve_process&) = delete;

  pid_t pid() const { return server_.pid(); }
  const cli::testing::child& process() const { return server_; }
  /// Stops the server as Ctrl-C would; its exit code and output.
  cli::testing::result stop() {
    ::kill(server_.pid(), SIGTERM);
    running_ = false;
    return server_.wait();
  }

 private:
  cli::testing::child server_;
  bool running_ = true;
};

/// A process at one moment, from /proc.
struct process_figures {
  long rss_kib = 0;  ///< resident memory (VmRSS)
  long threads = 0;
  long open_files = 0;  ///< file descriptors: the store, the listening socket, connections
};

inline process_figures figures_of(pid_t pid) {
  const std::filesystem::path proc = "/proc/" + std::to_string(pid);
  process_figures f;
  std::ifstream status(proc / "status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) f.rss_kib = std::stol(line.substr(6));
    if (line.starts_with("Threads:")) f.threads = std::stol(line.substr(8));
  }
  for ([[maybe_unused]] const auto& fd : std::filesystem::directory_iterator(proc / "fd"))
    ++f.open_files;
  return f;
}

/// The port `liangzhu serve --port 0` printed, once the server has answered a request on it
/// (its threads are all started then: it prints the address before it starts them); 0 if it
/// does neither within a minute.
inline int port_serving(const serve_process& server) {
  const std::regex address(R"(http://127\.0\.0\.1:(\d+)/)");
  for (int tries = 0; tries < 600; ++tries) {
    const std::string out = cli::testing::slurp(server.process().out_file());
    std::smatch found;
    if (std::regex_search(out, found, address)) {
      const int port = std::stoi(found[1].str());
      httplib::Client client("127.0.0.1", port);
      client.set_read_timeout(60, 0);
      const auto answer = client.Get("/api/scenarios");
      return answer && answer->status == 200 ? port : 0;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return 0;
}

}  // namespace liangzhu::testing
