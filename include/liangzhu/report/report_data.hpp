#pragma once
/// @file The document the HTML report draws from: runs of a store as JSON (docs/report.md,
/// "The data format"). The same format carries ensembles (means with confidence bands).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>

#include "liangzhu/store/records.hpp"
#include "liangzhu/store/store_reader.hpp"

namespace liangzhu::report {

/// Version of the data format; the front end refuses any other.
inline constexpr int data_format_version = 1;

/// One run as the report shows it: label, scenario, seed, dates, per-hub series and summary, all
/// read through `store` (one reader: a run being written is seen as of one moment).
/// With `ticks`, only the dates and series values of those ticks (what a live page appends to
/// the run it has). io_error if the store's rows do not fit its catalog (never in a store
/// liangzhu wrote: a guard against a store edited by hand).
nlohmann::json run_data(const store::store_reader& store, const store::run_info& run,
                        store::tick_range ticks = {});

/// The whole document for `runs` of `store`, side by side in that order.
/// @warning every id must name a run of the store (callers check; LIANGZHU_ASSERT otherwise).
nlohmann::json report_data(const store::store_reader& store, std::span<const std::int64_t> runs);

}  // namespace liangzhu::report
