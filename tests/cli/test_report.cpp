// `liangzhu report` on runs written by `liangzhu run`: every chart's data in the page, a page that
// needs nothing from the network, and bad input refused with the documented exit codes.
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli_test_support.hpp"
#include "liangzhu/experiment/statistics.hpp"

namespace liangzhu::cli::testing {
namespace {

/// The series the charts of web/src/report/charts.ts draw (web/test/sync.test.ts fails when the
/// two lists differ; the browser test checks that every chart draws something).
const std::vector<std::string> charted_series = {"startups_idea",
                                                 "startups_seed",
                                                 "startups_a",
                                                 "startups_b",
                                                 "startups_growth",
                                                 "tigers_alive",
                                                 "tigers_total",
                                                 "funding_government_cny_weekly",
                                                 "funding_domestic_vc_cny_weekly",
                                                 "funding_foreign_vc_cny_weekly",
                                                 "funding_founders_cny_weekly",
                                                 "foreign_share",
                                                 "chose_government",
                                                 "chose_offshore",
                                                 "offshore_share",
                                                 "graduates",
                                                 "leavers",
                                                 "job_moves",
                                                 "poached_weekly",
                                                 "waiting_founders",
                                                 "bound_engineers",
                                                 "compute_supply_foreign_h100e",
                                                 "compute_supply_domestic_h100e",
                                                 "compute_demand_h100e",
                                                 "gov_spending_cny",
                                                 "startups_alive"};

/// The summary figures the headline table and the cost chart show.
const std::vector<std::string> charted_figures = {
    "startups_founded",       "tigers",        "government_spending_cny", "cost_per_startup_cny",
    "chip_independence_tick", "foreign_share", "offshore_share"};

/// The JSON document embedded in a report page.
nlohmann::json embedded_data(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"liangzhu-data\">";
  const auto begin = html.find(open);
  if (begin == std::string::npos) return {};
  const auto start = begin + open.size();
  return nlohmann::json::parse(html.substr(start, html.find("</script>", start) - start));
}

bool has_finite_value(const nlohmann::json& values) {
  return std::any_of(values.begin(), values.end(), [](const auto& v) { return v.is_number(); });
}

class report_command : public cli_test {
 protected:
  void SetUp() override {
    const result r = run({"run", "small.toml", "--quiet"});
    ASSERT_EQ(r.code, 0) << describe(r);
  }
  /// A compare of the small scenario and a richer subsidy, four replicates each, into c.db.
  void compare_small_and_rich() {
    write_file(path("rich.toml"),
               "extends = \"small.toml\"\nname = \"rich\"\n[hub.liangzhu]\n"
               "government.local.subsidy_per_startup_cny = 5000000\n");
    const result r = run({"compare", "small.toml", "rich.toml", "--replicates", "4", "--ticks",
                          "30", "--out", "c.db", "--quiet"});
    ASSERT_EQ(r.code, 0) << describe(r);
  }
};

TEST_F(report_command, EveryChartHasItsDataInThePage) {
  const result r = run({"report", "runs.db", "-o", "report.html"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_NE(r.out.find("report.html"), std::string::npos) << r.out;
  const auto data = embedded_data(slurp(path("report.html")));
  ASSERT_EQ(data.value("format", ""), "liangzhu-report");
  ASSERT_EQ(data["runs"].size(), 1u);
  const auto& run = data["runs"][0];
  EXPECT_EQ(run["dates"].size(), 30u);
  EXPECT_EQ(run["dates"][0], "2025-01-01");
  ASSERT_EQ(run["hubs"].size(), 1u);
  const auto& series = run["hubs"][0]["series"];
  for (const auto& name : charted_series) {
    ASSERT_TRUE(series.contains(name)) << name;
    EXPECT_EQ(series[name].size(), 30u) << name;
    EXPECT_TRUE(has_finite_value(series[name])) << name;
  }
  for (const auto& name : charted_figures) {
    const auto& summary = run["summary"];
    EXPECT_TRUE(std::any_of(summary.begin(), summary.end(), [&](const auto& f) {
      return f["name"] == name;
    })) << name;
  }
}

TEST_F(report_command, AnEnsemblesRunningTotalHasTheBandOfItsReplicatesTotals) {
  ASSERT_NO_FATAL_FAILURE(compare_small_and_rich());
  const result r = run({"report", "c.db", "--experiment", "1", "-o", "c.html"});
  ASSERT_EQ(r.code, 0) << describe(r);
  const auto data = embedded_data(slurp(path("c.html")));
  const auto& hub = data["runs"][1]["hubs"][0];  // the rich scenario, with government money
  const auto& band = hub["transformed_bands"]["cumulative"]["funding_government_cny_weekly"];
  const auto& weekly = hub["bands"]["funding_government_cny_weekly"];
  // Each replicate's own total from the store, and the 95% Student-t interval of their mean.
  const auto store = open_store(path("c.db"));
  std::vector<double> totals;
  for (const auto& run : store.reader().read_sweep_runs(1)) {
    if (run.point != 1) continue;
    const auto table = store.reader().read_series(run.run_id);
    const auto column = static_cast<std::size_t>(
        std::find(table.columns.begin(), table.columns.end(), "funding_government_cny_weekly") -
        table.columns.begin());
    double total = 0;
    for (const auto& row : table.rows) total += row.values.at(column);
    totals.push_back(total);
  }
  ASSERT_EQ(totals.size(), 4u);
  double mean = 0, squares = 0;
  for (const double t : totals) mean += t / 4;
  for (const double t : totals) squares += (t - mean) * (t - mean);
  const double half = 3.182446305284263 * std::sqrt(squares / 3) / 2;  // t(0.975, 3) x sd / sqrt 4
  ASSERT_GT(half, 0) << "the replicates' totals differ";
  EXPECT_NEAR(band["lower"].back().get<double>(), mean - half, 1e-6 * mean);
  EXPECT_NEAR(band["upper"].back().get<double>(), mean + half, 1e-6 * mean);
  double summed = 0;  // what summing the weekly bounds made of it
  for (std::size_t t = 0; t < weekly["upper"].size(); ++t)
    if (weekly["upper"][t].is_number() && weekly["lower"][t].is_number())
      summed += weekly["upper"][t].get<double>() - weekly["lower"][t].get<double>();
  EXPECT_LT(2 * half, summed) << "the interval of a total is narrower than the sum of weekly ones";
}

TEST_F(report_command, ACompareReportCarriesPairedDifferencesAndEachReplicateFromTheStore) {
  ASSERT_NO_FATAL_FAILURE(compare_small_and_rich());
  ASSERT_EQ(run({"report", "c.db", "--experiment", "1", "-o", "c.html"}).code, 0);
  const auto data = embedded_data(slurp(path("c.html")));
  const auto& reference = data["runs"][0];
  const auto& rich = data["runs"][1];
  EXPECT_FALSE(reference["hubs"][0].contains("differences")) << "the reference is not paired";
  // Each replicate's figures and series from the store, by point and replicate.
  const auto store = open_store(path("c.db"));
  std::map<std::int64_t, std::vector<double>> spending, spent_so_far;  // point -> replicates
  for (const auto& r : store.reader().read_sweep_runs(1)) {
    for (const auto& row : store.reader().read_summary(r.run_id))
      if (row.group == "liangzhu" && row.name == "government_spending_cny")
        spending[r.point].resize(4), spending[r.point][r.replicate] = row.value.value_or(0);
    const auto table = store.reader().read_series(r.run_id);
    const auto column = static_cast<std::size_t>(
        std::find(table.columns.begin(), table.columns.end(), "gov_spending_cny") -
        table.columns.begin());
    spent_so_far[r.point].resize(4);
    spent_so_far[r.point][r.replicate] = table.rows.back().values.at(column);
  }
  ASSERT_EQ(spending[1].size(), 4u);
  const auto figure_of = [](const nlohmann::json& run_data, const std::string& name) {
    for (const auto& f : run_data["summary"])
      if (f["hub"] == "liangzhu" && f["name"] == name) return f;
    return nlohmann::json();
  };
  const auto spent = figure_of(rich, "government_spending_cny");
  ASSERT_TRUE(spent.is_object());
  ASSERT_EQ(spent["replicates"].size(), 4u);
  for (std::size_t r = 0; r < 4; ++r)
    EXPECT_DOUBLE_EQ(spent["replicates"][r].get<double>(), spending[1][r]) << "replicate " << r;
  const auto paired = experiment::compare_paired(spending[0], spending[1]);
  ASSERT_TRUE(paired.difference.mean && paired.p_value);
  EXPECT_NEAR(spent["difference"].get<double>(), *paired.difference.mean,
              1e-9 * *paired.difference.mean);
  EXPECT_NEAR(spent["difference_lower"].get<double>(), *paired.difference.low,
              1e-6 * std::abs(*paired.difference.low) + 1e-6);
  EXPECT_NEAR(spent["p_value"].get<double>(), *paired.p_value, 1e-12);
  EXPECT_GT(spent["difference"].get<double>(), 0) << "a richer subsidy costs more";
  EXPECT_GT(spent["p_higher"].get<double>(), 0.5);
  // The series' difference band at the last week: the paired difference of the running spending.
  const auto& difference = rich["hubs"][0]["differences"]["gov_spending_cny"];
  ASSERT_TRUE(difference.is_object());
  const auto last = experiment::compare_paired(spent_so_far[0], spent_so_far[1]);
  EXPECT_NEAR(difference["mean"].back().get<double>(), *last.difference.mean,
              1e-6 * std::abs(*last.difference.mean));
  EXPECT_NEAR(difference["upper"].back().get<double>(), *last.difference.high,
              1e-6 * std::abs(*last.difference.high));
}

TEST_F(report_command, TheRunAndItsReportNameTheSameFirstAndLastWeek) {
  const result r = run({"run", "small.toml", "--seed", "3"});
  ASSERT_EQ(r.code, 0) << describe(r);
  ASSERT_EQ(run({"report", "runs.db", "2", "-o", "r.html"}).code, 0);
  const auto dates = embedded_data(slurp(path("r.html")))["runs"][0]["dates"];
  ASSERT_EQ(dates.size(), 30u);
  const std::string weeks = fmt::format("weeks from {} to {}", dates.front().get<std::string>(),
                                        dates.back().get<std::string>());
  EXPECT_NE(r.out.find(weeks), std::string::npos) << r.out;
}

TEST_F(report_command, ThePageNeedsNothingFromTheNetwork) {
  ASSERT_EQ(run({"report", "runs.db", "-o", "report.html"}).code, 0);
  const std::string html = slurp(path("report.html"));
  for (const char* link :
       {"src=\"http", "href=\"http", "src='http", "href='http", "src=\"//", "href=\"//", "@import"})
    EXPECT_EQ(html.find(link), std::string::npos) << link;
  // The one link is the empty icon, so that a served page does not ask for /favicon.ico.
  constexpr std::string_view icon = "<link rel=\"icon\" href=\"data:,\">";
  for (std::size_t at = html.find("<link"); at != std::string::npos;
       at = html.find("<link", at + 1))
    EXPECT_EQ(html.compare(at, icon.size(), icon), 0) << html.substr(at, 80);
  EXPECT_NE(html.find("<script>"), std::string::npos) << "the front end is inlined";
  EXPECT_GT(html.size(), 100'000u) << "the charting library is inside";
}

TEST_F(report_command, TheLatestRunByDefaultAndSeveralSideBySide) {
  ASSERT_EQ(run({"run", "small.toml", "-q", "--seed", "2", "--label", "second"}).code, 0);
  ASSERT_EQ(run({"report", "runs.db"}).code, 0);
  const auto latest = embedded_data(slurp(path("runs-report.html")));
  ASSERT_EQ(latest["runs"].size(), 1u);
  EXPECT_EQ(latest["runs"][0]["id"], "2");
  EXPECT_EQ(latest["runs"][0]["label"], "run 2: second");
  ASSERT_EQ(run({"report", "runs.db", "2", "1", "-o", "both.html"}).code, 0);
  const auto both = embedded_data(slurp(path("both.html")));
  ASSERT_EQ(both["runs"].size(), 2u);
  EXPECT_EQ(both["runs"][0]["seed"], "2");
  EXPECT_EQ(both["runs"][1]["seed"], "11");
}

TEST_F(report_command, BadInputIsRefusedWithoutWritingAFile) {
  const result missing = run({"report", "nope.db", "-o", "a.html"});
  EXPECT_EQ(missing.code, 2) << describe(missing);
  EXPECT_NE(missing.err.find("nope.db"), std::string::npos) << missing.err;
  const result unknown = run({"report", "runs.db", "7", "-o", "a.html"});
  EXPECT_EQ(unknown.code, 2) << describe(unknown);
  EXPECT_NE(unknown.err.find("no run 7"), std::string::npos) << unknown.err;
  const result not_a_number = run({"report", "runs.db", "seven", "-o", "a.html"});
  EXPECT_EQ(not_a_number.code, 2) << describe(not_a_number);
  EXPECT_FALSE(fs::exists(path("a.html")));
}

TEST_F(report_command, AStoreWithoutRunsIsBadInput) {
  { store::run_store empty(path("empty.db")); }
  const result r = run({"report", "empty.db", "-o", "a.html"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_NE(r.err.find("no runs"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(path("a.html")));
}

TEST_F(report_command, AnUnwritableOutputIsAnIoErrorAndLeavesNoPartialFile) {
  fs::create_directories(path("locked"));
  fs::permissions(path("locked"), fs::perms::owner_read | fs::perms::owner_exec);
  const bool root_ignores_permissions = ::geteuid() == 0;
  const std::string target = root_ignores_permissions ? "report.html/inside.html" : "locked/r.html";
  if (root_ignores_permissions) write_file(path("report.html"), "a file where a folder should be");
  const result r = run({"report", "runs.db", "-o", target});
  EXPECT_EQ(r.code, 3) << describe(r);
  EXPECT_NE(r.err.find(target.substr(0, target.find('/'))), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(path("locked")));
  fs::permissions(path("locked"), fs::perms::owner_all);
}

}  // namespace
}  // namespace liangzhu::cli::testing
