#pragma once
/// @file Assembles a scenario value by value while the loader walks the schema (private).
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liangzhu/io/scenario.hpp"

namespace liangzhu::io::detail {

/// The only writer of a scenario's internals; the loader feeds it in canonical order.
class scenario_builder {
 public:
  scenario_builder(std::filesystem::path path, std::string source_text);

  /// Starts a table of the canonical form; values added next are written under it.
  void open_table(std::string table, bool array_entry = false);
  /// Adds the value of `spec` at full key `key` to the table opened last.
  void add(const param_spec& spec, std::string key, param_value value, value_origin origin);
  /// Records the instances of a named section, in declaration order.
  void set_names(std::string prefix, std::vector<std::string> names);
  /// Records a dated list (already sorted) and writes one array-of-tables entry per element.
  void set_dated(const std::string& list_path, std::vector<scenario::dated_entry> entries);

  /// The parameter at this full key, or nullptr (dated-list values have none: they cannot be
  /// overridden).
  const param_spec* spec_of(std::string_view key) const;
  /// Replaces the value of an existing parameter (a --set override).
  void replace(std::string_view key, param_value value, value_origin origin);
  /// Every full key that has a parameter, in canonical order.
  std::vector<std::string> keys() const;
  const std::map<std::string, std::vector<std::string>, std::less<>>& names() const {
    return result_.names_;
  }

  /// Records the overrides that also go to the scenario's histories (scenario::history_overrides).
  void keep_history_overrides(std::span<const std::string> overrides) {
    result_.history_overrides_.assign(overrides.begin(), overrides.end());
  }
  scenario finish() && { return std::move(result_); }

 private:
  void append(std::string key, std::string local_key, param_value value, value_origin origin);

  scenario result_;
  std::map<std::string, const param_spec*, std::less<>> specs_;
};

}  // namespace liangzhu::io::detail
