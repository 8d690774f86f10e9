#pragma once
/// @file A scenario: the TOML file(s) a run is configured by, checked against the schema and
/// resolved into one value per parameter (defaults filled in, `extends` and `--set` applied).
///
/// Merging rules: `extends = "base.toml"` (or an array, merged in order) loads those files first,
/// relative to the including file, and this file goes on top. Tables merge key by key; any other
/// value, including an array of tables such as a dated list, replaces the earlier one whole.
/// `--set key=value` overrides are applied last, in order.
#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/io/schema.hpp"

namespace liangzhu::io {

namespace detail {
class scenario_builder;
}

/// Where a resolved value came from: a file (line and column 1-based), "--set" or "<default>".
struct value_origin {
  std::string file;
  int line = 0;
  int column = 0;
};

/// A fully resolved, validated scenario. Lookups take full dotted keys
/// ("hub.liangzhu.noncompete.max_months") and throw std::out_of_range for keys the schema does not
/// give this scenario, which is a programmer error.
class scenario {
 public:
  /// One entry of a dated list, with every parameter of its section (defaults filled in).
  struct dated_entry {
    engine::date date;
    std::map<std::string, param_value> values;
    value_origin origin;
  };

  /// The file given to load_scenario (the source name for parse_scenario).
  const std::filesystem::path& path() const { return path_; }
  /// The text of that file, as read.
  const std::string& source_text() const { return source_text_; }

  std::int64_t integer(std::string_view key) const;
  double real(std::string_view key) const;
  bool boolean(std::string_view key) const;
  /// The value of a string or choice parameter.
  const std::string& string(std::string_view key) const;
  engine::date date(std::string_view key) const;
  const param_value& value(std::string_view key) const;
  const value_origin& origin(std::string_view key) const;

  /// The instance names of a named section at this concrete path ("hub",
  /// "hub.liangzhu.incumbent"), in the order the files declare them.
  std::vector<std::string> names(std::string_view named_section_prefix) const;
  /// The entries of a dated list at this concrete path ("hub.liangzhu.export_control"), sorted
  /// by date; entries with the same date keep their file order.
  std::vector<dated_entry> dated(std::string_view list_path) const;

  /// Every resolved value, defaults included, in schema order (instances in declaration order).
  /// Dated-list entries appear as "hub.liangzhu.export_control[0].level".
  std::vector<std::pair<std::string, param_value>> flattened() const;
  /// The resolved scenario as TOML that loads back to the same values, in the same order.
  std::string canonical_toml() const;
  /// 16 hex digits: FNV-1a (64 bit) of canonical_toml().
  std::string hash() const;
  /// The "key=value" overrides that hold for this run and every history its start_from chain
  /// runs first (a posterior draw: values of the model, not of one period), as given to
  /// load_scenario; applied before the --set ones, with origin "--posterior".
  const std::vector<std::string>& history_overrides() const { return history_overrides_; }

 private:
  friend class detail::scenario_builder;

  struct entry {
    std::string key;        ///< full dotted key (with "[i]" for dated entries)
    std::string local_key;  ///< key inside its TOML table
    param_value value;
    value_origin origin;
  };
  /// One TOML table of the canonical form and the entries written under it.
  struct block {
    std::string table;  ///< concrete dotted path, "" for the top level
    bool array_entry = false;
    std::vector<std::size_t> entries;
  };

  const entry& at(std::string_view key) const;
  template <typename T>
  const T& get(std::string_view key, const char* wanted) const;

  std::filesystem::path path_;
  std::string source_text_;
  std::vector<entry> entries_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<block> blocks_;
  std::map<std::string, std::vector<std::string>, std::less<>> names_;
  std::map<std::string, std::vector<dated_entry>, std::less<>> dated_;
  std::vector<std::string> history_overrides_;
};

/// Loads, merges and validates a scenario file; `overrides` are "key=value" texts from --set,
/// `history_overrides` those that also go to the scenario's histories (history_overrides()).
/// Throws input_error (with file, line, column and key) for anything wrong in the input.
scenario load_scenario(const std::filesystem::path& file, const schema& s,
                       std::span<const std::string> overrides = {},
                       std::span<const std::string> history_overrides = {});

/// The same for TOML text held in memory; `extends` paths are relative to the working directory.
scenario parse_scenario(std::string_view toml_text, std::string_view source_name, const schema& s,
                        std::span<const std::string> overrides = {});

}  // namespace liangzhu::io
