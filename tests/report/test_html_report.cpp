// The report page: data embedded so that no text in it can end its <script> element, and the
// front end inlined.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "liangzhu/report/html_report.hpp"

namespace liangzhu::report {
namespace {

const nlohmann::json hostile = {{"format", "liangzhu-report"},
                                {"version", 1},
                                {"title", "A <b>bold</b> & \"quoted\" title"},
                                {"runs", {{{"label", "</script><script>alert(1)</script>"}}}}};

TEST(report_html, TextInTheDataCannotCloseItsScriptElement) {
  const std::string html = report_html(hostile);
  EXPECT_EQ(html.find("</script><script>alert"), std::string::npos);
  const auto open = html.find("id=\"liangzhu-data\">");
  ASSERT_NE(open, std::string::npos);
  const auto start = html.find('>', open) + 1;
  const auto data =
      nlohmann::json::parse(html.substr(start, html.find("</script>", start) - start));
  EXPECT_EQ(data["runs"][0]["label"], "</script><script>alert(1)</script>")
      << "read back as written";
}

TEST(report_html, TheTitleIsEscapedAndTheFrontEndInlined) {
  const std::string html = report_html(hostile);
  EXPECT_NE(html.find("<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</title>"),
            std::string::npos);
  EXPECT_NE(html.find("liangzhu-data"), std::string::npos);
  EXPECT_GT(html.size(), 100'000u) << "the bundle with ECharts is inside";
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
}

}  // namespace
}  // namespace liangzhu::report
