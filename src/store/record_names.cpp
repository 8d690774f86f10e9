// The words the store writes for its enums, the same the tables' CHECK constraints allow.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "liangzhu/store/records.hpp"
#include "liangzhu/store/sweep_records.hpp"

namespace liangzhu::store {
namespace {

// Each list is in enum order.
constexpr std::array<std::string_view, 4> status_names{"running", "complete", "interrupted",
                                                       "failed"};
constexpr std::array<std::string_view, 3> kind_names{"sweep", "compare", "sensitivity"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_name(const std::array<std::string_view, N>& names,
                               std::string_view text) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return static_cast<Enum>(i);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(run_status status) {
  return status_names[static_cast<std::size_t>(status)];
}

std::optional<run_status> parse_run_status(std::string_view text) {
  return parse_name<run_status>(status_names, text);
}

std::string_view to_string(sweep_kind kind) { return kind_names[static_cast<std::size_t>(kind)]; }

std::optional<sweep_kind> parse_sweep_kind(std::string_view text) {
  return parse_name<sweep_kind>(kind_names, text);
}

}  // namespace liangzhu::store
