#pragma once
/// @file Shared by the store tests: scratch folders, a sample run, a small RFC 4180 reader.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "liangzhu/store/run_store.hpp"
#include "support/scratch_dir.hpp"

namespace liangzhu::store::testing {

using liangzhu::testing::scratch_dir;

/// Runs SQL on `file` through a plain SQLite connection, as another tool would.
inline void raw_sql(const std::filesystem::path& file, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

/// A run as the CLI would begin it.
inline run_info sample_run(std::string label = "sweep point 1") {
  run_info r;
  r.scenario_name = "baseline";
  r.scenario_path = "scenarios/baseline.toml";
  r.scenario_text = "[simulation]\nseed = 42\n";
  r.scenario_hash = "sha256:0123abcd";
  r.seed = 0xfedcba9876543210ULL;  // above 2^63: stored as two's complement, read back intact
  r.threads = 2;
  r.version = "0.1.0";
  r.git_revision = "abc123def456";
  r.start_date = "2025-01-06";
  r.days_per_tick = 7;
  r.ticks_total = 522;
  r.label = std::move(label);
  return r;
}

/// The whole text of a file.
inline std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks).
inline std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"')
        field += c;
      else if (i + 1 < text.size() && text[i + 1] == '"')
        field += text[++i];
      else
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  return rows;
}

/// Reads a CSV file written by export_csv.
inline std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& file) {
  return parse_csv(slurp(file));
}

}  // namespace liangzhu::store::testing
