#pragma once
/// @file The throughput targets of issue 21 (docs/performance.md, Targets), judged against the
/// benchmark's measurements, so that `make model-bench` says which are met.
#include <map>
#include <string>
#include <vector>

#include "measurement.hpp"

namespace liangzhu::model_bench {

/// The weeks a target's run lasts: the baseline scenario's ten years.
inline constexpr long target_weeks = 522;

enum class verdict { met, missed, not_measured };

struct target_result {
  std::string target;  ///< what is asked, e.g. "city run <= 0.4 s on 1 thread"
  std::string figure;  ///< what was measured, or why it was not
  verdict outcome = verdict::not_measured;
};

/// Measurements by scale name and thread count, as the benchmark took them.
using measurements = std::map<std::string, std::map<int, measurement>>;

/// Every target that applies to a scale that was run: met or missed by the run of its scale and
/// thread count when that run lasted the full target_weeks, else not measured with the reason.
std::vector<target_result> judge_targets(const measurements& taken);

}  // namespace liangzhu::model_bench
