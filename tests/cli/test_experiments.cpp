// `liangzhu sweep`, `compare` and `sensitivity` end to end: what they store, that a sweep's run is
// the run `liangzhu run` gives, that a killed or interrupted sweep resumes to the same results,
// that MPI ranks give the same store as threads, and that bad experiment files are bad input.
#include <gmock/gmock.h>

#include <set>

#include "cli/cli_test_support.hpp"
#include "cli/random_kills.hpp"
#include "cli/store_checks.hpp"

namespace liangzhu::cli::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

/// (point, replicate) -> the run's summary and series, for comparing two stores.
struct stored_sweep {
  std::map<std::pair<std::int64_t, std::int64_t>, std::vector<store::summary_row>> summaries;
  std::map<std::pair<std::int64_t, std::int64_t>, store::series_table> series;
  std::vector<store::sweep_result> results;
  store::run_status status = store::run_status::failed;
};

stored_sweep read_sweep(const fs::path& file) {
  const auto s = open_store(file);
  stored_sweep out;
  const auto sweeps = s.reader().list_sweeps();
  if (sweeps.empty()) return out;
  const auto id = sweeps.back().sweep_id;
  out.status = sweeps.back().status;
  for (const auto& r : s.reader().read_sweep_runs(id)) {
    if (r.status != store::run_status::complete) continue;
    out.summaries[{r.point, r.replicate}] = s.reader().read_summary(r.run_id);
    out.series[{r.point, r.replicate}] = s.reader().read_series(r.run_id);
  }
  out.results = s.reader().read_sweep_results(id);
  return out;
}

void expect_same(const stored_sweep& a, const stored_sweep& b) {
  EXPECT_EQ(a.summaries, b.summaries);
  ASSERT_EQ(a.series.size(), b.series.size());
  for (const auto& [key, table] : a.series)
    EXPECT_TRUE(same_series(table, b.series.at(key))) << key.first << "/" << key.second;
  EXPECT_EQ(a.results, b.results);
}

/// Complete runs in a store another process is writing (0 until it exists).
std::size_t complete_runs(const fs::path& file) {
  if (!fs::exists(file)) return 0;
  try {
    std::size_t n = 0;
    for (const auto& r : open_store(file).reader().list_runs())
      if (r.status == store::run_status::complete) ++n;
    return n;
  } catch (const std::exception&) {
    return 0;  // caught while the schema was being created
  }
}

class experiments : public cli_test {
 protected:
  experiments() { write_file(path("exp.toml"), small_experiment); }

