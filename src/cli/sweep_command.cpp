// `liangzhu sweep EXPERIMENT`: every point x replicate of an experiment into the store, then the
// mean of each output per point with its 95% confidence interval.
#include <fmt/format.h>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/experiment_support.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/output_names.hpp"
#include "liangzhu/store/csv_writer.hpp"

namespace liangzhu::cli {
namespace {

struct sweep_request {
  std::string experiment;
  experiment_options options;
  std::string csv;
};

constexpr const char* sweep_description =
    "Run an experiment: every point of its design, each replicated with seeds derived from one "
    "master seed (replicate r of every point shares a seed: common random numbers), several runs "
    "at once on all cores. Every run goes into the run store with its point; the mean of each "
    "output per point, with its 95% confidence interval, is printed and stored too. Running the "
    "same experiment into the same store again resumes it: finished runs are not redone. Under "
    "'mpirun -n K' the runs are spread over K processes (rank 0 writes the store). "
    "docs/experiments.md describes experiment files.";

constexpr const char* sweep_footer =
    "Examples:\n"
    "  liangzhu sweep experiments/subsidy_x_noncompete.toml --out out/sweep.db\n"
    "  liangzhu sweep my.toml --replicates 3 --ticks 104 --csv results.csv\n"
    "  mpirun -n 4 liangzhu sweep experiments/subsidy_x_noncompete.toml --out out/sweep.db";

void define_sweep(CLI::App& app, sweep_request& r) {
  add_experiment_argument(app, r.experiment);
  add_experiment_options(app, r.options);
  app.add_option("--csv", r.csv, "Also write the per-point results to this CSV file")
      ->type_name("FILE");
}

std::string resume_command(const sweep_request& r) {
  return fmt::format("liangzhu sweep {} --out {}", r.experiment, r.options.out);
}

void print_results(const experiment::plan& p, std::span<const store::sweep_result> results) {
  std::vector<std::string> header = {"point"};
  std::vector<bool> right = {true};
  for (const auto& f : p.spec.factors) {
    header.push_back(f.key);
    right.push_back(true);
  }
  for (const auto& o : p.spec.outputs) {
    header.push_back(o + " (mean [95% CI])");
    right.push_back(true);
  }
  text_table table(header, right);
  const std::size_t outputs = p.spec.outputs.size();
  for (const auto& pt : p.points) {
    std::vector<std::string> row = {std::to_string(pt.index)};
    for (const auto& [key, value] : pt.coordinates) row.push_back(value);
    for (std::size_t o = 0; o < outputs; ++o) {
      const auto& r = results[static_cast<std::size_t>(pt.index) * outputs + o];
      row.push_back(
          format_estimate(r.mean, r.ci_low, r.ci_high, experiment::output_unit(p.spec.outputs[o])));
    }
    table.add_row(row);
  }
  std::fputs(table.render().c_str(), stdout);
}

/// Long form: one line per point and output, the point's coordinates first.
void write_results_csv(const std::string& file, const experiment::plan& p,
                       std::span<const store::sweep_result> results) {
  store::write_csv(file, [&](store::csv_writer& csv) {
    csv.cell("point");
    for (const auto& f : p.spec.factors) csv.cell(f.key);
    csv.row("output", "n", "mean", "sd", "ci_low", "ci_high");
    for (const auto& r : results) {
      csv.cell(r.point);
      for (const auto& [key, value] : p.points[static_cast<std::size_t>(r.point)].coordinates)
        csv.cell(value);
      csv.row(r.output, r.n, r.mean, r.sd, r.ci_low, r.ci_high);
    }
  });
}

int execute_sweep(const sweep_request& r) {
  const auto mpi = experiment::cluster::join_if_launched();
  return guard_ranks(mpi.get(), [&] {
    io::experiment_spec spec = io::load_experiment(r.experiment);
    apply_overrides(r.options, spec);
    const experiment::plan p =
        experiment::plan_experiment(spec, scenario_resolver_for(r.experiment));
    auto run = run_plan(p, r.options, mpi.get());
    if (!run) return to_int(exit_code::ok);
    const auto results = experiment::point_results(p, run->values);
    run->store->write_sweep_results(run->outcome.sweep_id, results);
    if (!r.csv.empty()) write_results_csv(r.csv, p, results);
    if (!run->outcome.complete) return report_interrupted(*run, resume_command(r));
    if (!r.options.quiet) {
      fmt::print(
          "experiment {} ({}): {} points x {} replicates = {} runs ({} done now, {} from "
          "before) in {}\n\n",
          run->outcome.sweep_id, spec.name, p.points.size(), p.replicates(), p.jobs().size(),
          run->outcome.ran, run->outcome.reused, r.options.out);
      print_results(p, results);
    }
    return to_int(exit_code::ok);
  });
}

}  // namespace

command add_sweep_command(CLI::App& parent) {
  return make_command<sweep_request>(parent, {"sweep", sweep_description, sweep_footer},
                                     define_sweep, execute_sweep);
}

}  // namespace liangzhu::cli
