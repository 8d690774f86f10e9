#pragma once
// A request the server refuses: thrown by the handlers, sent back as {"error": message} with the
// status, and a Retry-After header when the refusal is only for a while (internal).
#include <chrono>
#include <stdexcept>
#include <string>

namespace liangzhu::serve::detail {

class http_error : public std::runtime_error {
 public:
  http_error(int status, const std::string& message,
             std::chrono::seconds retry_after = std::chrono::seconds(0))
      : std::runtime_error(message), status_(status), retry_after_(retry_after) {}
  int status() const noexcept { return status_; }
  /// How long to wait before asking again; 0 when asking again will not help.
  std::chrono::seconds retry_after() const noexcept { return retry_after_; }

 private:
  int status_;
  std::chrono::seconds retry_after_;
};

}  // namespace liangzhu::serve::detail
