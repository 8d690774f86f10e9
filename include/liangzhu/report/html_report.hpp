#pragma once
/// @file The report as one self-contained HTML file: the data embedded as JSON and the front end
/// (web/src/report, built into the binary) inlined, so the page opens offline.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace liangzhu::report {

/// The page drawing `data` (a document made by report_data).
std::string report_html(const nlohmann::json& data);

/// Writes report_html(data) to `file`, whole or not at all (creating its folder if missing);
/// io_error naming the file if it cannot be written.
void write_report(const std::filesystem::path& file, const nlohmann::json& data);

}  // namespace liangzhu::report
