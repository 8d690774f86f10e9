#pragma once
// One client connection as cpp-httplib reads and writes it: the bytes the connection gate has
// read already (the request's head, perhaps more) come first, then the socket, every read and
// write bounded by a timeout and the request's reads by a deadline. Bytes the request did not
// use (a pipelined next request) stay for the next one (internal).
#include <httplib.h>

#include <chrono>
#include <string>

namespace liangzhu::serve::detail {

class socket_stream final : public httplib::Stream {
 public:
  using clock = std::chrono::steady_clock;

  /// `sock` stays open when the stream goes: the connection's owner closes it.
  socket_stream(socket_t sock, std::string read_ahead, clock::time_point read_deadline,
                std::chrono::milliseconds write_timeout);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

  /// Bytes read from the socket that no request has used yet.
  std::string take_unread();
  /// A new request on the same connection: its reads end at `deadline`.
  void restart(clock::time_point deadline) { read_deadline_ = deadline; }

 private:
  socket_t sock_;
  std::string buffer_;
  std::size_t used_ = 0;
  clock::time_point read_deadline_;
  std::chrono::milliseconds write_timeout_;
};

/// The peer's or the local address of `sock` as text, and its port.
void socket_address(socket_t sock, bool peer, std::string& ip, int& port);

}  // namespace liangzhu::serve::detail
