// The lab's API: every lever described from the schema, dated policy changes checked as a file's,
// ensembles against the scenario under common random numbers (the same figures as `liangzhu
// compare` of the downloaded set-up), pause and resume, cancel.
#include <fmt/format.h>

#include <fstream>
#include <string>
#include <thread>

#include "liangzhu/experiment/output_names.hpp"
#include "liangzhu/experiment/plan.hpp"
#include "liangzhu/experiment/session.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/store/run_store.hpp"
#include "serve/server_fixture.hpp"
#include "serve/stream_checks.hpp"

namespace liangzhu::testing {
namespace {

using nlohmann::json;

class serve_lab : public server_fixture {
 protected:
  std::pair<int, json> post(const std::string& path, const std::string& body) {
    const auto res = client().Post(path, body, "application/json");
    EXPECT_TRUE(res) << "no answer to POST " << path;
    if (!res) return {0, {}};
    return {res->status, json::parse(res->body, nullptr, false)};
  }

  /// Polls ensemble `id` until it has ended; its last progress.
  json wait_for_ensemble(std::int64_t id) {
    for (int i = 0; i < 3000; ++i) {
      const json p = json::parse(get(fmt::format("/api/ensembles/{}", id)).second);
      if (p["status"] != "queued" && p["status"] != "running") return p;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "ensemble " << id << " did not end";
    return {};
  }
};

constexpr const char* setup_body = R"({
  "scenario": "tiny",
  "values": {"hub.test.noncompete.max_months": 0},
  "policies": [{"date": "2025-03-01", "hub": "test",
                "key": "government.local.subsidy_per_startup_cny", "value": 0}]})";

TEST_F(serve_lab, every_parameter_of_every_table_is_a_lever_with_title_unit_range_and_source) {
  start();
  const json described = json::parse(get("/api/scenarios/tiny").second);
  EXPECT_EQ(described["start"], "2025-01-01");
  std::size_t main = 0;
  bool incumbent = false, enumerated = false;
  for (const auto& p : described["parameters"]) {
    for (const char* field :
         {"key", "group", "subgroup", "title", "type", "unit", "min", "max", "choices", "default",
          "value", "description", "source", "start_only", "main"})
      EXPECT_TRUE(p.contains(field)) << field << " missing in " << p.dump();
    EXPECT_FALSE(p["title"].get<std::string>().empty()) << p.dump();
    main += p["main"].get<bool>() ? 1 : 0;
    incumbent = incumbent || p["key"] == "hub.test.incumbent.big.headcount";
    if (p["key"] == "hub.test.country") enumerated = !p["choices"].empty();
    if (p["key"] == "hub.test.noncompete.max_months") {
      EXPECT_EQ(p["group"], "Hubs: test");
      EXPECT_EQ(p["subgroup"], "noncompete");
      EXPECT_TRUE(p["main"].get<bool>());
    }
  }
  // Every parameter of the schema's tables, not a chosen few; the main levers marked.
  EXPECT_GT(described["parameters"].size(), 200U);
  EXPECT_EQ(main, 14U);
  EXPECT_TRUE(incumbent) << "the incumbents' parameters are levers too";
  EXPECT_TRUE(enumerated) << "a choice lists its choices";
}

TEST_F(serve_lab, an_ensemble_is_a_comparison_with_the_figures_of_liangzhu_compare_of_its_file) {
  start();
  const auto [status, started] = post("/api/ensembles", R"({
    "scenario": "tiny", "replicates": 3, "name": "no_noncompetes",
    "values": {"hub.test.noncompete.max_months": 0},
    "policies": [{"date": "2025-03-01", "hub": "test",
                  "key": "government.local.subsidy_per_startup_cny", "value": 0}]})");
  ASSERT_EQ(status, 202) << started;
  const std::int64_t id = started["ensemble_id"];
  EXPECT_EQ(started["total"], 6);
  const json ended = wait_for_ensemble(id);
  EXPECT_EQ(ended["status"], "complete") << ended;
  EXPECT_EQ(ended["done"], 6);
  const json data = json::parse(get(fmt::format("/api/ensembles/{}/data", id)).second);
  ASSERT_EQ(data["runs"].size(), 2U);
  EXPECT_EQ(data["runs"][0]["label"], "tiny");
  EXPECT_EQ(data["runs"][1]["label"], "no_noncompetes");
  // The same ensemble asked for again is the stored one: nothing is run twice.
  const auto again = post("/api/ensembles", R"({
    "scenario": "tiny", "replicates": 3, "name": "no_noncompetes",
    "values": {"hub.test.noncompete.max_months": 0},
    "policies": [{"date": "2025-03-01", "hub": "test",
                  "key": "government.local.subsidy_per_startup_cny", "value": 0}]})");
  EXPECT_EQ(again.second["ensemble_id"], id);
  EXPECT_EQ(wait_for_ensemble(id)["done"], 6);

  // The downloaded set-up, compared with its scenario as `liangzhu compare` would, gives the
  // lab's figures run for run.
  const auto res = client().Post("/api/setup/toml", setup_body, "application/json");
  ASSERT_TRUE(res && res->status == 200);
  const auto file = store_file() / "setup.toml";
  { std::ofstream(file) << res->body; }
  const io::scenario loaded = io::load_scenario(file, model::scenario_schema());
  EXPECT_EQ(loaded.string("name"), "tiny_lab");
  TearDown();
  const auto lab = store::run_store(store_file() / "runs.db", store::run_store::mode::read_only)
                       .reader()
                       .read_sweep_results(id);
  store::run_store store(store_file() / "cli.db");
  io::experiment_spec spec;
  spec.name = "cli";
  const auto tiny = std::filesystem::path(LIANGZHU_SOURCE_DIR) / "tests/serve/data/tiny.toml";
  spec.scenario = tiny.string();
  spec.replicates = 3;
  spec.master_seed = 1;
  spec.outputs = experiment::headline_outputs();
  spec.output_origins.assign(spec.outputs.size(), {"test", 0, 0});
  io::experiment_factor f;
  f.key = "scenario";
  f.values = {io::param_value(tiny.string()), io::param_value(file.string())};
  spec.factors.push_back(f);
  const auto as_is = [](const std::string& a, const io::value_origin&) {
    return std::filesystem::path(a);
  };
  const auto p = experiment::plan_experiment(spec, as_is, store::sweep_kind::compare);
  const auto outcome = experiment::run_experiment(store, p, {});
  const auto cli =
      experiment::point_results(p, experiment::read_output_table(store, p, outcome.sweep_id));
  ASSERT_EQ(cli.size(), lab.size());
  // The first point (the scenario as it is) is the same; the set-up differs from the lab's only
  // by its name (tiny_lab here, no_noncompetes there), which changes no figure.
  for (std::size_t i = 0; i < cli.size(); ++i) {
    EXPECT_EQ(cli[i].output, lab[i].output);
    EXPECT_EQ(cli[i].mean, lab[i].mean) << cli[i].output << " at point " << cli[i].point;
  }
}

