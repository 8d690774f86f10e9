#include "io/overrides.hpp"

#include <algorithm>
#include <optional>

#include "io/keys.hpp"
#include "io/toml_values.hpp"
#include "liangzhu/io/did_you_mean.hpp"

namespace liangzhu::io {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

/// The value text as TOML; a bare word that is not TOML becomes a string, so `regime=detente`
/// works for string and choice parameters (and gets a clear type error for the others).
toml::table parse_value(std::string_view text) {
  try {
    toml::table t = toml::parse("v = " + std::string(text), std::string_view{"--set"});
    if (t.size() == 1 && t.contains("v")) return t;
  } catch (const toml::parse_error&) {
    // Not TOML: handled as a bare word below.
  }
  toml::table t;
  t.insert("v", std::string(text));
  return t;
}

/// The first segment after `prefix.` in `key`, if `key` lies under `prefix`.
std::optional<std::string> segment_after(const std::string& prefix, const std::string& key) {
  if (!key.starts_with(prefix + ".")) return std::nullopt;
  const std::string rest = key.substr(prefix.size() + 1);
  return rest.substr(0, rest.find('.'));
}

[[noreturn]] void unknown_key(const std::string& key, const detail::scenario_builder& out,
                              const value_origin& set_origin) {
  if (key.find('[') != std::string::npos)
    fail("dated-list entries cannot be changed with --set; edit the scenario file", set_origin,
         key);
  for (const auto& [prefix, names] : out.names()) {
    const auto instance = segment_after(prefix, key);
    if (instance && std::ranges::find(names, *instance) == names.end())
      fail("there is no instance [" + join_key(prefix, *instance) + "] (--set cannot add one)" +
               did_you_mean(*instance, names),
           set_origin, key);
  }
  fail("unknown key '" + key + "'" + did_you_mean(key, out.keys()), set_origin, key);
}

void apply_override(const std::string& text, detail::scenario_builder& out,
                    const value_origin& set_origin) {
  const std::size_t eq = text.find('=');
  const std::string key(trim(std::string_view(text).substr(0, eq)));
  if (eq == std::string::npos || key.empty())
    fail("expected key=value, got '" + text + "'", set_origin, text);
  const param_spec* spec = out.spec_of(key);
  if (!spec) unknown_key(key, out, set_origin);
  const toml::table parsed = parse_value(trim(std::string_view(text).substr(eq + 1)));
  out.replace(key, convert(*parsed.get("v"), *spec, key, set_origin), set_origin);
}

}  // namespace

void apply_overrides(std::span<const std::string> overrides, detail::scenario_builder& out,
                     const std::string& origin) {
  const value_origin set_origin{origin, 0, 0};
  for (const std::string& text : overrides) apply_override(text, out, set_origin);
}

}  // namespace liangzhu::io
