#pragma once
/// @file The pattern panel's statistics as calibration targets: `output = "pattern:<id>"` in a
/// [[target]] entry (docs/calibration.md), measured on each run of the calibration from the events
/// it recorded, exactly as `liangzhu patterns` measures a stored run.
#include <string>

#include "liangzhu/experiment/calibration.hpp"
#include "liangzhu/experiment/job.hpp"
#include "liangzhu/patterns/panel.hpp"

namespace liangzhu::patterns {

/// The prefix of pattern targets.
inline constexpr const char* target_prefix = "pattern:";

/// The measure to register with experiment::register_target_measure under target_prefix.
experiment::target_measure pattern_targets();

/// What the panel reads of a run held in memory (its events recorded), for hub `hub`: the same
/// evidence read_evidence gives of that run once stored.
run_evidence evidence_of(const experiment::job_result& run, const std::string& hub);

}  // namespace liangzhu::patterns