TEST_F(serve_lab, the_runs_length_holds_for_the_scenario_and_the_set_up_alike) {
  start();
  const auto [status, started] = post("/api/ensembles", R"({"scenario": "tiny", "replicates": 2,
      "values": {"ticks": 12, "hub.test.noncompete.max_months": 0}})");
  ASSERT_EQ(status, 202) << started;
  EXPECT_EQ(wait_for_ensemble(started["ensemble_id"])["status"], "complete");
  const json data = json::parse(
      get(fmt::format("/api/ensembles/{}/data", started["ensemble_id"].get<int>())).second);
  ASSERT_EQ(data["runs"].size(), 2U);
  EXPECT_EQ(data["runs"][0]["dates"].size(), 12U);
  EXPECT_EQ(data["runs"][1]["dates"].size(), 12U);
}

TEST_F(serve_lab, a_policy_change_is_checked_as_a_scenario_files_entry_and_listed_with_the_run) {
  start();
  const auto bad = [&](const std::string& policies, const std::string& expected) {
    const auto [status, answer] =
        post("/api/runs", fmt::format(R"({{"scenario": "tiny", "policies": {}}})", policies));
    EXPECT_EQ(status, 400) << policies;
    EXPECT_NE(answer.value("error", "").find(expected), std::string::npos)
        << policies << " -> " << answer.dump();
  };
  bad(R"({"date": "2025-03-01"})", "must be an array");
  bad(R"([{"date": "2025-03-01", "hub": "test", "key": "noncompete.max_months"}])", "'value'");
  bad(R"([{"date": "1 March", "hub": "test", "key": "noncompete.max_months", "value": 6}])",
      "not a date");
  bad(R"([{"date": "2025-03-01", "hub": "x]\n[evil", "key": "noncompete.max_months",
           "value": 6}])",
      "not a hub name");
  bad(R"([{"date": "2025-03-01", "hub": "test", "key": "noncompete.max_month", "value": 6}])",
      "max_months");  // did you mean
  bad(R"([{"date": "2025-03-01", "hub": "test", "key": "noncompete.max_months", "value": 999}])",
      "above the maximum 120");
  bad(R"([{"date": "2030-03-01", "hub": "test", "key": "noncompete.max_months", "value": 6}])",
      "2030");
  bad(R"([{"date": "2025-03-01", "hub": "test", "key": "talent.engineers", "value": 6}])",
      "talent.engineers");

  const auto [status, started] = post("/api/runs", setup_body);
  ASSERT_EQ(status, 202) << started;
  EXPECT_EQ(payloads(events(started["events"]), "progress").back()["status"], "complete");
  const json run = json::parse(get("/api/runs/1").second);
  EXPECT_EQ(run["scenario"], "tiny_lab") << "a changed scenario is not listed under its own name";
  const auto changes = run["overrides"].get<std::vector<std::string>>();
  EXPECT_NE(std::ranges::find(
                changes, "policy 2025-03-01: hub.test.government.local.subsidy_per_startup_cny=0"),
            changes.end())
      << run.dump();
}

