#pragma once
/// @file The end states of start_from histories, kept for the other runs of one process. Every
/// point of a sweep with common random numbers starts from the same history for a replicate (the
/// history is a scenario file of its own, run with a seed drawn from the run's): without the cache
/// a 9-point sweep simulates each history 9 times. A history is run once however many threads ask
/// for it at once; its state is shared read-only. Entries are dropped, least recently used first,
/// when they would hold more than the byte budget; a state larger than the budget is not kept.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace liangzhu::model {

class history_cache {
 public:
  using state = std::shared_ptr<const std::vector<char>>;

  explicit history_cache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  /// The state stored under (identity, seed), or the one `run` returns, stored. Throws what `run`
  /// throws (nothing is stored then).
  state get_or_run(const std::string& identity, std::uint64_t seed,
                   const std::function<std::vector<char>()>& run);

  /// How many histories were run and how many were found (for tests and logs).
  std::size_t runs() const;
  std::size_t hits() const;
  std::size_t bytes() const;

 private:
  struct entry {
    std::string key;
    std::shared_future<state> value;
    std::size_t bytes = 0;  ///< 0 while running
  };
  void make_room(std::size_t wanted);

  std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<entry> entries_;  ///< most recently used first
  std::size_t bytes_ = 0;
  std::size_t runs_ = 0;
  std::size_t hits_ = 0;
};

}  // namespace liangzhu::model
