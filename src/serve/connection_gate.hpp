#pragma once
// Where a connection waits for its request's head, without a thread: one thread watches every
// waiting connection (epoll) and hands a connection on only once its head has arrived in full,
// within its caps (bytes, lines) and its deadline. A client that sends its head slowly (a
// slowloris), endless header lines, or nothing at all holds a socket here until its deadline,
// never one of the threads that answer requests; one address cannot fill the gate (internal).
#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace liangzhu::serve::detail {

struct gate_limits {
  /// Largest request head (request line and headers); more gets 431.
  std::size_t max_head_bytes = 16 * 1024;
  /// Most header lines; more gets 431.
  std::size_t max_header_lines = 100;
  /// How long a connection may take to send a whole head, from when it arrives (or its previous
  /// request was answered); then it is closed (408 if it had begun).
  std::chrono::milliseconds head_deadline{10000};
  /// Connections one address may have waiting at once; more are refused (503) and closed.
  std::size_t max_waiting_per_address = 128;
  /// Connections waiting in all (each holds a file descriptor).
  std::size_t max_waiting = 768;
};

class connection_gate {
 public:
  /// Called on the gate's thread with a connection whose head is complete and the bytes read
  /// from it so far; it owns the socket from then on.
  using dispatch = std::function<void(socket_t, std::string)>;

  connection_gate(gate_limits limits, dispatch ready);
  ~connection_gate();
  connection_gate(const connection_gate&) = delete;
  connection_gate& operator=(const connection_gate&) = delete;

  /// Takes `sock` (a new connection, or one back for its next request with the bytes already
  /// read); safe from any thread. After stop() the socket is closed at once.
  void adopt(socket_t sock, std::string read_ahead = {});
  /// Closes every waiting connection and joins the thread. Idempotent.
  void stop();
  /// Connections waiting now (for tests and figures).
  std::size_t waiting() const;

 private:
  struct waiting_connection {
    std::string buffer;
    std::chrono::steady_clock::time_point deadline;
    std::string address;
  };

  void loop();
  void take_incoming();
  void admit(socket_t sock, std::string read_ahead);
  void read_from(socket_t sock);
  /// Dispatches `sock` if its head is complete; refuses it if over a cap. False if it waits on.
  bool settle(socket_t sock);
  void close_expired();
  /// Removes `sock` from the gate; closes it after sending `status` (0: nothing) unless handed on.
  void release(socket_t sock, int status, const std::string& message, bool hand_on = false);

  gate_limits limits_;
  dispatch ready_;
  int epoll_ = -1;
  int wake_ = -1;
  mutable std::mutex mutex_;
  std::vector<std::pair<socket_t, std::string>> incoming_;
  bool stopping_ = false;
  std::size_t waiting_count_ = 0;  ///< waiting_.size(), readable from other threads
  // The gate thread's own.
  std::map<socket_t, waiting_connection> waiting_;
  std::map<std::string, std::size_t> per_address_;
  std::thread thread_;
};

}  // namespace liangzhu::serve::detail
