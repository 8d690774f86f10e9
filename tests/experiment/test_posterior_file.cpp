// Posterior files and the draws experiments take from them: the last generation is read with its
// weights normalised, malformed files are input errors naming file, line, column and column name,
// draws follow the weights, and a plan's replicates take draws paired across points.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "experiment/experiment_fixture.hpp"
#include "liangzhu/experiment/posterior_file.hpp"

namespace liangzhu::experiment {
namespace {

using ::testing::HasSubstr;

std::filesystem::path write_posterior(const std::string& name, const std::string& text) {
  const auto file = std::filesystem::path(::testing::TempDir()) / name;
  std::ofstream(file) << text;
  return file;
}

const char* two_generations =
    "# a comment\n"
    "generation,particle,weight,distance,tolerance,tie_capacity,startups.capability_growth_per_"
    "year,simulated:tigers\n"
    "0,0,1,3,inf,4,0.5,2\n"
    "1,0,2,1,2,6.6,0.7,\n"
    "1,1,6,1,2,9,0.9,4\n";

TEST(PosteriorFile, ReadsTheLastGenerationWithNormalisedWeights) {
  const auto p = read_posterior(write_posterior("two.csv", two_generations));
  EXPECT_EQ(p.generation, 1);
  EXPECT_EQ(p.keys,
            (std::vector<std::string>{"tie_capacity", "startups.capability_growth_per_year"}));
  ASSERT_EQ(p.weights.size(), 2u);
  EXPECT_DOUBLE_EQ(p.weights[0], 0.25);
  EXPECT_DOUBLE_EQ(p.weights[1], 0.75);
  EXPECT_EQ(p.values[1], (std::vector<double>{9, 0.9}));
  EXPECT_EQ(p.lines, (std::vector<int>{4, 5}));
}

input_error posterior_error(const std::string& text) {
  try {
    read_posterior(write_posterior("bad.csv", text));
  } catch (const input_error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return input_error("none");
}

TEST(PosteriorFile, MalformedFilesNameTheLineColumnAndName) {
  auto e = posterior_error("particle,tie_capacity\n0,4\n");
  EXPECT_THAT(e.message(), HasSubstr("no 'weight' column"));
  EXPECT_EQ(e.line(), 1);
  e = posterior_error("weight,tie_capacity\n1,4\n1,x4\n");
  EXPECT_THAT(e.message(), HasSubstr("'x4' is not a finite number"));
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.column(), 3);
  EXPECT_EQ(e.key(), "tie_capacity");
  e = posterior_error("weight,tie_capacity\n-1,4\n");
  EXPECT_THAT(e.message(), HasSubstr("negative"));
  e = posterior_error("weight,tie_capacity\n1,4,5\n");
  EXPECT_THAT(e.message(), HasSubstr("3 values where the header names 2"));
  e = posterior_error("weight,tie_capacity\n0,4\n");
  EXPECT_THAT(e.message(), HasSubstr("sum to 0"));
  e = posterior_error("weight,distance\n1,4\n");
  EXPECT_THAT(e.message(), HasSubstr("no parameter column"));
  e = posterior_error("# only a comment\n");
  EXPECT_THAT(e.message(), HasSubstr("empty"));
  e = posterior_error("weight,tie_capacity\n1,nan\n");
  EXPECT_THAT(e.message(), HasSubstr("not a finite number"));
  EXPECT_THROW(read_posterior("/nonexistent/posterior.csv"), io_error);
}

TEST(PosteriorFile, DrawsFollowTheWeightsAndTheSeed) {
  posterior_sample p;
  p.weights = {0.5, 0.3, 0.2};
  p.values = {{1}, {2}, {3}};
  const auto draws = posterior_draws(p, 10, 7);
  ASSERT_EQ(draws.size(), 10u);
  EXPECT_EQ(std::count(draws.begin(), draws.end(), 0u), 5);
  EXPECT_EQ(std::count(draws.begin(), draws.end(), 1u), 3);
  EXPECT_EQ(std::count(draws.begin(), draws.end(), 2u), 2);
  EXPECT_TRUE(std::is_sorted(draws.begin(), draws.end()));
  EXPECT_EQ(posterior_draws(p, 10, 7), draws) << "the same seed, the same draws";
  // One draw of a two-particle posterior lands on either, by the seed's start point.
  p.weights = {0.5, 0.5};
  std::set<std::size_t> seen;
  for (std::uint64_t seed = 0; seed < 20; ++seed) seen.insert(posterior_draws(p, 1, seed).front());
  EXPECT_EQ(seen.size(), 2u);
}

std::string with_posterior(const std::filesystem::path& file, const std::string& extra = "") {
  return "scenario = \"small\"\nmaster_seed = 3\nticks = 10\noutputs = [\"tigers\"]\n" + extra +
         "[[vary]]\nkey = \"hub.test.noncompete.max_months\"\nvalues = [0, 12]\n"
         "[posterior]\nfile = \"" +
         file.string() + "\"\ndraws = 3\nseeds_per_draw = 2\n";
}

TEST(PosteriorPlan, ReplicatesTakeDrawsPairedAcrossPoints) {
  const auto file = write_posterior("plan.csv", two_generations);
  const plan p = testing::plan_text(with_posterior(file));
  EXPECT_EQ(p.replicates(), 6);
  ASSERT_EQ(p.draws.size(), 6u);
  for (std::int64_t r = 0; r < 6; ++r)
    EXPECT_EQ(p.draws[static_cast<std::size_t>(r)].draw, r / 2) << "two seeds per draw";
  EXPECT_NE(p.seeds[0], p.seeds[1]) << "each replicate has its own seed";
  // Whole-number parameters are rounded as the runs had them.
  const auto& low = p.draws[0];  // particle 0 (weight 1/4) or 1
  const std::string tie = low.particle == 0 ? "tie_capacity=7" : "tie_capacity=9";
  EXPECT_EQ(low.overrides.front(), tie);
  EXPECT_EQ(std::vector<std::string>(p.draw_overrides(0).begin(), p.draw_overrides(0).end()),
            low.overrides);
  // The draws are part of what the plan is: another posterior, another hash.
  const auto other = write_posterior(
      "other.csv", "weight,tie_capacity,startups.capability_growth_per_year\n1,5,0.6\n");
  EXPECT_NE(testing::plan_text(with_posterior(other)).hash, p.hash);
}

TEST(PosteriorPlan, ConflictsAndBadValuesAreInputErrors) {
  const auto file = write_posterior("plan.csv", two_generations);
  try {
    testing::plan_text(with_posterior(file, "[set]\ntie_capacity = 5\n"));
    ADD_FAILURE() << "a key both set and drawn was accepted";
  } catch (const input_error& e) {
    EXPECT_THAT(e.message(), HasSubstr("also set"));
  }
  const auto unknown = write_posterior("unknown.csv", "weight,hub.test.no_such_key\n1,5\n");
  try {
    testing::plan_text(with_posterior(unknown));
    ADD_FAILURE() << "an unknown key was accepted";
  } catch (const input_error& e) {
    EXPECT_EQ(e.file(), unknown.string());
    EXPECT_THAT(e.message(), HasSubstr("not a parameter"));
  }
  const auto out_of_range =
      write_posterior("range.csv", "weight,startups.capability_growth_per_year\n1,0.5\n1,-7\n");
  try {
    testing::plan_text(with_posterior(out_of_range));
    ADD_FAILURE() << "a value out of the parameter's range was accepted";
  } catch (const input_error& e) {
    EXPECT_EQ(e.file(), out_of_range.string());
    EXPECT_EQ(e.line(), 3);
  }
  try {
    testing::plan_text(with_posterior(file, "replicates = 4\n"));
    ADD_FAILURE() << "replicates with a posterior was accepted";
  } catch (const input_error& e) {
    EXPECT_THAT(e.message(), HasSubstr("draws x seeds_per_draw"));
  }
}

}  // namespace
}  // namespace liangzhu::experiment
