#pragma once
/// @file Figures at dates: "tigers_total@2030-12-31" is the weekly series `tigers_total` in the
/// week that contains 2030-12-31, of the first hub ("silicon_valley.tigers_total@2030-12-31" for
/// another). Such a name is accepted wherever an experiment's outputs are (compare, sweep and
/// sensitivity): each run computes it from its series and keeps it among its summary figures under
/// that name, so stores, tables and reports treat it as any other figure. A calibration target
/// says the same with `output` and `date`.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/experiment/job.hpp"

namespace liangzhu::experiment {

struct dated_output {
  std::string hub;  ///< empty for the first hub
  std::string series;
  engine::date date;
};

/// `output` split at its '@'; nullopt when it has none, or when what follows is not a date
/// (check_output_name says why).
std::optional<dated_output> dated_output_of(std::string_view output);

/// Whether any of `outputs` is a figure at a date (its runs must then record their series).
bool has_dated_outputs(std::span<const std::string> outputs);

/// Why `output`'s date falls outside a run from `cal`'s start for `ticks` weeks, or nullopt.
std::optional<std::string> check_output_date(std::string_view output, const engine::calendar& cal,
                                             long ticks);

/// The value of `series` of `hub` in the week that contains `date`, from a run's recorded
/// series; NaN when the run did not record it (or the week is outside the run).
double series_value_at(const job_result& run, std::string_view hub, std::string_view series,
                       engine::date date);

/// Adds each figure at a date among `outputs` to the run's summary rows (group: its hub).
void add_dated_outputs(std::span<const std::string> outputs, std::span<const std::string> hubs,
                       job_result& run);

}  // namespace liangzhu::experiment
