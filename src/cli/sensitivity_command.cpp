// `liangzhu sensitivity EXPERIMENT`: which of the experiment's factors move its outputs. Sobol
// indices (variance-based, Saltelli sampling) by default; Morris screening for a cheap first look.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/experiment_support.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/experiment/sensitivity.hpp"

namespace liangzhu::cli {
namespace {

struct sensitivity_request {
  std::string experiment;
  std::string method;
  std::int64_t base_samples = 0;
  std::int64_t trajectories = 0;
  experiment_options options;
};

constexpr const char* sensitivity_description =
    "Rank the factors of an experiment by how much they move each output, over the factors' "
    "ranges ('low'/'high' of each [[vary]] entry). Method 'sobol' (default): first-order (S1) and "
    "total (ST) Sobol indices from Saltelli's sampling on a Sobol sequence, N (k + 2) points for k "
    "factors, with bootstrap 95% confidence intervals. Method 'morris': elementary effects (mu*, "
    "sigma) on r (k + 1) points, a cheap screening. Each point runs the experiment's replicates "
    "(common random numbers) and uses their mean. Runs, points and indices go into the store.";

constexpr const char* sensitivity_footer =
    "Examples:\n"
    "  liangzhu sensitivity experiments/baseline_sensitivity.toml --out out/sa.db\n"
    "  liangzhu sensitivity experiments/baseline_sensitivity.toml --method morris\n"
    "  mpirun -n 4 liangzhu sensitivity experiments/baseline_sensitivity.toml --base-samples 256";

void define_sensitivity(CLI::App& app, sensitivity_request& r) {
  add_experiment_argument(app, r.experiment);
  app.add_option("--method", r.method, "sobol or morris (default: the experiment's)")
      ->check(CLI::IsMember({"sobol", "morris"}))
      ->type_name("NAME");
  app.add_option("--base-samples", r.base_samples, "Sobol: base sample size N")
      ->check(CLI::Range(std::int64_t{2}, std::int64_t{1000000}))
      ->type_name("N");
  app.add_option("--trajectories", r.trajectories, "Morris: trajectories r")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000}))
      ->type_name("N");
  add_experiment_options(app, r.options);
}

/// Per point, per output: the mean over replicates (NaN if a replicate's figure is empty).
std::vector<double> point_means(const experiment::output_table& values, std::size_t output) {
  std::vector<double> f;
  for (const auto& point : values) {
    double sum = 0;
    for (const auto& replicate : point) sum += replicate[output];
    f.push_back(point.empty() ? std::nan("") : sum / static_cast<double>(point.size()));
  }
  return f;
}

struct measured {
  std::string parameter;
  std::vector<experiment::index_estimate> measures;  // S1, ST or mu*, sigma
};

std::vector<store::sensitivity_row> rows_of(const std::string& output,
                                            const std::vector<measured>& factors,
                                            const std::vector<std::string>& names) {
  std::vector<store::sensitivity_row> rows;
  for (const auto& f : factors)
    for (std::size_t m = 0; m < names.size(); ++m)
      rows.push_back({output, f.parameter, names[m], f.measures[m].value, f.measures[m].low,
                      f.measures[m].high});
  return rows;
}

/// Ranked by ST for Sobol (what a factor does alone and through interactions) and by mu* for
/// Morris: measure `rank_by` of `names`.
void print_ranking(const std::string& output, std::vector<measured> factors,
                   const std::vector<std::string>& names, std::size_t rank_by) {
  std::stable_sort(factors.begin(), factors.end(), [rank_by](const measured& a, const measured& b) {
    return a.measures[rank_by].value > b.measures[rank_by].value;
  });
  std::vector<std::string> header = {"rank", "parameter"};
  for (const auto& n : names) header.push_back(n + " [95% CI]");
  text_table table(header, {true, false, true, true});
  for (std::size_t i = 0; i < factors.size(); ++i) {
    std::vector<std::string> row = {std::to_string(i + 1), factors[i].parameter};
    for (const auto& m : factors[i].measures)
      row.push_back(format_estimate(m.value, m.low, m.high));
    table.add_row(row);
  }
  fmt::print("{}:\n{}\n", output, table.render("  "));
}

