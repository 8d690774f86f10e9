// The dashboard's controls come from the schema, so their units, ranges and descriptions are
// those of docs/parameters.md. Which parameters: the policy levers the model is about
// (noncompetes, subsidies, vouchers, guidance funds, talent, chips) plus the run's length, seed
// and the two world settings that move foreign money the most.
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

/// A parameter the dashboard shows: its section in the schema and its key there.
struct lever {
  std::string_view section;
  std::string_view key;
};

constexpr std::array run_levers{
    lever{"", "ticks"},
    lever{"", "seed"},
    lever{"geopolitics", "tension_mean"},
    lever{"capital", "foreign_base_appetite"},
};

constexpr std::array hub_levers{
    lever{"hub", "noncompete.max_months"},
    lever{"hub", "noncompete.enforceable"},
    lever{"hub", "government.local.subsidy_per_startup_cny"},
    lever{"hub", "government.local.voucher_share_domestic"},
    lever{"hub", "government.local.guidance_fund_cny"},
    lever{"hub", "funding.government_route"},
    lever{"hub", "talent.graduates_per_year"},
    lever{"hub", "poaching.premium"},
    lever{"hub", "meetups.attendance_share"},
    lever{"hub", "chips.foreign_supply_h100e_per_year"},
};

/// A bound as JSON: null when unbounded (JSON has no infinity).
json bound(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

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

json describe_lever(const io::scenario& scenario, const lever& l, const std::string& full_key,
                    const std::string& group) {
  const io::section_spec* section = model::scenario_schema().find_section(l.section);
  const io::param_spec* spec = section ? section->find(l.key) : nullptr;
  LIANGZHU_ASSERT(spec != nullptr, "a dashboard lever is not in the schema");
  return {{"key", full_key},
          {"group", group},
          {"label", std::string(l.key)},
          {"type", std::string(io::to_string(spec->type))},
          {"unit", spec->unit},
          {"min", bound(spec->min)},
          {"max", bound(spec->max)},
          {"default", value_json(spec->default_value)},
          {"value", value_json(scenario.value(full_key))},
          {"description", spec->description}};
}

std::string full_key(const lever& l, const std::string& hub) {
  if (l.section.empty()) return std::string(l.key);
  if (l.section == "hub") return fmt::format("hub.{}.{}", hub, l.key);
  return fmt::format("{}.{}", l.section, l.key);
}

bool plain_key(const std::string& key) {
  return !key.empty() && key.size() <= 200 && std::ranges::all_of(key, [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  });
}

}  // namespace

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
  const auto hubs = scenario.names("hub");
  json params = json::array();
  for (const lever& l : run_levers)
    params.push_back(describe_lever(scenario, l, full_key(l, ""), "run"));
  for (const auto& hub : hubs)
    for (const lever& l : hub_levers)
      params.push_back(describe_lever(scenario, l, full_key(l, hub), "hub " + hub));
  return {{"name", s.name},
          {"description", s.description},
          {"hubs", hubs},
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
