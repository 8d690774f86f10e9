#pragma once
// The scenarios the dashboard can run and the parameters it lets users change, described from
// the schema (unit, range, default, meaning); and a run request turned into --set overrides
// (internal).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "liangzhu/io/scenario.hpp"
#include "liangzhu/serve/server.hpp"

namespace liangzhu::serve::detail {

class scenario_catalog {
 public:
  explicit scenario_catalog(std::vector<shipped_scenario> scenarios);

  /// [{name, description}] in name order.
  nlohmann::json list() const;
  /// The scenario `name`; http_error 404 naming the known ones if there is none.
  const shipped_scenario& find(std::string_view name) const;
  /// The scenario with `overrides` applied; http_error 400 with the schema's message if a value
  /// is unknown, mistyped or out of range.
  io::scenario load(std::string_view name, const std::vector<std::string>& overrides) const;
  /// {name, description, hubs, parameters: [{key, group, label, type, unit, min, max, default,
  /// value, description}]}: the main levers of each hub and of the whole run.
  nlohmann::json parameters(std::string_view name) const;

 private:
  std::vector<shipped_scenario> scenarios_;
};

/// A parameter's value as JSON: a number, true/false or text (a date as YYYY-MM-DD).
nlohmann::json value_json(const io::param_value& value);

/// The --set texts of a run request's "values" object ({"hub.x.noncompete.max_months": 6});
/// http_error 400 for anything but an object of dotted keys and plain values.
std::vector<std::string> overrides_of(const nlohmann::json& values);

}  // namespace liangzhu::serve::detail
