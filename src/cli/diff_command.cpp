// `liangzhu diff A B`: the resolved keys that differ between two scenarios or stored runs, so an
// analyst can say exactly what a variant changes (defaults, `extends`, --set and dated policies
// all applied) without reading the files side by side.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/schema.hpp"

namespace liangzhu::cli {
namespace {

struct diff_request {
  std::string first;
  std::string second;
  std::string store;
  std::vector<std::string> overrides;
};

constexpr const char* diff_description =
    "Show the resolved keys that differ between two scenarios or stored runs. A and B are each a "
    "scenario (a file or a shipped scenario's name, read with its 'extends' files, defaults and "
    "--set overrides) or the id of a run of the --store file (its recorded parameters). Prints a "
    "table of the keys whose values differ, a dash where one side has no such key (a hub or "
    "policy entry the other lacks); a dated policy entry is one row <list>[i] reading 'DATE: KEY = "
    "VALUE'. The thread "
    "count a run used is not compared: it does not change results. Exits 0 whether or not they "
    "differ.";

constexpr const char* diff_footer =
    "Examples:\n"
    "  liangzhu diff baseline subsidy_cut\n"
    "  liangzhu diff baseline my.toml --set hub.liangzhu.talent.engineers=5000\n"
    "  liangzhu diff 1 4 --store runs.db\n"
    "  liangzhu diff baseline 4 --store runs.db";

/// One side of the comparison: its name for the header and its values by key, in its order.
struct side {
  std::string name;
  std::vector<std::pair<std::string, std::string>> values;
};

bool is_run_id(const std::string& text) {
  return !text.empty() && text.size() <= 18 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

side read_side(const std::string& argument, const diff_request& r) {
  if (!is_run_id(argument)) {
    const io::scenario scenario = load_scenario_argument(argument, r.overrides);
    side s{scenario.path().string(), {}};
    for (const auto& [key, value] : scenario.flattened())
      s.values.emplace_back(key, io::format_value(value));
    return s;
  }
  if (r.store.empty())
    throw input_error(fmt::format(
        "'{}' is a run id: name the store that holds it with --store FILE (or give a scenario)",
        argument));
  if (!r.overrides.empty())
    throw input_error(
        fmt::format("--set applies to scenarios, not to the stored run {}: a run's parameters are "
                    "what it ran with",
                    argument));
  const auto opened = open_existing_store(r.store);
  const auto store = opened.reader();
  const std::int64_t id = std::stoll(argument);
  check_runs_exist(store, r.store, std::vector<std::int64_t>{id}, "A/B");
  side s{fmt::format("run {} of {}", id, r.store), store.read_parameters(id)};
  std::erase_if(s.values, [](const auto& kv) { return kv.first == "threads"; });
  return s;
}

/// A dated list's entries as one value each ("2026-01-01: government.local.x = 0.0"), so a
/// policy reads as written rather than as three keys; other fields of an entry follow in
/// "field=value" form.
std::vector<std::pair<std::string, std::string>> entries_as_rows(
    const std::vector<std::pair<std::string, std::string>>& values) {
  std::vector<std::pair<std::string, std::string>> out;
  std::map<std::string, std::size_t> row_of;  // "hub.x.policy[0]" -> index in out
  std::map<std::string, std::map<std::string, std::string>> fields;
  for (const auto& [key, value] : values) {
    const auto close = key.find("].");
    if (close == std::string::npos || key.find('[') > close) {
      out.emplace_back(key, value);
      continue;
    }
    const std::string entry = key.substr(0, close + 1);
    if (row_of.emplace(entry, out.size()).second) out.emplace_back(entry, "");
    fields[entry][key.substr(close + 2)] = value;
  }
  for (auto& [entry, f] : fields) {
    std::string text;
    if (f.contains("date") && f.contains("key") && f.contains("value")) {
      std::string key = f["key"];
      if (key.size() >= 2 && key.front() == '"' && key.back() == '"')
        key = key.substr(1, key.size() - 2);
      text = fmt::format("{}: {} = {}", f["date"], key, f["value"]);
      f.erase("date"), f.erase("key"), f.erase("value");
    }
    for (const auto& [field, value] : f)
      text += fmt::format("{}{}={}", text.empty() ? "" : ", ", field, value);
    out[row_of[entry]].second = text;
  }
  return out;
}

/// Keys in the order the first side lists them, then the second side's own.
std::vector<std::string> all_keys(const side& a, const side& b) {
  std::vector<std::string> keys;
  std::map<std::string, bool> seen;
  for (const auto* s : {&a, &b})
    for (const auto& [key, value] : s->values)
      if (seen.emplace(key, true).second) keys.push_back(key);
  return keys;
}

int diff(const diff_request& r) {
  side a = read_side(r.first, r);
  side b = read_side(r.second, r);
  a.values = entries_as_rows(a.values);
  b.values = entries_as_rows(b.values);
  std::map<std::string, std::string> by_key_a(a.values.begin(), a.values.end());
  std::map<std::string, std::string> by_key_b(b.values.begin(), b.values.end());
  const auto keys = all_keys(a, b);

  text_table table({"key", "A", "B"});
  std::vector<std::vector<std::string>> rows;
  for (const auto& key : keys) {
    const auto in_a = by_key_a.find(key);
    const auto in_b = by_key_b.find(key);
    const std::string va = in_a == by_key_a.end() ? "-" : in_a->second;
    const std::string vb = in_b == by_key_b.end() ? "-" : in_b->second;
    if (in_a != by_key_a.end() && in_b != by_key_b.end() && va == vb) continue;
    rows.push_back({key, va, vb});
  }
  fmt::print("A: {}\nB: {}\n", a.name, b.name);
  if (rows.empty()) {
    fmt::print("no differences in {} keys\n", keys.size());
    return to_int(exit_code::ok);
  }
  fmt::print("{} of {} keys differ\n\n", rows.size(), keys.size());
  for (const auto& row : rows) table.add_row(row);
  const std::string rendered = table.render();
  if (widest_line(rendered) <= terminal_columns) {
    fmt::print("{}", rendered);
    return to_int(exit_code::ok);
  }
  for (const auto& row : rows) fmt::print("{}\n  A: {}\n  B: {}\n", row[0], row[1], row[2]);
  return to_int(exit_code::ok);
}

void define_diff(CLI::App& app, diff_request& r) {
  app.add_option("A", r.first, "A scenario (file or shipped name) or a run id of --store")
      ->required()
      ->type_name("");
  app.add_option("B", r.second, "Another scenario or run id")->required()->type_name("");
  app.add_option("--store", r.store, "The run store holding the runs named by id")
      ->option_text("FILE");
  add_set_option(app, r.overrides);
}

}  // namespace

command add_diff_command(CLI::App& parent) {
  return make_command<diff_request>(parent, {"diff", diff_description, diff_footer}, define_diff,
                                    diff);
}

}  // namespace liangzhu::cli
