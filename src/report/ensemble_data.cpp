// Experiments as ensembles: the runs of each point averaged tick by tick, with Student-t bands,
// so that sweeps and compares are read with their uncertainty in view.
#include "liangzhu/report/ensemble_data.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/statistics.hpp"
#include "liangzhu/report/report_data.hpp"
#include "liangzhu/version.hpp"

namespace liangzhu::report {
namespace {

using nlohmann::json;

json number(std::optional<double> value) {
  return value && std::isfinite(*value) ? json(*value) : json(nullptr);
}

/// "subsidy_per_startup_cny=0.0, max_months=24.0": the last part of each key keeps legends short.
std::string point_label(std::int64_t point, const std::vector<store::sweep_coordinate>& coords) {
  std::string label;
  for (const auto& c : coords) {
    if (c.point != point) continue;
    const auto dot = c.key.rfind('.');
    label += (label.empty() ? "" : ", ") +
             (dot == std::string::npos ? c.key : c.key.substr(dot + 1)) + "=" + c.value;
  }
  return fmt::format("point {}{}{}", point, label.empty() ? "" : ": ", label);
}

/// Values of one series of one hub, by replicate then tick.
using replicate_values = std::vector<std::vector<double>>;

/// The weekly flows the report's charts draw as running totals or 13-week averages
/// (web/src/report/charts.ts; web/test/sync.test.ts keeps the two lists in step). Their bands are
/// computed from each replicate's own transformed series: the interval of a mean running total is
/// far narrower than the sum of the weekly intervals would be.
const std::vector<std::string> transformed_series = {"funding_government_cny_weekly",
                                                     "funding_domestic_vc_cny_weekly",
                                                     "funding_foreign_vc_cny_weekly",
                                                     "funding_founders_cny_weekly",
                                                     "chose_government",
                                                     "chose_offshore",
                                                     "graduates",
                                                     "leavers",
                                                     "job_moves",
                                                     "poached_weekly"};

constexpr std::size_t quarter_weeks = 13;

/// A replicate's series as the charts transform it (web/src/report/transforms.ts): the running
/// total, or the mean of the last 13 values present; a missing value stays missing.
std::vector<double> transformed(const std::vector<double>& ticks, std::string_view transform) {
  std::vector<double> out(ticks.size(), std::nan(""));
  double total = 0;
  for (std::size_t t = 0; t < ticks.size(); ++t) {
    if (transform == "cumulative") {
      if (std::isnan(ticks[t])) continue;
      total += ticks[t];
      out[t] = total;
    } else {
      double sum = 0;
      int n = 0;
      for (std::size_t k = t + 1 > quarter_weeks ? t + 1 - quarter_weeks : 0; k <= t; ++k)
        if (!std::isnan(ticks[k])) {
          sum += ticks[k];
          ++n;
        }
      if (n > 0) out[t] = sum / n;
    }
  }
  return out;
}

/// The mean over replicates tick by tick, with its 95% band.
struct mean_band {
  json mean = json::array(), lower = json::array(), upper = json::array();
};

mean_band band_of(const replicate_values& per_replicate, std::size_t ticks) {
  mean_band out;
  for (std::size_t t = 0; t < ticks; ++t) {
    std::vector<double> sample;
    for (const auto& values : per_replicate)
      sample.push_back(t < values.size() ? values[t] : std::nan(""));
    const auto e = experiment::mean_with_ci(sample);
    out.mean.push_back(number(e.mean));
    out.lower.push_back(number(e.low));
    out.upper.push_back(number(e.high));
  }
  return out;
}

/// Each summary figure (hub, name) of a point's runs, one value per run in replicate order.
using figure_values = std::map<std::pair<std::string, std::string>, std::vector<double>>;

figure_values figures_of(const store::store_reader& store, const std::vector<std::int64_t>& runs) {
  figure_values figures;
  for (const auto run : runs)
    for (const auto& row : store.read_summary(run))
      figures[{row.group, row.name}].push_back(row.value.value_or(std::nan("")));
  return figures;
}

/// How an experiment's replicates took posterior draws: `seeds_per_draw` consecutive replicates
/// share one (0 without a posterior, or when a point's runs are not all there to be grouped).
struct draws_layout {
  std::int64_t draws = 0, seeds_per_draw = 0;
};

draws_layout layout_of(const std::vector<store::sweep_draw>& draws) {
  draws_layout out;
  if (draws.empty()) return out;
  out.draws = draws.back().draw + 1;
  out.seeds_per_draw = static_cast<std::int64_t>(draws.size()) / out.draws;
  return out;
}

/// With posterior draws a figure also gets where one run falls (the middle 95% of runs) and how
/// much of its variance the parameters make; after the reference, the probability that a run
/// here ends above the same draw's and seed's run of the reference.
void describe_uncertainty(json& row, const std::vector<double>& values,
                          const std::vector<double>* reference, const draws_layout& layout) {
  if (layout.draws == 0) return;
  const auto range = experiment::middle_range(values);
  row["spread_lower"] = number(range.low);
  row["spread_upper"] = number(range.high);
  row["parameter_share"] =
      number(experiment::split_variance(values, layout.seeds_per_draw).parameter_share());
  if (reference) row["p_higher"] = number(experiment::probability_higher(*reference, values));
}

json ensemble(const store::store_reader& store, const std::string& label,
              const std::vector<std::int64_t>& runs, const figure_values& figures,
              const figure_values* reference, const draws_layout& layout) {
  const auto catalog = store.read_catalog(runs.front());
  std::vector<std::string> dates;
  // values[hub][series] -> replicate x tick
  std::map<std::string, std::map<std::string, replicate_values>> values;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto table = store.read_series(runs[r]);
    for (const auto& row : table.rows) {
      const auto tick = static_cast<std::size_t>(row.tick);
      if (r == 0 && tick == dates.size()) dates.push_back(row.date);
      for (std::size_t i = 0; i < row.values.size(); ++i) {
        auto& per_replicate = values[row.group][table.columns[i]];
        per_replicate.resize(runs.size());
        auto& ticks = per_replicate[r];
        if (ticks.size() <= tick) ticks.resize(tick + 1, std::nan(""));
        ticks[tick] = row.values[i];
      }
    }
  }
  json hubs = json::array();
  for (const auto& group : catalog.groups) {
    json series = json::object(), bands = json::object(), transformed_bands = json::object();
    for (const auto& [name, per_replicate] : values[group]) {
      auto b = band_of(per_replicate, dates.size());
      series[name] = std::move(b.mean);
      bands[name] = {{"lower", std::move(b.lower)}, {"upper", std::move(b.upper)}};
      if (std::ranges::find(transformed_series, name) == transformed_series.end()) continue;
      for (const std::string transform : {"cumulative", "quarterly_average"}) {
        replicate_values each;
        for (const auto& ticks : per_replicate) each.push_back(transformed(ticks, transform));
        auto tb = band_of(each, dates.size());
        transformed_bands[transform][name] = {{"lower", std::move(tb.lower)},
                                              {"upper", std::move(tb.upper)}};
      }
    }
    hubs.push_back({{"name", group},
                    {"series", std::move(series)},
                    {"bands", std::move(bands)},
                    {"transformed_bands", std::move(transformed_bands)}});
  }
  // Figures: mean and interval over replicates, in the first run's order.
  json summary = json::array();
  for (const auto& row : store.read_summary(runs.front())) {
    const auto& per_run = figures.at({row.group, row.name});
    const auto e = experiment::mean_with_ci(per_run);
    json figure = {{"hub", row.group},        {"name", row.name},
                   {"value", number(e.mean)}, {"text", ""},
                   {"unit", row.unit},        {"description", row.description},
                   {"lower", number(e.low)},  {"upper", number(e.high)}};
    const std::vector<double>* paired = nullptr;
    if (reference) {
      const auto it = reference->find({row.group, row.name});
      if (it != reference->end()) paired = &it->second;
    }
    describe_uncertainty(figure, per_run, paired, layout);
    summary.push_back(std::move(figure));
  }
  const auto info = store.find_run(runs.front());
  json out = {{"id", label},
              {"label", label},
              {"scenario", info ? info->scenario_name : ""},
              {"seed", fmt::format("{} seeds", runs.size())},
              {"status", "complete"},
              {"replicates", runs.size()},
              {"confidence", 0.95},
              {"dates", dates},
              {"hubs", std::move(hubs)},
              {"summary", std::move(summary)}};
  if (layout.draws > 0)
    out["posterior"] = {{"draws", layout.draws}, {"seeds_per_draw", layout.seeds_per_draw}};
  return out;
}

}  // namespace

