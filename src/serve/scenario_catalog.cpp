// The dashboard's controls come from the schema, so their titles, units, ranges, defaults and
// sources are those of docs/parameters.md: every parameter of every table the scenario has (the
// run, the world's sections, each hub, each incumbent, each investors' city), grouped as that page
// groups them. The policy levers the model is about (noncompetes, subsidies, vouchers, guidance
// funds, talent, chips) and the two world settings that move foreign money the most are marked
// `main`, so the page can show them first.
#include "serve/scenario_catalog.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <variant>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "serve/http_error.hpp"

namespace liangzhu::serve::detail {
namespace {

using nlohmann::json;

/// The main levers, by their key in their section's table: the world's, then each hub's.
constexpr std::array<std::string_view, 4> main_world_levers{
    "ticks", "seed", "geopolitics.tension_mean", "capital.foreign_base_appetite"};
constexpr std::array<std::string_view, 10> main_hub_levers{
    "noncompete.max_months",
    "noncompete.enforceable",
    "government.local.subsidy_per_startup_cny",
    "government.local.voucher_share_domestic",
    "government.local.guidance_fund_cny",
    "funding.government_route",
    "talent.graduates_per_year",
    "poaching.premium",
    "meetups.attendance_share",
    "chips.foreign_supply_h100e_per_year",
};

/// A bound as JSON: null when unbounded (JSON has no infinity).
json bound(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

/// A parameter's title: its description up to the first parenthesis or semicolon, which is
/// where the schema's descriptions move from what a value is to how it is measured.
std::string title_of(const std::string& description) {
  const std::size_t cut = description.find_first_of("(;");
  std::string title = description.substr(0, cut);
  while (!title.empty() && title.back() == ' ') title.pop_back();
  return title.size() >= 8 ? title : description;
}

/// One table of a scenario and the group the page shows its parameters in.
struct concrete_table {
  std::string path;   ///< "" (top level), "capital", "hub.liangzhu", "hub.liangzhu.incumbent.x"
  std::string group;  ///< "Capital and the founder's choice", "Hub liangzhu", ...
  bool hub = false;   ///< a hub's own table (whose main levers are marked)
};

/// The tables of `section` in `scenario`: each "*" of its scope stands for every instance name
/// the scenario declares there (hub.* -> hub.liangzhu, hub.shenzhen, ...).
std::vector<concrete_table> tables_of(const io::section_spec& section,
                                      const io::scenario& scenario) {
  std::vector<std::pair<std::string, std::vector<std::string>>> tables{{"", {}}};
  const std::string scope = io::scope_of(section);
  for (std::size_t at = 0; !scope.empty() && at <= scope.size();) {
    const std::size_t dot = std::min(scope.find('.', at), scope.size());
    const std::string part = scope.substr(at, dot - at);
    std::vector<std::pair<std::string, std::vector<std::string>>> next;
    for (auto& table : tables) {
      const std::string& path = table.first;
      const std::vector<std::string>& names = table.second;
      // (no structured binding: clang before 16 cannot capture one in a lambda)
      const auto joined = [&path](const std::string& p) {
        return path.empty() ? p : path + "." + p;
      };
      if (part != "*") {
        next.emplace_back(joined(part), names);
        continue;
      }
      for (const auto& name : scenario.names(path)) {
        auto more = names;
        more.push_back(name);
        next.emplace_back(joined(name), std::move(more));
      }
    }
    tables = std::move(next);
    at = dot + 1;
  }
  std::vector<concrete_table> out;
  for (auto& [path, names] : tables) {
    std::string group = section.title;
    if (!names.empty()) group += ": " + fmt::format("{}", fmt::join(names, " / "));
    out.push_back({path, std::move(group), section.path == "hub"});
  }
  return out;
}

bool is_main(const concrete_table& table, std::string_view key) {
  if (table.hub) return std::ranges::find(main_hub_levers, key) != main_hub_levers.end();
  const std::string full =
      table.path.empty() ? std::string(key) : table.path + "." + std::string(key);
  return std::ranges::find(main_world_levers, full) != main_world_levers.end();
}

json describe(const io::scenario& scenario, const io::param_spec& spec,
              const concrete_table& table) {
  const std::string key = table.path.empty() ? spec.key : table.path + "." + spec.key;
  // A hub's many parameters are shown in subgroups by the first part of their key.
  const std::size_t dot = spec.key.find('.');
  const std::string subgroup = table.hub && dot != std::string::npos ? spec.key.substr(0, dot) : "";
  return {{"key", key},
          {"group", table.group},
          {"subgroup", subgroup},
          {"label", spec.key},
          {"title", title_of(spec.description)},
          {"type", std::string(io::to_string(spec.type))},
          {"unit", spec.unit},
          {"min", bound(spec.min)},
          {"max", bound(spec.max)},
          {"choices", spec.choices},
          {"default", value_json(spec.default_value)},
          {"value", value_json(scenario.value(key))},
          {"description", spec.description},
          {"source", spec.source},
          {"start_only", spec.start_only},
          {"main", is_main(table, spec.key)}};
}

bool plain_key(const std::string& key) {
  return !key.empty() && key.size() <= 200 && std::ranges::all_of(key, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  });
}

}  // namespace

json value_json(const io::param_value& value) {
  return std::visit(
      [](const auto& v) -> json {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, engine::date>)
          return v.to_string();
        else
          return v;
      },
      value);
}

