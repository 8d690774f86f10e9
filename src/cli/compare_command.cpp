// `liangzhu compare A B ...`: scenarios side by side. Each runs the same replicates with the same
// seeds (common random numbers), so each difference from the first scenario is tested pairwise.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/experiment_support.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/dated_outputs.hpp"
#include "liangzhu/experiment/output_names.hpp"
#include "liangzhu/experiment/statistics.hpp"
#include "liangzhu/store/csv_writer.hpp"

namespace liangzhu::cli {
namespace {

struct compare_request {
  std::vector<std::string> scenarios;
  std::vector<std::string> outputs = experiment::headline_outputs();
  std::uint64_t seed = 1;
  std::vector<std::string> overrides;
  std::string csv;
  experiment_options options;
};

constexpr const char* compare_description =
    "Compare scenarios: each is run --replicates times with the same seeds (common random "
    "numbers: replicate r of every scenario draws the same luck), and their headline figures are "
    "shown side by side as means with 95% confidence intervals. Each scenario after the first "
    "gets its difference from the first, with the p-value of a paired t-test; '*' marks "
    "differences significant at 5%. Runs and results go into the run store; the same comparison "
    "run again into the same store reuses them. Given run ids instead of scenarios, it shows "
    "those stored runs' figures side by side (one run each: no intervals).";

constexpr const char* compare_footer =
    "Examples:\n"
    "  liangzhu compare baseline subsidy_cut noncompete_reform --replicates 10\n"
    "  liangzhu compare baseline export_controls_tighten --output tigers --output "
    "chip_independence_years\n"
    "  liangzhu compare baseline my.toml --ticks 260 --set hub.liangzhu.noncompete.max_months=6\n"
    "  liangzhu compare 3 7 --out runs.db        # two runs already in the store";

void define_compare(CLI::App& app, compare_request& r) {
  app.add_option("SCENARIO", r.scenarios,
                 "Two or more scenarios (files or shipped names), or run ids of the --out store; "
                 "the first is the reference")
      ->required()
      ->expected(2, 100)
      ->type_name("");
  app.add_option("--output", r.outputs,
                 "Summary figure to compare (repeatable; default: the headline figures)")
      ->type_name("NAME")
      ->take_all();
  app.add_option("--seed", r.seed, "Master seed the replicates' seeds derive from")
      ->type_name("N")
      ->capture_default_str();
  add_set_option(app, r.overrides);
  app.add_option("--csv", r.csv,
                 "Also write every figure to this CSV file, one line per scenario and output: "
                 "means with their 95% CI, the middle 95% of runs, paired differences from the "
                 "first with their p-value and P(higher), and with --posterior the parameters' "
                 "share of the variance")
      ->type_name("FILE");
  add_experiment_options(app, r.options);
}

/// The comparison as an experiment: one factor, the scenario.
io::experiment_spec spec_of(const compare_request& r) {
  io::experiment_spec spec;
  spec.name = "compare " + join(r.scenarios, " vs ");
  spec.scenario = r.scenarios.front();
  spec.scenario_origin = {"command line", 0, 0};
  spec.overrides = r.overrides;
  spec.replicates = 10;
  spec.master_seed = r.seed;
  spec.outputs = r.outputs;
  spec.output_origins.assign(r.outputs.size(), {"--output", 0, 0});
  io::experiment_factor f;
  f.key = "scenario";
  f.origin = {"command line", 0, 0};
  for (const auto& s : r.scenarios) {
    if (std::find(f.values.begin(), f.values.end(), io::param_value(s)) != f.values.end())
      throw input_error(fmt::format("scenario '{}' is listed twice", s), "SCENARIO");
    f.values.emplace_back(s);
  }
  spec.factors.push_back(f);
  apply_overrides(r.options, spec);
  spec.text = fmt::format("# liangzhu compare {}\n", join(r.scenarios, " "));
  return spec;
}

std::vector<double> column(const experiment::output_table& values, std::size_t point,
                           std::size_t output) {
  std::vector<double> out;
  for (const auto& replicate : values[point]) out.push_back(replicate[output]);
  return out;
}

/// A scenario's column heading: its one name, as the store, the report and the dashboard show it;
/// the file as given when two scenarios share a name (two variants both called "reform").
std::string heading(const experiment::plan& p, std::size_t s) {
  const auto& name = p.points[s].scenario_name;
  const auto same = std::ranges::count_if(
      p.points, [&](const experiment::point& other) { return other.scenario_name == name; });
  return same > 1 ? p.points[s].coordinates.front().second : name;
}

/// Figures counted in ticks (the week something first happened) are shown as dates.
bool is_tick(std::string_view unit) { return unit == "tick"; }

/// An output's label with its unit: "government_spending_cny (CNY)", "chip_independence_tick
/// (date)".
std::string labelled(const std::string& output) {
  const std::string unit = experiment::output_unit(output);
  if (is_tick(unit)) return output + " (date)";
  return unit.empty() ? output : fmt::format("{} ({})", output, unit);
}

/// How one output's figures print: in its unit ("14.1 bn", "11.8%", "1,072"), and figures in
/// ticks as the date their week begins ("2032-06-14") with differences in weeks or years ("-3.0
/// weeks", "-1.25 years"), the way an analyst says "earlier".
struct figure_format {
  std::string unit;
  engine::date start;  ///< of the scenario whose figures these are

