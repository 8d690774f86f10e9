// Clients that send their request slowly (slowloris), without end (header floods), or in great
// numbers from one address: each is refused or closed by the connection gate while the server
// goes on answering everyone else within a second. The attackers connect from other loopback
// addresses (127.0.0.2, 127.0.0.3) than the well-behaved client (127.0.0.1), as they would from
// other machines.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "serve/server_fixture.hpp"

namespace liangzhu::testing {
namespace {

using steady = std::chrono::steady_clock;

/// A raw TCP connection to the server from loopback address `from`.
class raw_client {
 public:
  raw_client(int port, const char* from) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &local.sin_addr);
    ::bind(fd_, reinterpret_cast<const sockaddr*>(&local), sizeof local);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<const sockaddr*>(&server), sizeof server) == 0;
  }
  ~raw_client() { ::close(fd_); }
  raw_client(const raw_client&) = delete;
  raw_client& operator=(const raw_client&) = delete;

  bool connected() const { return connected_; }
  /// False once the server has closed the connection (or refused the bytes).
  bool send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  /// What the server sent until it closed the connection or `wait` passed.
  std::string answer(std::chrono::milliseconds wait) {
    std::string text;
    const auto until = steady::now() + wait;
    char chunk[4096];
    while (steady::now() < until) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      text.append(chunk, static_cast<std::size_t>(n));
    }
    return text;
  }

 private:
  int fd_;
  bool connected_ = false;
};

class serve_slow_clients : public server_fixture {
 protected:
  void SetUp() override {
    start([](serve::server_options& o) {
      o.head_deadline = std::chrono::milliseconds(2000);
      o.max_waiting_per_address = 64;
      o.rate_limit = 0;
    });
  }

  /// Asks the API five times; each answer must come within a second.
  void expect_others_served(const char* when) {
    for (int i = 0; i < 5; ++i) {
      const auto began = steady::now();
      const auto [status, body] = get("/api/scenarios");
      const auto took = steady::now() - began;
      EXPECT_EQ(status, 200) << when;
      EXPECT_LT(took, std::chrono::seconds(1))
          << when << ": an answer took " << std::chrono::duration<double>(took).count() << " s";
    }
  }
};

TEST_F(serve_slow_clients, a_slowloris_holds_no_thread_and_is_closed_at_its_deadline) {
  std::vector<std::unique_ptr<raw_client>> slow;
  for (int i = 0; i < 130; ++i) {
    // 130 connections from two addresses (the per-address cap is 64 waiting connections).
    slow.push_back(std::make_unique<raw_client>(port(), i % 2 == 0 ? "127.0.0.2" : "127.0.0.4"));
    ASSERT_TRUE(slow.back()->connected());
    slow.back()->send("GET /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  }
  // A header line every 300 ms: each line alone would reset a per-read timeout.
  const auto began = steady::now();
  while (steady::now() - began < std::chrono::milliseconds(1500)) {
    for (auto& c : slow) c->send("X-Slow: 1\r\n");
    expect_others_served("while 130 connections send their heads slowly");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  // Past the 2 s deadline every slow connection has been answered 408 and closed.
  std::size_t timed_out = 0;
  for (auto& c : slow)
    if (c->answer(std::chrono::milliseconds(1500)).starts_with("HTTP/1.1 408")) ++timed_out;
  EXPECT_GE(timed_out, 126U) << "of 130";  // all but the 4 over the per-address cap
  expect_others_served("after the slow connections were closed");
}

TEST_F(serve_slow_clients, endless_header_lines_are_431_after_sixteen_kilobytes) {
  raw_client flood(port(), "127.0.0.2");
  ASSERT_TRUE(flood.connected());
  flood.send("GET /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  const std::string line = "X-Flood: " + std::string(8000, 'a') + "\r\n";
  int sent = 0;
  while (sent < 1000 && flood.send(line)) ++sent;  // stops once the server has closed it
  EXPECT_LT(sent, 1000) << "the server read 8 MB of headers";
  EXPECT_TRUE(flood.answer(std::chrono::milliseconds(2000)).starts_with("HTTP/1.1 431"))
      << "after " << sent << " lines";
  expect_others_served("after a header flood");
}

TEST_F(serve_slow_clients, too_many_header_lines_are_431) {
  raw_client many(port(), "127.0.0.2");
  std::string request = "GET /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int i = 0; i < 150; ++i) request += "X-H" + std::to_string(i) + ": 1\r\n";
  many.send(request + "\r\n");
  const std::string answer = many.answer(std::chrono::milliseconds(2000));
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 431")) << answer;
  EXPECT_NE(answer.find("more than 100 header lines"), std::string::npos) << answer;
}

TEST_F(serve_slow_clients, one_address_cannot_fill_the_gate) {
  std::vector<std::unique_ptr<raw_client>> idle;
  for (int i = 0; i < 80; ++i) idle.push_back(std::make_unique<raw_client>(port(), "127.0.0.3"));
  std::size_t refused = 0;
  for (auto& c : idle)
    if (c->answer(std::chrono::milliseconds(20)).starts_with("HTTP/1.1 503")) ++refused;
  EXPECT_EQ(refused, 16U) << "80 connections, 64 may wait";
  expect_others_served("while one address holds its 64 connections");
}

TEST_F(serve_slow_clients, pipelined_and_kept_alive_requests_are_all_answered) {
  raw_client c(port(), "127.0.0.1");
  const std::string one = "GET /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  c.send(one + one + one);
  std::string answers = c.answer(std::chrono::milliseconds(1000));
  c.send(one);  // the connection waited for its next request in the gate
  answers += c.answer(std::chrono::milliseconds(1000));
  std::size_t count = 0;
  for (std::size_t at = answers.find("HTTP/1.1 200"); at != std::string::npos;
       at = answers.find("HTTP/1.1 200", at + 1))
    ++count;
  EXPECT_EQ(count, 4U) << answers;
}

}  // namespace
}  // namespace liangzhu::testing
