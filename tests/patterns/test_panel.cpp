// The pattern panel: every pattern is defined and measured; on a hand-made store whose startups'
// histories are known, each definition gives the value worked out by hand; verdicts follow the
// bands.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/patterns/panel.hpp"
#include "liangzhu/store/run_store.hpp"
#include "liangzhu/store/store_reader.hpp"
#include "patterns/measures.hpp"
#include "support/scratch_dir.hpp"

namespace liangzhu::patterns {
namespace {

constexpr double tpy = 365.2425 / 7;  // ticks per year of a weekly run
constexpr int ticks = 522;            // ten years

TEST(PatternPanel, EveryPatternIsDefinedOnceWithBandsAndAMeasure) {
  ASSERT_GE(panel().size(), 15u);
  std::set<std::string_view> ids;
  for (const auto& p : panel()) {
    EXPECT_TRUE(ids.insert(p.id).second) << "duplicate id " << p.id;
    EXPECT_TRUE(detail::is_measured(p.id)) << p.id << " has no measure";
    EXPECT_LE(p.inside.low, p.inside.high) << p.id;
    EXPECT_LE(p.near.low, p.inside.low) << p.id << ": the near band contains the reference band";
    EXPECT_GE(p.near.high, p.inside.high) << p.id;
    EXPECT_FALSE(p.definition.empty() || p.reference.empty() || p.source.empty()) << p.id;
    EXPECT_EQ(find_pattern(p.id), &p);
  }
  EXPECT_EQ(find_pattern("no_such_pattern"), nullptr);
}

/// A store with one run of two hubs ("A", measured, and "B", whose events must be ignored):
/// four startups of A with known histories, labour series and summary figures.
class hand_made_store : public ::testing::Test {
 protected:
  void SetUp() override {
    store::run_store store(file_);
    store::run_info info;
    info.scenario_name = "hand made";
    info.start_date = "2025-01-01";
    info.days_per_tick = 7;
    info.ticks_total = ticks;
    run_ = store.begin_run(info);
    if (!preference_.empty())
      store.write_parameters(run_, std::vector<std::pair<std::string, std::string>>{
                                       {"capital.liquidation_preference", preference_}});
    auto sink = store.sink_for(run_);
    const std::vector<std::string> hubs{"A", "B"};
    const std::vector<engine::series_spec> series{{"engineers", "", ""},
                                                  {"engineers_unemployed", "", ""},
                                                  {"vacancies", "", ""},
                                                  {"job_moves", "", ""}};
    std::vector<engine::event_kind_spec> kinds;
    for (const auto* k :
         {"founding", "startup_at_start", "round_domestic_vc", "round_guidance", "round_valuation",
          "round_stage", "failure", "acquisition", "listing", "tiger", "poach"})
      kinds.push_back({k, ""});
    sink->declare(hubs, series, kinds);
    std::vector<engine::series_row> rows;
    for (int t = 0; t < ticks; ++t) {
      rows.push_back({t, 0, {100, 4, 5, 2}});
      rows.push_back({t, 1, {50, 25, 1, 0}});
    }
    // kinds: 0 founding, 1 at start, 2 domestic, 3 guidance, 4 valuation, 5 stage, 6 failure,
    // 7 acquisition, 8 listing, 9 tiger
    std::vector<engine::event_record> events = {
        // S1: founded 0, seed at 52 (5M at 25M), A at 156 (30M at 150M), acquired at 260 for 300M
        {0, 0, 0, 1, 1.0},
        {52, 0, 2, 1, 5e6},
        {52, 0, 4, 1, 25e6},
        {52, 0, 5, 1, 1},
        {156, 0, 3, 1, 3e7},
        {156, 0, 4, 1, 1.5e8},
        {156, 0, 5, 1, 2},
        {260, 0, 7, 1, s1_price_},
        // S2: founded 0, seed at 26 (4M at 20M), failed at 40
        {0, 0, 0, 2, 1.0},
        {26, 0, 2, 2, 4e6},
        {26, 0, 4, 2, 2e7},
        {26, 0, 5, 2, 1},
        {40, 0, 6, 2, 0},
        // S3: alive at the start, founded two years before; tiger at 200, listed at 208 at 6 bn
        {0, 0, 1, 3, -2 * tpy},
        {200, 0, 9, 3, 7e9},
        {208, 0, 8, 3, 6e9},
        // S4: founded 10, seed at 60 (6M at 30M), A at 300 (20M at 200M), alive at the end
        {10, 0, 0, 4, 1.0},
        {60, 0, 2, 4, 6e6},
        {60, 0, 4, 4, 3e7},
        {60, 0, 5, 4, 1},
        {300, 0, 2, 4, 2e7},
        {300, 0, 4, 4, 2e8},
        {300, 0, 5, 4, 2},
        // hub B: a failure and a tiger that must not count for A
        {5, 1, 0, 9, 1.0},
        {6, 1, 6, 9, 0},
        {7, 1, 9, 10, 7e9},
    };
    if (with_old_startup_) {
      // S5: alive at the start (founded a year before), a seed in the run (2M at 10M), acquired
      // at 100 for 50M: its earlier stakes are unknown, so its round is not a deal of the panel.
      for (const engine::event_record e :
           std::initializer_list<engine::event_record>{{0, 0, 1, 5, -tpy},
                                                       {30, 0, 2, 5, 2e6},
                                                       {30, 0, 4, 5, 1e7},
                                                       {30, 0, 5, 5, 1},
                                                       {100, 0, 7, 5, 5e7}})
        events.push_back(e);
    }
    std::sort(events.begin(), events.end());
    sink->write_batch(rows, events);
    const std::vector<store::summary_row> summary = {
        {"A", "team_tail_index_end", 1.1, "", "", ""},
        {"B", "team_tail_index_end", 9.0, "", "", ""},
        {"A", "founded_after_waiting", 3.0, "", "", ""},
        {"A", "startups_founded", 12.0, "", "", ""},
        {"", "fund_multiple_p50", 1.7, "", "", ""},
    };
    store.write_summary(run_, summary);
    store.finish_run(run_, store::run_status::complete, ticks);
  }

