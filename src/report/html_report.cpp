// The report's page: the data as a JSON <script> block and the front end inlined after it. The
// page refers to no other file, so it opens offline and can be mailed as it is.
#include "liangzhu/report/html_report.hpp"

#include <fmt/format.h>

#include <system_error>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/store/atomic_file.hpp"
#include "report/report_bundle.hpp"

namespace liangzhu::report {
namespace {

/// Text safe between HTML tags.
std::string escape_html(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// JSON that cannot end its <script> element early: '<' only occurs inside JSON strings, where
/// \u003c reads back as the same character.
std::string embeddable_json(const nlohmann::json& data) {
  const std::string text = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string report_html(const nlohmann::json& data) {
  const std::string title = data.value("title", std::string("liangzhu report"));
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<link rel=\"icon\" href=\"data:,\">\n"  // nothing to fetch, served or opened
      "<title>{}</title>\n</head>\n<body>\n"
      "<noscript>This report draws its charts with JavaScript: please allow it for this "
      "file.</noscript>\n"
      "<script type=\"application/json\" id=\"liangzhu-data\">{}</script>\n"
      "<script>{}</script>\n</body>\n</html>\n",
      escape_html(title), embeddable_json(data), detail::report_bundle());
}

void write_report(const std::filesystem::path& file, const nlohmann::json& data) {
  const std::string html = report_html(data);
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  if (ec)
    throw io_error(
        fmt::format("cannot create the folder of '{}': {}", file.string(), ec.message()));
  store::atomic_file out(file);
  out.stream().write(html.data(), static_cast<std::streamsize>(html.size()));
  out.commit();
}

}  // namespace liangzhu::report
