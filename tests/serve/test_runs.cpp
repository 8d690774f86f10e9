// A small run through the API: started, followed as server-sent events until it ends, stored,
// reported and compared; the queue's limit; a stop that interrupts the running run.
#include <fmt/format.h>
#include <sqlite3.h>
#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "liangzhu/store/run_store.hpp"
#include "serve/server_fixture.hpp"
#include "serve/stream_checks.hpp"

namespace liangzhu::testing {
namespace {

using nlohmann::json;

class serve_runs_api : public server_fixture {};

TEST_F(serve_runs_api, the_scenario_lists_its_levers_with_units_ranges_and_values) {
  start();
  const json list = json::parse(get("/api/scenarios").second);
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0]["name"], "tiny");
  const json described = json::parse(get("/api/scenarios/tiny").second);
  EXPECT_EQ(described["hubs"], json::array({"test"}));
  bool found = false;
  for (const auto& p : described["parameters"]) {
    EXPECT_TRUE(p.contains("unit") && p.contains("min") && p.contains("max") &&
                p.contains("default"));
    if (p["key"] != "hub.test.noncompete.max_months") continue;
    found = true;
    EXPECT_EQ(p["unit"], "months");
    EXPECT_EQ(p["max"], 120.0);
    EXPECT_EQ(p["default"], 24.0);
  }
  EXPECT_TRUE(found);
  EXPECT_GE(described["parameters"].size(), 10U);
}

TEST_F(serve_runs_api, a_run_streams_its_series_into_the_store_and_can_be_reported_and_compared) {
  start();
  const auto [status, started] =
      post_run(R"({"scenario": "tiny", "values": {"hub.test.noncompete.max_months": 6, "ticks": 20},
                   "label": "short noncompetes", "tick_delay_ms": 5})");
  ASSERT_EQ(status, 202) << started;
  const std::int64_t id = started["run_id"];
  const std::string stream = events(started["events"]);
  const auto progress = payloads(stream, "progress");
  const auto data = payloads(stream, "data");
  ASSERT_GE(progress.size(), 2U) << stream.substr(0, 2000);
  EXPECT_EQ(progress.back()["status"], "complete");
  EXPECT_EQ(progress.back()["tick"], 20);
  // Each update carries only the weeks since the last: end to end they are the stored run.
  const json stored = json::parse(get("/api/runs/1/data").second)["runs"][0];
  EXPECT_EQ(joined_dates(data), stored["dates"].get<std::vector<std::string>>());
  EXPECT_LT(data.front()["dates"].size(), 20U) << "the series were not streamed while running";
  EXPECT_EQ(data.back()["label"], "run 1: short noncompetes");
  EXPECT_EQ(data.back()["summary"], stored["summary"]);
  json tigers = json::array();
  for (const auto& u : data)  // the first, while the run is queued, has no hub yet
    for (const auto& hub : u["hubs"])
      for (const auto& v : hub["series"].value("tigers_alive", json::array())) tigers.push_back(v);
  EXPECT_EQ(tigers, stored["hubs"][0]["series"]["tigers_alive"]);

  const json run = json::parse(get("/api/runs/" + std::to_string(id)).second);
  EXPECT_EQ(run["status"], "complete");
  EXPECT_EQ(run["ticks_done"], 20);
  // The levers the run changed are listed with it.
  const auto overrides = run["overrides"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(overrides.begin(), overrides.end(), "hub.test.noncompete.max_months=6"),
            overrides.end())
      << run.dump();
  // A finished run's stream is its stored state, once.
  EXPECT_EQ(payloads(events(started["events"]), "progress").back()["status"], "complete");

  ASSERT_EQ(post_run(R"({"scenario": "tiny", "values": {"ticks": 10, "seed": 3}})").first, 202);
  EXPECT_EQ(payloads(events("/api/runs/2/events"), "progress").back()["status"], "complete");
  EXPECT_EQ(json::parse(get("/api/runs").second).size(), 2U);
  const auto [report_status, report] = get("/runs/1/report");
  EXPECT_EQ(report_status, 200);
  EXPECT_NE(report.find("liangzhu-data"), std::string::npos);
  const auto [compare_status, compare] = get("/compare/1/2");
  EXPECT_EQ(compare_status, 200);
  EXPECT_NE(compare.find("run 2: tiny"), std::string::npos);
  EXPECT_EQ(json::parse(get("/api/runs/1/data").second)["runs"].size(), 1U);
  EXPECT_NE(get("/").second.find("liangzhu dashboard"), std::string::npos);
}

