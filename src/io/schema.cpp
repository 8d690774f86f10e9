#include "liangzhu/io/schema.hpp"

#include <algorithm>
#include <stdexcept>

#include "io/keys.hpp"

namespace liangzhu::io {
namespace {

[[noreturn]] void reject(const section_spec& section, const std::string& why) {
  throw std::invalid_argument("schema: section '" + section.path + "': " + why);
}

/// The variant alternative that holds values of `type`.
std::size_t alternative_of(value_type type) {
  switch (type) {
    case value_type::integer:
      return 0;
    case value_type::real:
      return 1;
    case value_type::boolean:
      return 2;
    case value_type::string:
    case value_type::choice:
      return 3;
    case value_type::date:
      return 4;
  }
  return 3;
}

double numeric(const param_value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  return std::get<double>(value);
}

void check_default(const section_spec& section, const param_spec& p) {
  if (p.default_value.index() != alternative_of(p.type))
    reject(section, "default of '" + p.key + "' is not of type " + std::string(to_string(p.type)));
  if (p.min > p.max) reject(section, "bounds of '" + p.key + "' are inverted");
  if (p.type == value_type::integer || p.type == value_type::real) {
    const double v = numeric(p.default_value);
    if (v < p.min || v > p.max) reject(section, "default of '" + p.key + "' is out of bounds");
  }
  if (p.type == value_type::choice &&
      std::ranges::find(p.choices, std::get<std::string>(p.default_value)) == p.choices.end())
    reject(section, "default of '" + p.key + "' is not among its choices");
}

void check_params(const section_spec& section) {
  for (std::size_t i = 0; i < section.params.size(); ++i) {
    const param_spec& p = section.params[i];
    if (!is_dotted_key(p.key)) reject(section, "'" + p.key + "' is not a valid dotted key");
    if ((section.path.empty() && p.key == "extends") ||
        (section.kind == section_kind::dated_list && p.key == "date"))
      reject(section, "'" + p.key + "' is a reserved key");
    check_default(section, p);
    for (std::size_t j = 0; j < i; ++j)
      if (keys_clash(p.key, section.params[j].key))
        reject(section, "keys '" + section.params[j].key + "' and '" + p.key + "' clash");
  }
}

}  // namespace

const param_spec* section_spec::find(std::string_view key) const {
  const auto it = std::ranges::find(params, key, &param_spec::key);
  return it == params.end() ? nullptr : &*it;
}

std::string scope_of(const section_spec& section) {
  return section.kind == section_kind::named ? section.path + ".*" : section.path;
}

std::string table_form(const section_spec& section) {
  if (section.path.empty()) return "top level";
  std::string form = section.path;
  for (std::size_t at = form.find('*'); at != std::string::npos; at = form.find('*', at))
    form.replace(at, 1, "<name>");
  if (section.kind == section_kind::named) form += ".<name>";
  return section.kind == section_kind::dated_list ? "[[" + form + "]]" : "[" + form + "]";
}

void schema::add_section(section_spec section) {
  if (find_section(section.path)) reject(section, "declared twice");
  if (section.path.empty() && section.kind != section_kind::single)
    reject(section, "the top level can only be a single section");
  if (!section.path.empty() && !is_section_path(section.path))
    reject(section, "not a valid section path");
  const auto [parent, name] = split_last(section.path);
  if (!section.path.empty() && !parent.empty()) {
    const section_spec* holder = owner_of(parent);
    if (!holder || holder->kind == section_kind::dated_list)
      reject(section, "its enclosing table '" + std::string(parent) + "' is not declared");
  }
  if (!section.path.empty()) {
    if (const section_spec* holder = owner_of(parent))
      for (const param_spec& p : holder->params)
        if (keys_clash(p.key, name)) reject(section, "clashes with parameter '" + p.key + "'");
  }
  check_params(section);
  for (const section_spec* child : children_of(scope_of(section)))
    for (const param_spec& p : section.params)
      if (keys_clash(p.key, split_last(child->path).second))
        reject(section, "parameter '" + p.key + "' clashes with section '" + child->path + "'");
  sections_.push_back(std::move(section));
}

const section_spec* schema::find_section(std::string_view path) const {
  const auto it = std::ranges::find(sections_, path, &section_spec::path);
  return it == sections_.end() ? nullptr : &*it;
}

const section_spec* schema::owner_of(std::string_view scope) const {
  const auto it = std::ranges::find_if(
      sections_, [scope](const section_spec& s) { return scope_of(s) == scope; });
  return it == sections_.end() ? nullptr : &*it;
}

std::vector<const section_spec*> schema::children_of(std::string_view scope) const {
  std::vector<const section_spec*> out;
  for (const section_spec& s : sections_)
    if (!s.path.empty() && split_last(s.path).first == scope) out.push_back(&s);
  return out;
}

}  // namespace liangzhu::io
