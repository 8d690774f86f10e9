// Non-participating liquidation preferences (Kaplan and Strömberg 2003: most venture financings
// carry one; 1x is the usual multiple, NVCA model charter). No library computes a cap-table
// waterfall, so it is written here: a few stakes per startup, solved by converting investors one
// at a time, cheapest preference per share first, for as long as converting pays them.
#include "liangzhu/model/liquidation.hpp"

#include <algorithm>
#include <numeric>

namespace liangzhu::model {
namespace {

/// Payouts when the stakes marked in `converts` take their shares of the residual and the others
/// their preferences.
std::vector<double> payouts_given(std::span<const preferred_stake> stakes,
                                  const std::vector<bool>& converts, double value,
                                  double preference) {
  const std::size_t n = stakes.size();
  double owned = 0, claims = 0, converted_shares = 0;
  for (std::size_t i = 0; i < n; ++i) {
    owned += stakes[i].share;
    if (converts[i])
      converted_shares += stakes[i].share;
    else
      claims += preference * stakes[i].invested;
  }
  const double paid_to_preferences = std::min(value, claims);
  const double covered = claims > 0 ? paid_to_preferences / claims : 0.0;
  const double common = std::max(0.0, 1.0 - owned);
  const double residual_shares = common + converted_shares;
  const double per_share =
      residual_shares > 0 ? (value - paid_to_preferences) / residual_shares : 0.0;
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i)
    out[i] = converts[i] ? stakes[i].share * per_share : preference * stakes[i].invested * covered;
  return out;
}

}  // namespace

std::vector<double> liquidation_payouts(std::span<const preferred_stake> stakes, double value,
                                        double preference) {
  const std::size_t n = stakes.size();
  if (preference <= 0) {  // ordinary shares: exactly share x value
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = stakes[i].share * value;
    return out;
  }
  // Investors whose preference per share is lowest gain first from converting.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto price = [&](std::size_t i) {
    return stakes[i].share > 0 ? stakes[i].invested / stakes[i].share : 0.0;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return price(a) < price(b); });
  std::vector<bool> converts(n, false);
  std::vector<double> best = payouts_given(stakes, converts, value, preference);
  for (const std::size_t i : order) {
    if (stakes[i].share <= 0) continue;
    converts[i] = true;
    auto tried = payouts_given(stakes, converts, value, preference);
    if (tried[i] <= best[i]) {
      converts[i] = false;
      break;
    }
    best = std::move(tried);
  }
  return best;
}

}  // namespace liangzhu::model
