#include "serve/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace liangzhu::serve::detail {
namespace {

/// Buckets kept before the first prune: a few hundred clients cost nothing to scan.
constexpr std::size_t first_prune = 256;

}  // namespace

rate_limiter::rate_limiter(double per_second, double burst, now_function now)
    : per_second_(per_second),
      burst_(std::max(1.0, burst)),
      now_(std::move(now)),
      prune_at_(first_prune) {}

double rate_limiter::refilled(const bucket& b, clock::time_point now) const {
  const double elapsed = std::chrono::duration<double>(now - b.updated).count();
  return std::min(burst_, b.tokens + std::max(0.0, elapsed) * per_second_);
}

rate_limiter::verdict rate_limiter::admit(const std::string& client) {
  if (per_second_ <= 0) return {};
  const std::lock_guard lock(mutex_);
  // Read under the lock: a bucket's time never goes back, so no interval is refilled twice.
  const clock::time_point now = now_();
  if (buckets_.size() >= prune_at_) prune(now);
  bucket& b = buckets_.try_emplace(client, bucket{burst_, now}).first->second;
  b.tokens = refilled(b, now);
  b.updated = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return {};
  }
  // Whole seconds, rounded up, as Retry-After counts them.
  const double wait = (1.0 - b.tokens) / per_second_;
  return {false,
          std::chrono::seconds(std::max<long long>(1, static_cast<long long>(std::ceil(wait))))};
}

std::size_t rate_limiter::clients_tracked() const {
  const std::lock_guard lock(mutex_);
  return buckets_.size();
}

void rate_limiter::prune(clock::time_point now) {
  std::erase_if(buckets_, [&](const auto& entry) { return refilled(entry.second, now) >= burst_; });
  // Pruning again only once the map has doubled keeps the cost per request constant.
  prune_at_ = std::max(first_prune, 2 * buckets_.size());
}

}  // namespace liangzhu::serve::detail
