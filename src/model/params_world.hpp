#pragma once
// Bindings of the run-wide sections of the scenario schema (see params_world.cpp).
#include <vector>

#include "liangzhu/model/parameters.hpp"
#include "param_binding.hpp"

namespace liangzhu::model::detail {

// Ceilings of the keys that have no natural maximum. They are far above anything a real hub has
// (the seeds' largest figures, Hangzhou's funds, are in the hundreds of billions of yuan) and low
// enough that sums over every agent of a run stay well inside a double's exact range, where the
// conservation checks of money still hold; beyond them a value is a typo, not a scenario.
inline constexpr double max_cny = 1e13;        ///< ten trillion yuan
inline constexpr double max_h100e = 1e9;       ///< accelerators (H100-equivalents or dies)
inline constexpr double max_capability = 1e6;  ///< capability units (a default bar is 1.5)
std::vector<binding<parameters>> run_bindings();
std::vector<binding<world_params>> geopolitics_bindings();
std::vector<binding<tension_shock>> tension_shock_bindings();
std::vector<binding<world_params>> capital_bindings();
std::vector<binding<world_params>> startup_bindings();
std::vector<binding<world_params>> chip_bindings();
std::vector<binding<world_params>> efficiency_bindings();
std::vector<binding<investor_city_params>> investor_city_bindings();

std::vector<binding<hub_params>> hub_bindings();
/// Every key of [hub.<name>]: hub_bindings() and both levels of government
/// ("government.local.<instrument>"), as the schema declares them and dated policy changes set
/// them.
std::vector<binding<hub_params>> all_hub_bindings();
std::vector<binding<government_params>> government_bindings();
std::vector<binding<incumbent_params>> incumbent_bindings();
std::vector<binding<export_control_step>> export_control_bindings();
std::vector<binding<policy_change>> policy_change_bindings();
}  // namespace liangzhu::model::detail
