#include "portfolios.hpp"

namespace liangzhu::model::detail {

std::vector<double> held_value_by_fund(const context& ctx,
                                       const std::vector<const hub_state*>& hubs) {
  std::vector<double> held(ctx.world.investors.size(), 0.0);
  for (const hub_state* h : hubs)
    for (std::size_t s = 0; s < h->startups.table.size(); ++s)
      for (const auto& stake : h->holdings[h->startups.table.id_at(s).index])
        if (holder::is_fund(stake.investor))
          held[static_cast<std::size_t>(stake.investor)] += stake.share * h->startups.valuation[s];
  return held;
}

}  // namespace liangzhu::model::detail
