#include <gtest/gtest.h>

#include "io/test_schema_fixture.hpp"
#include "liangzhu/io/param_reference.hpp"

namespace liangzhu::io {
namespace {

using test::make_test_schema;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(ParamReference, HasOneHeadingPerSectionInTomlForm) {
  const std::string md = render_parameter_reference(make_test_schema());
  EXPECT_TRUE(md.starts_with("# Scenario parameters\n"));
  EXPECT_TRUE(contains(md, "\n## Top level — Run\n"));
  EXPECT_TRUE(contains(md, "\n## `[world]` — World\n\nGeopolitics.\n"));
  EXPECT_TRUE(contains(md, "\n## `[hub.<name>]` — Hubs\n"));
  EXPECT_TRUE(contains(md, "\n## `[hub.<name>.incumbent.<name>]` — Incumbents\n"));
  EXPECT_TRUE(contains(md, "\n## `[[hub.<name>.export_control]]` — Export controls\n"));
  EXPECT_LT(md.find("[world]"), md.find("[hub.<name>]"));
}

TEST(ParamReference, HasOneRowPerParameter) {
  const std::string md = render_parameter_reference(make_test_schema());
  EXPECT_TRUE(contains(md, "| key | type | unit | default | range | description | source |\n"));
  EXPECT_TRUE(contains(md,
                       "| `noncompete.max_months` | integer | months | `12` | [0, 24] | "
                       "Longest enforceable non-compete. | PRC Labour Contract Law |\n"));
  EXPECT_TRUE(contains(md,
                       "| `regime` | choice |  | `\"baseline\"` | one of `baseline`, "
                       "`decoupling`, `detente` | Policy regime. | assumption |\n"));
  EXPECT_TRUE(contains(md,
                       "| `start` | date |  | `2025-01-01` |  | First simulated day. | "
                       "assumption |\n"));
  EXPECT_TRUE(contains(md, "| `tension.initial` | real | share (0-1) | `0.3` | [0, 1] |"));
  EXPECT_TRUE(contains(md, "each entry needs a `date`"));
}

TEST(ParamReference, EscapesPipesAndShowsOpenRanges) {
  schema s;
  s.add_section({.path = "x",
                 .title = "X",
                 .params = {real("a", 1, 0, std::numeric_limits<double>::infinity(), "",
                                 "one | two", "assumption"),
                            real("b", 1, -std::numeric_limits<double>::infinity(),
                                 std::numeric_limits<double>::infinity(), "", "", "")}});
  const std::string md = render_parameter_reference(s);
  EXPECT_TRUE(contains(md, "| `a` | real |  | `1.0` | >= 0 | one \\| two | assumption |\n"));
  EXPECT_TRUE(contains(md, "| `b` | real |  | `1.0` | any |  |  |\n"));
}

TEST(ParamReference, MarkdownCellKeepsTheRowIntact) {
  EXPECT_EQ(markdown_cell("a|b\nc"), "a\\|b c");
  EXPECT_EQ(markdown_cell(""), "");
}

TEST(ParamReference, IsDeterministic) {
  EXPECT_EQ(render_parameter_reference(make_test_schema()),
            render_parameter_reference(make_test_schema()));
}

}  // namespace
}  // namespace liangzhu::io