  double value(const std::vector<double>& values, std::string_view id) {
    for (std::size_t k = 0; k < panel().size(); ++k)
      if (panel()[k].id == id) return values[k];
    ADD_FAILURE() << "no pattern " << id;
    return 0;
  }

  std::vector<double> measured(std::string_view hub = {}) {
    const store::run_store store(file_, store::run_store::mode::read_only);
    return measure(read_evidence(store.reader(), run_, hub));
  }

  double s1_price_ = 3e8;  ///< what S1 is acquired for
  bool with_old_startup_ = false;
  std::string preference_;  ///< the run's capital.liquidation_preference, if written
  liangzhu::testing::scratch_dir dir_;
  std::filesystem::path file_ = dir_ / "hand.db";
  std::int64_t run_ = 0;
};

TEST_F(hand_made_store, SurvivalIsALifeTableOverKnownFoundingDates) {
  const auto v = measured();
  // Age 0: S1, S4 a whole year each and S2 40 weeks, one ending (S2); age 1: S1 and S4, none.
  // S3 is observed only from age 2.
  EXPECT_NEAR(value(v, "survival_2y"), std::exp(-1.0 / (2.0 + 40.0 / tpy)), 1e-12);
  // Age 5: S1 was acquired at age 4.98; S3 alive (observed ages 2-12); S4 alive.
  // Failures at ages 0-2: S2's, over S1, S2 and S4's years there; none at ages 2-5.
  EXPECT_DOUBLE_EQ(value(v, "failure_hazard_rise"), 0.0);
  EXPECT_TRUE(std::isnan(value(v, "start_transient"))) << "no failure after the first year";
}

TEST_F(hand_made_store, FinancingPatternsFollowTheRoundsOfEachStartup) {
  const auto v = measured();
  // Seeds at least 4 years before the end: S1, S2, S4; only S1 raised an A within 4 years.
  EXPECT_NEAR(value(v, "seed_to_a_share"), 1.0 / 3, 1e-12);
  EXPECT_NEAR(value(v, "seed_to_a_years"), 104 / tpy, 1e-12);
  // Series A at 156 (S1) and 300 (S4), both at least 4 years before the end: neither raised a B.
  EXPECT_DOUBLE_EQ(value(v, "a_to_b_share"), 0.0);
  EXPECT_NEAR(value(v, "founding_to_first_round_years"), 50 / tpy, 1e-12);  // 26, 50, 52 weeks
  EXPECT_DOUBLE_EQ(value(v, "seed_round_cny"), 5e6);
  EXPECT_DOUBLE_EQ(value(v, "a_round_cny"), 2.5e7);
  EXPECT_DOUBLE_EQ(value(v, "a_post_money_cny"), 1.75e8);
  EXPECT_TRUE(std::isnan(value(v, "b_round_cny")));
  // Pre-money values: seeds 20M (S1), 16M (S2), 24M (S4), median 20M; series A 120M and 180M,
  // median 150M. No series B, so no step-up from A.
  EXPECT_DOUBLE_EQ(value(v, "seed_to_a_step_up"), 7.5);
  EXPECT_TRUE(std::isnan(value(v, "a_to_b_step_up")));
  EXPECT_NEAR(value(v, "equity_cny_per_year"), 6.5e7 / (ticks / tpy), 1e-3);
}

TEST_F(hand_made_store, MultiplesAreDilutedByLaterRoundsAndRealisedOrMarked) {
  const auto v = measured();
  // Realised: S1's seed 300M/25M x (1 - 30/150) = 9.6x, S1's A 2x, S2's seed 0x.
  EXPECT_NEAR(value(v, "deals_under_1x_share"), 1.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(value(v, "deals_10x_share"), 0.0);
  // Marked: S4's seed 200M/30M x 0.9 = 6x, its A 1x.
  EXPECT_DOUBLE_EQ(value(v, "marked_10x_share"), 0.0);
  EXPECT_DOUBLE_EQ(value(v, "fund_multiple_median"), 1.7);
  EXPECT_DOUBLE_EQ(value(v, "listing_share_of_exits"), 0.5);
  EXPECT_NEAR(value(v, "failure_share_of_endings"), 1.0 / 3, 1e-12);
}

/// S1 sold for 40M, less than the 35M its rounds paid plus what their shares would fetch.
class sold_cheaply : public hand_made_store {
 protected:
  sold_cheaply() { s1_price_ = 4e7; }
};
class sold_cheaply_with_preferences : public sold_cheaply {
 protected:
  sold_cheaply_with_preferences() { preference_ = "1.0"; }
};

TEST_F(sold_cheaply, OrdinarySharesShareThePriceByShares) {
  // No preference stored (a run of an older build): the seed's 16% of 40M is 1.28x, the A's
  // 20% is 0.27x, S2's seed 0x.
  EXPECT_NEAR(value(measured(), "deals_under_1x_share"), 2.0 / 3, 1e-12);
}

TEST_F(sold_cheaply_with_preferences, ASaleRepaysThePreferencesFirst) {
  // The A takes its 30M back; the seed's preference (5M) beats its shares of the 10M left
  // (16% of 80% of the shares); both get 1x, S2's seed 0x.
  EXPECT_NEAR(value(measured(), "deals_under_1x_share"), 1.0 / 3, 1e-12);
}

class with_a_startup_from_before : public hand_made_store {
 protected:
  with_a_startup_from_before() { with_old_startup_ = true; }
};

TEST_F(with_a_startup_from_before, OnlyStartupsFoundedInTheRunMakeDeals) {
  // S5's seed (5x on a sale at 50M) is left out: the deals are S1's and S2's as before.
  const auto v = measured();
  EXPECT_NEAR(value(v, "deals_under_1x_share"), 1.0 / 3, 1e-12);
  EXPECT_DOUBLE_EQ(value(v, "deals_10x_share"), 0.0);
  EXPECT_DOUBLE_EQ(value(v, "marked_10x_share"), 0.0);
}

TEST_F(hand_made_store, TigersLabourAndSizesAreTheHubsOwn) {
  const auto v = measured();
  EXPECT_NEAR(value(v, "tigers_per_year"), 1.0 / (ticks / tpy), 1e-12);
  EXPECT_NEAR(value(v, "tiger_age_years"), (200 + 2 * tpy) / tpy, 1e-12);
  EXPECT_DOUBLE_EQ(value(v, "tigers_founded_in_run_share"), 0.0);
  EXPECT_NEAR(value(v, "unemployment_rate"), 0.04, 1e-12);
  EXPECT_DOUBLE_EQ(value(v, "seekers_per_vacancy"), 0.8);
  EXPECT_NEAR(value(v, "job_moves_per_year"), 2 * tpy / 96, 1e-9);
  EXPECT_DOUBLE_EQ(value(v, "team_tail_index"), 1.1);
  EXPECT_DOUBLE_EQ(value(v, "founded_after_waiting_share"), 0.25);
  // Hub B: its own tiger, founded in the run.
  const auto b = measured("B");
  EXPECT_DOUBLE_EQ(value(b, "tigers_founded_in_run_share"), 0.0) << "B's tiger has no founding";
  EXPECT_DOUBLE_EQ(value(b, "team_tail_index"), 9.0);
  EXPECT_NEAR(value(b, "unemployment_rate"), 0.5, 1e-12);
}

TEST_F(hand_made_store, AnUnknownRunOrHubIsAnInputError) {
  const store::run_store store(file_, store::run_store::mode::read_only);
  EXPECT_THROW(read_evidence(store.reader(), run_ + 1), input_error);
  try {
    read_evidence(store.reader(), run_, "C");
    FAIL() << "hub C does not exist";
  } catch (const input_error& e) {
    EXPECT_NE(std::string(e.what()).find("no hub 'C' (its hubs: A, B)"), std::string::npos)
        << e.what();
  }
}

TEST(PatternVerdicts, InsideNearFarAndNoData) {
  const auto n = panel().size();
  const auto k = [&](std::string_view id) {
    for (std::size_t i = 0; i < n; ++i)
      if (panel()[i].id == id) return i;
    return n;
  };
  // unemployment: inside 2-6%, near 1-8%
  std::vector<std::vector<double>> runs(3, std::vector<double>(n, std::nan("")));
  const auto set = [&](std::string_view id, std::vector<double> values) {
    for (std::size_t r = 0; r < runs.size(); ++r) runs[r][k(id)] = values[r];
  };
  set("unemployment_rate", {0.03, 0.04, 0.05});  // mean 4%: inside
  set("survival_2y", {0.5, 0.55, 0.6});          // mean 55%: inside the near band 55-95%
  set("seed_to_a_share", {0.9, 0.95, 1.0});      // far above 25-65%
  const auto results = evaluate(runs);
  EXPECT_EQ(results[k("unemployment_rate")].result, verdict::inside);
  EXPECT_EQ(results[k("unemployment_rate")].runs, 3);
  EXPECT_NEAR(*results[k("unemployment_rate")].mean, 0.04, 1e-12);
  EXPECT_LT(*results[k("unemployment_rate")].low, 0.04);
  EXPECT_EQ(results[k("survival_2y")].result, verdict::near);
  EXPECT_EQ(results[k("seed_to_a_share")].result, verdict::far);
  EXPECT_EQ(results[k("survival_5y")].result, verdict::no_data);
  const auto c = count_verdicts(results);
  EXPECT_EQ(c.inside + c.near + c.far + c.no_data, static_cast<int>(n));
  EXPECT_EQ(c.far, 1);
  // A mean outside both bands whose interval reaches the reference band is near.
  std::vector<std::vector<double>> wide(2, std::vector<double>(n, std::nan("")));
  wide[0][k("unemployment_rate")] = 0.0;
  wide[1][k("unemployment_rate")] = 0.18;  // mean 9%, interval far wider than 2-6%
  EXPECT_EQ(evaluate(wide)[k("unemployment_rate")].result, verdict::near);
}

TEST(PatternVerdicts, CsvAndMarkdownHoldEveryPattern) {
  const auto results = evaluate({});
  const auto csv = to_csv(results);
  const auto markdown = to_markdown(results);
  for (const auto& p : panel()) {
    std::string row(p.id), quoted("`");
    row += ',';
    quoted.append(p.id).push_back('`');
    EXPECT_NE(csv.find(row), std::string::npos) << p.id;
    EXPECT_NE(markdown.find(quoted), std::string::npos) << p.id;
  }
  EXPECT_NE(csv.find(",no data,"), std::string::npos);
}

}  // namespace
}  // namespace liangzhu::patterns
