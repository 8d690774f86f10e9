// A scenario file or a stored run opened in the lab: its resolved values compared with each
// scenario the server offers, the closest taken as the base, and the differences turned back into
// what the lab sends (changed values, dated policy changes after the base's own). What the lab
// cannot express (another hub, export-control steps or tension shocks of its own, policy changes
// that replace the base's) is listed, not silently dropped.
#include <fmt/format.h>

#include <map>
#include <optional>
#include <variant>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/schema.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "serve/http_error.hpp"
#include "serve/lab_setup.hpp"

namespace liangzhu::serve::detail {
namespace {

using nlohmann::json;
using values_map = std::map<std::string, io::param_value, std::less<>>;

values_map values_of(const io::scenario& s) {
  values_map out;
  for (auto& [key, value] : s.flattened()) out.emplace(std::move(key), std::move(value));
  return out;
}

/// "hub.liangzhu.policy[3].value" -> "hub.liangzhu.policy"; "" for keys outside dated lists.
std::string dated_list_of(const std::string& key) {
  const std::size_t bracket = key.find('[');
  return bracket == std::string::npos ? "" : key.substr(0, bracket);
}

/// How many values differ between the two (a key one lacks counts too).
std::size_t distance(const values_map& a, const values_map& b) {
  std::size_t n = 0;
  for (const auto& [key, value] : a) {
    const auto it = b.find(key);
    n += it == b.end() || it->second != value ? 1 : 0;
  }
  for (const auto& [key, value] : b) n += a.contains(key) ? 0 : 1;
  return n;
}

bool same_entry(const io::scenario::dated_entry& a, const io::scenario::dated_entry& b) {
  return a.date == b.date && a.values == b.values;
}

}  // namespace

json open_setup(const scenario_catalog& catalog, const io::scenario& target) {
  const values_map wanted = values_of(target);
  std::optional<std::pair<std::size_t, std::string>> best;
  for (const auto& s : catalog.list()) {
    const std::string name = s["name"];
    const std::size_t d = distance(wanted, values_of(catalog.load(name, {})));
    if (!best || d < best->first) best = {d, name};
  }
  if (!best) throw http_error(404, "the server offers no scenario to open this in");
  const io::scenario base = catalog.load(best->second, {});
  const values_map own = values_of(base);
  json values = json::object(), policies = json::array(), unmatched = json::array();
  std::map<std::string, bool> lists;  // dated lists that differ
  for (const auto& [key, value] : wanted) {
    const auto it = own.find(key);
    const bool differs = it == own.end() || it->second != value;
    if (!differs || key == "name") continue;
    if (const auto list = dated_list_of(key); !list.empty())
      lists[list] = true;
    else if (it == own.end())
      unmatched.push_back(fmt::format("{} (the scenario {} has no such key)", key, best->second));
    else
      values[key] = value_json(value);
  }
  for (const auto& [key, value] : own)
    if (const auto list = dated_list_of(key); !list.empty() && !wanted.contains(key))
      lists[list] = true;
  for (const auto& [list, _] : lists) {
    const auto theirs = target.dated(list), ours = base.dated(list);
    const bool policy = list.ends_with(".policy") && list.starts_with("hub.");
    const bool extends_ours = theirs.size() >= ours.size() &&
                              std::equal(ours.begin(), ours.end(), theirs.begin(), same_entry);
    if (!policy || !extends_ours) {
      unmatched.push_back(
          fmt::format("{} (its entries differ from those of {})", list, best->second));
      continue;
    }
    const std::string hub = list.substr(4, list.size() - 4 - std::string_view(".policy").size());
    for (std::size_t i = ours.size(); i < theirs.size(); ++i)
      policies.push_back({{"date", theirs[i].date.to_string()},
                          {"hub", hub},
                          {"key", value_json(theirs[i].values.at("key"))},
                          {"value", value_json(theirs[i].values.at("value"))}});
  }
  json out = {{"scenario", best->second},
              {"values", std::move(values)},
              {"policies", std::move(policies)},
              {"unmatched", std::move(unmatched)}};
  if (target.string("name") != base.string("name")) out["name"] = target.string("name");
  return out;
}

}  // namespace liangzhu::serve::detail
