// Directional tests: each compares a policy variant with the small scenario under common random
// numbers (the same seeds), summed over several seeds, and checks the direction the model's
// documentation claims. Each also checks that the compared figure is not trivially zero.
#include <gtest/gtest.h>

#include <algorithm>

#include "model/model_fixture.hpp"

namespace liangzhu::model {
namespace {

constexpr int seeds = 3;

/// Sum over the seeds of a summary figure for the small scenario with `overrides`.
double summed(const std::string& figure, std::vector<std::string> overrides,
              const std::string& file = "") {
  double total = 0;
  for (int seed = 1; seed <= seeds; ++seed) {
    auto o = overrides;
    o.push_back("seed=" + std::to_string(seed));
    run_options opts;
    opts.threads = 2;
    const auto scenario =
        file.empty() ? testing::small_scenario(o)
                     : io::load_scenario(testing::source_dir() + "/tests/model/data/" + file,
                                         scenario_schema(), o);
    simulation sim(scenario, opts);
    testing::recording_sink sink;
    sim.collector().set_sink(&sink);
    sim.run();
    if (figure.rfind("series:", 0) == 0) {
      total += sink.sum(figure.substr(7));
      continue;
    }
    for (const auto& f : sim.summary())
      if (f.name == figure && f.hub == "test") total += f.value.value_or(0.0);
  }
  return total;
}

TEST(Directional, TighterExportControlsNeverGiveStartupsMoreCompute) {
  const double base = summed("series:startup_compute_fulfilment", {});
  const double tight = summed("series:startup_compute_fulfilment", {}, "tight_controls.toml");
  EXPECT_GT(base, 0.0);
  EXPECT_LE(tight, base);
  EXPECT_LE(summed("series:compute_supply_foreign_h100e", {}, "tight_controls.toml"),
            summed("series:compute_supply_foreign_h100e", {}));
  // The run's summary says the same: a lower share of the compute wanted, at a price no lower.
  EXPECT_LE(summed("startup_compute_fulfilment_run", {}, "tight_controls.toml"),
            summed("startup_compute_fulfilment_run", {}));
  EXPECT_GE(summed("compute_price_mean_cny", {}, "tight_controls.toml"),
            summed("compute_price_mean_cny", {}));
}

TEST(Directional, StateTiesComeOnlyFromGovernmentMoney) {
  const std::vector<std::string> no_ties = {"capital.guidance_state_tie=0",
                                            "capital.subsidy_state_tie=0",
                                            "capital.voucher_state_tie_per_million=0"};
  EXPECT_EQ(summed("state_tie_mean_end", no_ties), 0.0);
  const double base = summed("state_tie_mean_end", {});
  EXPECT_GT(base, 0.0);
  // Twice the tie per guidance round: the startups alive at the end carry more.
  EXPECT_GT(summed("state_tie_mean_end", {"capital.guidance_state_tie=0.5"}), base);
}

TEST(Directional, ADearerOfficeNeverLetsMoreFoundersAffordOrTakeTheOffshoreRoute) {
  const double base = summed("offshore_affordable_share", {});
  const double dear = summed("offshore_affordable_share", {"capital.offshore_cost_cny=2e7"});
  EXPECT_GT(base, dear);
  // (Fewer may be priced out, though: a dearer office also makes fewer founders want it.)
  // (At the default cost too few of the small hub's founders take the office in three seeds for a
  // comparison: since startups hire to about two years of runway, little cash is left over.)
  EXPECT_GT(summed("offshore_share", {"capital.offshore_cost_cny=2e6"}),
            summed("offshore_share", {"capital.offshore_cost_cny=2e7"}));
  // Free offices: everyone can afford them and nobody is priced out.
  EXPECT_EQ(summed("offshore_affordable_share", {"capital.offshore_cost_cny=0"}), seeds);
  EXPECT_EQ(summed("priced_out_of_offshore", {"capital.offshore_cost_cny=0"}), 0.0);
}

TEST(Directional, TheMoreRoundsMayPayTheOfficeTheMoreFoundersCanAffordIt) {
  const double any = summed("offshore_affordable_share", {"capital.office_paid_from_round=any"});
  const double foreign =
      summed("offshore_affordable_share", {"capital.office_paid_from_round=foreign"});
  const double none = summed("offshore_affordable_share", {"capital.office_paid_from_round=none"});
  EXPECT_GT(any, foreign);
  EXPECT_GE(foreign, none);
  EXPECT_GT(none, 0.0);  // some founders have the cash of their own
}

TEST(Summary, RunComputeFiguresAddUpTheWeeks) {
  // The run's compute figures are the weekly series added up: got / wanted, and the mean price.
  const auto run = testing::run_small();
  const auto got = run.sink.column("startup_compute_fulfilment");
  double price = 0;
  for (const double p : run.sink.column("compute_price_cny")) price += p;
  const double weeks = static_cast<double>(run.sink.column("compute_price_cny").size());
  EXPECT_NEAR(run.figure("compute_price_mean_cny"), price / weeks, 1e-9 * price / weeks);
  const double fulfilment = run.figure("startup_compute_fulfilment_run");
  EXPECT_GT(fulfilment, 0.0);
  EXPECT_LE(fulfilment, 1.0);
  EXPECT_GE(fulfilment, *std::min_element(got.begin(), got.end()) - 1e-12);
  EXPECT_LE(fulfilment, *std::max_element(got.begin(), got.end()) + 1e-12);
  EXPECT_GT(run.figure("startup_compute_h100e_years"), 0.0);
}

TEST(Directional, BetterEnforcedNoncompetesNeverRaiseFounding) {
  const double lax = summed("startups_founded", {"hub.test.noncompete.enforceable=0"});
  const double strict = summed("startups_founded", {"hub.test.noncompete.enforceable=1",
                                                    "hub.test.incumbent.big.enforcement=1",
                                                    "hub.test.noncompete.found_anyway_bias=0"});
  EXPECT_GT(lax, 0.0);
  EXPECT_LE(strict, lax);
}

TEST(Directional, LongerNoncompetesNeverRaiseFounding) {
  const double shorter = summed("startups_founded", {"hub.test.noncompete.max_months=1"});
  const double longer = summed("startups_founded", {"hub.test.noncompete.max_months=24",
                                                    "hub.test.incumbent.big.noncompete_months=24"});
  EXPECT_GT(shorter, 0.0);
  EXPECT_LE(longer, shorter);
}

TEST(Directional, MoreSubsidyNeverLowersTheNumberOfSubsidisedStartups) {
  const double small =
      summed("subsidised_startups", {"hub.test.government.local.budget_cny_per_year=5e6"});
  const double large =
      summed("subsidised_startups", {"hub.test.government.local.budget_cny_per_year=5e8"});
  EXPECT_GT(small, 0.0);
  EXPECT_GE(large, small);
}

TEST(Directional, HigherStateTiesNeverRaiseForeignFunding) {
  // Foreign money is rare in the small hub since issue 14's staged financing; eager foreign funds
  // at low tension, in both variants, give it enough rounds for the comparison.
  const std::vector<std::string> eager = {"capital.foreign_base_appetite=1",
                                          "geopolitics.tension_initial=0.1",
                                          "geopolitics.tension_mean=0.1"};
  auto with = [&](std::vector<std::string> o) {
    o.insert(o.end(), eager.begin(), eager.end());
    return o;
  };
  const double light =
      summed("funding_foreign_vc_cny",
             with({"capital.guidance_state_tie=0.0", "capital.subsidy_state_tie=0.0",
                   "capital.voucher_state_tie_per_million=0"}));
  const double heavy =
      summed("funding_foreign_vc_cny",
             with({"capital.guidance_state_tie=1.0", "capital.subsidy_state_tie=1.0",
                   "capital.voucher_state_tie_per_million=1"}));
  EXPECT_GT(light, 0.0);
  EXPECT_LE(heavy, light);
}

TEST(Directional, HigherTensionNeverRaisesForeignFunding) {
  const double calm = summed("funding_foreign_vc_cny",
                             {"geopolitics.tension_initial=0.1", "geopolitics.tension_mean=0.1"});
  const double tense = summed("funding_foreign_vc_cny",
                              {"geopolitics.tension_initial=0.9", "geopolitics.tension_mean=0.9"});
  EXPECT_GT(calm, 0.0);
  EXPECT_LE(tense, calm);
}

TEST(Directional, FasterDomesticChipsNeverLowerTheDomesticShare) {
  const double base = summed("domestic_share_end", {});
  const double fast = summed("domestic_share_end", {"chips.domestic_capacity_growth=1.5"});
  EXPECT_GT(base, 0.0);
  EXPECT_GE(fast, base);
}

// Issue 14's economics.

TEST(Directional, JobLossesRaiseUnemployment) {
  const double none =
      summed("series:engineers_unemployed", {"hub.test.talent.job_loss_per_year=0"});
  const double many =
      summed("series:engineers_unemployed", {"hub.test.talent.job_loss_per_year=0.2"});
  EXPECT_GT(many, none);
  EXPECT_GT(summed("laid_off", {}), 0.0);
}

TEST(Directional, IncumbentsShortOfPeoplePoachMore) {
  const double steady = summed("poached", {"hub.test.incumbent.big.headcount_growth=0",
                                           "hub.test.incumbent.other.headcount_growth=0"});
  const double growing = summed("poached", {"hub.test.incumbent.big.headcount_growth=0.3",
                                            "hub.test.incumbent.other.headcount_growth=0.3"});
  EXPECT_GT(steady, 0.0);
  EXPECT_GT(growing, steady);
}

TEST(Directional, StartupsStarvedOfComputeFallBehind) {
  // With compute that matters to growth, tighter controls do not leave startups more capable
  // (issue 14 found live startups rising by 12-28% when compute was cut to 4%).
  const double base = summed("series:mean_capability", {});
  const double starved = summed("series:mean_capability", {}, "tight_controls.toml");
  EXPECT_GT(base, 0.0);
  EXPECT_LT(starved, base);
}

TEST(Directional, HigherRoundBarsMeanFewerRounds) {
  const double easy = summed("rounds", {});
  const double hard = summed("rounds", {"startups.round_bar_step=6"});
  EXPECT_GT(easy, 0.0);
  EXPECT_LT(hard, easy);
}

}  // namespace
}  // namespace liangzhu::model