scenario_catalog::scenario_catalog(std::vector<shipped_scenario> scenarios)
    : scenarios_(std::move(scenarios)) {
  std::ranges::sort(scenarios_, {}, &shipped_scenario::name);
}

json scenario_catalog::list() const {
  json out = json::array();
  for (const auto& s : scenarios_)
    out.push_back({{"name", s.name}, {"description", s.description}});
  return out;
}

const shipped_scenario& scenario_catalog::find(std::string_view name) const {
  const auto it = std::ranges::find(scenarios_, name, &shipped_scenario::name);
  if (it != scenarios_.end()) return *it;
  std::vector<std::string> names;
  for (const auto& s : scenarios_) names.push_back(s.name);
  throw http_error(
      404, fmt::format("there is no scenario '{}' (there are: {})", name, fmt::join(names, ", ")));
}

io::scenario scenario_catalog::load(std::string_view name,
                                    const std::vector<std::string>& overrides) const {
  const shipped_scenario& s = find(name);
  try {
    return io::load_scenario(s.file, model::scenario_schema(), overrides);
  } catch (const input_error& e) {
    throw http_error(400, e.what());
  }
}

json scenario_catalog::parameters(std::string_view name) const {
  const shipped_scenario& s = find(name);
  const io::scenario scenario = load(name, {});
  json params = json::array();
  for (const io::section_spec& section : model::scenario_schema().sections()) {
    if (section.kind == io::section_kind::dated_list) continue;  // the policy timeline's part
    for (const concrete_table& table : tables_of(section, scenario))
      for (const io::param_spec& spec : section.params)
        params.push_back(describe(scenario, spec, table));
  }
  return {{"name", s.name},
          {"description", s.description},
          {"hubs", scenario.names("hub")},
          {"start", scenario.date("start").to_string()},
          {"parameters", std::move(params)}};
}

std::vector<std::string> overrides_of(const json& values) {
  if (values.is_null()) return {};
  if (!values.is_object())
    throw http_error(400, "'values' must be an object of parameter keys and values");
  std::vector<std::string> out;
  for (const auto& [key, value] : values.items()) {
    if (!plain_key(key)) throw http_error(400, fmt::format("'{}' is not a parameter key", key));
    if (!value.is_primitive() || value.is_null())
      throw http_error(400,
                       fmt::format("the value of '{}' must be a number, true/false or text", key));
    // A JSON number, boolean or string is also TOML (a string's escapes included).
    out.push_back(fmt::format("{}={}", key, value.dump()));
  }
  return out;
}

}  // namespace liangzhu::serve::detail
