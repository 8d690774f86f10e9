#include "liangzhu/store/csv_export.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>
#include <system_error>
#include <vector>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/store/csv_writer.hpp"
#include "store/catalog.hpp"
#include "store/experiment_csv.hpp"
#include "store/tick_dates.hpp"

namespace liangzhu::store {
namespace {

/// The runs asked for, all of them if none; input_error for an id the store lacks.
std::vector<run_info> chosen_runs(const store_reader& store, std::span<const std::int64_t> ids) {
  if (ids.empty()) return store.list_runs();
  std::vector<run_info> runs;
  for (const std::int64_t id : ids) {
    auto run = store.find_run(id);
    if (!run)
      throw input_error("no run " + std::to_string(id) + " in this store", store.path().string());
    runs.push_back(std::move(*run));
  }
  return runs;
}

void write_runs(const std::vector<run_info>& runs, const detail::experiment_places& places,
                const std::filesystem::path& file) {
  // scenario_text stays in the store: the resolved values are in parameters.csv.
  write_csv(file, [&](csv_writer& csv) {
    csv.row("run_id", "scenario_name", "scenario_path", "scenario_hash", "seed", "threads",
            "version", "git_revision", "start_date", "days_per_tick", "ticks_total", "ticks_done",
            "started_at", "ended_at", "status", "label", "experiment_id", "point", "replicate");
    for (const auto& r : runs) {
      // The run's place in an experiment; empty cells for a run of its own.
      std::optional<std::int64_t> experiment, point, replicate;
      if (const auto place = places.find(r.run_id); place != places.end()) {
        experiment = place->second.experiment;
        point = place->second.point;
        replicate = place->second.replicate;
      }
      csv.row(r.run_id, r.scenario_name, r.scenario_path, r.scenario_hash, r.seed, r.threads,
              r.version, r.git_revision, r.start_date, r.days_per_tick, r.ticks_total, r.ticks_done,
              r.started_at, r.ended_at, to_string(r.status), r.label, experiment, point, replicate);
    }
  });
}

/// The type a stored parameter's text reads as, for readers that want typed values: "integer",
/// "real", "boolean", "date" (YYYY-MM-DD) or "text".
std::string_view value_type_of(std::string_view text) {
  if (text == "true" || text == "false") return "boolean";
  if (engine::date::parse(text) && text.size() == 10) return "date";
  std::int64_t whole = 0;
  const char* end = text.data() + text.size();
  if (const auto [at, ec] = std::from_chars(text.data(), end, whole);
      ec == std::errc() && at == end && !text.empty())
    return "integer";
  double real = 0;
  if (const auto [at, ec] = std::from_chars(text.data(), end, real);
      ec == std::errc() && at == end && !text.empty())
    return "real";
  return "text";
}

void write_parameters(const store_reader& store, const std::vector<run_info>& runs,
                      const std::filesystem::path& file) {
  write_csv(file, [&](csv_writer& csv) {
    csv.row("run_id", "key", "value", "type");
    for (const auto& r : runs)
      for (const auto& [key, value] : store.read_parameters(r.run_id))
        csv.row(r.run_id, key, value, value_type_of(value));
  });
}

/// The series columns of series.csv: every run's series names, in order of first appearance;
/// `positions[i][j]` is the column of series j of run i.
struct series_columns {
  std::vector<std::string> names;
  std::vector<std::vector<std::size_t>> positions;
};

series_columns union_of_series(const store_reader& store, const std::vector<run_info>& runs) {
  series_columns columns;
  for (const auto& r : runs) {
    auto& positions = columns.positions.emplace_back();
    for (const auto& spec : store.read_catalog(r.run_id).series) {
      auto& names = columns.names;
      const auto found = std::find(names.begin(), names.end(), spec.name);
      positions.push_back(static_cast<std::size_t>(found - names.begin()));
      if (found == names.end()) names.push_back(spec.name);
    }
  }
  return columns;
}

/// Each series of series.csv with its unit and meaning (the first run's, for a name in several).
void write_series_catalog(const store_reader& store, const std::vector<run_info>& runs,
                          const std::filesystem::path& file) {
  write_csv(file, [&](csv_writer& csv) {
    csv.row("series", "unit", "description");
    std::vector<std::string> written;
    for (const auto& r : runs)
      for (const auto& spec : store.read_catalog(r.run_id).series) {
        if (std::find(written.begin(), written.end(), spec.name) != written.end()) continue;
        written.push_back(spec.name);
        csv.row(spec.name, spec.unit, spec.description);
      }
  });
}

void write_series(const store_reader& store, const std::vector<run_info>& runs,
                  const std::filesystem::path& file) {
  const series_columns columns = union_of_series(store, runs);
  write_csv(file, [&](csv_writer& csv) {
    csv.cell("run_id").cell("tick").cell("date").cell("group");
    for (const auto& name : columns.names) csv.cell(name);
    csv.end_row();
    std::vector<double> cells;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      store.visit_series(runs[i].run_id, [&](const series_table_row& row) {
        // A series another run has and this one lacks stays NaN: an empty cell.
        cells.assign(columns.names.size(), std::numeric_limits<double>::quiet_NaN());
        for (std::size_t j = 0; j < row.values.size(); ++j)
          cells[columns.positions[i][j]] = row.values[j];
        csv.cell(runs[i].run_id).cell(row.tick).cell(row.date).cell(row.group);
        for (const double v : cells) csv.cell(v);
        csv.end_row();
      });
    }
  });
}

void write_events(const store_reader& store, const std::vector<run_info>& runs,
                  const std::filesystem::path& file) {
  write_csv(file, [&](csv_writer& csv) {
    csv.row("run_id", "tick", "date", "group", "kind", "subject", "value");
    for (const auto& r : runs) {
      const run_catalog catalog = store.read_catalog(r.run_id);
      const detail::tick_dates date_of(r);
      store.visit_events(r.run_id, [&](const engine::event_record& e) {
        csv.row(r.run_id, e.tick, date_of(e.tick), detail::name_at(catalog.groups, e.group),
                detail::name_at(catalog.event_kinds, e.kind), e.subject, e.value);
      });
    }
  });
}

void write_summary(const store_reader& store, const std::vector<run_info>& runs,
                   const std::filesystem::path& file) {
  write_csv(file, [&](csv_writer& csv) {
    csv.row("run_id", "group", "name", "value", "text", "unit");
    for (const auto& r : runs)
      for (const auto& s : store.read_summary(r.run_id))
        csv.row(r.run_id, s.group, s.name, s.value, s.text, s.unit);
  });
}

}  // namespace

void export_csv(const run_store& from, std::span<const std::int64_t> runs,
                const std::filesystem::path& out_dir) {
  // One reader for every file: the CSV files agree even while a run is being written.
  const store_reader store = from.reader();
  const std::vector<run_info> chosen = chosen_runs(store, runs);
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) throw io_error("cannot create folder '" + out_dir.string() + "': " + ec.message());
  const auto experiments = detail::experiments_of(store, chosen);
  write_runs(chosen, experiments.places, out_dir / "runs.csv");
  write_parameters(store, chosen, out_dir / "parameters.csv");
  write_series_catalog(store, chosen, out_dir / "series_catalog.csv");
  write_series(store, chosen, out_dir / "series.csv");
  detail::write_experiments(store, experiments.experiments, out_dir);
  write_events(store, chosen, out_dir / "events.csv");
  write_summary(store, chosen, out_dir / "summary.csv");
}

}  // namespace liangzhu::store