  /// Starts a sweep of `runs` long runs and waits until `done` of them are stored.
  child start_long_sweep(const std::string& store, std::size_t done) {
    child c = start({"sweep", "exp.toml", "--out", store, "--jobs", "1", "--ticks", "150"});
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (complete_runs(path(store)) < done && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return c;
  }
};

TEST_F(experiments, SweepStoresEveryRunAndThePerPointResults) {
  const auto r = run({"sweep", "exp.toml", "--out", "s.db", "--csv", "results.csv"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_THAT(r.out, HasSubstr("6 points x 3 replicates = 18 runs (18 done now, 0 from before)"));
  EXPECT_THAT(r.out, HasSubstr("startups_founded (mean [95% CI])"));
  const auto s = read_sweep(path("s.db"));
  EXPECT_EQ(s.status, store::run_status::complete);
  EXPECT_EQ(s.summaries.size(), 18u);
  ASSERT_EQ(s.results.size(), 6u * 3);
  EXPECT_EQ(s.results[0].n, 3);
  EXPECT_TRUE(s.results[0].ci_low.has_value());
  const std::string csv = slurp(path("results.csv"));
  EXPECT_THAT(csv, HasSubstr("point,hub.liangzhu.government.local.subsidy_per_startup_cny,"
                             "hub.liangzhu.noncompete.max_months,output,n,mean,sd,ci_low,ci_high"));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 18);
  const auto report =
      run({"report", "s.db", "--experiment", "1", "--points", "0", "5", "-o", "sweep.html"});
  ASSERT_EQ(report.code, 0) << describe(report);
  const std::string page = slurp(path("sweep.html"));
  EXPECT_THAT(page, HasSubstr("\"bands\""));
  EXPECT_THAT(page, HasSubstr("\"replicates\":3"));
  EXPECT_THAT(page, HasSubstr("point 5: subsidy_per_startup_cny=3000000.0, max_months=24.0"));
  EXPECT_EQ(run({"report", "s.db", "--experiment", "1", "--points", "9"}).code, 2);
  EXPECT_EQ(run({"report", "s.db", "--experiment", "7"}).code, 2);
  const auto listed = run({"runs", "s.db"});
  EXPECT_THAT(listed.out, HasSubstr("cli_grid"));
  EXPECT_THAT(listed.out, HasSubstr("sweep  complete"));
  // The export says which point and replicate each run is, and what the points are.
  ASSERT_EQ(run({"export", "s.db", "--format", "csv", "--dir", "csv"}).code, 0);
  const std::string runs_csv = slurp(path("csv/runs.csv"));
  EXPECT_THAT(runs_csv, HasSubstr(",experiment_id,point,replicate\n"));
  EXPECT_THAT(runs_csv, HasSubstr(",1,5,2\n"));  // the last run: point 5, replicate 2
  const std::string points = slurp(path("csv/experiment_points.csv"));
  EXPECT_THAT(points, HasSubstr("1,5,hub.liangzhu.noncompete.max_months,24"));
  EXPECT_EQ(std::count(points.begin(), points.end(), '\n'), 1 + 6 * 2);
  EXPECT_THAT(slurp(path("csv/experiments.csv")), HasSubstr("1,cli_grid,sweep,"));
  EXPECT_EQ(std::count_if(runs_csv.begin(), runs_csv.end(), [](char c) { return c == '\n'; }),
            1 + 18);
}

TEST_F(experiments, ASweepRunIsTheRunThatLiangzhuRunGives) {
  ASSERT_EQ(run({"sweep", "exp.toml", "--out", "s.db", "-q"}).code, 0);
  const auto s = open_store(path("s.db"));
  const auto sweep = s.reader().list_sweeps().back().sweep_id;
  const auto runs = s.reader().read_sweep_runs(sweep);
  const auto& pick = runs[4 * 3 + 2];  // point 4 (3 M subsidy, no noncompete), replicate 2
  ASSERT_EQ(pick.point, 4);
  const auto alone =
      run({"run", "small.toml", "--seed", std::to_string(pick.seed), "--ticks", "30", "--set",
           "hub.liangzhu.government.local.subsidy_per_startup_cny=3000000", "--set",
           "hub.liangzhu.noncompete.max_months=0", "--out", "one.db", "-q"});
  ASSERT_EQ(alone.code, 0) << describe(alone);
  const auto one = open_store(path("one.db"));
  EXPECT_TRUE(same_series(s.reader().read_series(pick.run_id), one.reader().read_series(1)));
  EXPECT_EQ(s.reader().read_summary(pick.run_id), one.reader().read_summary(1));
}

// Killed at random moments several times in a row, the sweep's store is whole after every kill
// (only complete runs, every experiment with its points), and the sweep run again until it ends
// stores what an uninterrupted sweep stores, bit for bit.
TEST_F(experiments, ASweepKilledAtRandomMomentsResumesToTheResultsOfAnUninterruptedOne) {
  // 80 weeks: long enough for most kills to land before the end, short enough that the six
  // kills and resumptions stay within a few minutes under ThreadSanitizer.
  const std::vector<std::string> sweep = {"sweep", "exp.toml", "--jobs", "1", "--ticks", "80"};
  const auto with_store = [&](const std::string& store) {
    std::vector<std::string> args = sweep;
    args.insert(args.end(), {"--out", store});
    return args;
  };
  const auto took = time_taken([&] { ASSERT_EQ(run(with_store("clean.db")).code, 0); });
  const killable_job job{
      [&] { return start(with_store("killed.db")); },
      [&] { return 1.0 - static_cast<double>(complete_runs(path("killed.db"))) / 18.0; }};
  const int survived = kill_repeatedly("the sweep", 6, path("killed.db"), job, took);
  EXPECT_GE(survived, 4) << "most kills should land before the sweep ends";

  const std::size_t kept = complete_runs(path("killed.db"));
  const auto resumed = run(with_store("killed.db"));
  ASSERT_EQ(resumed.code, 0) << describe(resumed);
  EXPECT_THAT(resumed.out,
              HasSubstr(fmt::format("({} done now, {} from before)", 18 - kept, kept)));
  EXPECT_THAT(store_defects(path("killed.db")), IsEmpty());
  expect_same(read_sweep(path("killed.db")), read_sweep(path("clean.db")));
}

TEST_F(experiments, SigintStopsASweepThatTheSameCommandResumes) {
  child c = start_long_sweep("s.db", 1);
  ::kill(c.pid(), SIGINT);
  const auto r = c.wait();
  ASSERT_EQ(r.code, 4) << describe(r);
  EXPECT_THAT(r.err, HasSubstr("the same command resumes it"));
  EXPECT_EQ(read_sweep(path("s.db")).status, store::run_status::interrupted);
  const auto again = run({"sweep", "exp.toml", "--out", "s.db", "--ticks", "150", "-q"});
  ASSERT_EQ(again.code, 0) << describe(again);
  EXPECT_EQ(read_sweep(path("s.db")).status, store::run_status::complete);
  EXPECT_EQ(read_sweep(path("s.db")).summaries.size(), 18u);
}

TEST_F(experiments, TwoMpiRanksStoreWhatThreadsStore) {
  const std::string mpiexec = LIANGZHU_MPIEXEC;
  if (mpiexec.empty()) GTEST_SKIP() << "built without MPI";
  set_env("OMPI_ALLOW_RUN_AS_ROOT", "1");
  set_env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
  set_env("OMPI_MCA_rmaps_base_oversubscribe", "1");
  const auto r = start_program(mpiexec, {"-n", "2", "--oversubscribe", LIANGZHU_BINARY, "sweep",
                                         "exp.toml", "--out", "mpi.db"})
                     .wait();
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_THAT(r.out, HasSubstr("18 runs (18 done now"));
  // Only rank 0 prints.
  EXPECT_EQ(r.out.find("experiment 1"), r.out.rfind("experiment 1"));
  ASSERT_EQ(run({"sweep", "exp.toml", "--out", "threads.db", "--jobs", "2", "-q"}).code, 0);
  expect_same(read_sweep(path("mpi.db")), read_sweep(path("threads.db")));

  // Bad input ends every rank (none is left waiting) with the message and a failing exit code.
  write_file(path("bad.toml"), "scenario = \"small.toml\"\noutputs = [\"tigerz\"]\n");
  const auto bad = start_program(mpiexec, {"-n", "2", "--oversubscribe", LIANGZHU_BINARY, "sweep",
                                           "bad.toml", "--out", "bad.db"})
                       .wait();
  EXPECT_NE(bad.code, 0) << describe(bad);
  EXPECT_THAT(bad.err, HasSubstr("did you mean 'tigers'"));
}

TEST_F(experiments, ABayesianCalibrationOverTwoMpiRanksFindsWhatThreadsFind) {
  const std::string mpiexec = LIANGZHU_MPIEXEC;
  if (mpiexec.empty()) GTEST_SKIP() << "built without MPI";
  set_env("OMPI_ALLOW_RUN_AS_ROOT", "1");
  set_env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
  set_env("OMPI_MCA_rmaps_base_oversubscribe", "1");
  write_file(path("abc.toml"),
             "scenario = \"small.toml\"\nreplicates = 2\nticks = 6\n"
             "[[vary]]\nkey = \"hub.liangzhu.talent.engineers\"\nlow = 1000\nhigh = 6000\n"
             "[[target]]\noutput = \"engineers\"\ndate = 2025-02-01\nvalue = 4000\nscale = 100\n"
             "[calibration]\nalgorithm = \"abc-smc\"\nparticles = 10\ngenerations = 3\n");
  const auto r = start_program(mpiexec, {"-n", "2", "--oversubscribe", LIANGZHU_BINARY, "calibrate",
                                         "abc.toml", "--out", "mpi.db", "--jobs", "1",
                                         "--write-posterior", "mpi.csv"})
                     .wait();
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_EQ(r.out.find("posterior after"), r.out.rfind("posterior after")) << "rank 0 prints";
  const auto threads = run({"calibrate", "abc.toml", "-q", "--out", "threads.db", "--jobs", "2",
                            "--write-posterior", "threads.csv"});
  ASSERT_EQ(threads.code, 0) << describe(threads);
  EXPECT_EQ(slurp(path("mpi.csv")), slurp(path("threads.csv")));
  // A point optimiser is sequential: refused under mpirun, on every rank, without a hang.
  write_file(path("point.toml"),
             "scenario = \"small.toml\"\nreplicates = 1\nticks = 6\n"
             "[[vary]]\nkey = \"hub.liangzhu.talent.engineers\"\nlow = 1000\nhigh = 6000\n"
             "[[target]]\noutput = \"engineers\"\nvalue = 4000\n");
  const auto point = start_program(mpiexec, {"-n", "2", "--oversubscribe", LIANGZHU_BINARY,
                                             "calibrate", "point.toml", "--out", "p.db"})
                         .wait();
  EXPECT_NE(point.code, 0) << describe(point);
  EXPECT_THAT(point.err, HasSubstr("without mpirun"));
}

TEST_F(experiments, ABuildWithoutMpiRefusesToRunUnderMpirun) {
  if (!std::string(LIANGZHU_MPIEXEC).empty()) GTEST_SKIP() << "built with MPI";
  set_env("OMPI_COMM_WORLD_SIZE", "2");  // what mpirun tells each rank
  const auto r = run({"sweep", "exp.toml", "--out", "s.db"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_THAT(r.err, HasSubstr("built without MPI"));
  EXPECT_FALSE(fs::exists(path("s.db")));
}

TEST_F(experiments, CompareShowsScenariosSideBySideWithPairedDifferences) {
  write_file(path("rich.toml"),
             "extends = \"small.toml\"\nname = \"rich\"\n[hub.liangzhu]\n"
             "government.local.subsidy_per_startup_cny = 5000000\n");
  const auto r =
      run({"compare", "small.toml", "rich.toml", "--replicates", "4", "--ticks", "60", "--output",
           "subsidised_startups", "--output", "government_spending_cny", "--out", "c.db"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_THAT(r.out, HasSubstr("2 scenarios x 4 replicates (common random numbers)"));
  EXPECT_THAT(r.out, HasSubstr("difference (p)"));
  // More subsidy per startup, the same startups (common random numbers): spending differs
  // significantly, the number subsidised not at all.
  EXPECT_THAT(r.out, ::testing::ContainsRegex("government_spending_cny \\(CNY\\)[^\n]* \\*\n"));
  EXPECT_THAT(r.out,
              ::testing::ContainsRegex("subsidised_startups \\(startups\\)[^\n]* 0 \\(p=1.000\\)"));
  const auto s = open_store(path("c.db"));
  EXPECT_EQ(s.reader().list_sweeps().back().kind, store::sweep_kind::compare);
  EXPECT_EQ(s.reader().list_runs().size(), 8u);

  // Runs are stored as they finish, so find one run of each scenario by name.
  std::string small_run, rich_run;
  for (const auto& info : s.reader().list_runs())
    (info.scenario_name == "rich" ? rich_run : small_run) = std::to_string(info.run_id);
  const auto stored = run({"compare", small_run, rich_run, "--out", "c.db", "--output", "rounds"});
  ASSERT_EQ(stored.code, 0) << describe(stored);
  EXPECT_THAT(stored.out, HasSubstr(fmt::format("run {} (rich)", rich_run)));
  EXPECT_THAT(stored.out, HasSubstr("no confidence intervals"));
  EXPECT_EQ(run({"compare", "1", "99", "--out", "c.db"}).code, 2);
  const auto csv_of_runs = run({"compare", small_run, rich_run, "--out", "c.db", "--csv", "x.csv"});
  EXPECT_EQ(csv_of_runs.code, 2) << describe(csv_of_runs);
  EXPECT_THAT(csv_of_runs.err, HasSubstr("--csv"));

  EXPECT_EQ(run({"compare", "small.toml"}).code, 2);
  const auto twice = run({"compare", "small.toml", "small.toml"});
  EXPECT_EQ(twice.code, 2);
  EXPECT_THAT(twice.err, HasSubstr("listed twice"));
}

TEST_F(experiments, CompareShowsFiguresInWeeksAsDatesAndScenariosByTheirOwnNames) {
  write_file(path("variant.toml"),
             "extends = \"small.toml\"\nname = \"rich\"\n[hub.liangzhu]\n"
             "government.local.subsidy_per_startup_cny = 5000000\n");
  const auto r = run({"compare", "small.toml", "variant.toml", "--replicates", "3", "--output",
                      "chip_independence_tick", "--out", "c.db"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_THAT(r.out, HasSubstr("chip_independence_tick (date)"));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("20[0-9][0-9]-[01][0-9]-[0-3][0-9] \\["));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("[0-9] (weeks|years) \\(p"));  // the difference
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("variant")))
      << "the scenario is 'rich', as the store names it";
  EXPECT_THAT(r.out, HasSubstr("rich"));
  EXPECT_THAT(r.out, HasSubstr("difference = scenario - small"));
}

TEST_F(experiments, CompareWithAPosteriorPairsDrawsAndSplitsTheSpread) {
  write_file(path("rich.toml"),
             "extends = \"small.toml\"\nname = \"rich\"\n[hub.liangzhu]\n"
             "government.local.subsidy_per_startup_cny = 5000000\n");
  write_file(path("post.csv"),
             "# two particles of equal weight\n"
             "generation,weight,startups.capability_growth_per_year,simulated:tigers\n"
             "2,1,0.5,3\n2,1,1.2,\n");
  const auto r = run({"compare", "small.toml", "rich.toml", "--posterior", "post.csv", "--draws",
                      "2", "--ticks", "30", "--output", "startups_founded", "--output",
                      "government_spending_cny", "--out", "p.db", "--csv", "p.csv"});
  ASSERT_EQ(r.code, 0) << describe(r);
  // The CSV holds what the tables print, unrounded: a line per scenario and output.
  const std::string csv = slurp(path("p.csv"));
  EXPECT_THAT(csv, ::testing::StartsWith("scenario,output,unit,n,mean,ci_low,ci_high,runs_low,"));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 * 2);
  // The reference has no difference; its parameter share is there (two draws x two seeds).
  EXPECT_THAT(csv, ::testing::ContainsRegex("\nsmall,startups_founded,startups,4,[^,]+,[^,]+,[^,]+,"
                                            "[^,]+,[^,]+,,,,,,,,[0-9.e-]+,\n"));
  // The other scenario has its paired difference, p-value and P(higher).
  EXPECT_THAT(csv, ::testing::ContainsRegex("\nrich,government_spending_cny,CNY,4,([^,]*,){5}"
                                            "[^,]+,([^,]*,){5}(0|1|0\\.[0-9]+),"));
  EXPECT_THAT(r.out, HasSubstr("2 scenarios x 4 replicates"));
  EXPECT_THAT(r.out, HasSubstr("2 draws x 2 seeds per draw"));
  EXPECT_THAT(r.out, HasSubstr("P(higher)"));
  EXPECT_THAT(r.out, HasSubstr("share of the variance from the parameters"));
  // Each run ran with its draw's value (two draws of two particles: one each), recorded with it.
  const auto s = open_store(path("p.db"));
  std::map<std::string, int> growth;
  for (const auto& info : s.reader().list_runs()) {
    EXPECT_THAT(info.label, HasSubstr("posterior draw"));
    for (const auto& [key, value] : s.reader().read_parameters(info.run_id))
      if (key == "startups.capability_growth_per_year") ++growth[value];
  }
  EXPECT_EQ(growth, (std::map<std::string, int>{{"0.5", 4}, {"1.2", 4}}));
  const auto draws = s.reader().read_sweep_draws(s.reader().list_sweeps().back().sweep_id);
  ASSERT_EQ(draws.size(), 4u);
  EXPECT_EQ(draws[1].draw, 0);
  EXPECT_EQ(draws[2].draw, 1);
  EXPECT_NE(draws[0].particle, draws[2].particle);
  // The report shows both sources and the chance of beating the reference.
  const auto report = run({"report", "p.db", "--experiment", "1", "-o", "p.html"});
  ASSERT_EQ(report.code, 0) << describe(report);
  const std::string page = slurp(path("p.html"));
  EXPECT_THAT(page, HasSubstr("\"posterior\":{\"draws\":2,\"seeds_per_draw\":2}"));
  EXPECT_THAT(page, HasSubstr("\"parameter_share\":"));
  EXPECT_THAT(page, HasSubstr("\"spread_lower\":"));
  EXPECT_THAT(page, HasSubstr("\"p_higher\":"));

  // Bad input is exit 2, naming what is wrong.
  auto bad =
      run({"compare", "small.toml", "rich.toml", "--posterior", "post.csv", "--replicates", "3"});
  EXPECT_EQ(bad.code, 2) << describe(bad);
  EXPECT_THAT(bad.err, HasSubstr("--draws x --seeds-per-draw"));
  bad = run({"compare", "small.toml", "rich.toml", "--posterior", "post.csv", "--draws", "100000",
             "--seeds-per-draw", "1000"});
  EXPECT_EQ(bad.code, 2) << describe(bad);
  EXPECT_THAT(bad.err, HasSubstr("more than 1,000,000 runs per point"));
  bad = run({"compare", "small.toml", "rich.toml", "--draws", "3"});
  EXPECT_EQ(bad.code, 2) << describe(bad);
  EXPECT_THAT(bad.err, HasSubstr("need --posterior"));
  write_file(path("broken.csv"), "weight,startups.capability_growth_per_year\n1,0.5\n1,fast\n");
  bad = run({"compare", "small.toml", "rich.toml", "--posterior", "broken.csv"});
  EXPECT_EQ(bad.code, 2) << describe(bad);
  EXPECT_THAT(bad.err, HasSubstr("broken.csv:3:3: 'startups.capability_growth_per_year'"));
  bad = run({"compare", "small.toml", "rich.toml", "--posterior", "missing.csv"});
  EXPECT_EQ(bad.code, 3) << describe(bad);
}

TEST_F(experiments, SensitivityStoresIndicesForEveryFactorAndOutput) {
  write_file(path("sa.toml"),
             "scenario = \"small.toml\"\nreplicates = 1\nticks = 20\n"
             "outputs = [\"startups_founded\", \"rounds\"]\n"
             "[sensitivity]\nbase_samples = 6\nbootstrap = 50\ntrajectories = 3\n"
             "[[vary]]\nkey = \"hub.liangzhu.government.local.subsidy_per_startup_cny\"\n"
             "low = 0\nhigh = 3000000\n"
             "[[vary]]\nkey = \"hub.liangzhu.talent.graduates_per_year\"\nlow = 0\nhigh = 2000\n");
  const auto sobol = run({"sensitivity", "sa.toml", "--out", "sa.db"});
  ASSERT_EQ(sobol.code, 0) << describe(sobol);
  EXPECT_THAT(sobol.out, HasSubstr("Sobol analysis"));
  EXPECT_THAT(sobol.out, HasSubstr("ST [95% CI]"));
  const auto morris = run({"sensitivity", "sa.toml", "--method", "morris", "--out", "sa.db"});
  ASSERT_EQ(morris.code, 0) << describe(morris);
  EXPECT_THAT(morris.out, HasSubstr("mu_star [95% CI]"));
  const auto s = open_store(path("sa.db"));
  const auto sweeps = s.reader().list_sweeps();
  ASSERT_EQ(sweeps.size(), 2u);
  EXPECT_EQ(sweeps[0].points, 6 * 4);  // N (k + 2)
  EXPECT_EQ(sweeps[1].points, 3 * 3);  // r (k + 1)
  EXPECT_EQ(s.reader().read_sensitivity(sweeps[0].sweep_id).size(),
            2u * 2 * 2);  // outputs x factors x
  EXPECT_EQ(s.reader().read_sensitivity(sweeps[1].sweep_id).size(), 2u * 2 * 2);  // measures
}

TEST_F(experiments, CalibrateWritesTheBestValuesAsAScenario) {
  write_file(path("cal.toml"),
             "scenario = \"small.toml\"\nreplicates = 1\nticks = 10\n"
             "[[vary]]\nkey = \"hub.liangzhu.talent.engineers\"\nlow = 1000\nhigh = 6000\n"
             "[[target]]\noutput = \"engineers\"\ndate = 2025-02-01\nvalue = 4000\n"
             "[calibration]\nmax_evaluations = 12\n");
  fs::create_directories(path("out"));
  const auto r = run(
      {"calibrate", "cal.toml", "--log", "out/log.csv", "--write-scenario", "out/calibrated.toml"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_THAT(r.out, HasSubstr("best of"));
  EXPECT_THAT(r.out, HasSubstr("engineers at 2025-02-01"));
  const std::string scenario = slurp(path("out/calibrated.toml"));
  EXPECT_THAT(scenario, HasSubstr("extends = \"../small.toml\""));
  EXPECT_THAT(scenario, HasSubstr("hub.liangzhu.talent.engineers = "));
  const auto valid = run({"validate", "out/calibrated.toml"});
  EXPECT_EQ(valid.code, 0) << describe(valid);
  const std::string log = slurp(path("out/log.csv"));
  EXPECT_THAT(log,
              HasSubstr("evaluation,hub.liangzhu.talent.engineers,engineers@2025-02-01,misfit"));
  EXPECT_GE(std::count(log.begin(), log.end(), '\n'), 3);
}

TEST_F(experiments, ABayesianCalibrationWritesItsParticlesAndThePosteriorMean) {
  write_file(path("abc.toml"),
             "scenario = \"small.toml\"\nreplicates = 1\nticks = 6\n"
             "[[vary]]\nkey = \"hub.liangzhu.talent.engineers\"\nlow = 1000\nhigh = 6000\n"
             "[[target]]\noutput = \"engineers\"\ndate = 2025-02-01\nvalue = 4000\nscale = 100\n"
             "[calibration]\nalgorithm = \"abc-smc\"\nparticles = 12\ngenerations = 3\n");
  fs::create_directories(path("out"));
  const auto r = run({"calibrate", "abc.toml", "--log", "out/particles.csv", "--write-scenario",
                      "out/posterior.toml", "--write-posterior", "out/posterior.csv"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_THAT(r.out, HasSubstr("generation  2"));
  EXPECT_THAT(r.out, HasSubstr("posterior after 3 generations"));
  EXPECT_THAT(r.out, HasSubstr("sd / prior sd"));
  EXPECT_THAT(r.out, HasSubstr("sensitivity of the targets to the factors before fitting"));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("engineers@2025-02-01 +\\+(0\\.9|1\\.00)"))
      << "the starting engineers drive the engineers a few weeks in";
  EXPECT_THAT(r.out, HasSubstr("predicted 5%"));
  const std::string scenario = slurp(path("out/posterior.toml"));
  EXPECT_THAT(scenario, HasSubstr("Posterior mean"));
  EXPECT_THAT(scenario, ::testing::ContainsRegex("hub.liangzhu.talent.engineers = [0-9]+\n"))
      << "an integer parameter gets a whole number";
  const auto valid = run({"validate", "out/posterior.toml"});
  EXPECT_EQ(valid.code, 0) << describe(valid);
  const std::string log = slurp(path("out/particles.csv"));
  EXPECT_THAT(log, HasSubstr("generation,particle,weight,distance,tolerance,"
                             "hub.liangzhu.talent.engineers,simulated:engineers@2025-02-01"));
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 1 + 3 * 12);
  // The posterior file is the last generation, which compare reads back.
  const std::string posterior = slurp(path("out/posterior.csv"));
  EXPECT_THAT(posterior, HasSubstr("# Posterior by liangzhu"));
  EXPECT_EQ(std::count(posterior.begin(), posterior.end(), '\n'), 2 + 1 + 12);
  EXPECT_THAT(posterior, HasSubstr("\n2,0,"));
  write_file(path("other.toml"), "extends = \"small.toml\"\nname = \"other\"\n");
  const auto drawn = run({"compare", "small.toml", "other.toml", "--posterior", "out/posterior.csv",
                          "--draws", "3", "--seeds-per-draw", "1", "--ticks", "6", "--output",
                          "startups_founded", "--out", "drawn.db"});
  EXPECT_EQ(drawn.code, 0) << describe(drawn);
  EXPECT_THAT(drawn.out, HasSubstr("cannot be told apart"));
  write_file(path("point.toml"),
             "scenario = \"small.toml\"\nreplicates = 1\nticks = 6\n"
             "[[vary]]\nkey = \"hub.liangzhu.talent.engineers\"\nlow = 1000\nhigh = 6000\n"
             "[[target]]\noutput = \"engineers\"\nvalue = 4000\n");
  const auto point = run({"calibrate", "point.toml", "--write-posterior", "x.csv"});
  EXPECT_EQ(point.code, 2) << describe(point);
  EXPECT_THAT(point.err, HasSubstr("abc-smc"));
  const auto budget = run({"calibrate", "abc.toml", "--max-evaluations", "5"});
  EXPECT_EQ(budget.code, 2) << describe(budget);
  EXPECT_THAT(budget.err, HasSubstr("--max-evaluations"));

  // The store lists the calibration, and its report shows the posterior.
  const auto listed = run({"runs", "runs.db"});
  EXPECT_EQ(listed.code, 0) << describe(listed);
  EXPECT_THAT(listed.out, ::testing::ContainsRegex("calibration +algorithm"));
  EXPECT_THAT(listed.out, ::testing::ContainsRegex("1 +abc-smc +complete +abc +3"));
  const auto report = run({"report", "runs.db", "--calibration", "1", "-o", "posterior.html"});
  ASSERT_EQ(report.code, 0) << describe(report);
  EXPECT_THAT(slurp(path("posterior.html")), HasSubstr("\"format\":\"liangzhu-calibration\""));
  for (const std::vector<std::string>& bad :
       {std::vector<std::string>{"report", "runs.db", "--calibration", "7"},
        {"report", "runs.db", "--calibration", "1", "--experiment", "1"},
        {"report", "runs.db", "1", "--calibration", "1"},
        {"report", "runs.db", "--calibration", "0"}}) {
    const auto refused = run(bad);
    EXPECT_EQ(refused.code, 2) << describe(refused);
    EXPECT_THAT(refused.err, HasSubstr("calibration")) << describe(refused);
  }
}

TEST_F(experiments, AFigureAtADateIsTheWeeklySeriesInTheWeekThatContainsTheDate) {
  write_file(path("rich.toml"),
             "extends = \"small.toml\"\nname = \"rich\"\n[hub.liangzhu]\n"
             "government.local.subsidy_per_startup_cny = 5000000\n");
  const auto r = run({"compare", "small.toml", "rich.toml", "--replicates", "2", "--ticks", "30",
                      "--output", "startups_alive@2025-03-05", "--output",
                      "liangzhu.gov_spending_cny@2025-06-30", "--out", "c.db"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_THAT(r.out, HasSubstr("startups_alive@2025-03-05"));
  const auto s = open_store(path("c.db"));
  const auto reader = s.reader();
  const auto runs = reader.list_runs();
  ASSERT_EQ(runs.size(), 4u);
  for (const auto& info : runs) {
    // 2025-03-05 is 63 days after the start: in the week of tick 9; 2025-06-30 in tick 25.
    const auto series = reader.read_series(info.run_id);
    const auto at = [&](std::int64_t tick, const std::string& name) {
      const auto c = static_cast<std::size_t>(
          std::find(series.columns.begin(), series.columns.end(), name) - series.columns.begin());
      for (const auto& row : series.rows)
        if (row.tick == tick && row.group == "liangzhu") return row.values.at(c);
      return std::nan("");
    };
    std::optional<double> alive, spending;
    for (const auto& row : reader.read_summary(info.run_id)) {
      if (row.group != "liangzhu") continue;
      if (row.name == "startups_alive@2025-03-05") alive = row.value;
      if (row.name == "gov_spending_cny@2025-06-30") spending = row.value;
    }
    ASSERT_TRUE(alive && spending) << "run " << info.run_id << " keeps both figures";
    EXPECT_EQ(*alive, at(9, "startups_alive"));
    EXPECT_EQ(*spending, at(25, "gov_spending_cny"));
  }
  for (const auto& [output, why] : std::vector<std::pair<std::string, std::string>>{
           {"tigers_total@2027-01-01", "outside the run"},
           {"tigers@2025-03-01", "not a weekly series"},
           {"tigers_total@2025-3-1", "not a date"}}) {
    const auto bad = run({"compare", "small.toml", "rich.toml", "--replicates", "2", "--ticks",
                          "30", "--output", output, "--out", "bad.db"});
    EXPECT_EQ(bad.code, 2) << describe(bad);
    EXPECT_THAT(bad.err, HasSubstr(why)) << describe(bad);
  }
  // An experiment that stores summaries only still gets its figures at dates, not the series.
  write_file(path("summary.toml"),
             "scenario = \"small.toml\"\nreplicates = 1\nticks = 30\nstore = \"summary\"\n"
             "outputs = [\"startups_alive@2025-03-05\"]\n"
             "[[vary]]\nkey = \"hub.liangzhu.talent.engineers\"\nvalues = [3000, 4000]\n");
  const auto swept = run({"sweep", "summary.toml", "--out", "s.db"});
  ASSERT_EQ(swept.code, 0) << describe(swept);
  const auto summary_store = open_store(path("s.db"));
  const auto summary_runs = summary_store.reader().list_runs();
  ASSERT_EQ(summary_runs.size(), 2u);
  EXPECT_TRUE(summary_store.reader().read_series(summary_runs[0].run_id).rows.empty());
  bool found = false;
  for (const auto& row : summary_store.reader().read_summary(summary_runs[0].run_id))
    found = found || (row.name == "startups_alive@2025-03-05" && row.value.has_value());
  EXPECT_TRUE(found) << "the figure at a date is among the summary rows";
  const auto stored =
      run({"compare", "1", "2", "--output", "tigers_total@2025-03-01", "--out", "c.db"});
  EXPECT_EQ(stored.code, 2) << describe(stored);
  EXPECT_THAT(stored.err, HasSubstr("compare scenarios"));
}

TEST_F(experiments, ACompareOfManyScenariosFitsATerminalInHumanUnits) {
  std::vector<std::string> args = {"compare", "small.toml"};
  for (const std::string name : {"a", "b", "c", "d"}) {
    write_file(path(name + ".toml"), "extends = \"small.toml\"\nname = \"variant_" + name + "\"\n");
    args.push_back(name + ".toml");
  }
  for (const std::string o :
       {"--replicates", "2", "--ticks", "20", "--output", "startups_founded", "--output",
        "government_spending_cny", "--output", "foreign_share", "--out", "wide.db"})
    args.push_back(o);
  const auto r = run(args);
  ASSERT_EQ(r.code, 0) << describe(r);
  std::size_t widest = 0, line = 0;
  for (const char c : r.out) {
    line = c == '\n' ? 0 : line + 1;
    widest = std::max(widest, line);
  }
  EXPECT_LE(widest, 120u) << r.out;
  EXPECT_THAT(r.out, HasSubstr("government_spending_cny (CNY)"));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("[0-9.]+ m \\["));
  EXPECT_THAT(r.out, ::testing::ContainsRegex("[0-9.]+% \\["));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("e+0")));
}

TEST_F(experiments, ABayesianCalibrationOfBadInputStoresNothing) {
  write_file(path("abc.toml"),
             "scenario = \"small.toml\"\nreplicates = 1\nticks = 6\n"
             "[[vary]]\nkey = \"hub.liangzhu.talent.engineer\"\nlow = 1000\nhigh = 6000\n"
             "[[target]]\noutput = \"engineers\"\ndate = 2025-02-01\nvalue = 4000\n"
             "[calibration]\nalgorithm = \"abc-smc\"\nparticles = 12\ngenerations = 3\n");
  const auto r = run({"calibrate", "abc.toml", "--out", "bad.db"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_THAT(r.err, HasSubstr("did you mean 'hub.liangzhu.talent.engineers'"));
  EXPECT_FALSE(fs::exists(path("bad.db"))) << "no calibration row for a calibration that never ran";
  write_file(path("at.toml"),
             "scenario = \"small.toml\"\nreplicates = 1\nticks = 6\n"
             "[[vary]]\nkey = \"hub.liangzhu.talent.engineers\"\nlow = 1000\nhigh = 6000\n"
             "[[target]]\noutput = \"engineers@2025-02-01\"\nvalue = 4000\n"
             "[calibration]\nalgorithm = \"abc-smc\"\nparticles = 12\ngenerations = 3\n");
  const auto at = run({"calibrate", "at.toml", "--out", "at.db"});
  EXPECT_EQ(at.code, 2) << describe(at);
  EXPECT_THAT(at.err, HasSubstr("output = \"engineers\" and date = 2025-02-01"));
}

/// Generations of calibration 1 stored in `file` (0 while it cannot be read).
std::size_t stored_generations(const fs::path& file) {
  try {
    return open_store(file).reader().read_calibration_generations(1).size();
  } catch (const std::exception&) {
    return 0;  // the writer may be creating the file
  }
}

TEST_F(experiments, AKilledBayesianCalibrationResumesFromItsStoreToTheSamePosterior) {
  // 12 weeks: the target's date is in the 9th, and a short run keeps the four generations (about
  // 90 runs, twice) within minutes under the sanitizers.
  write_file(path("abc.toml"),
             "scenario = \"small.toml\"\nreplicates = 2\nticks = 12\n"
             "[[vary]]\nkey = \"hub.liangzhu.talent.engineers\"\nlow = 1000\nhigh = 6000\n"
             "[[target]]\noutput = \"engineers\"\ndate = 2025-03-01\nvalue = 4000\nscale = 100\n"
             "[calibration]\nalgorithm = \"abc-smc\"\nparticles = 12\ngenerations = 4\n");
  const auto whole =
      run({"calibrate", "abc.toml", "-q", "--out", "whole.db", "--write-posterior", "whole.csv"});
  ASSERT_EQ(whole.code, 0) << describe(whole);
  {
    const auto s = open_store(path("whole.db"));
    const auto calibrations = s.reader().list_calibrations();
    ASSERT_EQ(calibrations.size(), 1u);
    EXPECT_EQ(calibrations.front().status, store::run_status::complete);
    EXPECT_EQ(calibrations.front().algorithm, "abc-smc");
    EXPECT_EQ(s.reader().read_calibration_generations(1).size(), 4u);
  }

  // Killed (SIGKILL: nothing to clean up) once its first generation is stored.
  child c = start({"calibrate", "abc.toml", "-q", "--out", "k.db", "--write-posterior", "k.csv"});
  // Generous: under ThreadSanitizer on a loaded machine a generation took over a minute.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(600);
  while (stored_generations(path("k.db")) == 0 && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(::kill(c.pid(), SIGKILL), 0);
  EXPECT_EQ(c.wait().code, 128 + SIGKILL);
  const std::size_t kept = stored_generations(path("k.db"));
  ASSERT_GE(kept, 1u);
  ASSERT_LT(kept, 4u) << "the calibration ended before it could be killed";
  EXPECT_FALSE(fs::exists(path("k.csv")));

  const auto resumed =
      run({"calibrate", "abc.toml", "--out", "k.db", "--write-posterior", "k.csv"});
  ASSERT_EQ(resumed.code, 0) << describe(resumed);
  EXPECT_THAT(resumed.out, HasSubstr(fmt::format("after its {} stored generations", kept)));
  EXPECT_EQ(slurp(path("k.csv")), slurp(path("whole.csv")))
      << "the resumed calibration ends where the uninterrupted one did";
  // Run again, a complete calibration is shown, not run again.
  const auto again = run({"calibrate", "abc.toml", "--out", "k.db"});
  ASSERT_EQ(again.code, 0) << describe(again);
  EXPECT_THAT(again.out, HasSubstr("is complete"));
  EXPECT_THAT(again.out, HasSubstr("posterior after 4 generations"));
  EXPECT_EQ(open_store(path("k.db")).reader().list_calibrations().size(), 1u);
}

TEST_F(experiments, PatternPanelStatisticsAreCalibrationTargets) {
  // One generation: what is checked is that a pattern statistic is a target, simulated and
  // logged; a second would need about a hundred runs to accept six particles, since the
  // unemployment rate changes little with the factor.
  const std::string head =
      "scenario = \"small.toml\"\nreplicates = 1\nticks = 104\n"
      "[[vary]]\nkey = \"hub.liangzhu.talent.engineers\"\nlow = 1000\nhigh = 6000\n"
      "[calibration]\nalgorithm = \"abc-smc\"\nparticles = 6\ngenerations = 1\n";
  write_file(path("pattern.toml"),
             head + "[[target]]\noutput = \"pattern:unemployment_rate\"\nvalue = 0.05\n");
  const auto r = run({"calibrate", "pattern.toml", "--out", "p.db", "--log", "p.csv"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_THAT(r.out, HasSubstr("pattern:unemployment_rate"));
  EXPECT_THAT(slurp(path("p.csv")), HasSubstr("simulated:pattern:unemployment_rate"));
  write_file(path("typo.toml"),
             head + "[[target]]\noutput = \"pattern:unemploymnt_rate\"\nvalue = 0.05\n");
  const auto typo = run({"calibrate", "typo.toml", "--out", "p.db"});
  EXPECT_EQ(typo.code, 2) << describe(typo);
  EXPECT_THAT(typo.err, HasSubstr("did you mean 'unemployment_rate'"));
  write_file(path("dated.toml"), head +
                                     "[[target]]\noutput = \"pattern:unemployment_rate\"\n"
                                     "date = 2025-06-01\nvalue = 0.05\n");
  const auto dated = run({"calibrate", "dated.toml", "--out", "p.db"});
  EXPECT_EQ(dated.code, 2) << describe(dated);
  EXPECT_THAT(dated.err, HasSubstr("whole run"));
}

TEST_F(experiments, BadExperimentFilesAreBadInputAndWriteNothing) {
  write_file(path("bad.toml"),
             "scenario = \"small.toml\"\noutputs = [\"tigers\"]\nreplicate = 3\n");
  auto r = run({"sweep", "bad.toml", "--out", "bad.db"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_THAT(r.err, HasSubstr("bad.toml:3:1"));
  EXPECT_THAT(r.err, HasSubstr("did you mean 'replicates'"));
  write_file(path("bad.toml"),
             "scenario = \"small.toml\"\noutputs = [\"tigers\"]\n[[vary]]\n"
             "key = \"hub.liangzhu.noncompete.max_months\"\nvalues = [6, 600]\n");
  r = run({"sweep", "bad.toml", "--out", "bad.db"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_THAT(r.err, HasSubstr("bad.toml:3"));
  EXPECT_THAT(r.err, HasSubstr("above the maximum"));
  EXPECT_EQ(run({"sweep", "missing.toml"}).code, 2);
  EXPECT_FALSE(fs::exists(path("bad.db")));
}

TEST_F(experiments, AGridWhoseFactorsMultiplyBeyondAMillionRunsIsRefusedUpFront) {
  write_file(path("huge.toml"),
             "scenario = \"small.toml\"\noutputs = [\"tigers\"]\nreplicates = 1\n"
             "[[vary]]\nkey = \"hub.liangzhu.noncompete.max_months\"\nfrom = 0\nto = 24\n"
             "steps = 100000\n"
             "[[vary]]\nkey = \"hub.liangzhu.government.local.subsidy_per_startup_cny\"\n"
             "from = 0\nto = 1e6\nsteps = 100000\n");
  const auto r = run({"sweep", "huge.toml", "--out", "huge.db"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_THAT(r.err, HasSubstr("the grid has 10000000000 points x 1 replicates = 1e+10 runs, "
                               "more than the 1000000 an experiment may plan"));
  EXPECT_FALSE(fs::exists(path("huge.db")));
}

TEST_F(experiments, RunsThatWouldNeedMoreMemoryThanAllowedAreRefusedBeforeTheStoreIsTouched) {
  // Each small run needs about 67 MB: two at once do not fit in 100 MB, one does.
  auto r = run({"sweep", "exp.toml", "--out", "m.db", "--jobs", "2", "--max-memory", "100M"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_THAT(r.err, HasSubstr("for 2 runs at once"));
  EXPECT_THAT(r.err, HasSubstr("more than the 100 MB allowed (--max-memory)"));
  EXPECT_FALSE(fs::exists(path("m.db")));
  r = run({"compare", "small.toml", "small.toml", "--replicates", "1", "--out", "m.db",
           "--max-memory", "1M"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_FALSE(fs::exists(path("m.db")));
  r = run({"sweep", "exp.toml", "--out", "m.db", "--jobs", "1", "--max-memory", "100M",
           "--replicates", "1", "--quiet"});
  EXPECT_EQ(r.code, 0) << describe(r);
}

TEST_F(experiments, HistoriesKeptOnDiskAreSharedByLaterCommandsWithTheSameResults) {
  write_file(path("history.toml"),
             "extends = \"small.toml\"\nname = \"history\"\nstart = 2024-01-01\nticks = 52\n");
  write_file(path("branch.toml"),
             "extends = \"small.toml\"\nname = \"branch\"\nstart_from = \"history.toml\"\n");
  write_file(path("cut.toml"),
             "extends = \"branch.toml\"\nname = \"cut\"\n[hub.liangzhu]\n"
             "government.local.subsidy_per_startup_cny = 0\n");
  const std::vector<std::string> compare = {
      "compare", "branch.toml", "cut.toml",           "--replicates",
      "3",       "--output",    "startups_alive_end", "-q"};
  const auto with = [&](std::vector<std::string> args, std::vector<std::string> more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
  };
  auto r = run(with(compare, {"--out", "plain.db"}));
  ASSERT_EQ(r.code, 0) << describe(r);
  r = run(with(compare, {"--out", "first.db", "--histories", "histories"}));
  ASSERT_EQ(r.code, 0) << describe(r);
  // One history per replicate, shared by both scenarios.
  const auto files = [&] {
    std::set<fs::path> out;
    for (const auto& e : fs::directory_iterator(path("histories"))) out.insert(e.path());
    return out;
  };
  const auto kept = files();
  EXPECT_EQ(kept.size(), 3u);
  std::map<fs::path, fs::file_time_type> written;
  for (const auto& f : kept) written[f] = fs::last_write_time(f);
  // A later command (another process) loads them instead of simulating them again.
  r = run(with(compare, {"--out", "second.db", "--histories", "histories"}));
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_EQ(files(), kept);
  for (const auto& f : kept) EXPECT_EQ(fs::last_write_time(f), written[f]) << f;
  expect_same(read_sweep(path("first.db")), read_sweep(path("plain.db")));
  expect_same(read_sweep(path("second.db")), read_sweep(path("plain.db")));
  // `liangzhu run` shares them too.
  r = run({"run", "branch.toml", "--seed", "1", "--out", "r.db", "--histories", "histories", "-q"});
  ASSERT_EQ(r.code, 0) << describe(r);

  write_file(path("not_a_dir"), "x");
  r = run(with(compare, {"--out", "bad.db", "--histories", "not_a_dir"}));
  EXPECT_EQ(r.code, 3) << describe(r);
  EXPECT_THAT(r.err, HasSubstr("--histories"));
  EXPECT_THAT(r.err, HasSubstr("not_a_dir"));
  EXPECT_FALSE(fs::exists(path("bad.db"))) << "refused before the store is touched";
}

}  // namespace
}  // namespace liangzhu::cli::testing
