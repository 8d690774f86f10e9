// The subcommands other than `run`: --version, --help, validate, scenarios, docs, runs, export.
#include <regex>
#include <sstream>

#include "cli_test_support.hpp"

namespace liangzhu::cli::testing {
namespace {

using commands = cli_test;

bool has_toml(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".toml") return true;
  return false;
}

TEST_F(commands, VersionPrintsVersionAndRevision) {
  const result r = run({"--version"});
  EXPECT_EQ(r.code, 0) << describe(r);
  EXPECT_TRUE(std::regex_match(r.out, std::regex(R"(liangzhu \d+\.\d+\.\d+ \(\S+\)\n)"))) << r.out;
}

TEST_F(commands, TheCommandListIsWrappedToTheHelpsWidth) {
  const result r = run({"--help"});
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 100U) << line;
  EXPECT_NE(r.out.find("calibrate"), std::string::npos);
}

TEST_F(commands, HelpOfEveryCommandExitsZeroAndNamesItsOptions) {
  const std::map<std::string, std::vector<std::string>> expected = {
      {"", {"run", "validate", "scenarios", "runs", "export", "docs", "Exit codes", "Examples"}},
      {"run",
       {"SCENARIO", "--seed", "--threads", "--ticks", "--set", "--out", "--label", "--checkpoint",
        "--checkpoint-every", "--resume", "--snapshot-every", "--check-invariants", "--timings",
        "--quiet", "Examples"}},
      {"validate", {"SCENARIO", "--set", "Examples"}},
      {"scenarios", {"LIANGZHU_SCENARIO_DIR", "Examples"}},
      {"runs", {"STORE", "Examples"}},
      {"export", {"STORE", "--run", "--format", "--dir", "Examples"}},
      {"docs", {"--dir", "parameters.md", "outputs.md", "Examples"}},
  };
  for (const auto& [command, words] : expected) {
    std::vector<std::string> args;
    if (!command.empty()) args.push_back(command);
    args.push_back("--help");
    const result r = run(args);
    EXPECT_EQ(r.code, 0) << command << ": " << describe(r);
    EXPECT_NE(r.out.find("Usage:"), std::string::npos) << command;
    for (const auto& word : words)
      EXPECT_NE(r.out.find(word), std::string::npos) << command << " lacks " << word;
  }
}

