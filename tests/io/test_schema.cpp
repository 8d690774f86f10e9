#include <gtest/gtest.h>

#include <stdexcept>

#include "io/test_schema_fixture.hpp"
#include "liangzhu/io/schema.hpp"

namespace liangzhu::io {
namespace {

using test::make_test_schema;

TEST(Schema, FindsSectionsByPathAndScope) {
  const schema s = make_test_schema();
  ASSERT_NE(s.find_section("hub.*.incumbent"), nullptr);
  EXPECT_EQ(s.find_section("nope"), nullptr);
  EXPECT_EQ(s.owner_of("hub.*")->path, "hub");
  EXPECT_EQ(s.owner_of("hub"), nullptr);
  EXPECT_EQ(s.owner_of("")->path, "");
  const auto children = s.children_of("hub.*");
  ASSERT_EQ(children.size(), 2U);
  EXPECT_EQ(children[0]->path, "hub.*.incumbent");
  EXPECT_EQ(children[1]->path, "hub.*.export_control");
  EXPECT_EQ(s.children_of("").size(), 2U);
}

TEST(Schema, FindsParamsByRelativeKey) {
  const schema s = make_test_schema();
  const param_spec* p = s.find_section("hub")->find("noncompete.max_months");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->type, value_type::integer);
  EXPECT_EQ(p->unit, "months");
  EXPECT_EQ(p->max, 24);
  EXPECT_EQ(std::get<std::int64_t>(p->default_value), 12);
  EXPECT_EQ(s.find_section("hub")->find("noncompete"), nullptr);
}

TEST(Schema, TableFormsShowInstanceNames) {
  const schema s = make_test_schema();
  EXPECT_EQ(table_form(*s.find_section("")), "top level");
  EXPECT_EQ(table_form(*s.find_section("world")), "[world]");
  EXPECT_EQ(table_form(*s.find_section("hub")), "[hub.<name>]");
  EXPECT_EQ(table_form(*s.find_section("hub.*.incumbent")), "[hub.<name>.incumbent.<name>]");
  EXPECT_EQ(table_form(*s.find_section("hub.*.export_control")), "[[hub.<name>.export_control]]");
  EXPECT_EQ(scope_of(*s.find_section("hub")), "hub.*");
  EXPECT_EQ(scope_of(*s.find_section("world")), "world");
}

TEST(Schema, BuildersFillEveryField) {
  const param_spec r = real("x.y", 0.5, 0, 1, "share", "A share.", "assumption");
  EXPECT_EQ(r.key, "x.y");
  EXPECT_EQ(r.type, value_type::real);
  EXPECT_EQ(r.min, 0);
  EXPECT_EQ(r.max, 1);
  EXPECT_EQ(r.unit, "share");
  EXPECT_EQ(r.description, "A share.");
  EXPECT_EQ(r.source, "assumption");
  const param_spec c = choice("mode", "b", {"a", "b"}, "Mode.", "assumption");
  EXPECT_EQ(c.type, value_type::choice);
  EXPECT_EQ(c.choices.size(), 2U);
  EXPECT_EQ(std::get<std::string>(c.default_value), "b");
  EXPECT_EQ(boolean("on", false, "", "").type, value_type::boolean);
  EXPECT_EQ(date_param("d", {2020, 2, 29}, "", "").type, value_type::date);
  EXPECT_EQ(string_param("s", "", "", "").type, value_type::string);
}

/// Adds `bad` to a schema that already has a top level, "world" and "hub".
void expect_rejected(section_spec bad) {
  schema s;
  s.add_section({.path = "", .params = {integer("seed", 1, 0, 10, "", "", "")}});
  s.add_section({.path = "world", .params = {real("tension.initial", 0, 0, 1, "", "", "")}});
  s.add_section({.path = "hub", .kind = section_kind::named});
  EXPECT_THROW(s.add_section(std::move(bad)), std::invalid_argument);
}

TEST(Schema, RejectsInconsistentDeclarations) {
  expect_rejected({.path = "world"});          // declared twice
  expect_rejected({.path = "market.*.firm"});  // parent not declared
  expect_rejected({.path = "hub.incumbent"});  // named parent needs '*'
  expect_rejected({.path = "seed"});           // clashes with a param
  expect_rejected({.path = "world.tension"});  // clashes with a prefix
  expect_rejected({.path = "bad key"});        // not a bare key
  expect_rejected({.path = "hub.*"});          // '*' cannot be last
  expect_rejected({.path = "x", .params = {integer("a", 5, 0, 3, "", "", "")}});
  expect_rejected({.path = "x", .params = {integer("a", 1, 3, 0, "", "", "")}});
  expect_rejected({.path = "x", .params = {choice("a", "z", {"x", "y"}, "", "")}});
  expect_rejected(
      {.path = "x", .params = {boolean("a", true, "", ""), boolean("a", true, "", "")}});
  expect_rejected(
      {.path = "x", .params = {boolean("a", true, "", ""), boolean("a.b", true, "", "")}});
  expect_rejected({.path = "x", .params = {boolean("a..b", true, "", "")}});
  expect_rejected(
      {.path = "l", .kind = section_kind::dated_list, .params = {date_param("date", {}, "", "")}});
  expect_rejected({.path = "", .kind = section_kind::named});
  param_spec mistyped = real("a", 1.0, 0, 2, "", "", "");
  mistyped.default_value = std::int64_t{1};
  expect_rejected({.path = "x", .params = {mistyped}});
}

TEST(Schema, RejectsReservedAndClashingTopLevelKeys) {
  schema s;
  s.add_section({.path = "world"});
  EXPECT_THROW(s.add_section({.path = "", .params = {string_param("extends", "", "", "")}}),
               std::invalid_argument);
  EXPECT_THROW(s.add_section({.path = "", .params = {real("world.x", 0, 0, 1, "", "", "")}}),
               std::invalid_argument);
}

TEST(FormatValue, WritesTomlLiterals) {
  EXPECT_EQ(format_value(std::int64_t{-3}), "-3");
  EXPECT_EQ(format_value(2.0), "2.0");
  EXPECT_EQ(format_value(0.1), "0.1");
  EXPECT_EQ(format_value(1e300), "1e+300");
  EXPECT_EQ(format_value(1e7), "10000000.0");
  EXPECT_EQ(format_value(-0.0), "-0.0");
  EXPECT_EQ(format_value(true), "true");
  EXPECT_EQ(format_value(std::string("say \"hi\"\\\n")), "\"say \\\"hi\\\"\\\\\\n\"");
  EXPECT_EQ(format_value(engine::date{2022, 10, 7}), "2022-10-07");
  EXPECT_EQ(to_string(value_type::choice), "choice");
}

}  // namespace
}  // namespace liangzhu::io
