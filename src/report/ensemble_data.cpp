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

/// Every series of a point's runs: the dates of its ticks and, per hub and series, the values by
/// replicate then tick.
struct replicate_series {
  std::vector<std::string> dates;
  std::map<std::string, std::map<std::string, replicate_values>> values;
};

replicate_series read_replicates(const store::store_reader& store,
                                 const std::vector<std::int64_t>& runs) {
  replicate_series out;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto table = store.read_series(runs[r]);
    for (const auto& row : table.rows) {
      const auto tick = static_cast<std::size_t>(row.tick);
      if (r == 0 && tick == out.dates.size()) out.dates.push_back(row.date);
      for (std::size_t i = 0; i < row.values.size(); ++i) {
        auto& per_replicate = out.values[row.group][table.columns[i]];
        per_replicate.resize(runs.size());
        auto& ticks = per_replicate[r];
        if (ticks.size() <= tick) ticks.resize(tick + 1, std::nan(""));
        ticks[tick] = row.values[i];
      }
    }
  }
  return out;
}

/// The series the report draws as differences from a compare's reference
/// (web/src/report/charts.ts, differenceSpecs; web/test/sync.test.ts keeps the lists in step).
const std::vector<std::string> difference_series = {"tigers_total", "startups_alive",
                                                    "gov_spending_cny", "domestic_share"};

/// A scenario's series minus the reference's, replicate by replicate (common random numbers:
/// replicate r of both drew the same luck), as a mean with its 95% band; null when the two do
/// not pair (other dates, another hub, another number of replicates).
json difference_bands(const replicate_series& own, const replicate_series& reference,
                      const std::string& hub) {
  json out = json::object();
  if (own.dates != reference.dates) return out;
  const auto own_hub = own.values.find(hub);
  const auto reference_hub = reference.values.find(hub);
  if (own_hub == own.values.end() || reference_hub == reference.values.end()) return out;
  for (const auto& name : difference_series) {
    const auto a = reference_hub->second.find(name);
    const auto b = own_hub->second.find(name);
    if (a == reference_hub->second.end() || b == own_hub->second.end()) continue;
    if (a->second.size() != b->second.size()) continue;
    replicate_values differences(b->second.size());
    for (std::size_t r = 0; r < differences.size(); ++r) {
      const auto& x = a->second[r];
      const auto& y = b->second[r];
      differences[r].resize(own.dates.size(), std::nan(""));
      for (std::size_t t = 0; t < own.dates.size() && t < x.size() && t < y.size(); ++t)
        differences[r][t] = y[t] - x[t];
    }
    auto band = band_of(differences, own.dates.size());
    out[name] = {{"mean", std::move(band.mean)},
                 {"lower", std::move(band.lower)},
                 {"upper", std::move(band.upper)}};
  }
  return out;
}

/// A figure of a compare's scenario against the reference's, run by run: the paired difference
/// with its interval and p-value, and how often a run ends above (below) its partner.
void describe_difference(json& row, const std::vector<double>& values,
                         const std::vector<double>& reference) {
  const auto d = experiment::compare_paired(reference, values);
  row["difference"] = number(d.difference.mean);
  row["difference_lower"] = number(d.difference.low);
  row["difference_upper"] = number(d.difference.high);
  row["p_value"] = number(d.p_value);
  row["p_higher"] = number(experiment::probability_higher(reference, values));
  row["p_lower"] = number(experiment::probability_higher(values, reference));
}

json ensemble(const store::store_reader& store, const std::string& label,
              const std::vector<std::int64_t>& runs, const replicate_series& series_of_runs,
              const figure_values& figures, const figure_values* reference,
              const replicate_series* reference_series, const draws_layout& layout) {
  const auto catalog = store.read_catalog(runs.front());
  const std::vector<std::string>& dates = series_of_runs.dates;
  const std::map<std::string, replicate_values> no_series;  // a hub that wrote no rows
  json hubs = json::array();
  for (const auto& group : catalog.groups) {
    json series = json::object(), bands = json::object(), transformed_bands = json::object();
    const auto of_hub = series_of_runs.values.find(group);
    for (const auto& [name, per_replicate] :
         of_hub == series_of_runs.values.end() ? no_series : of_hub->second) {
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
    json hub = {{"name", group},
                {"series", std::move(series)},
                {"bands", std::move(bands)},
                {"transformed_bands", std::move(transformed_bands)}};
    if (reference_series)
      hub["differences"] = difference_bands(series_of_runs, *reference_series, group);
    hubs.push_back(std::move(hub));
  }
  // Figures: mean and interval over replicates, in the first run's order.
  json summary = json::array();
  for (const auto& row : store.read_summary(runs.front())) {
    const auto& per_run = figures.at({row.group, row.name});
    const auto e = experiment::mean_with_ci(per_run);
    json replicates = json::array();
    for (const double v : per_run) replicates.push_back(number(v));
    json figure = {{"hub", row.group},
                   {"name", row.name},
                   {"value", number(e.mean)},
                   {"text", ""},
                   {"unit", row.unit},
                   {"description", row.description},
                   {"lower", number(e.low)},
                   {"upper", number(e.high)},
                   {"replicates", std::move(replicates)}};
    const std::vector<double>* paired = nullptr;
    if (reference) {
      const auto it = reference->find({row.group, row.name});
      if (it != reference->end()) paired = &it->second;
    }
    describe_uncertainty(figure, per_run, paired, layout);
    if (paired) describe_difference(figure, per_run, *paired);
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

/// The complete runs of each point by replicate. A comparison's ensembles are paired replicate
/// by replicate, so while one runs (or after it was stopped) only the replicates complete at
/// every point are kept: pairs are never mixed up, and each scenario's band is over the same luck.
std::map<std::int64_t, std::map<std::int64_t, std::int64_t>> complete_runs(
    const std::vector<store::sweep_run>& runs, store::sweep_kind kind) {
  std::map<std::int64_t, std::map<std::int64_t, std::int64_t>> out;
  for (const auto& r : runs)
    if (r.status == store::run_status::complete) out[r.point][r.replicate] = r.run_id;
  if (kind != store::sweep_kind::compare || out.empty()) return out;
  std::map<std::int64_t, std::size_t> points_with;  // replicate -> points that have it
  for (const auto& [point, by_replicate] : out)
    for (const auto& [replicate, run] : by_replicate) ++points_with[replicate];
  for (auto& [point, by_replicate] : out)
    std::erase_if(by_replicate,
                  [&](const auto& entry) { return points_with[entry.first] < out.size(); });
  std::erase_if(out, [](const auto& entry) { return entry.second.empty(); });
  return out;
}

}  // namespace

json ensemble_report_data(const store::store_reader& store, std::int64_t sweep,
                          std::span<const std::int64_t> points) {
  const auto info = store.find_sweep(sweep);
  if (!info) throw input_error(fmt::format("no experiment {} in {}", sweep, store.path().string()));
  std::map<std::int64_t, std::vector<std::int64_t>> runs_by_point;
  for (const auto& [point, runs] : complete_runs(store.read_sweep_runs(sweep), info->kind))
    for (const auto& [replicate, run] : runs) runs_by_point[point].push_back(run);
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
  std::optional<replicate_series> reference_series;
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
    replicate_series series = read_replicates(store, it->second);
    const bool paired = info->kind == store::sweep_kind::compare && reference.has_value();
    list.push_back(ensemble(store, label, it->second, series, figures,
                            paired ? &*reference : nullptr, paired ? &*reference_series : nullptr,
                            layout));
    if (!reference) {
      reference = figures;
      reference_series = std::move(series);
    }
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
