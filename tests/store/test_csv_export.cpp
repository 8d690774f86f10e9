// CSV export: the files, their quoting, their numbers and their atomicity.
#include "liangzhu/store/csv_export.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>

#include "liangzhu/engine/errors.hpp"
#include "store/store_test_support.hpp"

namespace liangzhu::store {
namespace {

using testing::read_csv;
using testing::sample_run;
using testing::scratch_dir;

using csv_table = std::vector<std::vector<std::string>>;

/// Begins a run with one series per name in `series` over `groups`, writing one batch of `rows`.
std::int64_t add_run(run_store& store, const run_info& info, const std::vector<std::string>& groups,
                     const std::vector<std::string>& series,
                     const std::vector<engine::series_row>& rows,
                     const std::vector<engine::event_record>& events = {}) {
  const std::int64_t id = store.begin_run(info);
  auto sink = store.sink_for(id);
  std::vector<engine::series_spec> specs;
  for (const auto& name : series) specs.push_back({name, "unit", "about " + name});
  const std::vector<engine::event_kind_spec> kinds{{"founded", ""}, {"exit, \"big\"", ""}};
  sink->declare(groups, specs, kinds);
  sink->write_batch(rows, events);
  return id;
}

/// Column `name` of a CSV table's header.
std::size_t column(const csv_table& table, const std::string& name) {
  const auto& header = table.at(0);
  const auto found = std::find(header.begin(), header.end(), name);
  EXPECT_NE(found, header.end()) << "no column " << name;
  return static_cast<std::size_t>(found - header.begin());
}

TEST(CsvExport, WritesEveryFileWithHeaders) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::int64_t id = add_run(store, sample_run(), {"Liangzhu"}, {"firms"},
                                  {{0, 0, {3}}, {1, 0, {4}}}, {{1, 0, 1, 77, 2.5}});
  store.write_parameters(id, std::vector<std::pair<std::string, std::string>>{{"seed", "42"}});
  store.write_summary(id, std::vector<summary_row>{{"", "firms", 4.0, "", "firms", ""}});
  store.finish_run(id, run_status::complete, 2);
  export_csv(store, {}, dir / "csv" / "nested");
  const auto out = dir / "csv" / "nested";

  const csv_table runs = read_csv(out / "runs.csv");
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].front(), "run_id");
  EXPECT_EQ(runs[1][column(runs, "status")], "complete");
  EXPECT_EQ(runs[1][column(runs, "seed")], std::to_string(sample_run().seed));
  EXPECT_EQ(runs[1][column(runs, "start_date")], "2025-01-06");

  EXPECT_EQ(runs[1][column(runs, "experiment_id")], "") << "a run of its own";
  EXPECT_EQ(read_csv(out / "parameters.csv"),
            (csv_table{{"run_id", "key", "value", "type"}, {"1", "seed", "42", "integer"}}));
  EXPECT_EQ(read_csv(out / "series_catalog.csv")[0],
            (std::vector<std::string>{"series", "unit", "description"}));
  EXPECT_EQ(read_csv(out / "series_catalog.csv")[1][0], "firms");
  EXPECT_EQ(read_csv(out / "experiments.csv").size(), 1U) << "a header and no experiment";
  EXPECT_EQ(read_csv(out / "series.csv"), (csv_table{{"run_id", "tick", "date", "group", "firms"},
                                                     {"1", "0", "2025-01-06", "Liangzhu", "3"},
                                                     {"1", "1", "2025-01-13", "Liangzhu", "4"}}));
  EXPECT_EQ(read_csv(out / "events.csv"),
            (csv_table{{"run_id", "tick", "date", "group", "kind", "subject", "value"},
                       {"1", "1", "2025-01-13", "Liangzhu", "exit, \"big\"", "77", "2.5"}}));
  EXPECT_EQ(read_csv(out / "summary.csv"),
            (csv_table{{"run_id", "group", "name", "value", "text", "unit"},
                       {"1", "", "firms", "4", "", "firms"}}));
}

TEST(CsvExport, CellsASpreadsheetWouldRunOrATerminalWouldObeyAreDisarmed) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::int64_t id = add_run(store, sample_run("=HYPERLINK(\"http://evil.example\")"), {"g"},
                                  {"x"}, {{0, 0, {1}}});
  store.write_parameters(
      id, std::vector<std::pair<std::string, std::string>>{{"negative", "-0.5"},
                                                           {"formula", "@SUM(A1)"},
                                                           {"escape", "\x1b[2Jcleared"},
                                                           {"plus", "+cmd"}});
  export_csv(store, {}, dir / "csv");
  const csv_table runs = read_csv(dir / "csv" / "runs.csv");
  EXPECT_EQ(runs[1][column(runs, "label")], "'=HYPERLINK(\"http://evil.example\")");
  std::map<std::string, std::string> value_of;
  for (const auto& row : read_csv(dir / "csv" / "parameters.csv")) value_of[row[1]] = row[2];
  EXPECT_EQ(value_of["negative"], "-0.5");  // a number stays a number
  EXPECT_EQ(value_of["formula"], "'@SUM(A1)");
  EXPECT_EQ(value_of["escape"], "\\x1b[2Jcleared");
  EXPECT_EQ(value_of["plus"], "'+cmd");
}

