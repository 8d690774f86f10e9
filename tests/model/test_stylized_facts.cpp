// Stylized facts a run should reproduce (MODEL.md, "What makes it credible"): a skewed firm-size
// distribution, startups dying over the years (older cohorts have lower survival), and returns
// concentrated in a few deals. Checked on the small scenario over six years, summed over seeds.
#include <gtest/gtest.h>

#include "model/model_fixture.hpp"

namespace liangzhu::model {
namespace {

struct facts {
  double team_median = 0, team_p90 = 0, top_decile = 0, old_survival = 0, young_survival = 0;
};

facts over_seeds() {
  facts f;
  for (int seed = 1; seed <= 3; ++seed) {
    const auto r = testing::run_small({"ticks=312", "seed=" + std::to_string(seed)}, 2);
    f.team_median += r.figure("team_median_end");
    f.team_p90 += r.figure("team_p90_end");
    f.top_decile += r.figure("top_decile_returns_share", "");
    f.old_survival += r.figure("survival_cohort_0");
    f.young_survival += r.figure("survival_cohort_4");
  }
  return f;
}

TEST(StylizedFacts, SkewedFirmsDyingCohortsConcentratedReturns) {
  const facts f = over_seeds();
  EXPECT_GT(f.team_p90, 1.5 * f.team_median) << "firm sizes are not skewed";
  EXPECT_LT(f.old_survival, f.young_survival) << "older cohorts should have lost more startups";
  // Venture data put the best tenth of deals at well over half of all returns; the model's best
  // tenth carry about 30% (three times their number), a known gap (docs/model.md, "Simplifications
  // and known gaps"). The bar guards the concentration the model has: 2.5 times an even share.
  EXPECT_GT(f.top_decile / 3, 0.25)
      << "the best tenth of deals should carry a large share of returns";
}

}  // namespace
}  // namespace liangzhu::model
