// Output names: one name, one meaning. A weekly series never shares its name with a run total
// (a user asking for `poached` must not get this week's count in one place and the run's in
// another); the only names both kinds may carry are running figures whose last value is the run's.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>

#include "model_fixture.hpp"

namespace liangzhu::model {
namespace {

using testing::run_small;

TEST(ModelOutputNames, ASeriesSharesANameOnlyWithTheRunTotalItEndsAt) {
  std::map<std::string, output_doc> series;
  std::set<std::string> shared;
  for (const auto& o : output_reference())
    if (o.kind == "series") series.emplace(o.name, o);
  for (const auto& o : output_reference())
    if (o.kind == "summary" && series.contains(o.name)) shared.insert(o.name);
  ASSERT_FALSE(shared.empty()) << "the running shares are both: the test would check nothing";

  const auto run = run_small({"ticks=120"});
  for (const auto& name : shared) {
    SCOPED_TRACE(name);
    EXPECT_EQ(series.at(name).unit.find("per week"), std::string::npos)
        << "a weekly flow named like a run total: name the series " << name << "_weekly";
    const auto values = run.sink.column(name);
    ASSERT_FALSE(values.empty());
    EXPECT_DOUBLE_EQ(values.back(), run.figure(name));
  }
}

TEST(ModelOutputNames, WeeklyFlowsThatHaveARunTotalEndInWeekly) {
  std::set<std::string> summaries;
  for (const auto& o : output_reference())
    if (o.kind == "summary") summaries.insert(o.name);
  const auto run = run_small({"ticks=120"});
  for (const auto& o : output_reference()) {
    if (o.kind != "series" || !o.name.ends_with("_weekly")) continue;
    SCOPED_TRACE(o.name);
    const auto total = o.name.substr(0, o.name.size() - std::string("_weekly").size());
    ASSERT_TRUE(summaries.contains(total)) << "no run total to tell it from: drop the suffix";
    EXPECT_NE(o.unit.find("per week"), std::string::npos);
    // Summed in another order than the run's total: equal to rounding.
    EXPECT_NEAR(run.sink.sum(o.name), run.figure(total), 1e-12 * std::abs(run.figure(total)))
        << "the run total is the sum of the weekly series";
  }
}

}  // namespace
}  // namespace liangzhu::model
