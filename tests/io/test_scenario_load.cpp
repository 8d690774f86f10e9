#include <gtest/gtest.h>

#include <stdexcept>

#include "io/test_schema_fixture.hpp"
#include "liangzhu/io/scenario.hpp"

namespace liangzhu::io {
namespace {

using test::make_test_schema;
using test::testdata;

class ScenarioLoad : public ::testing::Test {
 protected:
  scenario load(std::string_view name, std::vector<std::string> overrides = {}) const {
    return load_scenario(testdata(name), schema_, overrides);
  }
  /// Loads `s.canonical_toml()` again: it must give the same values and hash.
  void expect_round_trip(const scenario& s) const {
    const scenario again = parse_scenario(s.canonical_toml(), "canonical.toml", schema_);
    EXPECT_EQ(again.flattened(), s.flattened());
    EXPECT_EQ(again.hash(), s.hash());
    EXPECT_EQ(again.canonical_toml(), s.canonical_toml());
  }
  schema schema_ = make_test_schema();
};

TEST_F(ScenarioLoad, ReadsGivenValuesWithTheirOrigins) {
  const scenario s = load("good.toml");
  EXPECT_EQ(s.string("name"), "good");
  EXPECT_EQ(s.date("start"), (engine::date{2024, 1, 1}));
  EXPECT_EQ(s.integer("ticks"), 104);
  EXPECT_EQ(s.integer("seed"), 42);
  EXPECT_DOUBLE_EQ(s.real("world.tension.initial"), 0.5);
  EXPECT_EQ(s.string("world.regime"), "decoupling");
  EXPECT_EQ(s.integer("hub.liangzhu.noncompete.max_months"), 6);
  EXPECT_EQ(s.integer("hub.liangzhu.incumbent.alibaba.headcount"), 20000);
  EXPECT_EQ(s.date("hub.liangzhu.incumbent.alibaba.founded"), (engine::date{1999, 4, 1}));
  const value_origin& o = s.origin("hub.liangzhu.noncompete.max_months");
  EXPECT_EQ(o.file, testdata("good.toml").string());
  EXPECT_EQ(o.line, 17);
  EXPECT_EQ(o.column, 25);
  EXPECT_EQ(s.path(), testdata("good.toml"));
  EXPECT_NE(s.source_text().find("name = \"good\""), std::string::npos);
}

TEST_F(ScenarioLoad, AcceptsIntegersForRealParameters) {
  const scenario s = load("good.toml");
  EXPECT_DOUBLE_EQ(s.real("hub.liangzhu.subsidy.per_startup_cny"), 150000.0);
}

TEST_F(ScenarioLoad, FillsDefaults) {
  const scenario s = load("good.toml");
  EXPECT_DOUBLE_EQ(s.real("world.tension.drift"), 0.0);
  EXPECT_TRUE(s.boolean("hub.liangzhu.open_source"));
  EXPECT_EQ(s.integer("hub.silicon_valley.noncompete.max_months"), 12);
  EXPECT_EQ(s.integer("hub.liangzhu.incumbent.ant.headcount"), 5000);
  EXPECT_EQ(s.date("hub.liangzhu.incumbent.ant.founded"), (engine::date{2000, 1, 1}));
  EXPECT_EQ(s.origin("world.tension.drift").file, "<default>");
  const scenario empty = parse_scenario("", "empty.toml", schema_);
  EXPECT_EQ(empty.string("name"), "unnamed");
  EXPECT_EQ(empty.integer("ticks"), 520);
  EXPECT_EQ(empty.string("world.regime"), "baseline");
  EXPECT_TRUE(empty.names("hub").empty());
}

TEST_F(ScenarioLoad, ListsInstancesInDeclarationOrder) {
  const scenario s = load("good.toml");
  EXPECT_EQ(s.names("hub"), (std::vector<std::string>{"silicon_valley", "liangzhu"}));
  EXPECT_EQ(s.names("hub.liangzhu.incumbent"), (std::vector<std::string>{"ant", "alibaba"}));
  EXPECT_TRUE(s.names("hub.silicon_valley.incumbent").empty());
  EXPECT_THROW((void)s.names("hub.nowhere.incumbent"), std::out_of_range);
  EXPECT_THROW((void)s.names("world"), std::out_of_range);
}

TEST_F(ScenarioLoad, SortsDatedListsByDate) {
  const scenario s = load("good.toml");
  const auto controls = s.dated("hub.liangzhu.export_control");
  ASSERT_EQ(controls.size(), 2U);
  EXPECT_EQ(controls[0].date, (engine::date{2022, 10, 7}));
  EXPECT_EQ(std::get<std::int64_t>(controls[0].values.at("level")), 1);
  EXPECT_EQ(std::get<std::string>(controls[0].values.at("note")), "");  // default
  EXPECT_EQ(controls[0].origin.line, 31);
  EXPECT_EQ(controls[1].date, (engine::date{2023, 10, 17}));
  EXPECT_EQ(std::get<std::string>(controls[1].values.at("note")), "updated rule");
  EXPECT_TRUE(s.dated("hub.silicon_valley.export_control").empty());
  EXPECT_THROW((void)s.dated("hub.liangzhu.incumbent"), std::out_of_range);
}

TEST_F(ScenarioLoad, UnknownKeysAreProgrammerErrors) {
  const scenario s = load("good.toml");
  EXPECT_THROW((void)s.value("hub.liangzhu.nope"), std::out_of_range);
  EXPECT_THROW((void)s.integer("hub.shenzhen.engineers"), std::out_of_range);
  EXPECT_THROW((void)s.integer("world.tension.initial"), std::invalid_argument);
}

TEST_F(ScenarioLoad, ExtendedFileIsOverriddenByTheExtendingOne) {
  const scenario s = load("variant.toml");
  EXPECT_EQ(s.string("name"), "variant");
  EXPECT_EQ(s.integer("ticks"), 52);
  EXPECT_EQ(s.integer("hub.liangzhu.engineers"), 1000);
  EXPECT_EQ(s.integer("hub.liangzhu.noncompete.max_months"), 3);
  EXPECT_EQ(s.names("hub"), (std::vector<std::string>{"liangzhu", "shenzhen"}));
  EXPECT_EQ(s.dated("hub.liangzhu.export_control").size(), 1U);
  EXPECT_EQ(s.origin("hub.liangzhu.engineers").file, testdata("base.toml").string());
  EXPECT_EQ(s.origin("hub.liangzhu.noncompete.max_months").file, testdata("variant.toml").string());
  EXPECT_EQ(s.source_text().find("name = \"base\""), std::string::npos);
}

TEST_F(ScenarioLoad, ArrayExtendsMergesInOrderAndListsAreReplaced) {
  const scenario s = load("multi.toml");
  EXPECT_EQ(s.string("name"), "base");
  EXPECT_EQ(s.integer("ticks"), 78);  // extra.toml comes after base.toml
  EXPECT_EQ(s.integer("seed"), 9);
  EXPECT_DOUBLE_EQ(s.real("world.tension.initial"), 0.2);
  EXPECT_EQ(s.string("world.regime"), "detente");
  const auto controls = s.dated("hub.liangzhu.export_control");
  ASSERT_EQ(controls.size(), 1U);
  EXPECT_EQ(controls[0].date, (engine::date{2024, 12, 2}));
}

TEST_F(ScenarioLoad, ExtendsIsRelativeToTheIncludingFile) {
  const scenario s = load("sub/child.toml");
  EXPECT_EQ(s.string("name"), "child");
  EXPECT_EQ(s.integer("ticks"), 52);
}

TEST_F(ScenarioLoad, OverridesGoThroughTheSameChecks) {
  const scenario s =
      load("good.toml", {"ticks=52", " seed = 7 ", "hub.liangzhu.subsidy.per_startup_cny=200000",
                         "world.regime=detente", "name=\"with spaces\"", "start=2024-06",
                         "hub.liangzhu.open_source=false", "ticks=60"});
  EXPECT_EQ(s.integer("ticks"), 60);  // later wins
  EXPECT_EQ(s.integer("seed"), 7);
  EXPECT_DOUBLE_EQ(s.real("hub.liangzhu.subsidy.per_startup_cny"), 200000.0);
  EXPECT_EQ(s.string("world.regime"), "detente");
  EXPECT_EQ(s.string("name"), "with spaces");
  EXPECT_EQ(s.date("start"), (engine::date{2024, 6, 1}));
  EXPECT_FALSE(s.boolean("hub.liangzhu.open_source"));
  EXPECT_EQ(s.origin("seed").file, "--set");
  expect_round_trip(s);
}

TEST_F(ScenarioLoad, CanonicalTomlRoundTrips) {
  for (const char* name : {"good.toml", "variant.toml", "multi.toml"}) {
    SCOPED_TRACE(name);
    expect_round_trip(load(name));
  }
}

TEST_F(ScenarioLoad, HashIsStableAndDependsOnValues) {
  const scenario a = load("good.toml");
  EXPECT_EQ(a.hash().size(), 16U);
  EXPECT_EQ(a.hash().find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(load("good.toml").hash(), a.hash());
  EXPECT_NE(load("good.toml", {"seed=43"}).hash(), a.hash());
  // Writing a default explicitly does not change the scenario.
  EXPECT_EQ(parse_scenario("ticks = 520", "a.toml", schema_).hash(),
            parse_scenario("", "b.toml", schema_).hash());
}

TEST_F(ScenarioLoad, FlattenedListsEveryValueInSchemaOrder) {
  const auto flat = load("good.toml").flattened();
  std::vector<std::string> keys;
  for (const auto& [key, value] : flat) keys.push_back(key);
  const std::vector<std::string> head{"name",
                                      "start",
                                      "ticks",
                                      "seed",
                                      "world.tension.initial",
                                      "world.tension.drift",
                                      "world.regime",
                                      "hub.silicon_valley.engineers"};
  ASSERT_GT(keys.size(), head.size());
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 8), head);
  EXPECT_EQ(keys.back(), "hub.liangzhu.export_control[1].note");
  EXPECT_EQ(keys.size(), 4U + 3U + 2U * 4U + 2U * 2U + 2U * 3U);
}

TEST_F(ScenarioLoad, InMemoryTextCanExtendFiles) {
  const scenario s =
      parse_scenario("extends = \"" + testdata("base.toml").generic_string() + "\"\nseed = 3\n",
                     "inline.toml", schema_);
  EXPECT_EQ(s.string("name"), "base");
  EXPECT_EQ(s.integer("seed"), 3);
  EXPECT_EQ(s.origin("seed").file, "inline.toml");
  EXPECT_EQ(s.origin("ticks").file, testdata("base.toml").string());
}

TEST_F(ScenarioLoad, OverridesReachNestedInstances) {
  const scenario s = load("good.toml", {"hub.liangzhu.incumbent.alibaba.headcount=1"});
  EXPECT_EQ(s.integer("hub.liangzhu.incumbent.alibaba.headcount"), 1);
  EXPECT_EQ(s.integer("hub.liangzhu.incumbent.ant.headcount"), 5000);
}

TEST_F(ScenarioLoad, ParsesInMemoryText) {
  const scenario s = parse_scenario(
      "seed = 5\n[hub.a]\n[hub.b.incumbent.x]\n[[hub.a.export_control]]\ndate = 2020-01-01\n",
      "inline.toml", schema_);
  EXPECT_EQ(s.integer("seed"), 5);
  EXPECT_EQ(s.path(), "inline.toml");
  EXPECT_EQ(s.names("hub"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s.names("hub.b.incumbent"), (std::vector<std::string>{"x"}));
  EXPECT_EQ(s.dated("hub.a.export_control").size(), 1U);
}

}  // namespace
}  // namespace liangzhu::io
