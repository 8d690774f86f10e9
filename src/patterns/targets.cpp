#include "liangzhu/patterns/targets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "liangzhu/io/did_you_mean.hpp"

namespace liangzhu::patterns {

run_evidence evidence_of(const experiment::job_result& run, const std::string& hub) {
  const auto& out = run.outputs;
  run_evidence e;
  e.hub = hub;
  e.ticks_per_year = 365.2425 / std::max(1, run.run.days_per_tick);
  e.liquidation_preference = liquidation_preference_of(run.parameters);
  const auto group_it = std::find(out.groups.begin(), out.groups.end(), hub);
  if (group_it == out.groups.end()) return e;
  const auto group = static_cast<std::uint16_t>(group_it - out.groups.begin());
  for (const auto& kind : out.event_kinds) e.event_kinds.push_back(kind.name);
  for (const auto& event : out.events)
    if (event.group == group) e.events.push_back(event);
  for (const auto& spec : out.series) e.series_names.push_back(spec.name);
  e.series.assign(out.series.size(), {});
  for (const auto& row : out.rows) {
    e.ticks = std::max<std::int64_t>(e.ticks, row.tick + 1);
    if (row.group != group) continue;
    for (std::size_t k = 0; k < row.values.size() && k < e.series.size(); ++k)
      e.series[k].push_back(row.values[k]);
  }
  for (const auto& row : run.summary)
    if (row.group.empty() || row.group == hub) e.summary.push_back(row);
  return e;
}

experiment::target_measure pattern_targets() {
  experiment::target_measure m;
  m.check = [](std::string_view id) -> std::optional<std::string> {
    if (find_pattern(id)) return std::nullopt;
    std::vector<std::string> ids;
    for (const auto& p : panel()) ids.emplace_back(p.id);
    return fmt::format("'{}' is not a pattern of the panel (docs/patterns.md lists them){}", id,
                       io::did_you_mean(std::string(id), ids));
  };
  m.measure = [](const experiment::job_result& run, std::string_view id, const std::string& hub) {
    const auto values = measure(evidence_of(run, hub));
    const auto all = panel();
    for (std::size_t i = 0; i < all.size(); ++i)
      if (all[i].id == id) return values[i];
    return std::numeric_limits<double>::quiet_NaN();
  };
  return m;
}

}  // namespace liangzhu::patterns
