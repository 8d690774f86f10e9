// Reading what the panel needs of one stored run, through one reader (one consistent snapshot).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/patterns/panel.hpp"
#include "liangzhu/store/store_reader.hpp"

namespace liangzhu::patterns {

double liquidation_preference_of(std::span<const std::pair<std::string, std::string>> parameters) {
  constexpr std::string_view key = "capital.liquidation_preference";
  for (const auto& [name, value] : parameters) {
    if (name != key) continue;
    double preference = 0;
    const auto [end, error] =
        std::from_chars(value.data(), value.data() + value.size(), preference);
    if (error != std::errc{} || end != value.data() + value.size() || !(preference >= 0))
      throw input_error(fmt::format("the run's {} is '{}', not a number of at least 0", key, value),
                        std::string(key));
    return preference;
  }
  return 0.0;
}

run_evidence read_evidence(const store::store_reader& reader, std::int64_t run,
                           std::string_view hub) {
  const auto info = reader.find_run(run);
  if (!info)
    throw input_error(fmt::format("{} has no run {}", reader.path().string(), run),
                      reader.path().string());
  const store::run_catalog catalog = reader.read_catalog(run);
  if (catalog.groups.empty())
    throw input_error(
        fmt::format("run {} of {} has no hub: it stored no outputs", run, reader.path().string()),
        reader.path().string());
  const std::string name = hub.empty() ? catalog.groups.front() : std::string(hub);
  const auto group_it = std::find(catalog.groups.begin(), catalog.groups.end(), name);
  if (group_it == catalog.groups.end())
    throw input_error(fmt::format("run {} has no hub '{}' (its hubs: {})", run, name,
                                  fmt::join(catalog.groups, ", ")),
                      "--hub");
  const auto group = static_cast<std::uint16_t>(group_it - catalog.groups.begin());

  run_evidence out;
  out.run_id = run;
  out.hub = name;
  out.ticks = info->ticks_done;
  out.ticks_per_year = 365.2425 / std::max(1, info->days_per_tick);
  for (const auto& kind : catalog.event_kinds) out.event_kinds.push_back(kind.name);
  reader.visit_events(run, [&](const engine::event_record& e) {
    if (e.group == group) out.events.push_back(e);
  });
  for (const auto& spec : catalog.series) out.series_names.push_back(spec.name);
  out.series.assign(catalog.series.size(), {});
  reader.visit_series(run, [&](const store::series_table_row& row) {
    if (row.group != name) return;
    for (std::size_t k = 0; k < row.values.size() && k < out.series.size(); ++k)
      out.series[k].push_back(row.values[k]);
  });
  out.liquidation_preference = liquidation_preference_of(reader.read_parameters(run));
  for (auto& row : reader.read_summary(run))
    if (row.group.empty() || row.group == name) out.summary.push_back(std::move(row));
  return out;
}

}  // namespace liangzhu::patterns