TEST_F(serve_runs_api, runs_wait_in_a_short_queue_and_more_are_429_then_a_stop_interrupts_them) {
  start([](serve::server_options& o) { o.max_waiting_runs = 1; });
  const std::string slow = R"({"scenario": "tiny", "tick_delay_ms": 200})";
  const auto first = post_run(slow);
  ASSERT_EQ(first.first, 202);
  // The first leaves the queue when the worker takes it; then one more may wait.
  json progress;
  for (progress = json::parse(get("/api/runs/1").second)["live"]; progress["status"] == "queued";
       progress = json::parse(get("/api/runs/1").second)["live"])
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // within the rate limit
  EXPECT_EQ(post_run(slow).first, 202);
  const auto [busy, message] = post_run(slow);
  EXPECT_EQ(busy, 429);
  EXPECT_NE(message["error"].get<std::string>().find("waiting"), std::string::npos);

  TearDown();
  const store::run_store store(store_file() / "runs.db", store::run_store::mode::read_only);
  const auto runs = store.reader().list_runs();
  ASSERT_EQ(runs.size(), 2U);
  EXPECT_EQ(runs[0].status, store::run_status::interrupted);
  EXPECT_LT(runs[0].ticks_done, 30);
  EXPECT_EQ(runs[1].status, store::run_status::interrupted);
  EXPECT_EQ(runs[1].ticks_done, 0);
}

TEST_F(serve_runs_api, a_waiting_run_and_the_running_one_can_be_cancelled) {
  start();
  const std::string slow = R"({"scenario": "tiny", "tick_delay_ms": 200})";
  ASSERT_EQ(post_run(slow).first, 202);
  ASSERT_EQ(post_run(slow).first, 202);
  const auto cancel = [this](int run) {
    const auto res = client().Post(fmt::format("/api/runs/{}/cancel", run), "", "application/json");
    return res ? res->status : 0;
  };
  EXPECT_EQ(cancel(2), 202);  // waiting: taken off the queue at once
  const auto second = json::parse(get("/api/runs/2").second);
  EXPECT_EQ(second["status"], "interrupted");
  EXPECT_EQ(second["live"]["message"], "cancelled");
  EXPECT_EQ(cancel(1), 202);  // running: ends after its week
  const std::string stream = events("/api/runs/1/events");
  EXPECT_NE(stream.find(R"("status":"interrupted")"), std::string::npos) << stream;
  EXPECT_EQ(cancel(1), 409);
  const auto first = json::parse(get("/api/runs/1").second);
  EXPECT_EQ(first["status"], "interrupted");
  EXPECT_LT(first["ticks_done"].get<int>(), 30);
  // The worker is free again: the next run completes.
  ASSERT_EQ(post_run(R"({"scenario": "tiny"})").first, 202);
  const std::string third = events("/api/runs/3/events");
  EXPECT_NE(third.find(R"("status":"complete")"), std::string::npos) << third;
}

TEST_F(serve_runs_api, a_store_that_fails_under_an_event_stream_ends_the_stream_not_the_server) {
  start();
  ASSERT_EQ(post_run(R"({"scenario": "tiny"})").first, 202);
  ASSERT_NE(events("/api/runs/1/events").find("complete"), std::string::npos);
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((store_file() / "runs.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DROP TABLE series", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  const std::string stream = events("/api/runs/1/events");
  EXPECT_NE(stream.find("event: failure"), std::string::npos) << stream;
  EXPECT_EQ(get("/api/scenarios").first, 200);  // the server goes on
}

TEST_F(serve_runs_api, data_of_runs_read_from_many_threads_as_they_start_is_always_whole) {
  start([](serve::server_options& o) { o.rate_limit = 0; });  // eight readers, as fast as they go
  constexpr int rounds = 12;
  constexpr int readers = 8;
  constexpr int reads_each = 10;
  for (int round = 1; round <= rounds; ++round) {
    const auto [status, started] = post_run(R"({"scenario": "tiny", "values": {"ticks": 20}})");
    ASSERT_EQ(status, 202) << started;
    const std::string data = "/api/runs/" + std::to_string(started["run_id"].get<int>()) + "/data";
    // The readers start with the run: its catalog and first weeks are written meanwhile.
    std::vector<std::thread> threads;
    std::vector<std::string> problems(readers);
    for (int r = 0; r < readers; ++r) {
      threads.emplace_back([&, r] {
        const auto c = new_client();
        for (int i = 0; i < reads_each && problems[static_cast<std::size_t>(r)].empty(); ++i) {
          const auto res = c->Get(data);
          auto& problem = problems[static_cast<std::size_t>(r)];
          if (!res) {
            problem = "no answer";
          } else if (res->status != 200) {
            problem = std::to_string(res->status) + ": " + res->body;
          } else {
            const json run = json::parse(res->body)["runs"][0];
            const std::size_t weeks = run["dates"].size();
            for (const auto& hub : run["hubs"])
              for (const auto& [name, values] : hub["series"].items())
                if (values.size() != weeks)
                  problem = name + " has " + std::to_string(values.size()) + " values for " +
                            std::to_string(weeks) + " weeks";
          }
        }
      });
    }
    for (auto& t : threads) t.join();
    for (const auto& p : problems) EXPECT_EQ(p, "") << "round " << round;
    EXPECT_EQ(payloads(events(started["events"]), "progress").back()["status"], "complete");
  }
}

}  // namespace
}  // namespace liangzhu::testing
