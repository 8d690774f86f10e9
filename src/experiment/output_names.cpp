#include "liangzhu/experiment/output_names.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "liangzhu/io/did_you_mean.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::experiment {
namespace {

bool is_cohort_figure(std::string_view name) {
  constexpr std::string_view prefix = "survival_cohort_";
  if (!name.starts_with(prefix) || name.size() == prefix.size()) return false;
  return std::ranges::all_of(name.substr(prefix.size()),
                             [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> summary_names() {
  std::vector<std::string> names;
  for (const auto& doc : model::output_reference())
    if (doc.kind == "summary" && !doc.name.ends_with("<k>")) names.push_back(doc.name);
  return names;
}

}  // namespace

std::pair<std::string, std::string> split_output_name(std::string_view output) {
  const auto dot = output.find('.');
  if (dot == std::string_view::npos) return {"", std::string(output)};
  return {std::string(output.substr(0, dot)), std::string(output.substr(dot + 1))};
}

std::optional<std::string> check_output_name(std::string_view output,
                                             std::span<const std::string> hubs) {
  const auto [hub, name] = split_output_name(output);
  if (!hub.empty() && std::ranges::find(hubs, hub) == hubs.end()) {
    const std::vector<std::string> known(hubs.begin(), hubs.end());
    return "output '" + std::string(output) + "': the scenario has no hub '" + hub + "'" +
           io::did_you_mean(hub, known);
  }
  const auto names = summary_names();
  if (is_cohort_figure(name) || std::ranges::find(names, name) != names.end()) return std::nullopt;
  return "output '" + std::string(output) +
         "' is not a summary figure (docs/outputs.md lists them)" + io::did_you_mean(name, names);
}

double output_value(std::span<const store::summary_row> rows, std::span<const std::string> hubs,
                    std::string_view output) {
  const auto [hub, name] = split_output_name(output);
  const std::string home = hub.empty() && !hubs.empty() ? hubs.front() : hub;
  constexpr double missing = std::numeric_limits<double>::quiet_NaN();
  for (const auto& row : rows) {
    // An unqualified name means the first hub's figure, or the whole run's (group "").
    const bool match =
        row.name == name && (row.group == home || (hub.empty() && row.group.empty()));
    if (match) return row.value.value_or(missing);
  }
  return missing;
}

}  // namespace liangzhu::experiment
