#pragma once
/// @file What investors receive when a startup is sold: the liquidation preference of venture
/// shares. The model pays acquisitions with it (src/model/startups.cpp), and the pattern panel
/// recomputes the realised multiple of each round with it from the stored events, so the two
/// cannot disagree.
#include <span>
#include <vector>

namespace liangzhu::model {

/// One investor's preferred shares at the sale: what was paid for them and the share of the
/// company they are now (after later rounds' dilution).
struct preferred_stake {
  double invested = 0;
  double share = 0;
};

/// What each stake receives when the company is sold for `value`, under non-participating
/// preferred shares with a liquidation preference of `preference` times the money invested,
/// every class ranking equally (pari passu): each investor takes the larger of its preference
/// and what its shares would fetch beside the common (founders' and employees') shares, which own
/// what the stakes do not. Preferences are paid first, pro rata to their size when the value does
/// not cover them all; the rest is shared per share among the common and the investors who
/// convert. With `preference` 0 every stake gets share × value (ordinary shares).
std::vector<double> liquidation_payouts(std::span<const preferred_stake> stakes, double value,
                                        double preference);

}  // namespace liangzhu::model
