// The token buckets of the rate limit, on a clock the test moves: no sleeps.
#include <gtest/gtest.h>

#include <string>

#include "serve/rate_limiter.hpp"

namespace liangzhu::testing {
namespace {

using serve::detail::rate_limiter;
using namespace std::chrono_literals;

class serve_rate_limit_buckets : public ::testing::Test {
 protected:
  rate_limiter limiter(double per_second, double burst) {
    return {per_second, burst, [this] { return now_; }};
  }
  void wait(rate_limiter::clock::duration d) { now_ += d; }

  /// How many of `n` requests of `client` at this instant get through.
  static int admitted(rate_limiter& l, const std::string& client, int n) {
    int through = 0;
    for (int i = 0; i < n; ++i) through += l.admit(client).allowed ? 1 : 0;
    return through;
  }

 private:
  rate_limiter::clock::time_point now_{};
};

TEST_F(serve_rate_limit_buckets, a_burst_goes_through_then_the_rate_applies) {
  auto l = limiter(2, 5);
  EXPECT_EQ(admitted(l, "a", 8), 5);
  const auto refused = l.admit("a");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after, 1s) << "half a second to the next token, rounded up";
  wait(500ms);
  EXPECT_EQ(admitted(l, "a", 3), 1);
  wait(10s);
  EXPECT_EQ(admitted(l, "a", 10), 5) << "an idle client saves up no more than the burst";
}

TEST_F(serve_rate_limit_buckets, refusals_say_how_long_to_wait) {
  auto l = limiter(0.1, 1);
  EXPECT_TRUE(l.admit("a").allowed);
  EXPECT_EQ(l.admit("a").retry_after, 10s);
  wait(4s);
  EXPECT_EQ(l.admit("a").retry_after, 6s);
}

TEST_F(serve_rate_limit_buckets, each_client_address_has_its_own_bucket) {
  auto l = limiter(1, 3);
  EXPECT_EQ(admitted(l, "127.0.0.1", 10), 3);
  EXPECT_EQ(admitted(l, "127.0.0.2", 10), 3);
  EXPECT_EQ(admitted(l, "::1", 1), 1);
}

TEST_F(serve_rate_limit_buckets, no_rate_lets_everything_through) {
  auto l = limiter(0, 1);
  EXPECT_EQ(admitted(l, "a", 10000), 10000);
  EXPECT_EQ(l.clients_tracked(), 0U);
}

TEST_F(serve_rate_limit_buckets, a_burst_below_one_still_lets_one_request_through) {
  auto l = limiter(1, 0);
  EXPECT_EQ(admitted(l, "a", 3), 1);
}

TEST_F(serve_rate_limit_buckets, clients_whose_bucket_has_refilled_are_forgotten) {
  auto l = limiter(10, 20);
  for (int i = 0; i < 300; ++i) l.admit("old-" + std::to_string(i));
  wait(60s);  // every old bucket is full again: the same as none
  for (int i = 0; i < 300; ++i) l.admit("new-" + std::to_string(i));
  EXPECT_EQ(l.clients_tracked(), 300U);
}

}  // namespace
}  // namespace liangzhu::testing
