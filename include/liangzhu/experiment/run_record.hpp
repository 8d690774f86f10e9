#pragma once
/// @file How one simulation is written down in a run store, the same for `liangzhu run` and for
/// every run of an experiment: its run_info row, its resolved parameters and its summary rows.
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/simulation.hpp"
#include "liangzhu/store/records.hpp"
#include "liangzhu/store/run_store.hpp"

namespace liangzhu::experiment {

/// The runs-table row of a simulation of `scenario` (status running, no id yet). `overrides`
/// are the --set texts, recorded as comments above the resolved scenario.
store::run_info describe_run(const io::scenario& scenario, const model::simulation& sim,
                             std::span<const std::string> overrides, std::string label);

/// Every resolved value, with the seed and length the run actually used (options win over the
/// file), plus the thread count.
std::vector<std::pair<std::string, std::string>> recorded_parameters(const io::scenario& scenario,
                                                                     const model::simulation& sim);

/// Begins a run of `sim` in `store` (describe_run) with its parameters (recorded_parameters) in
/// one transaction, so that no run is ever stored without them, and returns its id.
std::int64_t begin_recorded_run(store::run_store& store, const io::scenario& scenario,
                                const model::simulation& sim,
                                std::span<const std::string> overrides, std::string label);

/// The model's summary figures as store rows.
std::vector<store::summary_row> summary_rows(const std::vector<model::summary_figure>& figures);

}  // namespace liangzhu::experiment
