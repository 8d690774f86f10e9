#include "serve/socket_stream.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace liangzhu::serve::detail {
namespace {

/// Waits until `sock` can do `events` or `timeout` passes; true if it can.
bool wait_for(socket_t sock, short events, std::chrono::milliseconds timeout) {
  pollfd p{sock, events, 0};
  const int ms = static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, timeout.count()));
  int ready = 0;
  do {
    ready = ::poll(&p, 1, ms);
  } while (ready < 0 && errno == EINTR);
  return ready > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
}

}  // namespace

socket_stream::socket_stream(socket_t sock, std::string read_ahead, clock::time_point read_deadline,
                             std::chrono::milliseconds write_timeout)
    : sock_(sock),
      buffer_(std::move(read_ahead)),
      read_deadline_(read_deadline),
      write_timeout_(write_timeout) {}

bool socket_stream::is_readable() const {
  if (used_ < buffer_.size()) return true;
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(read_deadline_ - clock::now());
  return left.count() > 0 && wait_for(sock_, POLLIN, left);
}

bool socket_stream::is_writable() const {
  if (!wait_for(sock_, POLLOUT, write_timeout_)) return false;
  // A page that has gone: its socket reads as closed (what cpp-httplib's own stream checks).
  pollfd p{sock_, POLLIN, 0};
  if (::poll(&p, 1, 0) > 0 && (p.revents & POLLIN) != 0) {
    char byte = 0;
    if (::recv(sock_, &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0) return false;
  }
  return true;
}

ssize_t socket_stream::read(char* ptr, size_t size) {
  if (used_ < buffer_.size()) {
    const std::size_t n = std::min(size, buffer_.size() - used_);
    std::memcpy(ptr, buffer_.data() + used_, n);
    used_ += n;
    return static_cast<ssize_t>(n);
  }
  if (!is_readable()) return -1;  // the request's time is up
  ssize_t n = 0;
  do {
    n = ::recv(sock_, ptr, size, MSG_DONTWAIT);
  } while (n < 0 && errno == EINTR);
  return n;
}

ssize_t socket_stream::write(const char* ptr, size_t size) {
  if (!wait_for(sock_, POLLOUT, write_timeout_)) return -1;
  ssize_t n = 0;
  do {
    n = ::send(sock_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
  } while (n < 0 && errno == EINTR);
  return n;
}

void socket_stream::get_remote_ip_and_port(std::string& ip, int& port) const {
  socket_address(sock_, true, ip, port);
}

void socket_stream::get_local_ip_and_port(std::string& ip, int& port) const {
  socket_address(sock_, false, ip, port);
}

std::string socket_stream::take_unread() {
  std::string rest = buffer_.substr(used_);
  buffer_.clear();
  used_ = 0;
  return rest;
}

void socket_address(socket_t sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  auto* raw = reinterpret_cast<sockaddr*>(&address);
  const int got = peer ? ::getpeername(sock, raw, &length) : ::getsockname(sock, raw, &length);
  if (got != 0) return;
  char host[NI_MAXHOST];
  char service[NI_MAXSERV];
  if (::getnameinfo(raw, length, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) != 0)
    return;
  ip = host;
  port = std::atoi(service);
}

}  // namespace liangzhu::serve::detail
