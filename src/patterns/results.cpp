// Verdicts over runs, and the panel as CSV and Markdown.
#include <fmt/format.h>

#include <cmath>
#include <sstream>

#include "liangzhu/experiment/statistics.hpp"
#include "liangzhu/patterns/panel.hpp"
#include "liangzhu/store/csv_writer.hpp"

namespace liangzhu::patterns {
namespace {

bool overlaps(const band& b, double low, double high) { return low <= b.high && high >= b.low; }

}  // namespace

std::string_view to_string(verdict v) {
  switch (v) {
    case verdict::inside:
      return "inside";
    case verdict::near:
      return "near";
    case verdict::far:
      return "far";
    case verdict::no_data:
      return "no data";
  }
  return "no data";
}

std::vector<pattern_result> evaluate(const std::vector<std::vector<double>>& per_run) {
  std::vector<pattern_result> out;
  const auto all = panel();
  for (std::size_t k = 0; k < all.size(); ++k) {
    std::vector<double> values;
    for (const auto& run : per_run)
      if (k < run.size()) values.push_back(run[k]);
    const auto e = experiment::mean_with_ci(values);
    pattern_result r;
    r.def = &all[k];
    r.runs = e.n;
    r.mean = e.mean;
    r.low = e.low ? e.low : e.mean;  // one run: no interval, the value itself
    r.high = e.high ? e.high : e.mean;
    if (!r.mean)
      r.result = verdict::no_data;
    else if (r.def->inside.contains(*r.mean))
      r.result = verdict::inside;
    else if (r.def->near.contains(*r.mean) || overlaps(r.def->inside, *r.low, *r.high))
      r.result = verdict::near;
    else
      r.result = verdict::far;
    out.push_back(r);
  }
  return out;
}

verdict_counts count_verdicts(const std::vector<pattern_result>& results) {
  verdict_counts c;
  for (const auto& r : results) {
    if (r.result == verdict::inside) ++c.inside;
    if (r.result == verdict::near) ++c.near;
    if (r.result == verdict::far) ++c.far;
    if (r.result == verdict::no_data) ++c.no_data;
  }
  return c;
}

std::string format_value(const pattern& p, double value) {
  if (std::isnan(value)) return "-";
  if (p.unit == "share") return fmt::format("{:.1f}%", value * 100);
  if (p.unit == "CNY") {
    if (std::abs(value) >= 1e9) return fmt::format("{:.3g} bn", value / 1e9);
    return fmt::format("{:.3g} M", value / 1e6);
  }
  return fmt::format("{:.3g}", value);
}

std::string to_csv(const std::vector<pattern_result>& results) {
  // The store's CSV writer: figures unrounded, text quoted as RFC 4180 asks and never read as a
  // formula by a spreadsheet.
  std::ostringstream out;
  store::csv_writer csv(out);
  csv.row("id", "topic", "title", "unit", "inside_low", "inside_high", "near_low", "near_high",
          "runs", "mean", "ci_low", "ci_high", "verdict", "source", "region");
  for (const auto& r : results) {
    const auto& p = *r.def;
    csv.row(p.id, p.topic, p.title, p.unit, p.inside.low, p.inside.high, p.near.low, p.near.high,
            r.runs, r.mean, r.low, r.high, to_string(r.result), p.source, p.region);
  }
  return out.str();
}

std::string to_markdown(const std::vector<pattern_result>& results) {
  std::ostringstream out;
  out << "| pattern | reference band | model (95% CI) | verdict |\n| --- | --- | --- | --- |\n";
  for (const auto& r : results) {
    const auto& p = *r.def;
    const std::string model = r.mean
                                  ? fmt::format("{} ({} to {})", format_value(p, *r.mean),
                                                format_value(p, *r.low), format_value(p, *r.high))
                                  : "-";
    out << fmt::format("| `{}` {} | {} to {} | {} | {} |\n", p.id, p.title,
                       format_value(p, p.inside.low), format_value(p, p.inside.high), model,
                       to_string(r.result));
  }
  return out.str();
}

}  // namespace liangzhu::patterns
