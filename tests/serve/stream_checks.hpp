#pragma once
// What the tests check in a run's event stream: the payloads of its events, and its updates put
// end to end.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/event_stream.hpp"

namespace liangzhu::testing {

/// The payloads of the events named `name`, in order.
inline std::vector<nlohmann::json> payloads(const std::string& stream, const std::string& name) {
  std::vector<nlohmann::json> out;
  for (const auto& e : read_events(stream))
    if (e.name == name) out.push_back(nlohmann::json::parse(e.data));
  return out;
}

/// The dates of the data events `updates` put end to end, after the `known` a page already had;
/// fails if one does not start where the others left off.
inline std::vector<std::string> joined_dates(const std::vector<nlohmann::json>& updates,
                                             std::vector<std::string> known = {}) {
  for (const auto& u : updates) {
    EXPECT_EQ(u["from"], known.size()) << "an update does not continue the run";
    for (const auto& d : u["dates"]) known.push_back(d.get<std::string>());
  }
  return known;
}

}  // namespace liangzhu::testing
