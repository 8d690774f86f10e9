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

/// The dashboard page, built once: every page view gets the same bytes (some 650 kB).
const std::string& dashboard_html() {
  static const std::string page = [] {
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // No favicon to fetch: a browser asking for /favicon.ico would log a 404.
        "<link rel=\"icon\" href=\"data:,\">\n"
        "<title>liangzhu dashboard: policy lab</title>\n</head>\n<body>\n"
        "<noscript>The dashboard needs JavaScript.</noscript>\n<script>";
    html += dashboard_bundle();
    html += "</script>\n</body>\n</html>\n";
    return html;
  }();
  return page;
}

constexpr const char* html_type = "text/html; charset=utf-8";

void send_html(httplib::Response& res, const std::string& html) {
  res.set_header("Cache-Control", "no-store");
  res.set_content(html, html_type);
}

/// Sends the dashboard page from where it lies rather than a copy of it per page view, so many
/// pages opening at once cost the server no memory.
void send_dashboard(httplib::Response& res) {
  const std::string& page = dashboard_html();
  res.set_header("Cache-Control", "no-store");
  res.set_content_provider(
      page.size(), html_type,
      [&page](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        return sink.write(page.data() + offset, length);
      });
}

}  // namespace

void add_page_routes(route_table& routes, server_context& ctx) {
  routes.get("/", guarded([](const auto&, auto& res) { send_dashboard(res); }));
  routes.get(R"(/runs/(\d+)/report)", guarded([&ctx](const auto& req, auto& res) {
               const std::array ids{stored_run(ctx, req).run_id};
               send_html(res, report::report_html(report::report_data(ctx.store.reader(), ids)));
             }));
  routes.get(R"(/compare/(\d+)/(\d+))", guarded([&ctx](const auto& req, auto& res) {
               const std::array ids{stored_run(ctx, req, 1).run_id, stored_run(ctx, req, 2).run_id};
               send_html(res, report::report_html(report::report_data(ctx.store.reader(), ids)));
             }));
}

}  // namespace liangzhu::serve::detail