TEST_F(serve_lab, the_queue_pauses_between_weeks_and_resumes_and_an_ensemble_can_be_cancelled) {
  start();
  ASSERT_EQ(post("/api/queue/pause", "{}").first, 200);
  const auto [status, started] = post("/api/runs", R"({"scenario": "tiny"})");
  ASSERT_EQ(status, 202);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const json held = json::parse(get("/api/runs/1").second)["live"];
  EXPECT_LE(held["tick"].get<long>(), 1) << "a paused queue ran on: " << held;
  const json queue = json::parse(get("/api/queue").second);
  EXPECT_TRUE(queue["paused"].get<bool>());
  ASSERT_EQ(queue["items"].size(), 1U);
  EXPECT_EQ(queue["items"][0]["kind"], "run");
  ASSERT_EQ(post("/api/queue/resume", "{}").first, 200);
  EXPECT_EQ(payloads(events(started["events"]), "progress").back()["status"], "complete");

  ASSERT_EQ(post("/api/queue/pause", "{}").first, 200);
  const auto [queued, ensemble] = post("/api/ensembles", setup_body);
  ASSERT_EQ(queued, 202) << ensemble;
  const std::int64_t id = ensemble["ensemble_id"];
  ASSERT_EQ(post(fmt::format("/api/ensembles/{}/cancel", id), "{}").first, 202);
  ASSERT_EQ(post("/api/queue/resume", "{}").first, 200);
  const json ended = wait_for_ensemble(id);
  EXPECT_EQ(ended["status"], "interrupted") << ended;
  EXPECT_EQ(post(fmt::format("/api/ensembles/{}/cancel", id), "{}").first, 409);
  EXPECT_EQ(get("/api/ensembles/99").first, 404);
  EXPECT_EQ(post("/api/ensembles", R"({"scenario": "tiny"})").first, 400);  // changes nothing
  EXPECT_EQ(
      post("/api/ensembles", R"({"scenario": "tiny", "values": {"ticks": 10, "seed": 3}})").first,
      400);  // the run's length and seed are not changes to compare
  EXPECT_EQ(post("/api/ensembles", R"({"scenario": "tiny", "replicates": 1,
                                       "values": {"hub.test.noncompete.max_months": 0}})")
                .first,
            400);
}

