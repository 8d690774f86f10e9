// What a request must be before any route sees it: a Host the server answers to, state changes
// as JSON from its own pages only, and the token when the server is reachable from elsewhere.
// Unit tests on requests built by hand, then the same refusals over a socket.
#include <gtest/gtest.h>

#include <string>

#include "serve/request_guard.hpp"
#include "serve/server_fixture.hpp"

namespace liangzhu::testing {
namespace {

using serve::detail::admit;
using serve::detail::host_name;

httplib::Request request(const std::string& method, const std::string& host,
                         const httplib::Headers& headers = {}) {
  httplib::Request req;
  req.method = method;
  req.path = "/api/runs";
  if (!host.empty()) req.headers.emplace("Host", host);
  for (const auto& h : headers) req.headers.insert(h);
  return req;
}

/// The status admit() answers, or 0 if it lets the request through.
int verdict(const httplib::Request& req, const serve::server_options& o = {}) {
  httplib::Response res;
  return admit(req, res, o) ? 0 : res.status;
}

const httplib::Headers json_body = {{"Content-Type", "application/json"}};

TEST(serve_request_guard, host_names_lose_their_port_and_case) {
  EXPECT_EQ(host_name("127.0.0.1:8080"), "127.0.0.1");
  EXPECT_EQ(host_name("LocalHost"), "localhost");
  EXPECT_EQ(host_name("[::1]:9000"), "::1");
  EXPECT_EQ(host_name("[::1"), "");
}

TEST(serve_request_guard, only_loopback_names_reach_a_loopback_server) {
  EXPECT_EQ(verdict(request("GET", "127.0.0.1:8080")), 0);
  EXPECT_EQ(verdict(request("GET", "localhost:8080")), 0);
  EXPECT_EQ(verdict(request("GET", "[::1]:8080")), 0);
  // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1.
  EXPECT_EQ(verdict(request("GET", "evil.example:8080")), 421);
  EXPECT_EQ(verdict(request("GET", "127.0.0.1.evil.example")), 421);
  EXPECT_EQ(verdict(request("GET", "")), 400);
}

TEST(serve_request_guard, state_changes_must_be_json_from_this_servers_own_pages) {
  const std::string host = "127.0.0.1:8080";
  EXPECT_EQ(verdict(request("POST", host, json_body)), 0);
  EXPECT_EQ(verdict(request("POST", host,
                            {{"Content-Type", "application/json; charset=utf-8"},
                             {"Origin", "http://127.0.0.1:8080"}})),
            0);
  // What a cross-site <form> can send without a preflight.
  EXPECT_EQ(verdict(request("POST", host, {{"Content-Type", "text/plain"}})), 415);
  EXPECT_EQ(verdict(request("POST", host, {{"Content-Type", "application/x-www-form-urlencoded"}})),
            415);
  EXPECT_EQ(verdict(request("POST", host)), 415);
  EXPECT_EQ(
      verdict(request("POST", host,
                      {{"Content-Type", "application/json"}, {"Origin", "http://evil.example"}})),
      403);
  EXPECT_EQ(
      verdict(request("POST", host, {{"Content-Type", "application/json"}, {"Origin", "null"}})),
      403);
  EXPECT_EQ(
      verdict(request("POST", host,
                      {{"Content-Type", "application/json"}, {"Sec-Fetch-Site", "cross-site"}})),
      403);
}

TEST(serve_request_guard, a_server_with_a_token_answers_only_requests_carrying_it) {
  serve::server_options o;
  o.host = "0.0.0.0";
  o.token = "0123456789abcdef0123456789abcdef";
  EXPECT_EQ(verdict(request("GET", "10.1.2.3:8080"), o), 401);
  EXPECT_EQ(verdict(request("GET", "10.1.2.3:8080", {{"Authorization", "Bearer " + o.token}}), o),
            0);
  EXPECT_EQ(verdict(request("GET", "10.1.2.3:8080", {{"Authorization", "Bearer wrong"}}), o), 401);
  EXPECT_EQ(verdict(request("GET", "any.name",
                            {{"Cookie", "theme=dark; liangzhu_token=" + o.token + "; x=1"}}),
                    o),
            0);
  EXPECT_EQ(verdict(request("GET", "any.name", {{"Cookie", "liangzhu_token=nope"}}), o), 401);
  // Opening the printed address keeps the token in a cookie and drops it from the address bar.
  httplib::Request opened = request("GET", "10.1.2.3:8080");
  opened.path = "/";
  opened.params.emplace("token", o.token);
  httplib::Response res;
  EXPECT_FALSE(admit(opened, res, o));
  EXPECT_EQ(res.status, 303);
  EXPECT_EQ(res.get_header_value("Location"), "/");
  EXPECT_NE(res.get_header_value("Set-Cookie").find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(res.get_header_value("Set-Cookie").find(o.token), std::string::npos);
  opened.params = {{"token", "wrong"}};
  EXPECT_EQ(verdict(opened, o), 401);
  // The token does not excuse a cross-site state change.
  EXPECT_EQ(
      verdict(request("POST", "10.1.2.3:8080",
                      {{"Authorization", "Bearer " + o.token}, {"Content-Type", "text/plain"}}),
              o),
      415);
}

TEST(serve_request_guard, only_loopback_addresses_go_without_a_token) {
  EXPECT_TRUE(serve::is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(serve::is_loopback_host("::1"));
  EXPECT_TRUE(serve::is_loopback_host("localhost"));
  EXPECT_FALSE(serve::is_loopback_host("0.0.0.0"));
  EXPECT_FALSE(serve::is_loopback_host("::"));
  EXPECT_FALSE(serve::is_loopback_host("192.168.1.10"));
  const std::string a = serve::new_token();
  EXPECT_EQ(a.size(), 32U);
  EXPECT_NE(a, serve::new_token());
}

class serve_request_guard_on_a_socket : public server_fixture {
 protected:
  void SetUp() override { start(); }
};

TEST_F(serve_request_guard_on_a_socket, foreign_hosts_and_cross_site_forms_start_nothing) {
  auto res = client().Get("/api/runs", {{"Host", "evil.example"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 421) << res->body;
  res = client().Post("/api/runs", R"({"scenario": "tiny"})", "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415) << res->body;
  res = client().Post("/api/runs", "scenario=tiny", "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415) << res->body;
  res = client().Post("/api/runs", {{"Origin", "http://evil.example"}}, R"({"scenario": "tiny"})",
                      "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403) << res->body;
  EXPECT_EQ(get("/api/runs").second, "[]");  // nothing was started
}

}  // namespace
}  // namespace liangzhu::testing
