// A set-up's policy changes cannot be --set overrides (a dated list is not one key), so a set-up
// with policies is loaded as the TOML text that extends the scenario's file: the same text the
// lab downloads, so what the page runs and what the file runs are one scenario (one hash).
#include "serve/lab_setup.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "serve/http_error.hpp"

namespace liangzhu::serve::detail {
namespace {

using nlohmann::json;

/// Most dated changes one set-up may carry.
constexpr std::size_t max_policies = 200;
/// The source name errors in a set-up's policy changes point at.
constexpr const char* policies_source = "<the lab's policy changes>";

std::string text_field(const json& entry, const char* key, std::size_t index) {
  const auto it = entry.find(key);
  if (it == entry.end() || !it->is_string())
    throw http_error(400, fmt::format("policy change {} needs '{}' as text", index + 1, key));
  return it->get<std::string>();
}

io::policy_entry policy_of(const json& entry, std::size_t index) {
  if (!entry.is_object())
    throw http_error(400, fmt::format("policy change {} must be an object with date, hub, key "
                                      "and value",
                                      index + 1));
  const auto value = entry.find("value");
  if (value == entry.end() || !value->is_primitive() || value->is_null())
    throw http_error(400, fmt::format("policy change {} needs a 'value': a number, true/false or "
                                      "text",
                                      index + 1));
  // A JSON number, boolean or string is also a TOML value (a string's escapes included).
  return {text_field(entry, "hub", index), text_field(entry, "date", index),
          text_field(entry, "key", index), value->dump()};
}

/// Whether the set-up is another scenario than its own: a run's length and seed are options of
/// the run (as `--ticks` and `--seed` are), not changes of the scenario.
bool changes_scenario(const lab_setup& s) {
  const auto run_option = [](const std::string& o) {
    return o.starts_with("ticks=") || o.starts_with("seed=");
  };
  return !s.policies.empty() || !std::ranges::all_of(s.overrides, run_option);
}

}  // namespace

lab_setup parse_setup(const json& body) {
  lab_setup s;
  const auto scenario = body.find("scenario");
  if (scenario == body.end() || scenario->is_null())
    throw http_error(400, "the request needs 'scenario'");
  if (!scenario->is_string()) throw http_error(400, "'scenario' has the wrong type: it is a name");
  s.scenario = scenario->get<std::string>();
  s.overrides = overrides_of(body.value("values", json()));
  if (const auto policies = body.find("policies"); policies != body.end() && !policies->is_null()) {
    if (!policies->is_array()) throw http_error(400, "'policies' must be an array");
    if (policies->size() > max_policies)
      throw http_error(400, fmt::format("at most {} policy changes", max_policies));
    for (std::size_t i = 0; i < policies->size(); ++i)
      s.policies.push_back(policy_of((*policies)[i], i));
  }
  std::erase_if(s.overrides, [](const std::string& o) { return o.starts_with("name="); });
  std::string name = s.scenario + "_lab";
  if (const auto given = body.find("name"); given != body.end() && !given->is_null()) {
    if (!given->is_string() || given->get<std::string>().empty() ||
        given->get<std::string>().size() > 100)
      throw http_error(400, "'name' must be text of 1 to 100 characters");
    name = given->get<std::string>();
  }
  if (changes_scenario(s)) s.overrides.insert(s.overrides.begin(), "name=" + json(name).dump());
  return s;
}

io::scenario load_setup(const scenario_catalog& catalog, const lab_setup& setup) {
  if (setup.policies.empty()) return catalog.load(setup.scenario, setup.overrides);
  const shipped_scenario& shipped = catalog.find(setup.scenario);
  try {
    return io::parse_scenario(
        io::extending_toml(shipped.file, model::scenario_schema(), {}, setup.policies),
        policies_source, model::scenario_schema(), setup.overrides);
  } catch (const input_error& e) {
    throw http_error(400, e.what());
  }
}

std::string setup_toml(const scenario_catalog& catalog, const lab_setup& setup) {
  const shipped_scenario& shipped = catalog.find(setup.scenario);
  std::string text = fmt::format(
      "# The scenario '{}' with the changes made in liangzhu's dashboard.\n"
      "# Check it with `liangzhu validate FILE`; `liangzhu run FILE` runs it as the dashboard "
      "did.\n",
      setup.scenario);
  return text + io::extending_toml(shipped.file, model::scenario_schema(), setup.overrides,
                                   setup.policies);
}

std::vector<std::string> described_changes(const lab_setup& setup) {
  std::vector<std::string> out = setup.overrides;
  for (const auto& p : setup.policies)
    out.push_back(fmt::format("policy {}: hub.{}.{}={}", p.date, p.hub, p.key, p.value));
  return out;
}

}  // namespace liangzhu::serve::detail