TEST_F(serve_lab, with_a_posterior_an_ensembles_pairs_take_its_draws) {
  const auto file = std::filesystem::path(::testing::TempDir()) / "lab_posterior.csv";
  std::ofstream(file) << "generation,particle,weight,distance,tolerance,"
                         "hub.test.poaching.premium\n0,0,1,1,inf,0.2\n0,1,1,1,inf,0.6\n";
  static std::filesystem::path posterior;
  posterior = file;
  start([](serve::server_options& o) { o.posterior = posterior; });
  EXPECT_EQ(json::parse(get("/api/lab").second)["posterior"], "lab_posterior.csv");
  const std::string body = R"({"scenario": "tiny", "replicates": 4, "posterior": true,
                               "values": {"hub.test.noncompete.max_months": 0}})";
  const auto [status, started] = post("/api/ensembles", body);
  ASSERT_EQ(status, 202) << started;
  EXPECT_EQ(wait_for_ensemble(started["ensemble_id"])["status"], "complete");
  const json data = json::parse(
      get(fmt::format("/api/ensembles/{}/data", started["ensemble_id"].get<int>())).second);
  ASSERT_EQ(data["runs"].size(), 2U);
  EXPECT_EQ(data["runs"][1]["posterior"]["draws"], 2) << data["runs"][1].dump().substr(0, 300);
  EXPECT_EQ(post("/api/ensembles", R"({"scenario": "tiny", "replicates": 3, "posterior": true,
                                       "values": {"hub.test.noncompete.max_months": 0}})")
                .first,
            400);  // two seeds per draw
}

TEST_F(serve_lab, an_ensemble_with_posterior_draws_needs_a_server_with_a_posterior) {
  start();
  EXPECT_TRUE(json::parse(get("/api/lab").second)["posterior"].is_null());
  // Fields of the wrong type are bad requests, never server errors.
  for (const char* wrong : {R"("posterior": 1)", R"("label": 5)", R"("replicates": "5")",
                            R"("policies": [3])", R"("name": "")"})
    EXPECT_EQ(post("/api/ensembles", fmt::format(R"({{"scenario": "tiny", {},
                                  "values": {{"hub.test.noncompete.max_months": 0}}}})",
                                                 wrong))
                  .first,
              400)
        << wrong;
  EXPECT_EQ(post("/api/ensembles", R"({"scenario": "tiny", "replicates": 4, "posterior": true,
                                       "values": {"hub.test.noncompete.max_months": 0}})")
                .first,
            400);
}

TEST_F(serve_lab, an_opened_file_is_its_closest_scenario_with_the_differences_as_levers) {
  start();
  const auto tiny = std::filesystem::path(LIANGZHU_SOURCE_DIR) / "tests/serve/data/tiny.toml";
  const std::string toml = fmt::format(
      "extends = {}\nname = \"mine\"\nhub.test.poaching.premium = 0.5\n"
      "[[hub.test.policy]]\ndate = 2025-04-01\nkey = \"noncompete.max_months\"\nvalue = 3\n"
      "[[hub.test.export_control]]\ndate = 2025-02-01\nsupply_share = 0.5\n",
      json(tiny.string()).dump());
  const auto [status, opened] = post("/api/setup/open", json{{"toml", toml}}.dump());
  ASSERT_EQ(status, 200) << opened;
  EXPECT_EQ(opened["scenario"], "tiny");
  EXPECT_EQ(opened["name"], "mine");
  EXPECT_EQ(opened["values"], json({{"hub.test.poaching.premium", 0.5}}));
  ASSERT_EQ(opened["policies"].size(), 1U);
  EXPECT_EQ(opened["policies"][0]["key"], "noncompete.max_months");
  // Export-control steps of its own are not a lever: said, not dropped in silence.
  ASSERT_EQ(opened["unmatched"].size(), 1U) << opened;
  EXPECT_NE(opened["unmatched"][0].get<std::string>().find("export_control"), std::string::npos);
  EXPECT_EQ(post("/api/setup/open", R"({"run": 7})").first, 404);
  EXPECT_EQ(post("/api/setup/open", R"({"toml": "ticks = 'x'"})").first, 400);
  EXPECT_EQ(post("/api/setup/open", "{}").first, 400);
}

}  // namespace
}  // namespace liangzhu::testing
