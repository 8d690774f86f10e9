#pragma once
/// @file An experiment (sweep, compare, sensitivity) of a store as the report's document: one
/// ensemble per point, its series the means over the point's replicates with 95% confidence bands,
/// its figures means with intervals (docs/report.md, "The data format").
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>

#include "liangzhu/store/store_reader.hpp"

namespace liangzhu::report {

/// The document for `points` of experiment `sweep` (all of them when empty). input_error if the
/// store has no such experiment or point, or the experiment kept no weekly series.
nlohmann::json ensemble_report_data(const store::store_reader& store, std::int64_t sweep,
                                    std::span<const std::int64_t> points);

}  // namespace liangzhu::report
