#include <utility>

#include "liangzhu/io/schema.hpp"

namespace liangzhu::io {
namespace {

/// The fields every builder fills the same way.
param_spec make(std::string key, value_type type, param_value default_value,
                std::string description, std::string source) {
  param_spec p;
  p.key = std::move(key);
  p.type = type;
  p.default_value = std::move(default_value);
  p.description = std::move(description);
  p.source = std::move(source);
  return p;
}

param_spec bounded(param_spec p, double min, double max, std::string unit) {
  p.min = min;
  p.max = max;
  p.unit = std::move(unit);
  return p;
}

}  // namespace

std::string_view to_string(value_type type) {
  switch (type) {
    case value_type::integer:
      return "integer";
    case value_type::real:
      return "real";
    case value_type::boolean:
      return "boolean";
    case value_type::string:
      return "string";
    case value_type::date:
      return "date";
    case value_type::choice:
      return "choice";
  }
  return "unknown";
}

param_spec real(std::string key, double default_value, double min, double max, std::string unit,
                std::string description, std::string source) {
  return bounded(make(std::move(key), value_type::real, default_value, std::move(description),
                      std::move(source)),
                 min, max, std::move(unit));
}

param_spec integer(std::string key, std::int64_t default_value, double min, double max,
                   std::string unit, std::string description, std::string source) {
  return bounded(make(std::move(key), value_type::integer, default_value, std::move(description),
                      std::move(source)),
                 min, max, std::move(unit));
}

param_spec boolean(std::string key, bool default_value, std::string description,
                   std::string source) {
  return make(std::move(key), value_type::boolean, default_value, std::move(description),
              std::move(source));
}

param_spec choice(std::string key, std::string default_value, std::vector<std::string> choices,
                  std::string description, std::string source) {
  param_spec p = make(std::move(key), value_type::choice, std::move(default_value),
                      std::move(description), std::move(source));
  p.choices = std::move(choices);
  return p;
}

param_spec date_param(std::string key, engine::date default_value, std::string description,
                      std::string source) {
  return make(std::move(key), value_type::date, default_value, std::move(description),
              std::move(source));
}

param_spec string_param(std::string key, std::string default_value, std::string description,
                        std::string source) {
  return make(std::move(key), value_type::string, std::move(default_value), std::move(description),
              std::move(source));
}

param_spec at_start_only(param_spec spec) {
  spec.start_only = true;
  return spec;
}

}  // namespace liangzhu::io
