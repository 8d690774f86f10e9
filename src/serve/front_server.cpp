#include "serve/front_server.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <utility>

#include "serve/socket_stream.hpp"

namespace liangzhu::serve::detail {
namespace {

/// cpp-httplib's accept loop hands each connection to a task queue; ours only passes it to the
/// gate, so it runs the task where it is, on the accepting thread.
class inline_queue final : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

/// True if `bytes` hold a whole request head.
bool has_head(const std::string& bytes) {
  return bytes.find("\r\n\r\n") != std::string::npos || bytes.find("\n\n") != std::string::npos;
}

}  // namespace

front_server::front_server(front_limits limits)
    : limits_(limits),
      workers_(std::make_unique<httplib::ThreadPool>(limits.workers)),
      gate_(limits.gate, [this](socket_t sock, std::string bytes) {
        workers_->enqueue([this, sock, bytes = std::move(bytes)]() mutable {
          serve_connection(sock, std::move(bytes));
        });
      }) {
  new_task_queue = [] { return new inline_queue; };
}

front_server::~front_server() { stop_all(); }

void front_server::stop_all() {
  stop();
  if (stopping_.exchange(true)) return;
  gate_.stop();
  workers_->shutdown();
}

bool front_server::process_and_close_socket(socket_t sock) {
  gate_.adopt(sock);
  return true;
}

void front_server::serve_connection(socket_t sock, std::string read_ahead) {
  using clock = socket_stream::clock;
  std::size_t served = 0;
  socket_stream stream(sock, std::move(read_ahead), clock::now() + limits_.body_deadline,
                       limits_.write_timeout);
  for (;;) {
    const bool last = ++served >= limits_.max_requests_per_connection || stopping_;
    bool closed = false;
    const bool answered = process_request(stream, last, closed, nullptr);
    if (!answered || closed || last || stopping_) break;
    std::string rest = stream.take_unread();
    if (!has_head(rest)) {
      gate_.adopt(sock, std::move(rest));  // waits for its next request without a thread
      return;
    }
    stream = socket_stream(sock, std::move(rest), clock::now() + limits_.body_deadline,
                           limits_.write_timeout);
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
}

}  // namespace liangzhu::serve::detail
