#pragma once
// The server's routes, matched and answered without a socket: cpp-httplib reads a request and
// hands it to answer(), which is also what the request fuzzer (fuzz/serve_requests.cpp) and the
// tests call (internal).
#include <httplib.h>

#include <cstddef>
#include <regex>
#include <string>
#include <vector>

namespace liangzhu::serve::detail {

struct server_context;

class route_table {
 public:
  using handler = httplib::Server::Handler;

  void get(const std::string& pattern, handler h);
  void post(const std::string& pattern, handler h);
  /// Runs the first route whose method and pattern match the whole path, with the pattern's
  /// captures in req.matches (HEAD takes the GET routes); false, `res` untouched, if none does.
  bool dispatch(httplib::Request& req, httplib::Response& res) const;

 private:
  struct route {
    std::string method;
    std::regex pattern;
    handler h;
  };
  std::vector<route> routes_;
};

/// Every route of the dashboard (the API, the event streams, the pages) over `ctx`.
route_table dashboard_routes(server_context& ctx);

/// Answers a request as the server does: its route, or 404; errors as JSON (see answer_error).
void answer(const route_table& routes, httplib::Request& req, httplib::Response& res,
            std::size_t max_body);
/// Gives an error answer with no body yet (a status from cpp-httplib itself, such as 413, or a
/// 404) the JSON {"error": message} every error of the API has.
void answer_error(const httplib::Request& req, httplib::Response& res, std::size_t max_body);

}  // namespace liangzhu::serve::detail