TEST(CsvExport, QuotesCommasQuotesAndLineBreaks) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::string tricky = "a, \"quoted\"\nsecond line\r\nthird";
  const std::int64_t id =
      add_run(store, sample_run(tricky), {"West, Zone \"2\""}, {"x, y"}, {{0, 0, {1}}});
  store.write_parameters(id, std::vector<std::pair<std::string, std::string>>{{"k,1", tricky}});
  export_csv(store, {}, dir / "csv");

  const csv_table runs = read_csv(dir / "csv" / "runs.csv");
  EXPECT_EQ(runs[1][column(runs, "label")], tricky);
  EXPECT_EQ(read_csv(dir / "csv" / "parameters.csv")[1],
            (std::vector<std::string>{"1", "k,1", tricky, "text"}));
  const csv_table series = read_csv(dir / "csv" / "series.csv");
  EXPECT_EQ(series[0].back(), "x, y");
  EXPECT_EQ(series[1][3], "West, Zone \"2\"");
  const std::string raw = testing::slurp(dir / "csv" / "parameters.csv");
  EXPECT_NE(raw.find("\"a, \"\"quoted\"\"\nsecond line\r\nthird\""), std::string::npos) << raw;
  EXPECT_EQ(raw.find("\r\n1"), std::string::npos) << "rows end with \\n only";
}

// -0.0 is left out: SQLite stores integral reals as integers, so it reads back as 0.
TEST(CsvExport, NumbersRoundTripBitForBit) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::vector<double> values{0.1,
                                   1.0 / 3.0,
                                   -2.0 / 7.0,
                                   0.1 + 0.2,
                                   1e-300,
                                   std::numeric_limits<double>::denorm_min(),
                                   std::numeric_limits<double>::min(),
                                   std::numeric_limits<double>::max(),
                                   123456789012345678.0,
                                   std::ldexp(1.0, 60) + 2048.0,
                                   6.02214076e23,
                                   std::numeric_limits<double>::infinity(),
                                   -std::numeric_limits<double>::infinity()};
  std::vector<std::string> names;
  for (std::size_t i = 0; i < values.size(); ++i)
    names.push_back(std::string("v") += std::to_string(i));
  add_run(store, sample_run(), {"g"}, names, {{0, 0, values}});
  export_csv(store, {}, dir / "csv");
  const csv_table series = read_csv(dir / "csv" / "series.csv");
  ASSERT_EQ(series.size(), 2u);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string& cell = series[1][4 + i];
    char* end = nullptr;
    const double back = std::strtod(cell.c_str(), &end);
    EXPECT_EQ(*end, '\0') << cell;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back), std::bit_cast<std::uint64_t>(values[i]))
        << "v" << i << " written as " << cell;
  }
}

TEST(CsvExport, NullAndNanAreEmptyCells) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::int64_t id = add_run(store, sample_run(), {"g"}, {"a", "b"},
                                  {{0, 0, {std::numeric_limits<double>::quiet_NaN(), 1}}});
  store.write_summary(id, std::vector<summary_row>{{"g", "sector", std::nullopt, "AI", "", ""}});
  export_csv(store, {}, dir / "csv");
  EXPECT_EQ(read_csv(dir / "csv" / "series.csv")[1],
            (std::vector<std::string>{"1", "0", "2025-01-06", "g", "", "1"}));
  EXPECT_EQ(read_csv(dir / "csv" / "summary.csv")[1],
            (std::vector<std::string>{"1", "g", "sector", "", "AI", ""}));
  const csv_table runs = read_csv(dir / "csv" / "runs.csv");
  EXPECT_EQ(runs[1][column(runs, "ended_at")], "");
}

TEST(CsvExport, SeriesColumnsAreTheUnionOverRuns) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  run_info monthly = sample_run();
  monthly.days_per_tick = 30;
  add_run(store, sample_run(), {"g"}, {"a", "b"}, {{0, 0, {1, 2}}});
  add_run(store, monthly, {"g"}, {"b", "c"}, {{1, 0, {3, 4}}});
  add_run(store, sample_run(), {"g"}, {"z"}, {{0, 0, {9}}});
  const std::vector<std::int64_t> chosen{2, 1};
  export_csv(store, chosen, dir / "csv");
  EXPECT_EQ(read_csv(dir / "csv" / "series.csv"),
            (csv_table{{"run_id", "tick", "date", "group", "b", "c", "a"},
                       {"2", "1", "2025-02-05", "g", "3", "4", ""},
                       {"1", "0", "2025-01-06", "g", "2", "", "1"}}));
  EXPECT_EQ(read_csv(dir / "csv" / "runs.csv").size(), 3u);
}

TEST(CsvExport, AnUnknownRunIsAnInputError) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::vector<std::int64_t> chosen{5};
  EXPECT_THROW(export_csv(store, chosen, dir / "csv"), input_error);
}

TEST(CsvExport, AFailedFileLeavesNoPartialFile) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  add_run(store, sample_run(), {"g"}, {"a"}, {{0, 0, {1}}});
  // A folder where series.csv should go: renaming the finished file into place fails.
  std::filesystem::create_directories(dir / "csv" / "series.csv" / "blocker");
  EXPECT_THROW(export_csv(store, {}, dir / "csv"), io_error);
  EXPECT_TRUE(std::filesystem::exists(dir / "csv" / "runs.csv"));
  EXPECT_FALSE(std::filesystem::exists(dir / "csv" / "series.csv.partial"));
  EXPECT_FALSE(std::filesystem::exists(dir / "csv" / "events.csv"));
}

TEST(CsvExport, AnUnwritableFolderIsAnIoError) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  std::ofstream(dir / "plain-file") << "x";
  EXPECT_THROW(export_csv(store, {}, dir / "plain-file" / "csv"), io_error);
}

}  // namespace
}  // namespace liangzhu::store