  std::string value(std::optional<double> v) const {
    if (!is_tick(unit)) return format_quantity(v, unit);
    if (!v || std::isnan(*v)) return "-";
    return engine::calendar(start).date_of(std::lround(*v)).to_string();
  }
  std::string difference(std::optional<double> d) const {
    if (!is_tick(unit)) return format_quantity(d, unit);
    if (!d || std::isnan(*d)) return "-";
    // Weeks under a year ("-1.0 weeks"), years beyond ("-1.25 years").
    const double per_year = engine::calendar(start).ticks_per_year();
    if (std::fabs(*d) < per_year) return fmt::format("{:.1f} weeks", *d);
    return fmt::format("{:.2f} years", *d / per_year);
  }
  std::string estimate(const experiment::estimate& e) const {
    if (!e.mean) return "-";
    if (!e.low || !e.high) return value(e.mean);
    return fmt::format("{} [{}, {}]", value(e.mean), value(e.low), value(e.high));
  }
};

/// The cells of one output: per scenario its estimate, and after the first the paired
/// difference with its p-value.
std::vector<std::string> comparison_cells(const experiment::plan& p,
                                          const experiment::output_table& values, std::size_t o) {
  const std::string unit = experiment::output_unit(p.spec.outputs[o]);
  std::vector<std::string> cells;
  const auto reference = column(values, 0, o);
  for (std::size_t s = 0; s < p.points.size(); ++s) {
    const auto own = column(values, s, o);
    const auto e = experiment::mean_with_ci(own);
    const figure_format format{unit, p.points[s].start};
    cells.push_back(format.estimate(e));
    // Runs that never reach a dated event have no tick: say how many did.
    const auto reached = std::ranges::count_if(own, [](double v) { return !std::isnan(v); });
    if (is_tick(unit) && reached < std::ssize(own))
      cells.back() += fmt::format(" ({}/{} runs)", reached, own.size());
    if (s == 0) continue;
    const auto d = experiment::compare_paired(reference, own);
    std::string cell = format.difference(d.difference.mean);
    if (d.difference.mean && *d.difference.mean > 0 && cell.front() != '-') cell = "+" + cell;
    if (d.p_value)
      cell += fmt::format(
          " (p{}){}",
          *d.p_value < 0.001 ? std::string("<0.001") : fmt::format("={:.3f}", *d.p_value),
          *d.p_value < 0.05 ? " *" : "  ");
    cells.push_back(cell);
  }
  return cells;
}

void print_comparison(const experiment::plan& p, const experiment::output_table& values) {
  std::vector<std::string> header = {"output"};
  for (std::size_t s = 0; s < p.points.size(); ++s) {
    header.push_back(heading(p, s));
    if (s > 0) header.push_back("difference (p)");
  }
  text_table table(header, std::vector<bool>(header.size(), true));
  std::vector<std::vector<std::string>> cells;
  for (std::size_t o = 0; o < p.spec.outputs.size(); ++o) {
    const auto& output = p.spec.outputs[o];
    cells.push_back(comparison_cells(p, values, o));
    std::vector<std::string> row = {labelled(output)};
    row.insert(row.end(), cells.back().begin(), cells.back().end());
    table.add_row(row);
  }
  const std::string wide = table.render();
  if (widest_line(wide) <= terminal_columns) {  // else a table per output, a scenario per row
    std::fputs(wide.c_str(), stdout);
    return;
  }
  // Too wide: one short table per output, a scenario per row.
  for (std::size_t o = 0; o < p.spec.outputs.size(); ++o) {
    text_table by_scenario({labelled(p.spec.outputs[o]), "mean [95% CI]", "difference (p)"},
                           {false, true, true});
    for (std::size_t s = 0, c = 0; s < p.points.size(); ++s) {
      const std::string estimate = cells[o][c++];
      by_scenario.add_row({heading(p, s), estimate, s == 0 ? "" : cells[o][c++]});
    }
    fmt::print("{}{}", o == 0 ? "" : "\n", by_scenario.render());
  }
}

/// "mean (low to high)" of a value or a difference.
std::string format_range(std::optional<double> mean, const experiment::value_range& r,
                         const std::function<std::string(std::optional<double>)>& format) {
  if (!mean) return "-";
  if (!r.low || !r.high) return format(mean);
  return fmt::format("{} ({} to {})", format(mean), format(r.low), format(r.high));
}

std::vector<double> differences(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) d.push_back(b[i] - a[i]);
  return d;
}

std::string format_share(std::optional<double> share) {
  return share ? fmt::format("{:.0f}%", 100 * *share) : "-";
}

/// With posterior draws the question is where one run's figure falls, parameters and luck
/// together: each cell is the mean and the middle 95% of the runs, each difference the mean and
/// middle 95% of the paired differences with the probability that the scenario ends higher; a
/// second table says how much of each spread the parameters make.
void print_posterior_comparison(const experiment::plan& p, const experiment::output_table& values) {
  std::vector<std::string> header = {"output"};
  for (std::size_t s = 0; s < p.points.size(); ++s) {
    header.push_back(heading(p, s));
    if (s > 0) {
      header.push_back("difference");
      header.push_back("P(higher)");
    }
  }
  const std::int64_t seeds = p.spec.posterior->seeds_per_draw;
  std::vector<std::string> split_header = {"output"};
  for (std::size_t s = 0; s < p.points.size(); ++s) {
    split_header.push_back(heading(p, s));
    if (s > 0) split_header.push_back("difference");
  }
  text_table table(header, std::vector<bool>(header.size(), true));
  text_table split(split_header, std::vector<bool>(split_header.size(), true));
  for (std::size_t o = 0; o < p.spec.outputs.size(); ++o) {
    const std::string unit = experiment::output_unit(p.spec.outputs[o]);
    std::vector<std::string> row = {labelled(p.spec.outputs[o])}, split_row = {p.spec.outputs[o]};
    const auto reference = column(values, 0, o);
    for (std::size_t s = 0; s < p.points.size(); ++s) {
      const figure_format format{unit, p.points[s].start};
      const auto own = column(values, s, o);
      row.push_back(format_range(experiment::mean_with_ci(own).mean, experiment::middle_range(own),
                                 [&](auto v) { return format.value(v); }));
      split_row.push_back(format_share(experiment::split_variance(own, seeds).parameter_share()));
      if (s == 0) continue;
      const auto d = differences(reference, own);
      row.push_back(format_range(experiment::mean_with_ci(d).mean, experiment::middle_range(d),
                                 [&](auto v) { return format.difference(v); }));
      const auto higher = experiment::probability_higher(reference, own);
      row.push_back(higher ? fmt::format("{:.2f}", *higher) : "-");
      split_row.push_back(format_share(experiment::split_variance(d, seeds).parameter_share()));
    }
    table.add_row(row);
    split.add_row(split_row);
  }
  std::fputs(table.render().c_str(), stdout);
  fmt::print(
      "\nmean (middle 95% of runs); difference = scenario - {} run by run (same draw, same "
      "seed);\nP(higher) = share of those pairs where the scenario ends higher\n\n"
      "share of the variance from the parameters (the rest is luck; one-way analysis of variance "
      "over\n{} draws x {} seeds):\n",
      heading(p, 0), p.spec.posterior->draws, seeds);
  std::fputs(split.render().c_str(), stdout);
  if (seeds < 2) fmt::print("(with --seeds-per-draw 1 the two sources cannot be told apart)\n");
}

/// Long form, one line per scenario and output, in the outputs' units (figures in weeks stay
/// weeks from the start): what the tables print, unrounded, for a spreadsheet or a brief.
void write_comparison_csv(const std::string& file, const experiment::plan& p,
                          const experiment::output_table& values) {
  const std::int64_t seeds = p.spec.posterior ? p.spec.posterior->seeds_per_draw : 0;
  const auto share = [&](const std::vector<double>& v) {
    return seeds > 0 ? experiment::split_variance(v, seeds).parameter_share() : std::nullopt;
  };
  store::write_csv(file, [&](store::csv_writer& csv) {
    csv.row("scenario", "output", "unit", "n", "mean", "ci_low", "ci_high", "runs_low", "runs_high",
            "difference", "difference_ci_low", "difference_ci_high", "p_value",
            "difference_runs_low", "difference_runs_high", "p_higher", "parameter_share",
            "difference_parameter_share");
    for (std::size_t s = 0; s < p.points.size(); ++s)
      for (std::size_t o = 0; o < p.spec.outputs.size(); ++o) {
        const auto own = column(values, s, o);
        const auto e = experiment::mean_with_ci(own);
        const auto runs = experiment::middle_range(own);
        csv.cell(heading(p, s)).cell(p.spec.outputs[o]);
        csv.cell(experiment::output_unit(p.spec.outputs[o])).cell(e.n);
        csv.cell(e.mean).cell(e.low).cell(e.high).cell(runs.low).cell(runs.high);
        const auto reference = column(values, 0, o);
        const auto paired = experiment::compare_paired(reference, own);
        const auto d = differences(reference, own);
        const auto spread = experiment::middle_range(d);
        const auto first = [&](std::optional<double> v) { return s == 0 ? std::nullopt : v; };
        csv.cell(first(paired.difference.mean))
            .cell(first(paired.difference.low))
            .cell(first(paired.difference.high))
            .cell(first(paired.p_value));
        csv.cell(first(spread.low)).cell(first(spread.high));
        csv.cell(first(experiment::probability_higher(reference, own)));
        csv.cell(share(own)).cell(first(share(d)));
        csv.end_row();
      }
  });
}

bool is_run_id(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A stored run's start date, from its recorded parameters.
engine::date start_of(const std::vector<std::pair<std::string, std::string>>& parameters) {
  for (const auto& [key, value] : parameters)
    if (key == "start")
      if (const auto d = engine::date::parse(value)) return *d;
  return {};
}

/// Runs already in the store, one replicate each: their figures side by side and the differences
/// from the first (no intervals or tests: one run per side says nothing about luck).
int compare_stored_runs(const compare_request& r) {
  const auto opened = open_existing_store(r.options.out);
  const auto store = opened.reader();
  std::vector<std::string> header = {"output"};
  std::vector<std::vector<double>> values;  // [run][output]
  std::vector<engine::date> starts;         // [run]
  for (const auto& text : r.scenarios) {
    const std::int64_t id = std::stoll(text);
    const auto info = store.find_run(id);
    if (!info) throw input_error(fmt::format("no run {} in {}", id, r.options.out), text);
    const auto hubs = store.read_catalog(id).groups;
    for (const auto& o : r.outputs) {
      if (const auto why = experiment::check_output_name(o, hubs))
        throw input_error(*why, "--output");
      if (experiment::dated_output_of(o))
        throw input_error(fmt::format("output '{}': a figure at a date is computed as a run ends; "
                                      "compare scenarios to get it (stored runs keep their "
                                      "weekly series: 'liangzhu export')",
                                      o),
                          "--output");
    }
    const auto summary = store.read_summary(id);
    starts.push_back(start_of(store.read_parameters(id)));
    std::vector<double> row;
    for (const auto& o : r.outputs) row.push_back(experiment::output_value(summary, hubs, o));
    values.push_back(row);
    header.push_back(fmt::format("run {} ({})", id, info->scenario_name));
    if (values.size() > 1) header.push_back("difference");
  }
  text_table table(header, std::vector<bool>(header.size(), true));
  const auto figure = [](double v) { return std::isnan(v) ? std::nullopt : std::optional(v); };
  for (std::size_t o = 0; o < r.outputs.size(); ++o) {
    std::vector<std::string> row = {labelled(r.outputs[o])};
    for (std::size_t k = 0; k < values.size(); ++k) {
      const figure_format format{experiment::output_unit(r.outputs[o]), starts[k]};
      row.push_back(format.value(figure(values[k][o])));
      if (k > 0) row.push_back(format.difference(figure(values[k][o] - values[0][o])));
    }
    table.add_row(row);
  }
  fmt::print(
      "{}\none run each: no confidence intervals; compare scenarios (not run ids) to get "
      "replicates and paired tests\n",
      table.render());
  return to_int(exit_code::ok);
}

int execute_compare(const compare_request& r) {
  if (std::all_of(r.scenarios.begin(), r.scenarios.end(), is_run_id)) {
    if (!r.csv.empty())
      throw input_error(
          "--csv writes a comparison of scenarios; a stored run's figures are in "
          "'liangzhu export'",
          "--csv");
    return compare_stored_runs(r);
  }
  const auto mpi = experiment::cluster::join_if_launched();
  return guard_ranks(mpi.get(), [&] {
    const io::experiment_spec spec = spec_of(r);
    const experiment::plan p =
        experiment::plan_experiment(spec, scenario_resolver_for({}), store::sweep_kind::compare);
    auto run = run_plan(p, r.options, mpi.get());
    if (!run) return to_int(exit_code::ok);
    run->store->write_sweep_results(run->outcome.sweep_id,
                                    experiment::point_results(p, run->values));
    if (!r.csv.empty() && run->outcome.complete) write_comparison_csv(r.csv, p, run->values);
    if (!run->outcome.complete) {
      std::string again = "liangzhu compare " + join(r.scenarios, " ");
      return report_interrupted(*run, again + " (with the same options)");
    }
    if (!r.options.quiet) {
      fmt::print("comparison {}: {} scenarios x {} replicates (common random numbers) in {}\n",
                 run->outcome.sweep_id, p.points.size(), p.replicates(), r.options.out);
      if (p.spec.posterior) {
        fmt::print("posterior {}: {} draws x {} seeds per draw, paired across scenarios\n\n",
                   p.spec.posterior->file, p.spec.posterior->draws,
                   p.spec.posterior->seeds_per_draw);
        print_posterior_comparison(p, run->values);
        return to_int(exit_code::ok);
      }
      fmt::print("\n");
      print_comparison(p, run->values);
      fmt::print(
          "\nmeans with 95% confidence intervals; difference = scenario - {}, paired "
          "t-test;\n* = significant at 5%{}\n",
          heading(p, 0),
          std::ranges::any_of(
              p.spec.outputs,
              [](const std::string& o) { return experiment::output_unit(o) == "tick"; })
              ? "; a figure in weeks is the date its week begins"
              : "");
    }
    return to_int(exit_code::ok);
  });
}

}  // namespace

command add_compare_command(CLI::App& parent) {
  return make_command<compare_request>(parent, {"compare", compare_description, compare_footer},
                                       define_compare, execute_compare);
}

}  // namespace liangzhu::cli
