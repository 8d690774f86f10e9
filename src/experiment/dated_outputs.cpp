#include "liangzhu/experiment/dated_outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "liangzhu/experiment/output_names.hpp"

namespace liangzhu::experiment {

std::optional<dated_output> dated_output_of(std::string_view output) {
  const auto at = output.rfind('@');
  if (at == std::string_view::npos) return std::nullopt;
  const auto date = engine::date::parse(output.substr(at + 1));
  if (!date) return std::nullopt;
  auto [hub, series] = split_output_name(output.substr(0, at));
  return dated_output{std::move(hub), std::move(series), *date};
}

bool has_dated_outputs(std::span<const std::string> outputs) {
  return std::ranges::any_of(outputs,
                             [](const std::string& o) { return dated_output_of(o).has_value(); });
}

std::optional<std::string> check_output_date(std::string_view output, const engine::calendar& cal,
                                             long ticks) {
  const auto dated = dated_output_of(output);
  if (!dated) return std::nullopt;
  const long tick = cal.tick_containing(dated->date);
  if (tick >= 0 && tick < ticks) return std::nullopt;
  return fmt::format("output '{}': {} is outside the run ({} to {})", output,
                     dated->date.to_string(), cal.start().to_string(),
                     cal.date_of(ticks).to_string());
}

double series_value_at(const job_result& run, std::string_view hub, std::string_view series,
                       engine::date date) {
  constexpr double missing = std::numeric_limits<double>::quiet_NaN();
  const auto& out = run.outputs;
  const auto s = std::ranges::find(out.series, series, &engine::series_spec::name);
  const auto g = std::ranges::find(out.groups, hub);
  const auto start = engine::date::parse(run.run.start_date);
  if (s == out.series.end() || g == out.groups.end() || !start) return missing;
  const long tick = engine::calendar(*start, run.run.days_per_tick).tick_containing(date);
  const auto column = static_cast<std::size_t>(s - out.series.begin());
  const auto group = static_cast<std::uint16_t>(g - out.groups.begin());
  for (const auto& row : out.rows)
    if (row.tick == tick && row.group == group) return row.values[column];
  return missing;
}

void add_dated_outputs(std::span<const std::string> outputs, std::span<const std::string> hubs,
                       job_result& run) {
  for (const auto& output : outputs) {
    const auto dated = dated_output_of(output);
    if (!dated) continue;
    const std::string hub = dated->hub.empty() && !hubs.empty() ? hubs.front() : dated->hub;
    const double value = series_value_at(run, hub, dated->series, dated->date);
    const auto unit =
        std::ranges::find(run.outputs.series, dated->series, &engine::series_spec::name);
    // Named without the hub, as output_value looks a figure up within its group.
    const auto at = output.rfind('@');
    const std::string name = dated->series + output.substr(at);
    run.summary.push_back(
        {hub, name, std::isnan(value) ? std::nullopt : std::optional(value), "",
         unit == run.outputs.series.end() ? "" : unit->unit,
         fmt::format("{} in the week that contains {}", dated->series, dated->date.to_string())});
  }
}

}  // namespace liangzhu::experiment
