// `liangzhu run`: what it stores, determinism, overrides, and every class of bad input (exit 2,
// no store written) or unwritable output (exit 3).
#include <regex>

#include "cli_test_support.hpp"

namespace liangzhu::cli::testing {
namespace {

using run_command = cli_test;

std::string parameter(const store::run_store& s, std::int64_t run, const std::string& key) {
  for (const auto& [k, v] : s.reader().read_parameters(run))
    if (k == key) return v;
  return "<missing>";
}

TEST_F(run_command, WritesOneCompleteRunWithSeriesAndSummary) {
  const result r = run({"run", "small.toml"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_NE(r.out.find("run 1 complete"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("liangzhu export runs.db --run 1"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "") << "no progress bar when stderr is not a terminal";
  const auto s = open_store(path("runs.db"));
  const auto runs = s.reader().list_runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].status, store::run_status::complete);
  EXPECT_EQ(runs[0].ticks_done, 30);
  EXPECT_EQ(runs[0].ticks_total, 30);
  EXPECT_EQ(runs[0].seed, 11u);
  EXPECT_EQ(runs[0].scenario_name, "small");
  EXPECT_EQ(runs[0].start_date, "2025-01-01");
  EXPECT_EQ(runs[0].scenario_hash.size(), 16u);
  EXPECT_NE(runs[0].scenario_text.find("talent.engineers = 3000"), std::string::npos)
      << runs[0].scenario_text;
  const auto series = s.reader().read_series(1);
  EXPECT_EQ(series.rows.size(), 30u);
  EXPECT_FALSE(series.columns.empty());
  EXPECT_FALSE(s.reader().read_summary(1).empty());
  EXPECT_EQ(parameter(s, 1, "seed"), "11");
  EXPECT_NE(parameter(s, 1, "threads"), "<missing>");
}

TEST_F(run_command, QuietPrintsNothingAndTimingsPrintsPhases) {
  const result quiet = run({"run", "small.toml", "-q"});
  EXPECT_EQ(quiet.code, 0) << describe(quiet);
  EXPECT_EQ(quiet.out, "");
  const result timed = run({"run", "small.toml", "-q", "--timings"});
  EXPECT_EQ(timed.code, 0) << describe(timed);
  EXPECT_NE(timed.out.find("Time per phase"), std::string::npos) << timed.out;
  EXPECT_NE(timed.out.find("founding"), std::string::npos) << timed.out;
}

TEST_F(run_command, SameSeedGivesTheSameSeriesWhateverTheThreads) {
  ASSERT_EQ(run({"run", "small.toml", "-q", "--seed", "5", "--threads", "1"}).code, 0);
  ASSERT_EQ(run({"run", "small.toml", "-q", "--seed", "5", "--threads", "1"}).code, 0);
  ASSERT_EQ(run({"run", "small.toml", "-q", "--seed", "5", "--threads", "2"}).code, 0);
  ASSERT_EQ(run({"run", "small.toml", "-q", "--seed", "6", "--threads", "1"}).code, 0);
  const auto s = open_store(path("runs.db"));
  EXPECT_EQ(s.reader().find_run(3)->threads, 2);
  EXPECT_TRUE(same_series(s.reader().read_series(1), s.reader().read_series(2)));
  EXPECT_TRUE(same_series(s.reader().read_series(1), s.reader().read_series(3)));
  EXPECT_FALSE(same_series(s.reader().read_series(1), s.reader().read_series(4)));
  EXPECT_EQ(s.reader().read_events(1), s.reader().read_events(3));
}

TEST_F(run_command, OverridesReachTheStoredParameters) {
  const result r = run({"run", "small.toml", "-q", "--set", "hub.liangzhu.talent.engineers=2500",
                        "--ticks", "12", "--label", "sweep point"});
  ASSERT_EQ(r.code, 0) << describe(r);
  const auto s = open_store(path("runs.db"));
  EXPECT_EQ(parameter(s, 1, "hub.liangzhu.talent.engineers"), "2500");  // an integer key
  EXPECT_EQ(parameter(s, 1, "ticks"), "12");
  EXPECT_EQ(s.reader().find_run(1)->ticks_done, 12);
  EXPECT_EQ(s.reader().find_run(1)->label, "sweep point");
  EXPECT_NE(s.reader().find_run(1)->scenario_text.find("--set hub.liangzhu.talent.engineers=2500"),
            std::string::npos);
}

TEST_F(run_command, SnapshotsAreStoredWhenAsked) {
  ASSERT_EQ(run({"run", "small.toml", "-q", "--snapshot-every", "10"}).code, 0);
  const auto snapshots = open_store(path("runs.db")).reader().read_snapshots(1);
  ASSERT_FALSE(snapshots.empty());
  EXPECT_EQ(snapshots.front().tick, 10);
  EXPECT_EQ(snapshots.back().tick, 30);
}

/// A bad input: the scenario text (if any), the arguments, and what the message must contain.
struct bad_input {
  std::string name;
  std::string scenario;
  std::vector<std::string> args;
  std::string pattern;
};

TEST_F(run_command, EveryClassOfBadInputExitsTwoAndWritesNothing) {
  const std::vector<bad_input> cases = {
      {"malformed TOML", "ticks = [1, 2\nseed = 3\n", {"bad.toml"}, R"(bad\.toml:\d+:\d+: )"},
      {"unknown key",
       "[hub.liangzhu]\ntalent.enginers = 3000\n",
       {"bad.toml"},
       "did you mean 'talent.engineers'"},
      {"wrong type",
       "ticks = \"thirty\"\n[hub.liangzhu]\n",
       {"bad.toml"},
       R"(bad\.toml:1:\d+: 'ticks')"},
      {"out of range", "ticks = 0\n[hub.liangzhu]\n", {"bad.toml"}, "'ticks'"},
      {"a date no run can start on",
       "start = 9999-12-31\n[hub.liangzhu]\n",
       {"bad.toml"},
       "'start': 9999-12-31 is outside the years 1900 to 2200"},
      {"model check", "name = \"nohub\"\n", {"bad.toml"}, "hub"},
      {"bad --set key",
       "",
       {"small.toml", "--set", "hub.liangzhu.talent.enginers=1"},
       "--set.*hub\\.liangzhu\\.talent\\.enginers"},
      {"bad --set value", "", {"small.toml", "--set", "ticks=many"}, "--set.*'ticks'"},
      {"missing file", "", {"nope.toml"}, "nope\\.toml: no such file"},
      {"unknown scenario name", "", {"nope"}, "nope: no such scenario"},
      {"directory", "", {"folder"}, "folder: is a directory"},
      {"cyclic extends", "", {"cycle_a.toml"}, "cyclic extends"},
      {"too many ticks", "", {"small.toml", "--ticks", "100000"}, "--ticks: must be at most"},
      {"missing checkpoint", "", {"small.toml", "--resume", "none.ckpt"}, "none\\.ckpt"},
      {"not a size", "", {"small.toml", "--max-memory", "lots"}, "--max-memory.*'lots'"},
      {"infinite value",
       "",
       {"small.toml", "--set", "hub.liangzhu.talent.wage_cny_per_year=inf"},
       "'hub\\.liangzhu\\.talent\\.wage_cny_per_year': inf is not a finite number"},
      {"not a number",
       "",
       {"small.toml", "--set", "startups.round_seed_cny=nan"},
       "nan is not a finite"},
      {"money beyond any hub",
       "",
       {"small.toml", "--set", "startups.round_seed_cny=1e300"},
       "above the maximum 10000000000000 \\(CNY\\)"},
      {"more threads than sensible",
       "",
       {"small.toml", "--threads", "100000"},
       "--threads.*more than the"},
      {"more memory than allowed",
       "",
       {"small.toml", "--max-memory", "10M"},
       "'hub\\.liangzhu\\.talent\\.engineers': the run would need about \\d+ MB .* more than "
       "the 10 MB allowed"},
      {"a hub too large for the limit",
       "",
       {"small.toml", "--max-memory", "4GiB", "--set", "hub.liangzhu.talent.engineers=50000000"},
       R"(would need about \d+\.\d GB \(5(\.\d+)?e\+07 engineers)"},
      {"a hub beyond what its social graph can index",
       "",
       {"small.toml", "--max-memory", "1000GiB", "--ticks", "522", "--set",
        "hub.liangzhu.talent.engineers=250000000", "--set",
        "hub.liangzhu.talent.graduates_per_year=10000000"},
       R"('hub\.liangzhu\.talent\.engineers': hub 'liangzhu' would have up to 3\.5e\+08 )"
       R"(engineers, more than the 268435456 a hub's social graph can hold)"},
  };
  fs::create_directories(path("folder"));
  write_file(path("cycle_a.toml"), "extends = \"cycle_b.toml\"\n");
  write_file(path("cycle_b.toml"), "extends = \"cycle_a.toml\"\n");
  for (const auto& c : cases) {
    if (!c.scenario.empty()) write_file(path("bad.toml"), c.scenario);
    std::vector<std::string> args = {"run"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const result r = run(args);
    EXPECT_EQ(r.code, 2) << c.name << ": " << describe(r);
    EXPECT_TRUE(r.err.starts_with("liangzhu: error: ")) << c.name << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.name << ": " << r.err;
    EXPECT_TRUE(std::regex_search(r.err, std::regex(c.pattern))) << c.name << ": " << r.err;
    EXPECT_FALSE(fs::exists(path("runs.db"))) << c.name;
  }
}

TEST_F(run_command, AnUnwritableStoreIsAnIoError) {
  write_file(path("plain"), "a file, not a folder");
  const result r = run({"run", "small.toml", "--out", "plain/runs.db"});
  EXPECT_EQ(r.code, 3) << describe(r);
  EXPECT_TRUE(r.err.starts_with("liangzhu: error: ")) << r.err;
  EXPECT_NE(r.err.find("plain/runs.db"), std::string::npos) << r.err;
}

TEST_F(run_command, TheStoresFolderIsCreatedWhenMissing) {
  const result r = run({"run", "small.toml", "--quiet", "--out", "results/today/runs.db"});
  EXPECT_EQ(r.code, 0) << describe(r);
  EXPECT_TRUE(fs::exists(path("results/today/runs.db")));
}

}  // namespace
}  // namespace liangzhu::cli::testing
