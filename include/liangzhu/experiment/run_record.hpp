#pragma once
/// @file How one simulation is written down in a run store, the same for `liangzhu run` and for
/// every run of an experiment: its run_info row, its resolved parameters and its summary rows.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/simulation.hpp"
#include "liangzhu/store/records.hpp"
#include "liangzhu/store/run_store.hpp"

namespace liangzhu::experiment {

/// A scenario's one name, the same in the store, compare's tables, reports and the dashboard: its
/// own `name` (or a --set one), else its file's stem. A name inherited through `extends` names
/// the base, not this variant: a variant of the baseline without a name of its own is its file,
/// never "baseline".
std::string scenario_name_of(const io::scenario& scenario, const model::parameters& params);

/// The runs-table row of a run of `scenario` with `params` (its options applied: seed, length)
/// on `threads` worker threads (status running, no id yet). `overrides` are the --set texts,
/// recorded as comments above the resolved scenario. Known before the simulation is built.
store::run_info describe_run(const io::scenario& scenario, const model::parameters& params,
                             int threads, std::span<const std::string> overrides,
                             std::string label);

/// Every resolved value, with the seed and length the run actually used (options win over the
/// file), plus the thread count.
std::vector<std::pair<std::string, std::string>> recorded_parameters(
    const io::scenario& scenario, const model::parameters& params, int threads);

/// Begins a run in `store` (describe_run) with its parameters (recorded_parameters) in one
/// transaction, so that no run is ever stored without them, and returns its id.
std::int64_t begin_recorded_run(store::run_store& store, const io::scenario& scenario,
                                const model::parameters& params, int threads,
                                std::span<const std::string> overrides, std::string label);

/// The overrides a run was stored with (its --set values, a sweep point's, a dashboard's levers),
/// read back from the comments recorded_scenario_text writes above its stored scenario.
std::vector<std::string> recorded_overrides(std::string_view scenario_text);

/// The model's summary figures as store rows.
std::vector<store::summary_row> summary_rows(const std::vector<model::summary_figure>& figures);

}  // namespace liangzhu::experiment
