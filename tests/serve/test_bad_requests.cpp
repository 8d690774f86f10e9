// Every bad request gets a 4xx with a JSON message, and the server goes on serving.
#include <string>

#include "serve/server_fixture.hpp"

namespace liangzhu::testing {
namespace {

using nlohmann::json;

class serve_bad_requests : public server_fixture {
 protected:
  void SetUp() override { start(); }

  /// Expects `status` and a JSON {"error": ...} containing `words`.
  static void expect_error(const std::pair<int, std::string>& answer, int status,
                           const std::string& words) {
    EXPECT_EQ(answer.first, status) << answer.second;
    const json body = json::parse(answer.second, nullptr, false);
    ASSERT_TRUE(body.is_object() && body.contains("error")) << answer.second;
    EXPECT_NE(body["error"].get<std::string>().find(words), std::string::npos) << body["error"];
  }

  void expect_run_refused(const std::string& request, int status, const std::string& words) {
    const auto [code, body] = post_run(request);
    expect_error({code, body.dump()}, status, words);
  }
};

TEST_F(serve_bad_requests, unknown_scenarios_are_404_naming_the_known_ones) {
  expect_error(get("/api/scenarios/baseline"), 404, "there are: tiny");
  expect_run_refused(R"({"scenario": "baseline"})", 404, "no scenario 'baseline'");
  expect_run_refused(R"({"scenario": "../scenarios/baseline"})", 404, "no scenario");
}

TEST_F(serve_bad_requests, out_of_range_and_malformed_parameters_are_400_with_the_schema_message) {
  expect_run_refused(R"({"scenario": "tiny", "values": {"hub.test.noncompete.max_months": 600}})",
                     400, "above the maximum 120");
  expect_run_refused(R"({"scenario": "tiny", "values": {"ticks": 0}})", 400, "ticks");
  expect_run_refused(R"({"scenario": "tiny", "values": {"ticks": 2.5}})", 400, "ticks");
  expect_run_refused(R"({"scenario": "tiny", "values": {"no.such.key": 1}})", 400, "unknown key");
  expect_run_refused(R"({"scenario": "tiny", "values": {"ticks": [1, 2]}})", 400,
                     "must be a number");
  expect_run_refused(R"({"scenario": "tiny", "values": {"ticks=3\nseed": 1}})", 400,
                     "not a parameter key");
  expect_run_refused(R"({"scenario": "tiny", "values": [1]})", 400, "must be an object");
  expect_run_refused(R"({"scenario": "tiny", "tick_delay_ms": 99999})", 400, "tick_delay_ms");
  expect_run_refused(R"({"scenario": 3})", 400, "wrong type");
  expect_run_refused(R"({"values": {}})", 400, "needs 'scenario'");
}

TEST_F(serve_bad_requests, a_run_too_large_for_the_memory_is_413_before_anything_is_built) {
  // 250 million engineers would need about 42 GB, more than half of this machine: refused from
  // the counts, in milliseconds.
  expect_run_refused(R"({"scenario": "tiny", "values": {"hub.test.talent.engineers": 250000000}})",
                     413, "GB (2.5e+08 engineers at its end");
  EXPECT_EQ(get("/api/runs").second, "[]");
}

TEST_F(serve_bad_requests, runs_that_would_pause_for_more_than_ten_minutes_are_400) {
  expect_run_refused(R"({"scenario": "tiny", "tick_delay_ms": 2000, "values": {"ticks": 5218}})",
                     400, "at most 10 minutes of pauses");
  EXPECT_EQ(get("/api/runs").second, "[]");
}

TEST_F(serve_bad_requests, cancelling_what_is_not_waiting_or_running_is_refused) {
  const auto answer = [this](const std::string& path) {
    const auto res = client().Post(path, "", "application/json");
    return std::pair<int, std::string>(res ? res->status : 0, res ? res->body : "");
  };
  expect_error(answer("/api/runs/3/cancel"), 404, "no run 3");
}

TEST_F(serve_bad_requests, malformed_json_is_400) {
  expect_run_refused(R"({"scenario": "tiny")", 400, "not JSON");
  expect_run_refused("[]", 400, "JSON object");
  expect_run_refused("", 400, "not JSON");
}

TEST_F(serve_bad_requests, an_oversized_body_is_413) {
  const std::string huge(200 * 1024, 'x');
  const auto res = client().Post("/api/runs", huge, "application/json");
  ASSERT_TRUE(res);
  expect_error({res->status, res->body}, 413, "larger than");
}

TEST_F(serve_bad_requests, a_large_form_encoded_body_is_415_for_its_type_not_413) {
  const std::string form = "scenario=tiny&label=" + std::string(10 * 1024, 'x');
  const auto res = client().Post("/api/runs", form, "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  expect_error({res->status, res->body}, 415, "must be application/json");
}

TEST_F(serve_bad_requests, runs_and_paths_outside_the_store_are_404) {
  expect_error(get("/api/runs/7"), 404, "no run 7");
  expect_error(get("/api/runs/99999999999999999999999"), 404, "no run");
  expect_error(get("/api/runs/7/data"), 404, "no run 7");
  expect_error(get("/api/runs/7/events"), 404, "no run 7");
  expect_error(get("/runs/7/report"), 404, "no run 7");
  expect_error(get("/compare/1/2"), 404, "no run 1");
  expect_error(get("/api/runs/-1"), 404, "nothing at");
  expect_error(get("/../../etc/passwd"), 404, "nothing at");
  expect_error(get("/runs.db"), 404, "nothing at");
  expect_error(get("/%2e%2e/runs.db"), 404, "nothing at");
}

TEST_F(serve_bad_requests, unknown_routes_are_404_and_the_server_goes_on) {
  expect_error(get("/api/nothing"), 404, "GET /api/nothing");
  const auto res = client().Delete("/api/runs");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(get("/api/scenarios").first, 200);
  EXPECT_EQ(get("/api/runs").second, "[]") << "a refused request wrote a run";
}

}  // namespace
}  // namespace liangzhu::testing
