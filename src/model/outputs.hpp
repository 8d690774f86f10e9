#pragma once
// The per-tick outputs: one table gives each series' name, unit, meaning and how it is read off
// the state, so the declaration, the recording and the output reference cannot drift apart.
#include <functional>
#include <vector>

#include "context.hpp"

namespace liangzhu::model::detail {

struct series_output {
  engine::series_spec spec;
  std::function<double(const context&, const hub_state&)> read;
};

const std::vector<series_output>& series_outputs();
/// Declares every series on the collector (in table order).
void declare_series(engine::collector& c);
/// Records every series of `hub` for the current tick and resets the hub's flow counters.
void record_series(const context& ctx, hub_state& hub, engine::collector& c);

}  // namespace liangzhu::model::detail
