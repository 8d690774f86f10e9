// The liquidation preference: what each investor takes when a startup is sold.
#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "liangzhu/model/liquidation.hpp"

namespace liangzhu::model {
namespace {

// Two rounds: the first paid 6 for a fifth of the company, the second 4 for a tenth (so the
// first is the cheaper per share: 30 against 40); the common owns 70%.
const std::vector<preferred_stake> two_rounds{{6.0, 0.2}, {4.0, 0.1}};

double total(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(LiquidationPreference, WithoutOneEveryStakeGetsItsShareOfThePrice) {
  const auto paid = liquidation_payouts(two_rounds, 10.0, 0.0);
  EXPECT_EQ(paid, (std::vector<double>{0.2 * 10.0, 0.1 * 10.0}));
}

TEST(LiquidationPreference, ASaleForLessThanWasInvestedPaysTheMoneyBackFirst) {
  // As ordinary shares they would get 2 and 1 of 10; their preferences take all of it.
  const auto paid = liquidation_payouts(two_rounds, 10.0, 1.0);
  EXPECT_DOUBLE_EQ(paid[0], 6.0);
  EXPECT_DOUBLE_EQ(paid[1], 4.0);
}

TEST(LiquidationPreference, PreferencesShareAShortfallProRata) {
  const auto paid = liquidation_payouts(two_rounds, 5.0, 1.0);
  EXPECT_DOUBLE_EQ(paid[0], 3.0);
  EXPECT_DOUBLE_EQ(paid[1], 2.0);
}

TEST(LiquidationPreference, AnInvestorConvertsWhenItsSharesAreWorthMore) {
  // At 40 the first round converts (its fifth of the 36 left after the second's preference,
  // shared over 90% of the shares, is 8 > 6); the second does not (a tenth of 40 is its 4).
  const auto paid = liquidation_payouts(two_rounds, 40.0, 1.0);
  EXPECT_DOUBLE_EQ(paid[0], 8.0);
  EXPECT_DOUBLE_EQ(paid[1], 4.0);
  // A high price: everyone converts, as ordinary shares.
  const auto high = liquidation_payouts(two_rounds, 100.0, 1.0);
  EXPECT_NEAR(high[0], 20.0, 1e-12);
  EXPECT_NEAR(high[1], 10.0, 1e-12);
}

TEST(LiquidationPreference, NoInvestorGetsLessThanItsPreferenceCoversOrThanItsShares) {
  for (const double value : {0.0, 1.0, 7.5, 10.0, 13.0, 25.0, 40.0, 60.0, 1e3}) {
    for (const double preference : {0.5, 1.0, 2.0}) {
      const auto paid = liquidation_payouts(two_rounds, value, preference);
      EXPECT_LE(total(paid), value * (1 + 1e-12)) << value;  // never more than the price
      double claims = 0;
      for (const auto& s : two_rounds) claims += preference * s.invested;
      for (std::size_t i = 0; i < paid.size(); ++i) {
        const double preferred =
            preference * two_rounds[i].invested * std::min(1.0, value / claims);
        EXPECT_GE(paid[i], preferred - 1e-9) << value << " " << preference;
      }
    }
  }
}

TEST(LiquidationPreference, InvestorsWhoOwnTheWholeCompanyShareAllOfIt) {
  const std::vector<preferred_stake> all{{6.0, 0.6}, {4.0, 0.4}};
  EXPECT_NEAR(total(liquidation_payouts(all, 50.0, 1.0)), 50.0, 1e-9);
  EXPECT_NEAR(total(liquidation_payouts(all, 8.0, 1.0)), 8.0, 1e-9);
}

}  // namespace
}  // namespace liangzhu::model
