// Unit tests of the CLI's text helpers: the progress line, tables, help wrapping, shell quoting.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "liangzhu/cli/experiment_support.hpp"
#include "liangzhu/cli/help_format.hpp"
#include "liangzhu/cli/progress_bar.hpp"
#include "liangzhu/cli/run_report.hpp"
#include "liangzhu/cli/text_table.hpp"

namespace liangzhu::cli {
namespace {

TEST(Quantities, FiguresReadInTheirUnits) {
  EXPECT_EQ(format_quantity(1.409e10, "CNY"), "14.1 bn");
  EXPECT_EQ(format_quantity(-4.745e9, "CNY"), "-4.75 bn");
  EXPECT_EQ(format_quantity(62.5e6, "CNY"), "62.5 m");
  EXPECT_EQ(format_quantity(2688.4, "CNY per H100e-week"), "2,688");
  EXPECT_EQ(format_quantity(0.1184, "share"), "11.8%");
  EXPECT_EQ(format_quantity(1072.3, "startups"), "1,072");
  EXPECT_EQ(format_quantity(5.3762, "years"), "5.376");
  EXPECT_EQ(format_quantity(std::nullopt, "CNY"), "-");
  EXPECT_EQ(format_estimate(0.5, 0.25, 0.75, "share"), "50.0% [25.0%, 75.0%]");
}

TEST(Progress, AsALogItWritesWholeLinesNoCarriageReturnsAndNothingAtTheEnd) {
  ::testing::internal::CaptureStderr();
  {
    progress_bar bar(0, 10, true, "run", std::chrono::nanoseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    bar.update(3, "");
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    bar.update(10, "");
  }
  const std::string log = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 1) << log;
  EXPECT_NE(log.find("run 3/10"), std::string::npos) << log;
  EXPECT_EQ(log.find('\r'), std::string::npos) << log;
  ::testing::internal::CaptureStderr();
  {
    progress_bar quiet(0, 10, true, "run", std::chrono::hours(1));
    quiet.update(5, "");
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "") << "nothing before the first interval";
}

TEST(Progress, LineShowsBarPercentTickDateRateAndEta) {
  EXPECT_EQ(render_progress(234, 522, "2029-06-30", 1234.4, 3.2),
            "[#########...........]  44% tick 234/522  2029-06-30  1,234 ticks/s  ETA 0:03");
}

TEST(Progress, SlowUnitsAreCountedPerMinute) {
  EXPECT_EQ(render_progress(3, 40, "", 0.05, 740, "run"),
            "[##..................]   7% run 3/40    3.0 runs/min  ETA 12:20");
}

TEST(Progress, NoRateBeforeTheFirstMeasurement) {
  EXPECT_EQ(render_progress(0, 10, "2025-01-01", 0.0, 0.0),
            "[....................]   0% tick 0/10  2025-01-01");
}

TEST(Progress, ThousandsAndDurations) {
  EXPECT_EQ(group_thousands(0), "0");
  EXPECT_EQ(group_thousands(999), "999");
  EXPECT_EQ(group_thousands(1234567), "1,234,567");
  EXPECT_EQ(group_thousands(-1000), "-1,000");
  EXPECT_EQ(format_duration(3.4), "0:03");
  EXPECT_EQ(format_duration(61), "1:01");
  EXPECT_EQ(format_duration(3725), "1:02:05");
}

TEST(Progress, DisabledBarWritesNothing) {
  testing::internal::CaptureStderr();
  {
    progress_bar bar(0, 10, false);
    bar.update(5, "2025-02-05");
    bar.clear();
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(TextTable, AlignsColumnsAndTrimsTrailingSpace) {
  text_table t({"hub", "tigers"}, {false, true});
  t.add_row({"liangzhu", "2"});
  t.add_row({"sv", "10"});
  EXPECT_EQ(t.render(), "hub       tigers\nliangzhu       2\nsv            10\n");
}

TEST(TextTable, Formats) {
  EXPECT_EQ(format_count(12345.4), "12,345");
  EXPECT_EQ(format_count(std::nullopt), "-");
  EXPECT_EQ(format_share(0.1234), "12.3%");
  EXPECT_EQ(format_cny(1.25e9), "1.2 bn CNY");
  EXPECT_EQ(format_cny(3.45e7), "34.5 M CNY");
  EXPECT_EQ(format_cny(12345), "12,345 CNY");
  EXPECT_EQ(format_cny(std::nan("")), "-");
  const std::vector<std::string> items{"a", "b"};
  EXPECT_EQ(join(items), "a, b");
}

TEST(Help, WrapsAtSpacesAndKeepsLineBreaks) {
  EXPECT_EQ(wrap_text("aaa bbb ccc", 7), "aaa bbb\nccc");
  EXPECT_EQ(wrap_text("a\nb c", 80), "a\nb c");
  EXPECT_EQ(first_sentence("Simulate a scenario. Then more."), "Simulate a scenario");
  EXPECT_EQ(first_sentence("One sentence."), "One sentence");
}

TEST(Report, ShellQuoting) {
  EXPECT_EQ(shell_quote("runs.db"), "runs.db");
  EXPECT_EQ(shell_quote("my runs.db"), "'my runs.db'");
  EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
}

}  // namespace
}  // namespace liangzhu::cli
