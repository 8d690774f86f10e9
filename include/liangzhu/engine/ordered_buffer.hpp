#pragma once
/// @file Requests recorded from parallel loops (new ties, hires, removals) and applied later in
/// an order that does not depend on which thread recorded them.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "liangzhu/engine/per_thread.hpp"

namespace liangzhu::engine {

/// Per-thread buffers of (key, item); drain() returns all items sorted by key. Keys must be
/// unique (e.g. the recording agent's id combined with a per-agent sequence number) for the
/// result to be deterministic.
template <class T>
class ordered_buffer {
 public:
  struct entry {
    std::uint64_t key;
    T item;
  };

  void record(std::uint64_t key, const T& item) { local_.local().push_back({key, item}); }

  std::vector<entry> drain() {
    std::vector<entry> all;
    local_.for_each([&](std::vector<entry>& buffer) {
      all.insert(all.end(), buffer.begin(), buffer.end());
      buffer.clear();
    });
    std::sort(all.begin(), all.end(), [](const entry& a, const entry& b) { return a.key < b.key; });
    return all;
  }

 private:
  per_thread<std::vector<entry>> local_;
};

}  // namespace liangzhu::engine
