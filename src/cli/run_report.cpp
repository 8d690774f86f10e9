#include "liangzhu/cli/run_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "liangzhu/cli/text_table.hpp"

namespace liangzhu::cli {
namespace {

using figures = std::span<const model::summary_figure>;

const model::summary_figure* find_figure(figures summary, const std::string& hub,
                                         std::string_view name) {
  const auto it = std::find_if(summary.begin(), summary.end(),
                               [&](const auto& f) { return f.hub == hub && f.name == name; });
  return it == summary.end() ? nullptr : &*it;
}

std::optional<double> value_of(figures summary, const std::string& hub, std::string_view name) {
  const auto* f = find_figure(summary, hub, name);
  return f ? f->value : std::nullopt;
}

std::string text_of(figures summary, const std::string& hub, std::string_view name) {
  const auto* f = find_figure(summary, hub, name);
  return f && !f->text.empty() ? f->text : "-";
}

/// The hubs in the order the summary lists them.
std::vector<std::string> hubs_of(figures summary) {
  std::vector<std::string> hubs;
  for (const auto& f : summary)
    if (!f.hub.empty() && std::find(hubs.begin(), hubs.end(), f.hub) == hubs.end())
      hubs.push_back(f.hub);
  return hubs;
}

std::string headline_table(figures summary) {
  text_table table({"hub", "tigers", "founded", "alive at end", "foreign VC share",
                    "offshore share", "chip independence", "gov. cost per tiger"},
                   {false, true, true, true, true, true, false, true});
  for (const auto& hub : hubs_of(summary)) {
    table.add_row({hub, format_count(value_of(summary, hub, "tigers")),
                   format_count(value_of(summary, hub, "startups_founded")),
                   format_count(value_of(summary, hub, "startups_alive_end")),
                   format_share(value_of(summary, hub, "foreign_share")),
                   format_share(value_of(summary, hub, "offshore_share")),
                   text_of(summary, hub, "chip_independence_tick"),
                   format_cny(value_of(summary, hub, "cost_per_tiger_cny"))});
  }
  return table.render("  ");
}

}  // namespace

std::string shell_quote(const std::string& text) {
  const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("_./-+=:,").find(c) != std::string_view::npos;
  });
  if (plain) return text;
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string render_run_report(const finished_run& run, figures summary) {
  const std::string store = shell_quote(run.store.string());
  std::string out = fmt::format(
      "run {} complete: ticks {}-{} (weeks from {} to {}) in {:.1f} s, stored in {}\n", run.run_id,
      run.first_tick, run.ticks_done - 1, run.first_date, run.last_date, run.seconds, store);
  out += '\n';
  out += headline_table(summary);
  out += '\n';
  out += fmt::format("All figures:    sqlite3 {} \"SELECT * FROM summary WHERE run_id = {}\"\n",
                     store, run.run_id);
  out +=
      fmt::format("Export to CSV:  liangzhu export {} --run {} --format csv\n", store, run.run_id);
  return out;
}

std::string render_timings(std::span<const engine::phase_timing> timings) {
  std::vector<engine::phase_timing> sorted(timings.begin(), timings.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
  double total = 0.0;
  for (const auto& t : sorted) total += t.seconds;
  text_table table({"phase", "seconds", "calls", "share"}, {false, true, true, true});
  for (const auto& t : sorted)
    table.add_row({t.name, fmt::format("{:.3f}", t.seconds),
                   format_count(static_cast<double>(t.calls)),
                   format_share(total > 0 ? std::optional(t.seconds / total) : std::nullopt)});
  table.add_row({"total", fmt::format("{:.3f}", total), "", ""});
  return fmt::format("Time per phase (wall clock):\n{}", table.render("  "));
}

}  // namespace liangzhu::cli
