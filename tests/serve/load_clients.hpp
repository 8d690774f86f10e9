#pragma once
// The clients of the load test: a page following a run's events to its end (the run put
// together from its updates, as the dashboard does), and a caller of the JSON API alongside.
// Each counts its requests and what went wrong.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "support/event_stream.hpp"

namespace liangzhu::testing {

/// What a client saw.
struct client_tally {
  long requests = 0;
  long server_errors = 0;             ///< 5xx answers
  std::vector<std::string> problems;  ///< every error: refusals, lost connections, gaps

  void add(const client_tally& other) {
    requests += other.requests;
    server_errors += other.server_errors;
    problems.insert(problems.end(), other.problems.begin(), other.problems.end());
  }
  /// Counts an answer; false (and a problem) unless it is `expected`.
  bool answered(const httplib::Result& res, const std::string& what, int expected = 200) {
    ++requests;
    if (res && res->status == expected) return true;
    if (res && res->status >= 500) ++server_errors;
    problems.push_back(res ? what + " answered " + std::to_string(res->status) + ": " + res->body
                           : what + " failed: " + httplib::to_string(res.error()));
    return false;
  }
};

/// A run put together from the updates of its event stream, checking each continues it.
struct assembled_run {
  nlohmann::json dates = nlohmann::json::array();
  nlohmann::json hubs = nlohmann::json::array();
  std::string status;
  std::vector<std::string> gaps;

  void append(const nlohmann::json& update) {
    const std::size_t had = dates.size();
    if (update["from"] != had)
      gaps.push_back("an update from week " + update["from"].dump() + " after " +
                     std::to_string(had));
    for (const auto& d : update["dates"]) dates.push_back(d);
    for (std::size_t h = 0; h < update["hubs"].size(); ++h) {
      const auto& hub = update["hubs"][h];
      if (h == hubs.size())
        hubs.push_back({{"name", hub["name"]}, {"series", nlohmann::json::object()}});
      for (const auto& [name, values] : hub["series"].items()) {
        auto& into = hubs[h]["series"][name];
        if (into.is_null()) into = nlohmann::json::array();
        for (const auto& v : values) into.push_back(v);
      }
    }
  }
};

/// One page following the run at `path` to its end. With `drops_once` it cuts its connection
/// after the first update carrying weeks and reconnects with Last-Event-ID, as a browser does.
class load_viewer {
 public:
  load_viewer(int port, std::string path, bool drops_once)
      : client_("127.0.0.1", port), path_(std::move(path)), drops_once_(drops_once) {
    client_.set_read_timeout(60, 0);
  }

  void follow() {
    sse_reader reader;
    bool reconnect = true;
    for (int connection = 0; reconnect; ++connection) {
      reader.restart();
      httplib::Headers headers;
      if (connection > 0) headers.emplace("Last-Event-ID", reader.last_id());
      bool cut = false;
      const auto res = client_.Get(path_, headers, [&](const char* data, std::size_t size) {
        bytes_ += static_cast<long>(size);
        for (const auto& e : reader.feed({data, size})) read(e);
        cut = connection == 0 && drops_once_ && !ended_ && !run_.dates.empty();
        return !cut;  // false cuts the connection
      });
      if (cut)
        ++tally_.requests;
      else
        tally_.answered(res, "GET " + path_);
      reconnect = cut;
    }
    if (!ended_) tally_.problems.push_back(path_ + ": the stream ended before the run");
    for (const auto& gap : run_.gaps) tally_.problems.push_back(path_ + ": " + gap);
  }

  const assembled_run& run() const { return run_; }
  const client_tally& tally() const { return tally_; }
  long events() const { return events_; }
  long bytes() const { return bytes_; }

 private:
  void read(const sse_event& e) {
    ++events_;
    const auto payload = nlohmann::json::parse(e.data);
    if (e.name == "data") run_.append(payload);
    if (e.name != "progress") return;
    run_.status = payload["status"];
    ended_ = run_.status != "queued" && run_.status != "running";
  }

  httplib::Client client_;
  std::string path_;
  bool drops_once_;
  bool ended_ = false;
  assembled_run run_;
  client_tally tally_;
  long events_ = 0;
  long bytes_ = 0;
};

/// Asks the JSON API (the run, the list, a scenario, the run's data, the page) every `every`
/// until stopped, timing each answer.
class api_caller {
 public:
  api_caller(int port, std::int64_t run, std::chrono::milliseconds every)
      : client_("127.0.0.1", port), every_(every) {
    const std::string id = std::to_string(run);
    paths_ = {"/api/runs/" + id, "/api/runs", "/api/scenarios/tiny", "/api/runs/" + id + "/data",
              "/"};
    client_.set_read_timeout(60, 0);
  }

  void call_until(const std::atomic<bool>& stop) {
    for (std::size_t i = 0; !stop; ++i) {
      const std::string& path = paths_[i % paths_.size()];
      const auto begin = std::chrono::steady_clock::now();
      const auto res = client_.Get(path);
      latencies_ms_.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin)
              .count());
      tally_.answered(res, "GET " + path);
      // A pause after each answer, not a schedule: a slow answer is never followed by a burst.
      std::this_thread::sleep_for(every_);
    }
  }

  const client_tally& tally() const { return tally_; }
  /// The answers' times, sorted.
  std::vector<double> latencies_ms() const {
    auto sorted = latencies_ms_;
    std::ranges::sort(sorted);
    return sorted;
  }

 private:
  httplib::Client client_;
  std::chrono::milliseconds every_;
  std::vector<std::string> paths_;
  client_tally tally_;
  std::vector<double> latencies_ms_;
};

}  // namespace liangzhu::testing
