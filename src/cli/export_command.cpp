// `liangzhu export`: runs out of the store into files any tool reads (pandas, R, a spreadsheet).
#include <fmt/format.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "liangzhu/cli/commands.hpp"
#include "liangzhu/cli/exit_codes.hpp"
#include "liangzhu/cli/options.hpp"
#include "liangzhu/store/csv_export.hpp"

namespace liangzhu::cli {
namespace {

struct export_request {
  std::string store;
  std::vector<std::int64_t> runs;
  std::string format = "csv";
  std::string dir;
};

constexpr const char* export_description =
    "Export runs of a run store to CSV files. Writes runs.csv (one line per run: scenario, seed, "
    "status, and its experiment, point and replicate if it has them), parameters.csv (every "
    "resolved parameter of every run, with its type), series.csv (one row per run, week and hub, "
    "one column per series) with series_catalog.csv (each series' unit), events.csv, summary.csv, "
    "and experiments.csv, experiment_points.csv and experiment_results.csv for the experiments "
    "the runs belong to, into DIR, ready for pandas.read_csv or R's read.csv. Every run is "
    "exported unless --run picks some. Files are "
    "written under temporary names and renamed, so an error never leaves half a file.";

constexpr const char* export_footer =
    "Examples:\n"
    "  liangzhu export runs.db --format csv                 # into runs-csv/\n"
    "  liangzhu export out/sweep.db --run 2 --run 3 --dir results\n"
    "Python: pandas.read_csv('runs-csv/series.csv', parse_dates=['date'])";

/// "<store stem>-csv" next to the store: exports of several stores do not overwrite each other.
std::filesystem::path default_dir(const std::filesystem::path& store) {
  return store.parent_path() / (store.stem().string() + "-csv");
}

int export_runs(const export_request& r) {
  const auto store = open_existing_store(r.store);
  check_runs_exist(store.reader(), r.store, r.runs, "--run");
  const std::filesystem::path dir =
      r.dir.empty() ? default_dir(r.store) : std::filesystem::path(r.dir);
  store::export_csv(store, r.runs, dir);
  const std::size_t count = r.runs.empty() ? store.reader().list_runs().size() : r.runs.size();
  fmt::print(
      "exported {} run{} to {}/ (runs.csv, parameters.csv, series.csv, events.csv, summary.csv)\n",
      count, count == 1 ? "" : "s", dir.string());
  return to_int(exit_code::ok);
}

void define_export(CLI::App& app, export_request& r) {
  add_store_argument(app, r.store);
  app.add_option("--run", r.runs, "Export only this run id (repeatable; see 'liangzhu runs')")
      ->type_name("ID")
      ->allow_extra_args(false);
  app.add_option("--format", r.format, "Output format (only csv for now)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"csv"}))
      ->capture_default_str();
  app.add_option("--dir", r.dir,
                 "Folder to write the files into (default: <store stem>-csv next to the store)")
      ->type_name("DIR");
}

}  // namespace

command add_export_command(CLI::App& parent) {
  return make_command<export_request>(parent, {"export", export_description, export_footer},
                                      define_export, export_runs);
}

}  // namespace liangzhu::cli
