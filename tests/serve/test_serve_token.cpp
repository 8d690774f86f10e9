// `liangzhu serve` on an address other machines can reach: it warns, makes a token, prints the
// address to open with it, and answers only requests that carry the token (as a cookie the page
// gets by opening that address, or as a bearer header).
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <thread>

#include "serve/serve_process.hpp"

namespace liangzhu::testing {
namespace {

using serve_with_token = cli::testing::cli_test;

TEST_F(serve_with_token, every_interface_means_a_token_printed_once_and_asked_for_always) {
  const std::string scenarios = std::string(LIANGZHU_SOURCE_DIR) + "/tests/serve/data";
  serve_process server(start({"serve", "--host", "0.0.0.0", "--port", "0", "--store", "t.db",
                              "--scenario-dir", scenarios}));
  const std::regex address(R"(http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]{32}) )");
  std::smatch found;
  std::string out;
  for (int tries = 0; tries < 600 && !std::regex_search(out, found, address); ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    out = cli::testing::slurp(server.process().out_file());
  }
  ASSERT_TRUE(std::regex_search(out, found, address)) << out;
  const int port = std::stoi(found[1].str());
  const std::string token = found[2].str();
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);

  auto res = client.Get("/api/scenarios");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401) << res->body;
  res = client.Get("/api/scenarios", {{"Authorization", "Bearer " + token}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  // Opening the printed address: a cookie, and the page without the token in its address.
  res = client.Get("/?token=" + token);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 303);
  const std::string cookie = res->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  res = client.Get("/", {{"Cookie", cookie.substr(0, cookie.find(';'))}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);

  const auto ended = server.stop();
  EXPECT_EQ(ended.code, 0) << ended.err;
  EXPECT_NE(ended.err.find("warning: listening on 0.0.0.0"), std::string::npos) << ended.err;
}

}  // namespace
}  // namespace liangzhu::testing
