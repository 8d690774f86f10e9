// Runs of a store as the JSON document the report's page draws (docs/report.md). Series go out
// in full, not only the charted ones, so the embedded data is useful on its own.
#include "liangzhu/report/report_data.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <string>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/patterns/panel.hpp"
#include "liangzhu/version.hpp"

namespace liangzhu::report {
namespace {

using nlohmann::json;

/// A number, or null for NaN (JSON has no NaN; the front end draws null as a gap).
json number(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

/// "run 3: baseline", or the run's own label (a sweep point) when it has one.
std::string run_label(const store::run_info& run) {
  return fmt::format("run {}: {}", run.run_id, run.label.empty() ? run.scenario_name : run.label);
}

/// Dates by tick, and per hub one array of values per series, from the wide series table of the
/// ticks from `first` on. The table and the catalog come from one reader, so they agree; a row
/// that does not fit its columns is refused rather than read past the end.
void add_series(json& out, const store::series_table& table, const store::run_catalog& catalog,
                std::int64_t first, const store::store_reader& store, std::int64_t run) {
  json dates = json::array();
  std::map<std::string, json> hubs;
  for (const auto& group : catalog.groups) hubs[group] = json::object();
  for (const auto& row : table.rows) {
    if (row.values.size() != table.columns.size()) {
      throw io_error(fmt::format(
          "{}: run {}: the series row of tick {} holds {} values for {} series in the catalog",
          store.path().string(), run, row.tick, row.values.size(), table.columns.size()));
    }
    if (static_cast<std::size_t>(row.tick - first) == dates.size()) dates.push_back(row.date);
    json& series = hubs[row.group];
    for (std::size_t i = 0; i < row.values.size(); ++i)
      series[table.columns[i]].push_back(number(row.values[i]));
  }
  out["dates"] = std::move(dates);
  out["hubs"] = json::array();
  for (const auto& group : catalog.groups)
    out["hubs"].push_back({{"name", group}, {"series", std::move(hubs[group])}});
}

json summary_data(const std::vector<store::summary_row>& rows) {
  json out = json::array();
  for (const auto& row : rows) {
    out.push_back({{"hub", row.group},
                   {"name", row.name},
                   {"value", row.value ? number(*row.value) : json(nullptr)},
                   {"text", row.text},
                   {"unit", row.unit},
                   {"description", row.description}});
  }
  return out;
}

/// What each series measures, from the catalogs of the runs (the first declaration wins).
json series_info(const store::store_reader& store, std::span<const std::int64_t> runs) {
  json out = json::object();
  for (const std::int64_t id : runs) {
    for (const auto& spec : store.read_catalog(id).series) {
      if (!out.contains(spec.name))
        out[spec.name] = {{"unit", spec.unit}, {"description", spec.description}};
    }
  }
  return out;
}

/// The pattern panel of one run, for each of its hubs (docs/patterns.md): each pattern's value in
/// this run and its verdict against the reference band.
json pattern_data(const store::store_reader& store, const store::run_info& run) {
  json out = json::array();
  for (const auto& hub : store.read_catalog(run.run_id).groups) {
    const auto values = patterns::measure(patterns::read_evidence(store, run.run_id, hub));
    const auto results = patterns::evaluate({values});
    for (const auto& r : results) {
      const auto& p = *r.def;
      out.push_back({{"hub", hub},
                     {"id", std::string(p.id)},
                     {"topic", std::string(p.topic)},
                     {"title", std::string(p.title)},
                     {"unit", std::string(p.unit)},
                     {"low", p.inside.low},
                     {"high", p.inside.high},
                     {"value", r.mean ? number(*r.mean) : json(nullptr)},
                     {"verdict", std::string(patterns::to_string(r.result))},
                     {"source", std::string(p.source)}});
    }
  }
  return out;
}

std::string title(const std::vector<store::run_info>& runs) {
  if (runs.size() == 1) return fmt::format("liangzhu report: {}", run_label(runs.front()));
  return fmt::format("liangzhu report: {} runs side by side", runs.size());
}

}  // namespace

json run_data(const store::store_reader& store, const store::run_info& run,
              store::tick_range ticks) {
  json out = {{"id", std::to_string(run.run_id)},
              {"label", run_label(run)},
              {"scenario", run.scenario_name},
              {"seed", std::to_string(run.seed)},  // a string: JavaScript numbers lose 64-bit seeds
              {"status", std::string(store::to_string(run.status))},
              {"replicates", 1}};
  add_series(out, store.read_series(run.run_id, ticks), store.read_catalog(run.run_id), ticks.from,
             store, run.run_id);
  out["summary"] = summary_data(store.read_summary(run.run_id));
  return out;
}

json report_data(const store::store_reader& store, std::span<const std::int64_t> runs) {
  std::vector<store::run_info> infos;
  json run_list = json::array();
  for (const std::int64_t id : runs) {
    const auto info = store.find_run(id);
    LIANGZHU_ASSERT(info.has_value(), "report_data: the caller checks that every run exists");
    json data = run_data(store, *info);
    data["patterns"] = pattern_data(store, *info);
    run_list.push_back(std::move(data));
    infos.push_back(*info);
  }
  return {{"format", "liangzhu-report"},
          {"version", data_format_version},
          {"title", title(infos)},
          {"generated_by", fmt::format("liangzhu {} ({})", version_string, git_revision)},
          {"series_info", series_info(store, runs)},
          {"runs", std::move(run_list)}};
}

}  // namespace liangzhu::report
