// The dashboard server as a client on the network meets it: arbitrary bytes sent on a TCP
// connection to a live server (the connection gate, cpp-httplib's parser, the request guard, the
// routes), then the connection's end. After every input the server must still answer a plain
// request within two seconds; a crash, a sanitizer report, a hang or a server that stops
// answering is a finding. No run starts (the queue has no room: valid run requests are checked in
// full, then refused with 429): a simulation running beside the inputs would make LeakSanitizer's
// check after each input see its allocations in flight as leaks.
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

/// A connection to the server, or -1 with errno set. libFuzzer's timer signal may interrupt any
/// system call here (EINTR): an interrupted connect goes on in the background and is waited for.
/// Unavailable connects are tried again for up to two seconds: hundreds of thousands of inputs go
/// through the loopback's ephemeral ports, and a busy machine may run short of them for a moment
/// (the harness's limit, not the server's).
int connect_to(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  const auto until = steady::now() + std::chrono::seconds(2);
  for (;;) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    int error =
        ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 ? 0 : errno;
    if (error == EINTR) {
      pollfd p{fd, POLLOUT, 0};
      while (::poll(&p, 1, 2000) < 0 && errno == EINTR) {
      }
      socklen_t length = sizeof error;
      if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) error = errno;
    }
    if (error == 0) return fd;
    ::close(fd);
    errno = error;
    if ((error != EADDRNOTAVAIL && error != EAGAIN) || steady::now() >= until) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

/// Sends all of `bytes` unless the server closes the connection first.
void send_all(int fd, const std::uint8_t* bytes, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::send(fd, bytes, size, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    bytes += n;
    size -= static_cast<std::size_t>(n);
  }
}

/// Closes with a reset once the exchange is over, so the client's side keeps no TIME_WAIT entry
/// holding an ephemeral port for a minute (two connections per input would use them all up).
void close_now(int fd) {
  const linger reset{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
  ::close(fd);
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
    if (n < 0 && errno == EINTR) continue;
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
    std::fprintf(stderr, "the server accepts no connection: %s\n", std::strerror(errno));
    std::abort();
  }
  send_all(fd, data, size);
  ::shutdown(fd, SHUT_WR);
  (void)drain(fd, std::chrono::milliseconds(1000));  // an event stream may go on: cut it
  close_now(fd);
  // Still serving?
  const int check = connect_to(live.port);
  if (check < 0) {
    std::fprintf(stderr, "the server accepts no connection: %s\n", std::strerror(errno));
    std::abort();
  }
  const std::string ask =
      "GET /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  send_all(check, reinterpret_cast<const std::uint8_t*>(ask.data()), ask.size());
  const std::string answer = drain(check, std::chrono::milliseconds(2000));
  close_now(check);
  if (!answer.starts_with("HTTP/1.1 200")) {
    std::fprintf(stderr, "the server stopped answering: %s\n", answer.substr(0, 200).c_str());
    std::abort();
  }
  return 0;
}
