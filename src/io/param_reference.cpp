#include "liangzhu/io/param_reference.hpp"

#include <cmath>

#include <fmt/format.h>

#include "io/text.hpp"

namespace liangzhu::io {
namespace {

constexpr const char* preamble =
    "# Scenario parameters\n"
    "\n"
    "<!-- Generated from the scenario schema by render_parameter_reference(); do not edit. -->\n"
    "\n"
    "Scenario files are TOML. Every parameter is optional: one that is not given takes its\n"
    "default. `extends = \"base.toml\"` (or an array of files, merged in order) at the top of a\n"
    "file loads those files first, relative to it, and puts this file's values on top; tables\n"
    "merge key by key, while a dated list given again replaces the earlier one. On the command\n"
    "line, `--set key=value` overrides a parameter by its full dotted key, e.g.\n"
    "`--set hub.<name>.<key>=value`.\n";

std::string range_of(const param_spec& p) {
  if (p.type == value_type::choice) return "one of " + quoted_list(p.choices, '`');
  if (p.type != value_type::integer && p.type != value_type::real) return "";
  const bool low = std::isfinite(p.min), high = std::isfinite(p.max);
  if (low && high) return fmt::format("[{}, {}]", number_text(p.min), number_text(p.max));
  if (low) return fmt::format(">= {}", number_text(p.min));
  if (high) return fmt::format("<= {}", number_text(p.max));
  return "any";
}

std::string row(const param_spec& p) {
  return fmt::format("| `{}` | {} | {} | `{}` | {} | {} | {} |\n", p.key, to_string(p.type),
                     markdown_cell(p.unit), markdown_cell(format_value(p.default_value)),
                     markdown_cell(range_of(p)), markdown_cell(p.description),
                     markdown_cell(p.source));
}

std::string kind_note(const section_spec& s) {
  switch (s.kind) {
    case section_kind::named:
      return "Declare one table per instance; the table name is the instance name.\n\n";
    case section_kind::dated_list:
      return "An array of tables; each entry needs a `date` (YYYY-MM-DD or YYYY-MM) and entries "
             "apply in date order.\n\n";
    case section_kind::single:
      break;
  }
  return "";
}

std::string heading(const section_spec& s) {
  const std::string form = s.path.empty() ? "Top level" : fmt::format("`{}`", table_form(s));
  return s.title.empty() ? fmt::format("## {}\n\n", form)
                         : fmt::format("## {} — {}\n\n", form, s.title);
}

std::string render_section(const section_spec& s) {
  std::string out = "\n";
  out += heading(s);
  if (!s.description.empty()) out += s.description + "\n\n";
  out += kind_note(s);
  if (s.params.empty()) return out + "No parameters.\n";
  out += "| key | type | unit | default | range | description | source |\n";
  out += "| --- | --- | --- | --- | --- | --- | --- |\n";
  for (const param_spec& p : s.params) out += row(p);
  return out;
}

}  // namespace

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|')
      out += "\\|";
    else
      out += c == '\n' ? ' ' : c;
  }
  return out;
}

std::string render_parameter_reference(const schema& s) {
  std::string out = preamble;
  for (const section_spec& section : s.sections()) out += render_section(section);
  return out;
}

}  // namespace liangzhu::io
