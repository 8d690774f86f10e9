#include <array>
#include <cstddef>

#include "liangzhu/store/records.hpp"

namespace liangzhu::store {
namespace {

// In enum order; the same words the runs.status CHECK constraint allows.
constexpr std::array<std::string_view, 4> status_names{"running", "complete", "interrupted",
                                                       "failed"};

}  // namespace

std::string_view to_string(run_status status) {
  return status_names[static_cast<std::size_t>(status)];
}

std::optional<run_status> parse_run_status(std::string_view text) {
  for (std::size_t i = 0; i < status_names.size(); ++i)
    if (status_names[i] == text) return static_cast<run_status>(i);
  return std::nullopt;
}

}  // namespace liangzhu::store
