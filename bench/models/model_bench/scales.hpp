#pragma once
/// @file The four scales of the model benchmark: the Liangzhu baseline scaled by its number of
/// engineers, with graduates and startups scaled in proportion (docs/performance.md).
#include <string>
#include <vector>

namespace liangzhu::model_bench {

struct scale {
  std::string name;
  double engineers = 0;
};

/// small (30k engineers), city (the baseline, 300k), national (10 M), axtell (120 M: the size of
/// Axtell's model of the US firms, the largest economic ABM run on one machine we know of).
const std::vector<scale>& all_scales();
/// The scale called `name`; throws std::invalid_argument for an unknown name.
const scale& scale_named(const std::string& name);
/// Scenario overrides (`--set` style) that turn the baseline into `s`.
std::vector<std::string> overrides_for(const scale& s);

}  // namespace liangzhu::model_bench
