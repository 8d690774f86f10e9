#pragma once
/// @file Naming an output of interest: a summary figure, "tigers" (the first hub's, or the whole
/// run's when the figure has no hub) or "silicon_valley.tigers" (another hub's); or a weekly
/// series at a date, "tigers_total@2030-12-31" (dated_outputs.hpp).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liangzhu/store/records.hpp"

namespace liangzhu::experiment {

/// The weekly series' names (docs/outputs.md).
std::vector<std::string> series_names();

/// The figures a comparison reports unless asked for others: `liangzhu compare`'s default and the
/// dashboard's ensembles.
std::vector<std::string> headline_outputs();

/// "hub.name" as ("hub", "name"); "name" as ("", "name").
std::pair<std::string, std::string> split_output_name(std::string_view output);

/// Why `output` cannot name a summary figure of a run with these hubs, or nullopt if it can.
std::optional<std::string> check_output_name(std::string_view output,
                                             std::span<const std::string> hubs);

/// The unit of `output` as docs/outputs.md gives it ("CNY", "share", "startups"...); for a figure
/// at a date its series' unit; empty for a name that is not an output.
std::string output_unit(std::string_view output);

/// The value of `output` among a run's summary rows; NaN when the figure is empty (no tigers to
/// divide by, independence not reached) or absent.
double output_value(std::span<const store::summary_row> rows, std::span<const std::string> hubs,
                    std::string_view output);

}  // namespace liangzhu::experiment
