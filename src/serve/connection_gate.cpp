#include "serve/connection_gate.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <stdexcept>

#include "serve/socket_stream.hpp"

namespace liangzhu::serve::detail {
namespace {

using steady = std::chrono::steady_clock;

/// How often deadlines are checked: a slow head is closed within this of its deadline.
constexpr int tick_ms = 100;

std::string_view reason_of(int status) {
  switch (status) {
    case 408:
      return "Request Timeout";
    case 431:
      return "Request Header Fields Too Large";
    default:
      return "Service Unavailable";
  }
}

/// Sends a short JSON error without waiting: the client may be the reason there is no time.
void send_refusal(socket_t sock, int status, const std::string& message) {
  const std::string body = fmt::format(R"({{"error":"{}"}})", message);
  const std::string text = fmt::format(
      "HTTP/1.1 {} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: "
      "close\r\n\r\n{}",
      status, reason_of(status), body.size(), body);
  [[maybe_unused]] const auto sent =
      ::send(sock, text.data(), text.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

/// The end of the head in `buffer` (just past its blank line), or npos.
std::size_t head_end(const std::string& buffer) {
  const std::size_t crlf = buffer.find("\r\n\r\n");
  const std::size_t lf = buffer.find("\n\n");
  if (crlf == std::string::npos && lf == std::string::npos) return std::string::npos;
  return crlf < lf ? crlf + 4 : lf + 2;
}

}  // namespace

connection_gate::connection_gate(gate_limits limits, dispatch ready)
    : limits_(limits), ready_(std::move(ready)) {
  epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (epoll_ < 0 || wake_ < 0) throw std::runtime_error("cannot create the connection gate");
  epoll_event e{};
  e.events = EPOLLIN;
  e.data.fd = wake_;
  ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &e);
  thread_ = std::thread([this] { loop(); });
}

connection_gate::~connection_gate() {
  stop();
  ::close(wake_);
  ::close(epoll_);
}

void connection_gate::adopt(socket_t sock, std::string read_ahead) {
  {
    const std::lock_guard lock(mutex_);
    if (!stopping_) {
      incoming_.emplace_back(sock, std::move(read_ahead));
      const std::uint64_t one = 1;
      [[maybe_unused]] const auto written = ::write(wake_, &one, sizeof one);
      return;
    }
  }
  ::close(sock);
}

void connection_gate::stop() {
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(wake_, &one, sizeof one);
  }
  if (thread_.joinable()) thread_.join();
}

std::size_t connection_gate::waiting() const {
  const std::lock_guard lock(mutex_);
  return waiting_count_;
}

void connection_gate::loop() {
  std::array<epoll_event, 64> events{};
  for (;;) {
    const int n = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), tick_ms);
    {
      const std::lock_guard lock(mutex_);
      if (stopping_) break;
    }
    for (int i = 0; i < n; ++i) {
      const int fd = events[static_cast<std::size_t>(i)].data.fd;
      if (fd == wake_) {
        std::uint64_t count = 0;
        [[maybe_unused]] const auto drained = ::read(wake_, &count, sizeof count);
        take_incoming();
      } else if (waiting_.count(fd) != 0) {
        read_from(fd);
      }
    }
    close_expired();
    const std::lock_guard lock(mutex_);
    waiting_count_ = waiting_.size();
  }
  std::vector<std::pair<socket_t, std::string>> left;
  {
    const std::lock_guard lock(mutex_);
    left.swap(incoming_);
  }
  for (auto& [sock, bytes] : left) ::close(sock);
  while (!waiting_.empty()) release(waiting_.begin()->first, 0, {});
}

void connection_gate::take_incoming() {
  std::vector<std::pair<socket_t, std::string>> arrived;
  {
    const std::lock_guard lock(mutex_);
    arrived.swap(incoming_);
  }
  for (auto& [sock, bytes] : arrived) admit(sock, std::move(bytes));
}

void connection_gate::admit(socket_t sock, std::string read_ahead) {
  std::string address;
  int port = 0;
  socket_address(sock, true, address, port);
  if (waiting_.size() >= limits_.max_waiting) {
    send_refusal(sock, 503, "the server has too many connections waiting: try again later");
    ::close(sock);
    return;
  }
  if (per_address_[address] >= limits_.max_waiting_per_address) {
    send_refusal(sock, 503,
                 fmt::format("{} has {} connections waiting already", address,
                             limits_.max_waiting_per_address));
    ::close(sock);
    return;
  }
  ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL, 0) | O_NONBLOCK);
  ++per_address_[address];
  waiting_[sock] = {std::move(read_ahead), steady::now() + limits_.head_deadline, address};
  if (settle(sock)) return;
  epoll_event e{};
  e.events = EPOLLIN | EPOLLRDHUP;
  e.data.fd = sock;
  if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, sock, &e) != 0) release(sock, 503, "cannot watch");
}

void connection_gate::read_from(socket_t sock) {
  std::string& buffer = waiting_.at(sock).buffer;
  std::array<char, 4096> chunk{};
  for (;;) {
    const ssize_t n = ::recv(sock, chunk.data(), chunk.size(), MSG_DONTWAIT);
    if (n > 0) {
      buffer.append(chunk.data(), static_cast<std::size_t>(n));
      if (buffer.size() > limits_.max_head_bytes) break;  // settle() refuses it
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    release(sock, 0, {});  // closed by the client, or broken
    return;
  }
  settle(sock);
}

bool connection_gate::settle(socket_t sock) {
  const std::string& buffer = waiting_.at(sock).buffer;
  const std::size_t end = head_end(buffer);
  if (end == std::string::npos) {
    if (buffer.size() <= limits_.max_head_bytes) return false;
    release(sock, 431,
            fmt::format("the request's head is larger than {} bytes", limits_.max_head_bytes));
    return true;
  }
  if (end > limits_.max_head_bytes + 4) {
    release(sock, 431,
            fmt::format("the request's head is larger than {} bytes", limits_.max_head_bytes));
    return true;
  }
  const auto lines = static_cast<std::size_t>(
      std::count(buffer.begin(), buffer.begin() + static_cast<long>(end), '\n'));
  if (lines > limits_.max_header_lines + 2) {
    release(sock, 431,
            fmt::format("the request has more than {} header lines", limits_.max_header_lines));
    return true;
  }
  release(sock, 0, {}, true);
  return true;
}

void connection_gate::close_expired() {
  const auto now = steady::now();
  std::vector<socket_t> expired;
  for (const auto& [sock, w] : waiting_)
    if (w.deadline <= now) expired.push_back(sock);
  for (const socket_t sock : expired) {
    const bool begun = !waiting_.at(sock).buffer.empty();
    release(sock, begun ? 408 : 0,
            fmt::format("the request's head did not arrive within {} s",
                        limits_.head_deadline.count() / 1000));
  }
}

void connection_gate::release(socket_t sock, int status, const std::string& message, bool hand_on) {
  auto it = waiting_.find(sock);
  std::string bytes = std::move(it->second.buffer);
  if (--per_address_[it->second.address] == 0) per_address_.erase(it->second.address);
  waiting_.erase(it);
  ::epoll_ctl(epoll_, EPOLL_CTL_DEL, sock, nullptr);  // fails harmlessly if it was not added
  if (hand_on) {
    ready_(sock, std::move(bytes));
    return;
  }
  if (status != 0) send_refusal(sock, status, message);
  ::close(sock);
}

}  // namespace liangzhu::serve::detail
