#include "liangzhu/experiment/run_record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <utility>

#include "liangzhu/version.hpp"

namespace liangzhu::experiment {
namespace {

/// The scenario as stored with the run: the resolved values (defaults, `extends` and --set
/// applied) as TOML that loads back to the same run, under a comment saying where it came from.
std::string recorded_scenario_text(const io::scenario& scenario,
                                   std::span<const std::string> overrides) {
  std::string text = fmt::format("# {} resolved by liangzhu {} ({})\n", scenario.path().string(),
                                 version_string, git_revision);
  for (const auto& o : overrides) text += fmt::format("# --set {}\n", o);
  return text + scenario.canonical_toml();
}

}  // namespace

std::string scenario_name_of(const io::scenario& scenario, const model::parameters& params) {
  const std::string& name = params.name;
  const std::string& from = scenario.origin("name").file;
  const bool own = from == "--set" || std::filesystem::path(from).lexically_normal() ==
                                          scenario.path().lexically_normal();
  return !own || name.empty() || name == "unnamed" ? scenario.path().stem().string() : name;
}

store::run_info describe_run(const io::scenario& scenario, const model::parameters& params,
                             int threads, std::span<const std::string> overrides,
                             std::string label) {
  const engine::calendar calendar(params.start);
  store::run_info info;
  info.scenario_name = scenario_name_of(scenario, params);
  info.scenario_path = scenario.path().string();
  info.scenario_text = recorded_scenario_text(scenario, overrides);
  info.scenario_hash = scenario.hash();
  info.seed = params.seed;
  info.threads = threads;
  info.version = version_string;
  info.git_revision = git_revision;
  info.start_date = calendar.start().to_string();
  info.days_per_tick = calendar.days_per_tick();
  info.ticks_total = params.ticks;
  info.label = std::move(label);
  return info;
}

std::vector<std::pair<std::string, std::string>> recorded_parameters(
    const io::scenario& scenario, const model::parameters& params, int threads) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, value] : scenario.flattened()) {
    if (key == "seed")
      out.emplace_back(key, std::to_string(params.seed));
    else if (key == "ticks")
      out.emplace_back(key, std::to_string(params.ticks));
    else
      out.emplace_back(key, io::format_value(value));
  }
  out.emplace_back("threads", std::to_string(threads));
  return out;
}

std::int64_t begin_recorded_run(store::run_store& store, const io::scenario& scenario,
                                const model::parameters& params, int threads,
                                std::span<const std::string> overrides, std::string label) {
  std::int64_t run = 0;
  store.atomically([&] {
    run = store.begin_run(describe_run(scenario, params, threads, overrides, std::move(label)));
    store.write_parameters(run, recorded_parameters(scenario, params, threads));
  });
  return run;
}

std::vector<std::string> recorded_overrides(std::string_view scenario_text) {
  static constexpr std::string_view marker = "# --set ";
  std::vector<std::string> out;
  while (!scenario_text.empty() && scenario_text.starts_with('#')) {
    const std::size_t end = std::min(scenario_text.find('\n'), scenario_text.size());
    const std::string_view line = scenario_text.substr(0, end);
    if (line.starts_with(marker)) out.emplace_back(line.substr(marker.size()));
    scenario_text.remove_prefix(std::min(end + 1, scenario_text.size()));
  }
  return out;
}

std::vector<store::summary_row> summary_rows(const std::vector<model::summary_figure>& figures) {
  std::vector<store::summary_row> rows;
  rows.reserve(figures.size());
  for (const auto& f : figures)
    rows.push_back({f.hub, f.name, f.value, f.text, f.unit, f.description});
  return rows;
}

}  // namespace liangzhu::experiment
