#pragma once
// cpp-httplib's server with a front of our own, because Debian's cpp-httplib 0.11 gives each
// connection a thread from its first byte and caps neither the header count nor the time a
// request may take: a few hundred slow clients took every thread, and endless header lines its
// memory. Here cpp-httplib only accepts; a connection waits in the connection gate (no thread)
// until its head has arrived within the caps, and only then takes a worker thread, where
// cpp-httplib parses and answers it through socket_stream (read deadline, write timeout). Between
// two requests of a kept-alive connection, the connection waits in the gate again (internal).
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "serve/connection_gate.hpp"

namespace liangzhu::serve::detail {

struct front_limits {
  gate_limits gate;
  /// Threads that answer requests (event streams hold one each while they last).
  std::size_t workers = 116;
  /// Time a request has to send its body once its head is in.
  std::chrono::milliseconds body_deadline{10000};
  /// Longest a write may wait for the client to read.
  std::chrono::milliseconds write_timeout{5000};
  /// Requests a connection may send in a row (pipelined, or each arriving before the previous
  /// answer ended) before it is closed.
  std::size_t max_requests_per_connection = 100;
};

class front_server : public httplib::Server {
 public:
  explicit front_server(front_limits limits);
  ~front_server() override;
  front_server(const front_server&) = delete;
  front_server& operator=(const front_server&) = delete;

  /// Stops accepting, closes the waiting connections and joins the workers once the requests
  /// they answer have ended. Idempotent.
  void stop_all();
  /// Connections waiting for their request's head now.
  std::size_t waiting() const { return gate_.waiting(); }

 private:
  // cpp-httplib calls this for each connection it accepts (a private virtual, overridden).
  bool process_and_close_socket(socket_t sock) override;
  /// Answers the requests of `sock` on a worker while they come in full; back to the gate when
  /// the next one has not.
  void serve_connection(socket_t sock, std::string read_ahead);

  front_limits limits_;
  std::atomic<bool> stopping_ = false;
  std::unique_ptr<httplib::ThreadPool> workers_;
  connection_gate gate_;
};

}  // namespace liangzhu::serve::detail
