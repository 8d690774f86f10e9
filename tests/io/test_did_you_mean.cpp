#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "liangzhu/io/did_you_mean.hpp"

namespace liangzhu::io {
namespace {

TEST(EditDistance, CountsEditsAndAdjacentSwaps) {
  EXPECT_EQ(edit_distance("", ""), 0U);
  EXPECT_EQ(edit_distance("abc", ""), 3U);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3U);
  EXPECT_EQ(edit_distance("max_month", "max_months"), 1U);
  EXPECT_EQ(edit_distance("wrold", "world"), 1U);
}

TEST(ClosestMatch, SuggestsOnlyPlausibleTypos) {
  const std::vector<std::string> keys{"engineers", "noncompete.max_months", "open_source"};
  EXPECT_EQ(closest_match("noncompete.max_month", keys), "noncompete.max_months");
  EXPECT_EQ(closest_match("enginers", keys), "engineers");
  EXPECT_EQ(closest_match("banana", keys), std::nullopt);
  EXPECT_EQ(closest_match("engineers", keys), std::nullopt);
  EXPECT_EQ(did_you_mean("opensource", keys), "; did you mean 'open_source'?");
  EXPECT_EQ(did_you_mean("zzz", keys), "");
}

}  // namespace
}  // namespace liangzhu::io
