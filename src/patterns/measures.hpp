#pragma once
// The panel's measures by pattern id (measure.cpp), for the check that every pattern has one.
#include <string_view>

namespace liangzhu::patterns::detail {

/// True if measure() knows how to compute pattern `id`.
bool is_measured(std::string_view id);

}  // namespace liangzhu::patterns::detail