int execute_sensitivity(const sensitivity_request& r) {
  const auto mpi = experiment::cluster::join_if_launched();
  return guard_ranks(mpi.get(), [&] {
    io::experiment_spec spec = io::load_experiment(r.experiment);
    apply_overrides(r.options, spec);
    auto& s = spec.sensitivity;
    if (!r.method.empty()) s.method = r.method;
    if (r.base_samples > 0) s.base_samples = r.base_samples;
    if (r.trajectories > 0) s.trajectories = r.trajectories;
    const std::size_t k = spec.factors.size();
    const bool sobol = s.method == "sobol";
    const auto n = static_cast<std::size_t>(sobol ? s.base_samples : s.trajectories);
    const experiment::morris_design morris =
        sobol ? experiment::morris_design{}
              : experiment::make_morris_design(n, k, static_cast<std::size_t>(s.levels),
                                               spec.master_seed);
    auto unit = sobol ? experiment::saltelli_design(n, k) : morris.points;
    const experiment::plan p = experiment::plan_unit_points(
        spec, scenario_resolver_for(r.experiment), std::move(unit), store::sweep_kind::sensitivity);
    auto run = run_plan(p, r.options, mpi.get());
    if (!run) return to_int(exit_code::ok);
    run->store->write_sweep_results(run->outcome.sweep_id,
                                    experiment::point_results(p, run->values));
    if (!run->outcome.complete)
      return report_interrupted(
          *run, fmt::format("liangzhu sensitivity {} --out {} (with the same options)",
                            r.experiment, r.options.out));
    const std::vector<std::string> names =
        sobol ? std::vector<std::string>{"S1", "ST"} : std::vector<std::string>{"mu_star", "sigma"};
    const std::size_t rank_by = sobol ? 1 : 0;
    std::vector<store::sensitivity_row> stored;
    if (!r.options.quiet)
      fmt::print("{} analysis {} of {}: {} factors, {} points x {} replicates in {}\n\n",
                 sobol ? "Sobol" : "Morris", run->outcome.sweep_id, spec.name, k, p.points.size(),
                 p.replicates(), r.options.out);
    const auto bootstrap = static_cast<std::size_t>(s.bootstrap);
    for (std::size_t o = 0; o < spec.outputs.size(); ++o) {
      const auto f = point_means(run->values, o);
      if (std::any_of(f.begin(), f.end(), [](double v) { return std::isnan(v); })) {
        fmt::print(stderr,
                   "liangzhu: {}: empty in some runs (e.g. no tigers to divide by); no indices\n",
                   spec.outputs[o]);
        continue;
      }
      std::vector<measured> factors;
      if (sobol) {
        const auto indices = experiment::sobol_indices(f, n, k, bootstrap, spec.master_seed);
        for (std::size_t i = 0; i < k; ++i)
          factors.push_back({spec.factors[i].key, {indices.first_order[i], indices.total[i]}});
      } else {
        const auto effects = experiment::morris_effects(morris, f, bootstrap, spec.master_seed);
        for (std::size_t i = 0; i < k; ++i)
          factors.push_back({spec.factors[i].key,
                             {effects.mu_star[i], {effects.sigma[i], std::nullopt, std::nullopt}}});
      }
      const auto rows = rows_of(spec.outputs[o], factors, names);
      stored.insert(stored.end(), rows.begin(), rows.end());
      if (!r.options.quiet) print_ranking(spec.outputs[o], factors, names, rank_by);
    }
    run->store->write_sensitivity(run->outcome.sweep_id, stored);
    return to_int(exit_code::ok);
  });
}

}  // namespace

command add_sensitivity_command(CLI::App& parent) {
  return make_command<sensitivity_request>(
      parent, {"sensitivity", sensitivity_description, sensitivity_footer}, define_sensitivity,
      execute_sensitivity);
}

}  // namespace liangzhu::cli
