#include "liangzhu/model/history_cache.hpp"

#include <algorithm>
#include <exception>

namespace liangzhu::model {

history_cache::state history_cache::get_or_run(const std::string& identity, std::uint64_t seed,
                                               const std::function<std::vector<char>()>& run) {
  std::string key = std::to_string(seed) + "\n" + identity;
  std::promise<state> promise;
  {
    std::unique_lock lock(mutex_);
    const auto found = std::find_if(entries_.begin(), entries_.end(),
                                    [&](const entry& e) { return e.key == key; });
    if (found != entries_.end()) {
      entries_.splice(entries_.begin(), entries_, found);
      ++hits_;
      const std::shared_future<state> value = found->value;
      lock.unlock();
      return value.get();  // waits while another thread runs it; rethrows its failure
    }
    ++runs_;
    entries_.push_front({key, promise.get_future().share(), 0});
  }
  // Run outside the lock: other histories may be run or found meanwhile.
  state result;
  try {
    result = std::make_shared<const std::vector<char>>(run());
  } catch (...) {
    promise.set_exception(std::current_exception());
    const std::lock_guard lock(mutex_);
    entries_.remove_if([&](const entry& e) { return e.key == key; });
    throw;
  }
  promise.set_value(result);
  const std::lock_guard lock(mutex_);
  const auto mine =
      std::find_if(entries_.begin(), entries_.end(), [&](const entry& e) { return e.key == key; });
  if (result->size() > max_bytes_) {
    entries_.erase(mine);
  } else {
    make_room(result->size());
    mine->bytes = result->size();
    bytes_ += mine->bytes;
  }
  return result;
}

void history_cache::make_room(std::size_t wanted) {
  // From the least recently used; entries still running (0 bytes) hold nothing yet.
  for (auto it = entries_.end(); bytes_ + wanted > max_bytes_ && it != entries_.begin();) {
    --it;
    if (it->bytes == 0) continue;
    bytes_ -= it->bytes;
    it = entries_.erase(it);
  }
}

std::size_t history_cache::runs() const {
  const std::lock_guard lock(mutex_);
  return runs_;
}

std::size_t history_cache::hits() const {
  const std::lock_guard lock(mutex_);
  return hits_;
}

std::size_t history_cache::bytes() const {
  const std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace liangzhu::model
