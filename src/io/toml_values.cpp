#include "io/toml_values.hpp"

#include <algorithm>
#include <cmath>

#include "io/text.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/did_you_mean.hpp"

namespace liangzhu::io {
namespace {

std::string expectation(const param_spec& spec) {
  std::string what;
  switch (spec.type) {
    case value_type::integer:
      what = "an integer";
      break;
    case value_type::real:
      what = "a real number";
      break;
    case value_type::boolean:
      what = "true or false";
      break;
    case value_type::string:
      what = "a string";
      break;
    case value_type::date:
      what = "a date (YYYY-MM-DD)";
      break;
    case value_type::choice:
      what = "one of " + quoted_list(spec.choices);
      break;
  }
  return spec.unit.empty() ? what : what + " (unit: " + spec.unit + ")";
}

[[noreturn]] void wrong_type(const toml::node& node, const param_spec& spec, const std::string& key,
                             const value_origin& where) {
  fail("expected " + expectation(spec) + ", got " + describe(node), where, key);
}

/// Years a date may have: a run of at most 100 years (5218 weeks) from any of them stays in
/// years the calendar and every reader of the outputs handle (0000-01-01 or 9999-12-31 are
/// typos, and the latter would run past year 9999).
constexpr int first_year = 1900;
constexpr int last_year = 2200;

engine::date in_range(engine::date d, const std::string& key, const value_origin& where) {
  if (d.year < first_year || d.year > last_year)
    fail(d.to_string() + " is outside the years " + std::to_string(first_year) + " to " +
             std::to_string(last_year),
         where, key);
  return d;
}

engine::date to_date(const toml::node& node, const param_spec& spec, const std::string& key,
                     const value_origin& where) {
  if (const auto* d = node.as_date()) {
    const toml::date v = d->get();
    return in_range({v.year, v.month, v.day}, key, where);
  }
  const auto* text = node.as_string();
  if (!text) wrong_type(node, spec, key, where);
  const auto parsed = engine::date::parse(text->get());
  if (!parsed)
    fail("invalid date '" + text->get() + "' (expected YYYY-MM-DD or YYYY-MM)", where, key);
  return in_range(*parsed, key, where);
}

std::string to_choice(const toml::node& node, const param_spec& spec, const std::string& key,
                      const value_origin& where) {
  const auto* text = node.as_string();
  if (!text) wrong_type(node, spec, key, where);
  if (std::ranges::find(spec.choices, text->get()) == spec.choices.end())
    fail("'" + text->get() + "' is not one of " + quoted_list(spec.choices) +
             did_you_mean(text->get(), spec.choices),
         where, key);
  return text->get();
}

double to_real(const toml::node& node, const param_spec& spec, const std::string& key,
               const value_origin& where) {
  if (const auto* i = node.as_integer()) return static_cast<double>(i->get());
  const auto* f = node.as_floating_point();
  if (!f) wrong_type(node, spec, key, where);
  if (!std::isfinite(f->get()))
    fail(number_text(f->get()) + " is not a finite number: expected " + expectation(spec), where,
         key);
  return f->get();
}

void check_bounds(double v, const std::string& text, const param_spec& spec, const std::string& key,
                  const value_origin& where) {
  const std::string unit = spec.unit.empty() ? "" : " (" + spec.unit + ")";
  if (v < spec.min)
    fail(text + " is below the minimum " + number_text(spec.min) + unit, where, key);
  if (v > spec.max)
    fail(text + " is above the maximum " + number_text(spec.max) + unit, where, key);
}

}  // namespace

value_origin origin_of(const toml::source_region& region) {
  return {region.path ? *region.path : std::string{}, static_cast<int>(region.begin.line),
          static_cast<int>(region.begin.column)};
}

void fail(std::string message, const value_origin& where, std::string key) {
  throw input_error(std::move(message), where.file, where.line, where.column, std::move(key));
}

std::string describe(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a real number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

param_value convert(const toml::node& node, const param_spec& spec, const std::string& key,
                    const value_origin& where) {
  switch (spec.type) {
    case value_type::integer: {
      const auto* i = node.as_integer();
      if (!i) wrong_type(node, spec, key, where);
      check_bounds(static_cast<double>(i->get()), std::to_string(i->get()), spec, key, where);
      return i->get();
    }
    case value_type::real: {
      const double v = to_real(node, spec, key, where);
      check_bounds(v, number_text(v), spec, key, where);
      return v;
    }
    case value_type::boolean:
      if (const auto* b = node.as_boolean()) return b->get();
      break;
    case value_type::string:
      if (const auto* s = node.as_string()) return s->get();
      break;
    case value_type::date:
      return to_date(node, spec, key, where);
    case value_type::choice:
      return to_choice(node, spec, key, where);
  }
  wrong_type(node, spec, key, where);
}

}  // namespace liangzhu::io
