#pragma once
// Server-sent events read back as a browser's EventSource reads them: from text arriving in
// pieces, events split at blank lines, comments (":" lines) skipped, the last id remembered.
#include <string>
#include <string_view>
#include <vector>

namespace liangzhu::testing {

struct sse_event {
  std::string name;  ///< "message" when the event has no name
  std::string data;
  std::string last_id;  ///< the id of this event or, without one, of the last event that had one
};

class sse_reader {
 public:
  /// Adds a piece of the stream; returns the events it completes.
  std::vector<sse_event> feed(std::string_view piece) {
    pending_.append(piece);
    std::vector<sse_event> out;
    for (auto end = pending_.find("\n\n"); end != std::string::npos; end = pending_.find("\n\n")) {
      sse_event e = parse_block(std::string_view(pending_).substr(0, end + 1));
      pending_.erase(0, end + 2);
      if (!e.data.empty()) out.push_back(std::move(e));
    }
    return out;
  }

  const std::string& last_id() const { return last_id_; }
  /// Drops the half-read event of a stream that was cut, keeping the last id, as a browser does
  /// when it reconnects.
  void restart() { pending_.clear(); }

 private:
  sse_event parse_block(std::string_view block) {
    sse_event e{"message", "", ""};
    for (auto eol = block.find('\n'); eol != std::string_view::npos; eol = block.find('\n')) {
      const std::string_view line = block.substr(0, eol);
      block.remove_prefix(eol + 1);
      if (line.starts_with("id: ")) last_id_ = line.substr(4);
      if (line.starts_with("event: ")) e.name = line.substr(7);
      if (line.starts_with("data: "))
        e.data.append(e.data.empty() ? "" : "\n").append(line.substr(6));
    }
    e.last_id = last_id_;
    return e;
  }

  std::string pending_;
  std::string last_id_;
};

/// Every event of a whole stream.
inline std::vector<sse_event> read_events(std::string_view stream) {
  return sse_reader().feed(stream);
}

}  // namespace liangzhu::testing
