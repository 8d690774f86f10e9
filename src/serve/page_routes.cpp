// The pages: the dashboard (its script inlined, so the page needs nothing else from the server but
// the API), and the report of one run or two side by side, the very page `liangzhu report` writes.
#include <array>
#include <string>

#include "liangzhu/report/html_report.hpp"
#include "liangzhu/report/report_data.hpp"
#include "serve/dashboard_bundle.hpp"
#include "serve/server_context.hpp"

namespace liangzhu::serve::detail {
namespace {

std::string dashboard_html() {
  std::string page =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>liangzhu dashboard</title>\n</head>\n<body>\n"
      "<noscript>The dashboard needs JavaScript.</noscript>\n<script>";
  page += dashboard_bundle();
  page += "</script>\n</body>\n</html>\n";
  return page;
}

void send_html(httplib::Response& res, const std::string& html) {
  res.set_header("Cache-Control", "no-store");
  res.set_content(html, "text/html; charset=utf-8");
}

}  // namespace

void add_page_routes(route_table& routes, server_context& ctx) {
  routes.get("/", guarded([](const auto&, auto& res) { send_html(res, dashboard_html()); }));
  routes.get(R"(/runs/(\d+)/report)", guarded([&ctx](const auto& req, auto& res) {
    const std::array ids{stored_run(ctx, req).run_id};
    send_html(res, report::report_html(report::report_data(ctx.store, ids)));
  }));
  routes.get(R"(/compare/(\d+)/(\d+))", guarded([&ctx](const auto& req, auto& res) {
    const std::array ids{stored_run(ctx, req, 1).run_id, stored_run(ctx, req, 2).run_id};
    send_html(res, report::report_html(report::report_data(ctx.store, ids)));
  }));
}

}  // namespace liangzhu::serve::detail
