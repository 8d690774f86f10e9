#pragma once
// A request the server refuses: thrown by the handlers, sent back as {"error": message} with the
// status (internal).
#include <stdexcept>
#include <string>

namespace liangzhu::serve::detail {

class http_error : public std::runtime_error {
 public:
  http_error(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const noexcept { return status_; }

 private:
  int status_;
};

}  // namespace liangzhu::serve::detail
