#pragma once
/// @file A Bayesian calibration of a store as the report's document (docs/report.md, "A
/// calibration"): its generations with every particle, each factor's prior and posterior, each
/// target's posterior predictive against its observation, and the targets' sensitivity to the
/// factors before fitting. The page draws marginal and pairwise posterior plots from it.
#include <cstdint>
#include <nlohmann/json.hpp>

#include "liangzhu/store/store_reader.hpp"

namespace liangzhu::report {

/// Version of the calibration document; the front end refuses any other.
inline constexpr int calibration_format_version = 1;

/// The document for calibration `calibration` of `store`, as of the reader's moment (a running
/// calibration shows its whole generations so far). input_error if the store has no such
/// calibration, or none of its generations yet, or its stored experiment no longer reads back.
nlohmann::json calibration_report_data(const store::store_reader& store, std::int64_t calibration);

}  // namespace liangzhu::report
