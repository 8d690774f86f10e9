#pragma once
/// @file Export of runs from a store to CSV files that pandas.read_csv and R read.csv read as is.
#include <cstdint>
#include <filesystem>
#include <span>

#include "liangzhu/store/run_store.hpp"

namespace liangzhu::store {

/// Writes runs.csv, parameters.csv, series.csv (wide), events.csv and summary.csv for `runs`
/// (every run if empty) into `out_dir`, creating it if needed. RFC 4180 quoting, header row,
/// '.' decimal, shortest round-trip numbers, empty cell for NULL, UTF-8, '\n' line ends. Each
/// file is written under a temporary name and renamed, so an error never leaves half a file.
/// input_error for a run id the store lacks; io_error if a file cannot be written.
void export_csv(const run_store& store, std::span<const std::int64_t> runs,
                const std::filesystem::path& out_dir);

}  // namespace liangzhu::store
