#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/test_schema_fixture.hpp"
#include "liangzhu/io/scenario.hpp"

namespace liangzhu::io {
namespace {

using test::catch_input_error;
using test::make_test_schema;
using test::testdata;

class ScenarioErrors : public ::testing::Test {
 protected:
  /// The error of loading `text` as "inline.toml", with optional overrides.
  input_error parse_error(std::string_view text, std::vector<std::string> overrides = {}) const {
    return catch_input_error(
        [&] { (void)parse_scenario(text, "inline.toml", schema_, overrides); });
  }
  input_error load_error(const std::filesystem::path& file) const {
    return catch_input_error([&] { (void)load_scenario(file, schema_); });
  }
  input_error set_error(std::string override_text) const {
    return parse_error("[hub.liangzhu]\n", {std::move(override_text)});
  }
  schema schema_ = make_test_schema();
};

/// Asserts the location and key of an error, and that its message contains `text`.
void expect_error(const input_error& e, const std::string& file, int line, int column,
                  const std::string& key, const std::string& text) {
  EXPECT_EQ(e.file(), file);
  EXPECT_EQ(e.line(), line);
  EXPECT_EQ(e.column(), column);
  EXPECT_EQ(e.key(), key);
  EXPECT_NE(e.message().find(text), std::string::npos) << e.message();
}

TEST_F(ScenarioErrors, MalformedToml) {
  const input_error e = load_error(testdata("malformed.toml"));
  EXPECT_EQ(e.file(), testdata("malformed.toml").string());
  EXPECT_EQ(e.line(), 3);
  EXPECT_GT(e.column(), 0);
  EXPECT_TRUE(e.message().starts_with("invalid TOML: ")) << e.message();
  EXPECT_NE(std::string(e.what()).find("malformed.toml:3:"), std::string::npos) << e.what();
}

TEST_F(ScenarioErrors, UnknownKeySuggestsTheClosestOne) {
  expect_error(parse_error("[hub.liangzhu]\nnoncompete.max_month = 3\n"), "inline.toml", 2, 12,
               "hub.liangzhu.noncompete.max_month",
               "unknown key 'noncompete.max_month' in [hub.liangzhu]; did you mean "
               "'noncompete.max_months'?");
  expect_error(parse_error("sed = 3\n"), "inline.toml", 1, 1, "sed",
               "unknown key 'sed' at the top level; did you mean 'seed'?");
  expect_error(parse_error("[[hub.a.export_control]]\ndate = 2020-01-01\nlevle = 2\n"),
               "inline.toml", 3, 1, "hub.a.export_control[0].levle",
               "unknown key 'levle' in [[hub.a.export_control]]; did you mean 'level'?");
}

TEST_F(ScenarioErrors, UnknownTable) {
  expect_error(parse_error("[wrold]\nregime = \"detente\"\n"), "inline.toml", 1, 2, "wrold",
               "unknown table [wrold]; did you mean 'world'?");
  expect_error(parse_error("[hub.liangzhu.incumbant.ali]\n"), "inline.toml", 1, 15,
               "hub.liangzhu.incumbant",
               "unknown table [hub.liangzhu.incumbant]; did you mean "
               "'incumbent'?");
  expect_error(parse_error("[hub.liangzhu]\nnoncompet.max_months = 3\n"), "inline.toml", 2, 1,
               "hub.liangzhu.noncompet", "did you mean 'noncompete'?");
}

TEST_F(ScenarioErrors, WrongType) {
  expect_error(parse_error("[hub.liangzhu]\nsubsidy.per_startup_cny = \"lots\"\n"), "inline.toml",
               2, 27, "hub.liangzhu.subsidy.per_startup_cny",
               "expected a real number (unit: CNY), got a string");
  expect_error(parse_error("ticks = 1.5\n"), "inline.toml", 1, 9, "ticks",
               "expected an integer (unit: weeks), got a real number");
  expect_error(parse_error("[hub.a]\nopen_source = 1\n"), "inline.toml", 2, 15, "hub.a.open_source",
               "expected true or false, got an integer");
  expect_error(parse_error("world = 3\n"), "inline.toml", 1, 9, "world",
               "expected a table [world], got an integer");
  expect_error(parse_error("[hub]\nliangzhu = 3\n"), "inline.toml", 2, 12, "hub.liangzhu",
               "expected a table [hub.liangzhu], got an integer");
  expect_error(parse_error("[hub.a]\nexport_control = 3\n"), "inline.toml", 2, 18,
               "hub.a.export_control",
               "expected an array of tables [[hub.a.export_control]], got an integer");
}

TEST_F(ScenarioErrors, OutOfRange) {
  expect_error(parse_error("[hub.liangzhu]\nnoncompete.max_months = 120\n"), "inline.toml", 2, 25,
               "hub.liangzhu.noncompete.max_months", "120 is above the maximum 24 (months)");
  expect_error(parse_error("[world]\ntension.initial = -0.5\n"), "inline.toml", 2, 19,
               "world.tension.initial", "-0.5 is below the minimum 0 (share (0-1))");
}

TEST_F(ScenarioErrors, ChoiceNotAmongTheChoices) {
  expect_error(parse_error("[world]\nregime = \"detant\"\n"), "inline.toml", 2, 10, "world.regime",
               "'detant' is not one of 'baseline', 'decoupling', 'detente'; did you mean "
               "'detente'?");
}

TEST_F(ScenarioErrors, InvalidDate) {
  expect_error(parse_error("start = \"2024-13-01\"\n"), "inline.toml", 1, 9, "start",
               "invalid date '2024-13-01' (expected YYYY-MM-DD or YYYY-MM)");
  expect_error(parse_error("start = 2024\n"), "inline.toml", 1, 9, "start",
               "expected a date (YYYY-MM-DD), got an integer");
}

TEST_F(ScenarioErrors, DatedEntryWithoutDate) {
  expect_error(parse_error("[hub.a]\n\n[[hub.a.export_control]]\nlevel = 2\n"), "inline.toml", 3, 1,
               "hub.a.export_control[0].date", "entry of [[hub.a.export_control]] has no 'date'");
}

TEST_F(ScenarioErrors, BadInstanceName) {
  expect_error(parse_error("[hub.\"silicon valley\"]\n"), "inline.toml", 1, 6, "hub.silicon valley",
               "may only contain letters, digits");
}

TEST_F(ScenarioErrors, MissingFile) {
  const auto missing = testdata("no_such_scenario.toml");
  const input_error e = load_error(missing);
  expect_error(e, missing.string(), 0, 0, "", "no such file");
  EXPECT_NE(std::string(e.what()).find("no_such_scenario.toml"), std::string::npos);
}

TEST_F(ScenarioErrors, MissingExtendedFileIsReportedWhereItIsNamed) {
  const input_error e = load_error(testdata("missing_extends.toml"));
  expect_error(
      e, testdata("missing_extends.toml").string(), 2, 11, "extends",
      "cannot read extended file '" + testdata("does_not_exist.toml").string() + "': no such file");
}

TEST_F(ScenarioErrors, DirectoryGiven) {
  const auto dir = testdata("");
  expect_error(load_error(dir), dir.string(), 0, 0, "", "is a directory");
}

TEST_F(ScenarioErrors, UnreadableFile) {
  const test::temp_dir tmp;
  const auto file = tmp.write("locked.toml", "seed = 1\n");
  std::filesystem::permissions(file, std::filesystem::perms::none);
  if (std::ifstream(file).good()) GTEST_SKIP() << "running with privileges that ignore modes";
  expect_error(load_error(file), file.string(), 0, 0, "", "cannot be read (Permission denied)");
}

TEST_F(ScenarioErrors, OnlyRegularFilesAreRead) {
  // A socket exists and is no directory, yet open() fails, even for root.
  const test::temp_dir tmp;
  const auto file = tmp.path() / "socket.toml";
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  ASSERT_LT(file.string().size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, file.c_str());
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
  expect_error(load_error(file), file.string(), 0, 0, "", "is not a regular file");
  ::close(fd);
  // A FIFO would block for ever, a device never end.
  const auto fifo = tmp.path() / "fifo.toml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  expect_error(load_error(fifo), fifo.string(), 0, 0, "", "is not a regular file");
  expect_error(load_error("/dev/zero"), "/dev/zero", 0, 0, "", "is not a regular file");
  std::ofstream(tmp.path() / "extends_fifo.toml") << "extends = \"fifo.toml\"\n";
  expect_error(load_error(tmp.path() / "extends_fifo.toml"),
               (tmp.path() / "extends_fifo.toml").string(), 1, 11, "extends",
               "is not a regular file");
}

TEST_F(ScenarioErrors, FilesOverOneMebibyteAreRefusedUnread) {
  const test::temp_dir tmp;
  const auto file = tmp.path() / "huge.toml";
  std::ofstream(file) << std::string(2 << 20, '#');
  expect_error(load_error(file), file.string(), 0, 0, "",
               "is 2097152 bytes, more than the 1048576 a scenario file may have");
}

/// dir/<prefix><i>.toml (a stream: GCC 12 warns wrongly about string + string here).
std::filesystem::path numbered(const std::filesystem::path& dir, const char* prefix, int i) {
  std::ostringstream name;
  name << prefix << i << ".toml";
  return dir / name.str();
}

TEST_F(ScenarioErrors, ExtendsChainsDeeperThanThirtyTwoFilesAreRefused) {
  const test::temp_dir tmp;
  for (int i = 0; i < 10000; ++i)
    std::ofstream(numbered(tmp.path(), "f", i)) << "extends = \"f" << i + 1 << ".toml\"\n";
  std::ofstream(tmp.path() / "f10000.toml") << "seed = 1\n";
  const input_error e = load_error(tmp.path() / "f0.toml");
  EXPECT_EQ(e.key(), "extends");
  EXPECT_NE(e.message().find("'extends' goes deeper than 32 files"), std::string::npos)
      << e.message();
  // 32 levels are fine.
  std::ofstream(tmp.path() / "f32.toml") << "seed = 1\n";
  EXPECT_NO_THROW((void)load_scenario(tmp.path() / "f1.toml", schema_));
}

TEST_F(ScenarioErrors, AFileExtendedByManyIsReadOnce) {
  // Each file extends the next one twice: 2^30 readings without the cache, 30 with it.
  const test::temp_dir tmp;
  for (int i = 0; i < 30; ++i)
    std::ofstream(numbered(tmp.path(), "d", i))
        << "extends = [\"d" << i + 1 << ".toml\", \"d" << i + 1 << ".toml\"]\n";
  std::ofstream(tmp.path() / "d30.toml") << "seed = 5\n[hub.liangzhu]\n";
  const scenario s = load_scenario(tmp.path() / "d0.toml", schema_);
  EXPECT_EQ(s.integer("seed"), 5);
}

TEST_F(ScenarioErrors, ErrorsNameTheExtendedFileThatHoldsTheBadValue) {
  expect_error(load_error(testdata("bad_variant.toml")), testdata("bad_base.toml").string(), 3, 25,
               "hub.liangzhu.noncompete.max_months", "120 is above the maximum 24");
}

TEST_F(ScenarioErrors, CyclicExtends) {
  const auto a = testdata("cycle_a.toml").string();
  const auto b = testdata("cycle_b.toml").string();
  const input_error e = load_error(testdata("cycle_a.toml"));
  expect_error(e, b, 1, 11, "extends", "cyclic extends: " + a + " -> " + b + " -> " + a);
}

TEST_F(ScenarioErrors, BadExtendsValue) {
  expect_error(parse_error("extends = 3\n"), "inline.toml", 1, 11, "extends",
               "'extends' must be a file name or an array of file names, got an integer");
}

TEST_F(ScenarioErrors, SetWithoutEquals) {
  expect_error(set_error("seed"), "--set", 0, 0, "seed", "expected key=value, got 'seed'");
  expect_error(set_error("=3"), "--set", 0, 0, "=3", "expected key=value");
}

TEST_F(ScenarioErrors, SetUnknownKey) {
  expect_error(set_error("hub.liangzhu.noncompete.max_month=3"), "--set", 0, 0,
               "hub.liangzhu.noncompete.max_month",
               "unknown key 'hub.liangzhu.noncompete.max_month'; did you mean "
               "'hub.liangzhu.noncompete.max_months'?");
  expect_error(set_error("hub.liangzu.engineers=3"), "--set", 0, 0, "hub.liangzu.engineers",
               "there is no instance [hub.liangzu] (--set cannot add one); did you mean "
               "'liangzhu'?");
  expect_error(set_error("hub.liangzhu.export_control[0].level=3"), "--set", 0, 0,
               "hub.liangzhu.export_control[0].level", "cannot be changed with --set");
}

TEST_F(ScenarioErrors, SetOutOfRangeOrWrongType) {
  expect_error(set_error("hub.liangzhu.noncompete.max_months=30"), "--set", 0, 0,
               "hub.liangzhu.noncompete.max_months", "30 is above the maximum 24 (months)");
  expect_error(set_error("seed=many"), "--set", 0, 0, "seed", "expected an integer, got a string");
  expect_error(set_error("world.regime=chaos"), "--set", 0, 0, "world.regime",
               "'chaos' is not one of");
}

}  // namespace
}  // namespace liangzhu::io
