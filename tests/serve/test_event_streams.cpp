// The event streams of runs: a page that reconnects with Last-Event-ID gets only the weeks it
// missed, and the number of streams open at once is capped (503) without holding up the API.
#include <atomic>
#include <string>
#include <thread>

#include "serve/server_fixture.hpp"
#include "serve/stream_checks.hpp"

namespace liangzhu::testing {
namespace {

using nlohmann::json;

class serve_event_streams : public server_fixture {
 protected:
  /// Starts a run of 20 weeks lasting about a second; its events path.
  std::string slow_run() {
    const auto [status, started] =
        post_run(R"({"scenario": "tiny", "values": {"ticks": 20}, "tick_delay_ms": 50})");
    EXPECT_EQ(status, 202) << started;
    return started.value("events", "");
  }

  /// The stored run's dates.
  std::vector<std::string> stored_dates(int run) {
    return json::parse(
        get("/api/runs/" + std::to_string(run) + "/data").second)["runs"][0]["dates"];
  }
};

TEST_F(serve_event_streams, a_page_reconnecting_with_last_event_id_gets_only_the_weeks_it_missed) {
  start();
  const std::string path = slow_run();
  // The page drops its stream after the first update carrying weeks.
  sse_reader reader;
  std::vector<json> before;
  client().Get(path, [&](const char* data, std::size_t size) {
    for (const auto& e : reader.feed({data, size}))
      if (e.name == "data") before.push_back(json::parse(e.data));
    return before.empty() || before.back()["dates"].empty();
  });
  ASSERT_FALSE(before.empty());
  const std::string id = reader.last_id();
  EXPECT_EQ(id, std::to_string(joined_dates(before).size()));

  const auto after = payloads(events(path, {{"Last-Event-ID", id}}), "data");
  ASSERT_FALSE(after.empty());
  EXPECT_EQ(after.front()["from"].dump(), id);
  EXPECT_EQ(joined_dates(after, joined_dates(before)), stored_dates(1));
}

TEST_F(serve_event_streams, a_finished_run_resumes_from_the_id_and_ignores_ids_it_cannot_read) {
  start();
  events(slow_run());  // to its end
  const auto from = [&](const std::string& id) {
    const auto data = payloads(events("/api/runs/1/events", {{"Last-Event-ID", id}}), "data");
    EXPECT_EQ(data.size(), 1U) << "a finished run's stream is one update";
    return data.empty() ? json::object() : data[0];
  };
  json resumed = from("12");
  EXPECT_EQ(resumed["from"], 12);
  EXPECT_EQ(resumed["dates"].size(), 8U);
  EXPECT_FALSE(resumed["summary"].empty()) << "the last update carries the summary";
  EXPECT_EQ(from("twelve")["from"], 0);
  EXPECT_EQ(from("-3")["from"], 0);
  EXPECT_EQ(from("20")["dates"].size(), 0U);
  json beyond = from("99");
  EXPECT_EQ(beyond["from"], 20)
      << "a page claiming more weeks than the run has sees it must start over";
  EXPECT_EQ(beyond["dates"].size(), 0U);
}

TEST_F(serve_event_streams, streams_beyond_the_cap_are_503_and_the_api_still_answers) {
  start([](serve::server_options& o) { o.max_streams = 1; });
  const std::string path = slow_run();
  std::atomic<bool> following = false;
  std::thread page([&] {
    const auto own = new_client();
    own->Get(path, [&](const char*, std::size_t) {
      following = true;
      return true;
    });
  });
  while (!following) std::this_thread::sleep_for(std::chrono::milliseconds(5));

  const auto refused = client().Get(path);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->get_header_value("Retry-After"), "5");
  EXPECT_NE(json::parse(refused->body)["error"].get<std::string>().find("1 event streams are open"),
            std::string::npos)
      << refused->body;
  EXPECT_EQ(get("/api/runs").first, 200);
  EXPECT_EQ(get("/api/scenarios/tiny").first, 200);

  page.join();
  // The slot is given back once the server has closed the finished stream: soon after.
  int status = 0;
  for (int tries = 0; tries < 100 && status != 200; ++tries) {
    const auto again = client().Get(path);
    status = again ? again->status : 0;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(status, 200);
}

}  // namespace
}  // namespace liangzhu::testing
