#pragma once
// A dashboard server on a free port of the loopback interface, over a fresh store in a scratch
// folder, offering the tiny test scenario; and a client to talk to it.
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "liangzhu/serve/server.hpp"
#include "support/scratch_dir.hpp"

namespace liangzhu::testing {

class server_fixture : public ::testing::Test {
 protected:
  /// Starts the server; `adjust` may change the options first.
  void start(void (*adjust)(serve::server_options&) = nullptr) {
    serve::server_options options;
    options.port = 0;
    options.store = dir_ / "runs.db";
    const std::filesystem::path data =
        std::filesystem::path(LIANGZHU_SOURCE_DIR) / "tests/serve/data";
    options.scenarios = {{"tiny", data / "tiny.toml", "a tiny hub"}};
    options.progress_every = std::chrono::milliseconds(20);
    if (adjust) adjust(options);
    server_ = std::make_unique<serve::dashboard_server>(options);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->listen(); });
    client_ = new_client();
  }

  /// Another client of the server, for requests at the same time as client()'s (a client
  /// sends one request at a time).
  std::unique_ptr<httplib::Client> new_client() const {
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port_);
    c->set_read_timeout(30, 0);
    return c;
  }

  int port() const { return port_; }

  void TearDown() override {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Client& client() { return *client_; }
  const std::filesystem::path& store_file() const { return dir_.path(); }

  /// POST /api/runs with `body`; the status and the answer as JSON.
  std::pair<int, nlohmann::json> post_run(const std::string& body) {
    const auto res = client_->Post("/api/runs", body, "application/json");
    EXPECT_TRUE(res) << "no answer to POST /api/runs " << body;
    if (!res) return {0, {}};
    return {res->status, nlohmann::json::parse(res->body, nullptr, false)};
  }

  /// GET `path`; the status and the body.
  std::pair<int, std::string> get(const std::string& path) {
    const auto res = client_->Get(path);
    EXPECT_TRUE(res) << "no answer to GET " << path;
    if (!res) return {0, {}};
    return {res->status, res->body};
  }

  /// The server-sent events of `path` until the server ends the stream.
  std::string events(const std::string& path, const httplib::Headers& headers = {}) {
    return events_of(*client_, path, headers);
  }

  /// The same, through `client`.
  static std::string events_of(httplib::Client& client, const std::string& path,
                               const httplib::Headers& headers = {}) {
    std::string text;
    const auto res = client.Get(path, headers, [&text](const char* data, std::size_t size) {
      text.append(data, size);
      return true;
    });
    EXPECT_TRUE(res && res->status == 200) << path;
    return text;
  }

 private:
  scratch_dir dir_;
  std::unique_ptr<serve::dashboard_server> server_;
  std::thread thread_;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace liangzhu::testing
