// The route table the server hands every request to, driven without a socket (as the request
// fuzzer, fuzz/serve.cpp, drives it): routes, 404s and errors answer the way the server does.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "serve/routes.hpp"
#include "serve/server_context.hpp"
#include "support/scratch_dir.hpp"

namespace liangzhu::testing {
namespace {

using nlohmann::json;

class serve_routes_without_socket : public ::testing::Test {
 protected:
  static serve::server_options options_in(const scratch_dir& dir) {
    serve::server_options o;
    o.store = dir.path() / "runs.db";
    o.scenarios = {{"tiny",
                    std::filesystem::path(LIANGZHU_SOURCE_DIR) / "tests/serve/data/tiny.toml",
                    "a tiny hub"}};
    o.max_waiting_runs = 0;  // nothing runs: a valid run request gets 429
    return o;
  }

  /// The answer to `method path` with `body`.
  httplib::Response answer(const std::string& method, const std::string& path,
                           const std::string& body = {}) {
    httplib::Request req;
    req.method = method;
    req.path = path;
    req.body = body;
    httplib::Response res;
    serve::detail::answer(routes_, req, res, ctx_.options.max_body_bytes);
    return res;
  }

  /// The {"error": ...} message of an answer.
  static std::string error_of(const httplib::Response& res) {
    const json body = json::parse(res.body, nullptr, false);
    return body.is_object() && body.contains("error") ? body["error"].get<std::string>()
                                                      : "(no error: " + res.body + ")";
  }

  scratch_dir dir_;
  serve::detail::server_context ctx_{options_in(dir_)};
  serve::detail::route_table routes_ = serve::detail::dashboard_routes(ctx_);
};

TEST_F(serve_routes_without_socket, routes_answer_and_captures_reach_the_handlers) {
  const auto scenarios = answer("GET", "/api/scenarios");
  EXPECT_EQ(scenarios.status, 200);
  EXPECT_NE(scenarios.body.find("tiny"), std::string::npos);
  const auto tiny = answer("GET", "/api/scenarios/tiny");
  EXPECT_EQ(tiny.status, 200);
  EXPECT_EQ(json::parse(tiny.body)["name"], "tiny");
  EXPECT_EQ(answer("HEAD", "/api/runs").status, 200);
}

TEST_F(serve_routes_without_socket, unknown_routes_and_methods_are_404_with_a_json_message) {
  const auto nothing = answer("GET", "/api/nothing");
  EXPECT_EQ(nothing.status, 404);
  EXPECT_EQ(error_of(nothing), "there is nothing at GET /api/nothing");
  EXPECT_EQ(answer("DELETE", "/api/runs").status, 404);
  EXPECT_EQ(answer("POST", "/api/scenarios").status, 404);
  EXPECT_EQ(answer("GET", "/api/runs/1x").status, 404);
}

TEST_F(serve_routes_without_socket, a_valid_run_request_with_no_room_in_the_queue_is_429) {
  const auto res = answer("POST", "/api/runs", R"({"scenario": "tiny", "values": {"ticks": 3}})");
  EXPECT_EQ(res.status, 429) << res.body;
  EXPECT_EQ(answer("GET", "/api/runs").body, "[]");
}

// Found by fuzz/serve.cpp (minimized): a number too large for a double is not a parse_error but
// an out_of_range of nlohmann::json, which the handler did not expect (a 500).
TEST_F(serve_routes_without_socket, a_number_beyond_double_is_400_not_an_internal_error) {
  const auto res = answer("POST", "/api/runs", "1e400");
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(error_of(res).find("not JSON"), std::string::npos) << res.body;
  EXPECT_EQ(
      answer("POST", "/api/runs", R"({"scenario": "tiny", "values": {"ticks": 1e400}})").status,
      400);
}

}  // namespace
}  // namespace liangzhu::testing
