#pragma once
/// @file The scenario schema: every parameter a scenario file may set, with its type, unit,
/// default, bounds and source. One schema drives both validation and the parameter reference
/// (docs/parameters.md), so the two cannot drift apart.
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "liangzhu/engine/calendar.hpp"

namespace liangzhu::io {

/// The kind of value a parameter holds.
enum class value_type { integer, real, boolean, string, date, choice };

/// A parameter value; a `choice` is stored as its string.
using param_value = std::variant<std::int64_t, double, bool, std::string, engine::date>;

/// The name of a value type as written in messages and in the reference ("integer", "real"...).
std::string_view to_string(value_type type);

/// A value as TOML text: integers and dates bare, reals always with a '.' or exponent, strings
/// quoted and escaped.
std::string format_value(const param_value& value);

/// One parameter of a section.
struct param_spec {
  /// Key relative to its section, possibly dotted ("noncompete.max_months").
  std::string key{};
  value_type type = value_type::real;
  /// Unit as shown to users ("CNY", "weeks", "share (0-1)"); empty if dimensionless.
  std::string unit{};
  /// Inclusive bounds, for integer and real parameters only.
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  param_value default_value{};
  /// The allowed values of a `choice` parameter.
  std::vector<std::string> choices{};
  std::string description{};
  /// A citation, or "assumption".
  std::string source{};
  /// Takes effect when the run starts only (a stock or population at the start): a dated change
  /// may not set it, since nothing would read the new value.
  bool start_only = false;
};

/// How a section's tables appear in a scenario file.
enum class section_kind {
  /// One table: `[world]`.
  single,
  /// Any number of instances, one table each: `[hub.<name>]`.
  named,
  /// An array of tables, each with a required `date`: `[[hub.<name>.export_control]]`.
  dated_list,
};

/// A group of parameters that share a TOML table. Every member has a default, so designated
/// initializers may leave any of them out.
struct section_spec {
  /// Dotted path; "" is the top level, and "*" stands for the instance name of the named section
  /// before it ("hub.*.incumbent").
  std::string path{};
  section_kind kind = section_kind::single;
  std::string title{};
  std::string description{};
  std::vector<param_spec> params{};
  /// A dated list of changes names the scope whose parameters its entries set ("hub.*" for
  /// [[hub.<name>.policy]]): each entry then needs `key`, a parameter of that scope that is not
  /// start_only, and `value`, checked as that parameter (type, bounds, choices).
  std::string changes{};

  /// The parameter with this relative key, or nullptr.
  const param_spec* find(std::string_view key) const;
};

/// The pattern of the table that holds a section's parameters: its path, plus ".*" for a named
/// section (the parameters of `hub` live in `hub.*`).
std::string scope_of(const section_spec& section);

/// How the section's tables are written in TOML, with "<name>" for instance names:
/// "[hub.<name>.incumbent.<name>]", "[[hub.<name>.export_control]]", "top level" for "".
std::string table_form(const section_spec& section);

/// The set of sections a scenario may contain, in declaration order.
class schema {
 public:
  /// Adds a section; throws std::invalid_argument if the declaration is inconsistent (its parent
  /// is not declared yet, a key is repeated or clashes with a section, a default is out of its
  /// bounds, a reserved key is used...), since that is a bug in the declaring code.
  void add_section(section_spec section);

  const std::vector<section_spec>& sections() const { return sections_; }
  /// The section with exactly this path, or nullptr.
  const section_spec* find_section(std::string_view path) const;
  /// The section whose parameters live in tables of this scope pattern ("" , "world", "hub.*"),
  /// or nullptr.
  const section_spec* owner_of(std::string_view scope) const;
  /// The sections whose tables sit directly inside tables of this scope pattern, in declaration
  /// order.
  std::vector<const section_spec*> children_of(std::string_view scope) const;

 private:
  std::vector<section_spec> sections_;
};

/// A real parameter, bounds inclusive.
param_spec real(std::string key, double default_value, double min, double max, std::string unit,
                std::string description, std::string source);
/// An integer parameter, bounds inclusive.
param_spec integer(std::string key, std::int64_t default_value, double min, double max,
                   std::string unit, std::string description, std::string source);
/// A true/false parameter.
param_spec boolean(std::string key, bool default_value, std::string description,
                   std::string source);
/// A parameter that takes one of a fixed list of words.
param_spec choice(std::string key, std::string default_value, std::vector<std::string> choices,
                  std::string description, std::string source);
/// A calendar-date parameter.
param_spec date_param(std::string key, engine::date default_value, std::string description,
                      std::string source);
/// A free-text parameter.
param_spec string_param(std::string key, std::string default_value, std::string description,
                        std::string source);
/// `spec`, marked as taking effect when the run starts only.
param_spec at_start_only(param_spec spec);

}  // namespace liangzhu::io
