#pragma once
// What the dashboard's lab sends: a scenario of the catalog, the values changed from it, dated
// policy changes and the name its runs are stored under; read from a request body, loaded as a
// scenario, and written as the TOML file `liangzhu validate` and `liangzhu run` take (internal).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "liangzhu/io/policy_entries.hpp"
#include "liangzhu/io/scenario.hpp"
#include "serve/scenario_catalog.hpp"

namespace liangzhu::serve::detail {

struct lab_setup {
  std::string scenario;                    ///< a name of the catalog
  std::vector<std::string> overrides;      ///< "key=value", TOML values; `name` among them
  std::vector<io::policy_entry> policies;  ///< dated changes of hub keys
};

/// The set-up in a request body: {"scenario", "values": {key: value}, "policies": [{"date",
/// "hub", "key", "value"}], "name"}. A set-up that changes anything is stored under its own name
/// (`name`, else "<scenario>_lab"), never under the scenario's. http_error 400 for anything
/// malformed; the values themselves are checked when the set-up is loaded.
lab_setup parse_setup(const nlohmann::json& body);

/// The scenario of the set-up, with every check of `liangzhu validate` (http_error 400 with the
/// schema's message otherwise).
io::scenario load_setup(const scenario_catalog& catalog, const lab_setup& setup);

/// The set-up as a scenario file: it extends the catalog's file (by its absolute path) with the
/// changed values and the policy entries, under a comment saying what it is.
std::string setup_toml(const scenario_catalog& catalog, const lab_setup& setup);

/// A resolved scenario (an opened file, a stored run) as a set-up: {scenario (the offered one
/// closest to it), values, policies, name, unmatched (what a set-up of that scenario cannot
/// express, as sentences)}.
nlohmann::json open_setup(const scenario_catalog& catalog, const io::scenario& target);

/// The changes as a run lists them: "key=value" and "policy DATE: hub.H.KEY=VALUE".
std::vector<std::string> described_changes(const lab_setup& setup);

}  // namespace liangzhu::serve::detail
