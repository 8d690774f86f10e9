#include "liangzhu/experiment/output_names.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "liangzhu/io/did_you_mean.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::experiment {
namespace {

/// True if `name` is an instance of a documented family of figures such as survival_cohort_<k>
/// (<k>: digits) or investors_<city>_multiple (<city>: lower-case letters, digits and '_').
bool matches_family(std::string_view name, std::string_view family) {
  const auto open = family.find('<');
  const auto close = family.find('>');
  const auto prefix = family.substr(0, open);
  const auto suffix = family.substr(close + 1);
  if (name.size() <= prefix.size() + suffix.size() || !name.starts_with(prefix) ||
      !name.ends_with(suffix))
    return false;
  const auto middle = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  const bool digits_only = family.substr(open, close - open + 1) == "<k>";
  return std::ranges::all_of(middle, [&](char c) {
    return (c >= '0' && c <= '9') || (!digits_only && ((c >= 'a' && c <= 'z') || c == '_'));
  });
}

/// The summary figures' names; families (names with a <placeholder>) in `families`.
std::vector<std::string> summary_names(std::vector<std::string>* families = nullptr) {
  std::vector<std::string> names;
  for (const auto& doc : model::output_reference()) {
    if (doc.kind != "summary") continue;
    if (doc.name.find('<') == std::string::npos)
      names.push_back(doc.name);
    else if (families)
      families->push_back(doc.name);
  }
  return names;
}

/// "series@YYYY-MM-DD": a weekly series and a date.
std::optional<std::string> check_dated(std::string_view output, const std::string& name,
                                       std::size_t at) {
  const std::string series = name.substr(0, at);
  if (!engine::date::parse(std::string_view(name).substr(at + 1)))
    return "output '" + std::string(output) + "': '" + name.substr(at + 1) +
           "' is not a date (YYYY-MM-DD)";
  const auto names = series_names();
  if (std::ranges::find(names, series) == names.end())
    return "output '" + std::string(output) + "': '" + series +
           "' is not a weekly series (docs/outputs.md lists them; a figure at a date is "
           "series@YYYY-MM-DD)" +
           io::did_you_mean(series, names);
  return std::nullopt;
}

}  // namespace

std::vector<std::string> series_names() {
  std::vector<std::string> names;
  for (const auto& doc : model::output_reference())
    if (doc.kind == "series") names.push_back(doc.name);
  return names;
}

std::vector<std::string> headline_outputs() {
  return {"startups_founded",
          "startups_alive_end",
          "tigers",
          "offshore_share",
          "foreign_share",
          "government_spending_cny",
          "cost_per_startup_cny",
          "chip_independence_reached",
          "chip_independence_years",
          "domestic_share_end"};
}

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
  if (const auto at = name.rfind('@'); at != std::string::npos)
    return check_dated(output, name, at);
  std::vector<std::string> families;
  const auto names = summary_names(&families);
  if (std::ranges::find(names, name) != names.end() ||
      std::ranges::any_of(families,
                          [&name = name](const std::string& f) { return matches_family(name, f); }))
    return std::nullopt;
  return "output '" + std::string(output) +
         "' is not a summary figure (docs/outputs.md lists them)" + io::did_you_mean(name, names);
}

std::string output_unit(std::string_view output) {
  const auto at = output.rfind('@');
  const auto [hub, name] = split_output_name(output.substr(0, at));
  const std::string_view kind = at == std::string_view::npos ? "summary" : "series";
  for (const auto& doc : model::output_reference())
    if (doc.kind == kind && (doc.name == name || matches_family(name, doc.name))) return doc.unit;
  return "";
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
