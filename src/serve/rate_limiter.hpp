#pragma once
// How often one client may ask: a token bucket per client address. Each bucket holds up to
// `burst` requests and refills at `per_second`; a request takes one token, or is refused with the
// time until the next token. The clock is injected, so the tests need no sleeps (internal).
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

namespace liangzhu::serve::detail {

class rate_limiter {
 public:
  using clock = std::chrono::steady_clock;
  using now_function = std::function<clock::time_point()>;

  /// What became of a request: let through, or refused until `retry_after` has passed.
  struct verdict {
    bool allowed = true;
    std::chrono::seconds retry_after{0};
  };

  /// `per_second` <= 0 lets every request through; a burst below 1 counts as 1.
  rate_limiter(double per_second, double burst, now_function now = clock::now);

  /// Takes one token from `client`'s bucket; safe from any thread.
  verdict admit(const std::string& client);
  /// Clients with a bucket kept (full ones are forgotten at the next prune()).
  std::size_t clients_tracked() const;

 private:
  struct bucket {
    double tokens;
    clock::time_point updated;
  };

  /// Tokens of `b` at `now`, at most `burst_`.
  double refilled(const bucket& b, clock::time_point now) const;
  /// Forgets the full buckets (a full bucket is the same as none), so the map holds only the
  /// clients of the last few seconds however many addresses have come and gone.
  void prune(clock::time_point now);

  double per_second_;
  double burst_;
  now_function now_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, bucket> buckets_;
  std::size_t prune_at_;
};

}  // namespace liangzhu::serve::detail
