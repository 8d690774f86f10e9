// The dashboard server as a client on the network meets it: arbitrary bytes sent on a TCP
// connection to a live server (the connection gate, cpp-httplib's parser, the request guard, the
// routes), then the connection's end. After every input the server must still answer a plain
// request within two seconds; a crash, a sanitizer report, a hang or a server that stops
// answering is a finding. No run starts (the queue has no room: valid run requests are checked in
// full, then refused with 429): a simulation running beside the inputs would make LeakSanitizer's
// check after each input see its allocations in flight as leaks.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "liangzhu/serve/server.hpp"

namespace {

using namespace liangzhu;
namespace fs = std::filesystem;
using steady = std::chrono::steady_clock;

struct live_server {
  live_server() {
    serve::server_options o;
    o.port = 0;
    o.store =
        fs::temp_directory_path() / ("liangzhu-fuzz-http-" + std::to_string(::getpid()) + ".db");
    fs::remove(o.store);
    o.scenarios = {
        {"tiny", fs::path(LIANGZHU_SOURCE_DIR) / "fuzz/checkpoint_scenario.toml", "a tiny hub"}};
    o.rate_limit = 0;
    o.max_waiting_runs = 0;
    o.head_deadline = std::chrono::milliseconds(300);
    server = std::make_unique<serve::dashboard_server>(o);
    port = server->bind();
    thread = std::thread([this] { server->listen(); });
  }
  ~live_server() {
    server->stop();
    thread.join();
  }
  live_server(const live_server&) = delete;
  live_server& operator=(const live_server&) = delete;

  std::unique_ptr<serve::dashboard_server> server;
  int port = 0;
  std::thread thread;  // serves until the fuzzer exits
};

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

/// Reads until the server closes the connection or `limit` passes; what it sent.
std::string drain(int fd, std::chrono::milliseconds limit) {
  std::string text;
  const auto until = steady::now() + limit;
  char chunk[4096];
  while (steady::now() < until) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    if (text.size() < 65536) text.append(chunk, static_cast<std::size_t>(n));
  }
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static live_server live;
  const int fd = connect_to(live.port);
  if (fd < 0) {
    std::fprintf(stderr, "the server accepts no connection\n");
    std::abort();
  }
  (void)::send(fd, data, size, MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_WR);
  (void)drain(fd, std::chrono::milliseconds(1000));  // an event stream may go on: cut it
  ::close(fd);
  // Still serving?
  const int check = connect_to(live.port);
  const std::string ask =
      "GET /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  (void)::send(check, ask.data(), ask.size(), MSG_NOSIGNAL);
  const std::string answer = drain(check, std::chrono::milliseconds(2000));
  ::close(check);
  if (!answer.starts_with("HTTP/1.1 200")) {
    std::fprintf(stderr, "the server stopped answering: %s\n", answer.substr(0, 200).c_str());
    std::abort();
  }
  return 0;
}
