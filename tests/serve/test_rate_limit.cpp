// The rate limit through the server: a client asking too often is refused with 429, a JSON
// message and Retry-After, while a client at another address is still served.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "serve/server_fixture.hpp"

namespace liangzhu::testing {
namespace {

using nlohmann::json;

/// The status line of GET `path` sent to the server at 127.0.0.1:`port` from the address
/// `source` (any of 127.0.0.0/8 is this machine), or the reason there is none.
std::string status_line_from(const char* source, int port, const std::string& path) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "no socket";
  sockaddr_in from{};
  from.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  std::string answer = "cannot connect";
  if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) == 0 &&
      ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0) {
    const std::string request =
        "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    answer.clear();
    if (::write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
      char buffer[512];
      for (ssize_t n;
           answer.find("\r\n") == std::string::npos && (n = ::read(fd, buffer, sizeof buffer)) > 0;)
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    answer = answer.substr(0, answer.find("\r\n"));
  }
  ::close(fd);
  return answer;
}

class serve_rate_limit : public server_fixture {};

TEST_F(serve_rate_limit, a_client_over_the_limit_gets_429_and_others_are_still_served) {
  start([](serve::server_options& o) {
    o.rate_limit = 0.5;
    o.rate_burst = 3;
  });
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get("/api/scenarios").first, 200) << "request " << i;
  const auto refused = client().Get("/api/scenarios");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 429);
  EXPECT_EQ(refused->get_header_value("Retry-After"), "2");
  const json body = json::parse(refused->body, nullptr, false);
  ASSERT_TRUE(body.is_object() && body.contains("error")) << refused->body;
  EXPECT_NE(
      body["error"].get<std::string>().find("more than 0.5 requests per second from 127.0.0.1"),
      std::string::npos)
      << body["error"];
  EXPECT_EQ(client().Get("/api/runs/1/events")->status, 429) << "streams count too";

  EXPECT_EQ(status_line_from("127.0.0.2", port(), "/api/scenarios"), "HTTP/1.1 200 OK");
}

TEST_F(serve_rate_limit, a_rate_of_zero_turns_the_limit_off) {
  start([](serve::server_options& o) {
    o.rate_limit = 0;
    o.rate_burst = 1;
  });
  for (int i = 0; i < 300; ++i) ASSERT_EQ(get("/api/scenarios").first, 200) << "request " << i;
}

}  // namespace
}  // namespace liangzhu::testing
