#include "liangzhu/io/policy_entries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/io/schema.hpp"

namespace liangzhu::io {
namespace {

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

/// The entry's fields are pasted into TOML: anything that could end its table or line is refused
/// here (the values themselves are checked by the scenario loader as the key's values).
void check_entry(const policy_entry& p, std::size_t index) {
  const auto fail = [&](const std::string& field, const std::string& why) {
    throw input_error(fmt::format("policy change {}: {}", index + 1, why), "<policy changes>", 0, 0,
                      fmt::format("hub.{}.policy[{}].{}", p.hub, index, field));
  };
  if (p.hub.empty() || !std::ranges::all_of(p.hub, name_char))
    fail("hub", fmt::format("'{}' is not a hub name (letters, digits, _ and -)", p.hub));
  if (!engine::date::parse(p.date))
    fail("date", fmt::format("'{}' is not a date YYYY-MM-DD (or YYYY-MM)", p.date));
  if (p.key.empty()) fail("key", "the key is empty");
  if (p.value.empty() || p.value.find_first_of("\n\r") != std::string::npos)
    fail("value", "the value must be one TOML value on one line");
}

}  // namespace

std::string extending_toml(const std::filesystem::path& file, const schema& s,
                           std::span<const std::string> overrides,
                           std::span<const policy_entry> policies) {
  const std::string extended = std::filesystem::absolute(file).string();
  std::string text = fmt::format("extends = {}\n", format_value(param_value(extended)));
  for (const auto& o : overrides) {
    const auto eq = o.find('=');
    text += fmt::format("{} = {}\n", o.substr(0, eq), o.substr(eq + 1));
  }
  for (std::size_t i = 0; i < policies.size(); ++i) check_entry(policies[i], i);
  std::vector<policy_entry> all;
  std::set<std::string> hubs;
  for (const auto& p : policies) hubs.insert(p.hub);
  if (!hubs.empty()) {
    const scenario base = load_scenario(file, s);
    for (const auto& hub : hubs)
      for (const auto& e : base.dated(fmt::format("hub.{}.policy", hub)))
        all.push_back({hub, e.date.to_string(), std::get<std::string>(e.values.at("key")),
                       format_value(e.values.at("value"))});
  }
  // Written as a TOML date, YYYY-MM-DD (a YYYY-MM one is the first of the month, as in a file).
  for (const auto& p : policies)
    all.push_back({p.hub, engine::date::parse(p.date)->to_string(), p.key, p.value});
  for (const auto& p : all)
    text += fmt::format("\n[[hub.{}.policy]]\ndate = {}\nkey = {}\nvalue = {}\n", p.hub, p.date,
                        format_value(param_value(p.key)), p.value);
  return text;
}

}  // namespace liangzhu::io