json ensemble_report_data(const store::store_reader& store, std::int64_t sweep,
                          std::span<const std::int64_t> points) {
  const auto info = store.find_sweep(sweep);
  if (!info) throw input_error(fmt::format("no experiment {} in {}", sweep, store.path().string()));
  std::map<std::int64_t, std::vector<std::int64_t>> runs_by_point;
  for (const auto& r : store.read_sweep_runs(sweep))
    if (r.status == store::run_status::complete) runs_by_point[r.point].push_back(r.run_id);
  std::vector<std::int64_t> chosen(points.begin(), points.end());
  if (chosen.empty())
    for (const auto& [point, runs] : runs_by_point) chosen.push_back(point);
  const auto coords = store.read_sweep_points(sweep);
  draws_layout layout = layout_of(store.read_sweep_draws(sweep));
  // The split needs whole groups of a draw's seeds, in replicate order, at every point.
  for (const auto& [point, runs] : runs_by_point)
    if (static_cast<std::int64_t>(runs.size()) != info->replicates) layout = {};
  json list = json::array();
  json info_by_series = json::object();
  // A compare's first scenario is the reference the others are paired with.
  std::optional<figure_values> reference;
  for (const auto point : chosen) {
    const auto it = runs_by_point.find(point);
    if (it == runs_by_point.end())
      throw input_error(
          fmt::format("experiment {} has no complete runs at point {}", sweep, point));
    if (store.read_catalog(it->second.front()).series.empty())
      throw input_error(fmt::format(
          "experiment {} kept only summaries (store = \"summary\"): its per-point results are in "
          "the sweep_results table; run it with store = \"series\" for the charts",
          sweep));
    const std::string label = info->kind == store::sweep_kind::compare
                                  ? store.find_run(it->second.front())->scenario_name
                                  : point_label(point, coords);
    const figure_values figures = figures_of(store, it->second);
    const bool paired = info->kind == store::sweep_kind::compare && reference.has_value();
    list.push_back(
        ensemble(store, label, it->second, figures, paired ? &*reference : nullptr, layout));
    if (!reference) reference = figures;
    for (const auto& spec : store.read_catalog(it->second.front()).series)
      if (!info_by_series.contains(spec.name))
        info_by_series[spec.name] = {{"unit", spec.unit}, {"description", spec.description}};
  }
  return {{"format", "liangzhu-report"},
          {"version", data_format_version},
          {"title",
           fmt::format("liangzhu report: {} {} ({}), {} replicates per point",
                       store::to_string(info->kind), info->sweep_id, info->name, info->replicates)},
          {"generated_by", fmt::format("liangzhu {} ({})", version_string, git_revision)},
          {"series_info", std::move(info_by_series)},
          {"runs", std::move(list)}};
}

}  // namespace liangzhu::report
