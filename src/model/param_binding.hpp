#pragma once
// Binds each scenario key to the field of the typed parameters that receives it, so the schema
// (defaults, units, sources, docs) and the reading code are one list and cannot drift apart.
#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/io/schema.hpp"

namespace liangzhu::model::detail {

template <class S>
struct binding {
  io::param_spec spec;
  std::function<void(S&, const io::param_value&)> assign;
};

inline double as_real(const io::param_value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  return std::get<double>(v);
}

template <class S>
binding<S> bind(double S::*field, io::param_spec spec) {
  return {std::move(spec), [field](S& s, const io::param_value& v) { s.*field = as_real(v); }};
}
template <class S>
binding<S> bind(long S::*field, io::param_spec spec) {
  return {std::move(spec), [field](S& s, const io::param_value& v) {
            s.*field = static_cast<long>(std::get<std::int64_t>(v));
          }};
}
template <class S>
binding<S> bind(int S::*field, io::param_spec spec) {
  return {std::move(spec), [field](S& s, const io::param_value& v) {
            s.*field = static_cast<int>(std::get<std::int64_t>(v));
          }};
}
/// A 0/1 integer key (TOML `= 0` / `= 1`) as a flag.
template <class S>
binding<S> bind(bool S::*field, io::param_spec spec) {
  return {std::move(spec),
          [field](S& s, const io::param_value& v) { s.*field = std::get<std::int64_t>(v) != 0; }};
}
template <class S>
binding<S> bind(std::uint64_t S::*field, io::param_spec spec) {
  return {std::move(spec), [field](S& s, const io::param_value& v) {
            s.*field = static_cast<std::uint64_t>(std::get<std::int64_t>(v));
          }};
}
template <class S>
binding<S> bind(std::string S::*field, io::param_spec spec) {
  return {std::move(spec),
          [field](S& s, const io::param_value& v) { s.*field = std::get<std::string>(v); }};
}
template <class S>
binding<S> bind(engine::date S::*field, io::param_spec spec) {
  return {std::move(spec),
          [field](S& s, const io::param_value& v) { s.*field = std::get<engine::date>(v); }};
}

/// The scenario's words of an enum (parameters.hpp), as a key's list of choices.
template <std::size_t N>
std::vector<std::string> words(const std::array<std::string_view, N>& list) {
  return {list.begin(), list.end()};
}

/// Binds a choice key to an enum field: the word's position among the key's choices is the
/// enumerator (the choices are the enum's words, in order).
template <class S, class E>
requires std::is_enum_v<E> binding<S> bind(E S::*field, io::param_spec spec) {
  return {spec, [field, choices = spec.choices](S& s, const io::param_value& v) {
            const auto at = std::find(choices.begin(), choices.end(), std::get<std::string>(v));
            LIANGZHU_ASSERT(at != choices.end(), "the schema has checked the choice");
            s.*field = static_cast<E>(at - choices.begin());
          }};
}

/// Binds a key to a field of a nested section of S (hub.<h>.meetups.pitch_chance fills
/// S::meetups.pitch_chance), with the same reading as the field's own type.
template <class S, class Section, class T>
binding<S> bind_nested(Section S::*section, T Section::*field, io::param_spec spec) {
  binding<Section> inner = detail::bind(field, std::move(spec));  // qualified: no std::bind by ADL
  return {std::move(inner.spec), [section, assign = std::move(inner.assign)](
                                     S& s, const io::param_value& v) { assign(s.*section, v); }};
}

/// The section spec of a list of bindings.
template <class S>
io::section_spec section(std::string path, io::section_kind kind, std::string title,
                         std::string description, const std::vector<binding<S>>& bindings) {
  io::section_spec out{std::move(path), kind, std::move(title), std::move(description), {}};
  for (const auto& b : bindings) out.params.push_back(b.spec);
  return out;
}

/// Fills `target` from the resolved scenario keys `prefix` + key.
template <class S>
void read_into(const io::scenario& s, const std::string& prefix,
               const std::vector<binding<S>>& bindings, S& target) {
  for (const auto& b : bindings) b.assign(target, s.value(prefix + b.spec.key));
}

/// Fills `target` from one entry of a dated list.
template <class S>
void read_entry(const io::scenario::dated_entry& entry, const std::vector<binding<S>>& bindings,
                S& target) {
  for (const auto& b : bindings)
    if (const auto it = entry.values.find(b.spec.key); it != entry.values.end())
      b.assign(target, it->second);
}

}  // namespace liangzhu::model::detail
