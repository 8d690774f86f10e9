#pragma once
/// @file "Did you mean...?" suggestions for misspelt keys, section and instance names.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace liangzhu::io {

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// adjacent characters each cost 1.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a plausible typo (at most a third
/// of the word's length, and at least one edit, away); ties go to the earlier candidate.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates);

/// "; did you mean 'x'?" for the closest candidate, or "" if none is close.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

}  // namespace liangzhu::io
