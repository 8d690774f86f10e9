// `liangzhu runs` and `liangzhu export` on a store written by `liangzhu run`.
#include "cli_test_support.hpp"

namespace liangzhu::cli::testing {
namespace {

class store_commands : public cli_test {
 protected:
  void SetUp() override {
    const result r = run({"run", "small.toml", "--quiet", "--label", "first"});
    ASSERT_EQ(r.code, 0) << describe(r);
  }
};

TEST_F(store_commands, RunsListsTheRun) {
  const result r = run({"runs", "runs.db"});
  EXPECT_EQ(r.code, 0) << describe(r);
  EXPECT_NE(r.out.find("status"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("complete"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("small"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("30/30"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("first"), std::string::npos) << r.out;
}

TEST_F(store_commands, RunsShowsWhatEachRunChangedFromItsScenario) {
  ASSERT_EQ(run({"run", "small.toml", "-q", "--set", "hub.liangzhu.noncompete.max_months=6"}).code,
            0);
  const result r = run({"runs", "runs.db"});
  EXPECT_EQ(r.code, 0) << describe(r);
  EXPECT_NE(r.out.find("changes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("hub.liangzhu.noncompete.max_months=6"), std::string::npos) << r.out;
}

TEST_F(store_commands, RunsPrintsControlCharactersOfALabelEscaped) {
  ASSERT_EQ(run({"run", "small.toml", "-q", "--label", "\x1b[2Jwiped"}).code, 0);
  const result r = run({"runs", "runs.db"});
  EXPECT_EQ(r.code, 0) << describe(r);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "the terminal would obey it";
  EXPECT_NE(r.out.find("\\x1b[2Jwiped"), std::string::npos) << r.out;
}

TEST_F(store_commands, ExportWritesEveryFileWithAHeader) {
  const result r = run({"export", "runs.db", "--format", "csv"});
  EXPECT_EQ(r.code, 0) << describe(r);
  for (const char* name :
       {"runs.csv", "parameters.csv", "series.csv", "events.csv", "summary.csv"}) {
    const std::string text = slurp(path("runs-csv") / name);
    EXPECT_TRUE(text.starts_with("run_id,")) << name << ": " << text.substr(0, 80);
  }
  const std::string series = slurp(path("runs-csv/series.csv"));
  EXPECT_GT(std::count(series.begin(), series.end(), '\n'), 30) << "one row per tick and hub";
}

TEST_F(store_commands, ExportOfChosenRunsIntoAChosenDir) {
  ASSERT_EQ(run({"run", "small.toml", "-q", "--seed", "2"}).code, 0);
  const result r = run({"export", "runs.db", "--run", "2", "--dir", "out"});
  EXPECT_EQ(r.code, 0) << describe(r);
  const std::string runs = slurp(path("out/runs.csv"));
  EXPECT_EQ(std::count(runs.begin(), runs.end(), '\n'), 2) << runs;
  EXPECT_NE(runs.find("\n2,"), std::string::npos) << runs;
}

TEST_F(store_commands, ExportOfAnUnknownRunIsBadInput) {
  const result r = run({"export", "runs.db", "--run", "7"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_NE(r.err.find("no run 7"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(path("runs-csv/runs.csv")));
}

TEST_F(store_commands, AMissingStoreIsBadInputAndACorruptOneAnIoError) {
  const result missing = run({"export", "nope.db"});
  EXPECT_EQ(missing.code, 2) << describe(missing);
  EXPECT_NE(missing.err.find("nope.db"), std::string::npos) << missing.err;
  EXPECT_FALSE(fs::exists(path("nope.db")));
  write_file(path("junk.db"), "this is not a database, just text long enough to look like one\n");
  const result corrupt = run({"runs", "junk.db"});
  EXPECT_EQ(corrupt.code, 3) << describe(corrupt);
  EXPECT_NE(corrupt.err.find("junk.db"), std::string::npos) << corrupt.err;
}

TEST_F(store_commands, DiffShowsOnlyTheResolvedKeysThatDiffer) {
  write_file(path("variant.toml"),
             "extends = \"small.toml\"\n"
             "[hub.liangzhu]\n"
             "noncompete.max_months = 6\n"
             "[[hub.liangzhu.policy]]\n"
             "date = 2025-03-01\n"
             "key = \"government.local.subsidy_per_startup_cny\"\n"
             "value = 0\n");
  const result r = run({"diff", "small.toml", "variant.toml"});
  ASSERT_EQ(r.code, 0) << describe(r);
  EXPECT_NE(r.out.find("hub.liangzhu.noncompete.max_months"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("hub.liangzhu.policy[0]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2025-03-01: government.local.subsidy_per_startup_cny = 0"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("talent.engineers"), std::string::npos) << "equal keys are not listed";
  const result same = run({"diff", "small.toml", "small.toml"});
  ASSERT_EQ(same.code, 0) << describe(same);
  EXPECT_NE(same.out.find("no differences"), std::string::npos) << same.out;
}

TEST_F(store_commands, DiffComparesAStoredRunWithAScenarioAndItsSetOverrides) {
  // Run 1 is the fixture's; run 2 changed one key on the command line.
  ASSERT_EQ(run({"run", "small.toml", "-q", "--set", "hub.liangzhu.noncompete.max_months=7"}).code,
            0);
  const result runs = run({"diff", "1", "2", "--store", "runs.db"});
  ASSERT_EQ(runs.code, 0) << describe(runs);
  EXPECT_NE(runs.out.find("1 of"), std::string::npos) << runs.out;
  EXPECT_NE(runs.out.find("hub.liangzhu.noncompete.max_months"), std::string::npos) << runs.out;
  EXPECT_EQ(runs.out.find("threads"), std::string::npos) << "thread counts do not change results";
  const result mixed = run({"diff", "small.toml", "2", "--store", "runs.db"});
  ASSERT_EQ(mixed.code, 0) << describe(mixed);
  EXPECT_NE(mixed.out.find("1 of"), std::string::npos) << mixed.out;
  const result same = run({"diff", "2", "small.toml", "--store", "runs.db", "--set",
                           "hub.liangzhu.noncompete.max_months=7"});
  EXPECT_EQ(same.code, 2) << "--set cannot change a stored run: " << describe(same);
}

TEST_F(store_commands, DiffRefusesARunIdWithoutAStoreAndAMissingRun) {
  const result no_store = run({"diff", "small.toml", "1"});
  EXPECT_EQ(no_store.code, 2) << describe(no_store);
  EXPECT_NE(no_store.err.find("--store"), std::string::npos) << no_store.err;
  const result missing = run({"diff", "1", "9", "--store", "runs.db"});
  EXPECT_EQ(missing.code, 2) << describe(missing);
  EXPECT_NE(missing.err.find("9"), std::string::npos) << missing.err;
  const result no_file = run({"diff", "small.toml", "nosuch.toml"});
  EXPECT_EQ(no_file.code, 2) << describe(no_file);
}

TEST_F(store_commands, ReadingAStoreAtRestLeavesNothingBesideIt) {
  // The fixture's run has closed its store: nothing but the writers' lock file is beside it.
  const auto beside = [&] {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path(".")))
      if (entry.path().filename().string().starts_with("runs.db"))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  };
  const std::vector<std::string> at_rest = {"runs.db", "runs.db.lock"};
  ASSERT_EQ(beside(), at_rest);
  for (const std::vector<std::string>& read : {std::vector<std::string>{"runs", "runs.db"},
                                               {"export", "runs.db", "--dir", "csv"},
                                               {"report", "runs.db", "-o", "r.html"},
                                               {"patterns", "runs.db"},
                                               {"diff", "1", "1", "--store", "runs.db"},
                                               {"compare", "1", "1", "--out", "runs.db"}}) {
    const result r = run(read);
    EXPECT_NE(r.code, 3) << describe(r);
    EXPECT_EQ(beside(), at_rest) << read.front() << " left a file beside the store";
  }
}

}  // namespace
}  // namespace liangzhu::cli::testing