TEST_F(commands, UsageErrorsExitTwoWithOneLine) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{},
        {"frobnicate"},
        {"run"},
        {"run", "small.toml", "--threads", "x"},
        {"run", "small.toml", "--seed", "-1"},
        {"run", "small.toml", "--seed", "99999999999999999999"},
        {"run", "small.toml", "--ticks", "0"},
        {"run", "small.toml", "--checkpoint-every", "5"},
        {"export", "runs.db", "--format", "xlsx"}}) {
    const result r = run(args);
    EXPECT_EQ(r.code, 2) << describe(r);
    EXPECT_TRUE(r.err.starts_with("liangzhu: error: ")) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

TEST_F(commands, ValidateReportsParametersAndHubs) {
  const result r = run({"validate", "small.toml"});
  EXPECT_EQ(r.code, 0) << describe(r);
  EXPECT_TRUE(std::regex_match(
      r.out, std::regex(R"(ok: small\.toml \(\d+ parameters, 1 hub: liangzhu\)\n)")))
      << r.out;
  EXPECT_FALSE(fs::exists(path("runs.db")));
}

TEST_F(commands, ValidateRejectsBadInputWithExitTwo) {
  const result r = run({"validate", "small.toml", "--set", "hub.liangzhu.talent.engineers=-5"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_NE(r.err.find("hub.liangzhu.talent.engineers"), std::string::npos) << r.err;
}

TEST_F(commands, ValidateAppliesTheModelsOwnChecks) {
  write_file(path("nohub.toml"), "name = \"nohub\"\n");
  const result r = run({"validate", "nohub.toml"});
  EXPECT_EQ(r.code, 2) << describe(r);
  EXPECT_NE(r.err.find("hub"), std::string::npos) << r.err;
}

TEST_F(commands, ScenariosListsTheShippedOnes) {
  const fs::path shipped = fs::path(LIANGZHU_SOURCE_DIR) / "scenarios";
  if (!has_toml(shipped)) GTEST_SKIP() << "no shipped scenarios yet";
  const result r = run({"scenarios"});
  EXPECT_EQ(r.code, 0) << describe(r);
  for (const auto& entry : fs::directory_iterator(shipped)) {
    if (entry.path().extension() != ".toml") continue;
    EXPECT_NE(r.out.find(entry.path().stem().string() + "  "), std::string::npos) << r.out;
  }
}

TEST_F(commands, ScenarioDirFromTheEnvironmentIsListedAndRunnableByName) {
  fs::create_directories(path("shelf"));
  fs::copy_file(path("small.toml"), path("shelf/tiny.toml"));
  write_file(path("shelf/named.toml"), "name = \"a named one\"\n[hub.x]\n");
  set_env("LIANGZHU_SCENARIO_DIR", path("shelf").string());
  const result list = run({"scenarios"});
  EXPECT_EQ(list.code, 0) << describe(list);
  EXPECT_EQ(list.out, "named  a named one\ntiny   A small hub for the CLI tests.\n");
  const result ok = run({"validate", "tiny"});
  EXPECT_EQ(ok.code, 0) << describe(ok);
  const result typo = run({"validate", "tinny"});
  EXPECT_EQ(typo.code, 2) << describe(typo);
  EXPECT_NE(typo.err.find("did you mean 'tiny'"), std::string::npos) << typo.err;
}

TEST_F(commands, ScenariosShowWholeDescriptionsWrapped) {
  fs::create_directories(path("shelf"));
  std::string text =
      "# A long description that goes on over several comment lines, as the\n"
      "# shipped scenarios' do: it must be shown whole and wrapped, never cut off\n"
      "# in the middle of a sentence like this one, which ends here.\n\n"
      "# (a later comment is not part of it)\n";
  write_file(path("shelf/long_one.toml"), text + slurp(path("small.toml")));
  set_env("LIANGZHU_SCENARIO_DIR", path("shelf").string());
  const result list = run({"scenarios"});
  EXPECT_EQ(list.code, 0) << describe(list);
  std::string joined;
  std::size_t widest = 0;
  for (std::size_t from = 0; from < list.out.size();) {
    const auto end = list.out.find('\n', from);
    const std::string line = list.out.substr(from, end - from);
    widest = std::max(widest, line.size());
    joined += line.substr(line.find_first_not_of(' ', line.starts_with("long_one") ? 8 : 0)) + " ";
    from = end + 1;
  }
  EXPECT_LE(widest, 100u) << list.out;
  EXPECT_NE(
      joined.find("never cut off in the middle of a sentence like this one, which ends here."),
      std::string::npos)
      << list.out;
  EXPECT_EQ(joined.find("later comment"), std::string::npos) << list.out;
}

TEST_F(commands, AScenarioIsNamedByItsOwnNameOrItsFileNeverByItsBase) {
  write_file(path("named_base.toml"), "extends = \"small.toml\"\nname = \"the_base\"\n");
  write_file(path("variant.toml"), "extends = \"named_base.toml\"\n");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"run", "named_base.toml"},
                                               {"run", "variant.toml"},
                                               {"run", "variant.toml", "--set", "name=set_here"}}) {
    auto with = args;
    for (const std::string a : {"--ticks", "2", "--out", "named.db", "--quiet"}) with.push_back(a);
    const result r = run(with);
    ASSERT_EQ(r.code, 0) << describe(r);
  }
  const auto runs = open_store(path("named.db")).reader().list_runs();
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].scenario_name, "the_base");
  EXPECT_EQ(runs[1].scenario_name, "variant") << "an inherited name names the base";
  EXPECT_EQ(runs[2].scenario_name, "set_here");
}

TEST_F(commands, AnUnknownOptionSuggestsTheCommandsOwn) {
  const result shortened = run({"compare", "small.toml", "small.toml", "--threads", "2"});
  EXPECT_EQ(shortened.code, 2) << describe(shortened);
  EXPECT_NE(shortened.err.find("did you mean '--threads-per-run'"), std::string::npos)
      << shortened.err;
  const result typo = run({"run", "small.toml", "--seeds", "3"});
  EXPECT_NE(typo.err.find("did you mean '--seed'"), std::string::npos) << typo.err;
}

TEST_F(commands, DocsWritesBothReferences) {
  const result r = run({"docs", "--dir", "ref"});
  EXPECT_EQ(r.code, 0) << describe(r);
  const std::string parameters = slurp(path("ref/parameters.md"));
  const std::string outputs = slurp(path("ref/outputs.md"));
  EXPECT_NE(parameters.find("talent.engineers"), std::string::npos);
  EXPECT_NE(outputs.find("| name | kind | unit | description |"), std::string::npos);
  EXPECT_NE(outputs.find("| `tigers` | summary |"), std::string::npos) << outputs;
  EXPECT_FALSE(fs::exists(path("ref/outputs.md.partial")));
}

TEST_F(commands, DocsIntoAnUnwritablePlaceIsAnIoError) {
  write_file(path("plain"), "x");
  const result r = run({"docs", "--dir", "plain/sub"});
  EXPECT_EQ(r.code, 3) << describe(r);
  EXPECT_NE(r.err.find("plain/sub"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace liangzhu::cli::testing
