#pragma once
// The end-of-run summary (see summary.cpp).
#include "context.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::model::detail {
std::vector<summary_figure> summarise(const context& ctx,
                                      const std::vector<const hub_state*>& hubs);
std::vector<output_doc> summary_docs();
}  // namespace liangzhu::model::detail
