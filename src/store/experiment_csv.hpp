#pragma once
// The experiments behind exported runs, as CSV beside runs.csv (internal; docs/store.md).
#include <cstdint>
#include <filesystem>
#include <map>
#include <vector>

#include "liangzhu/store/store_reader.hpp"

namespace liangzhu::store::detail {

/// Where a run sits in an experiment.
struct experiment_place {
  std::int64_t experiment = 0;
  std::int64_t point = 0;
  std::int64_t replicate = 0;
};
/// By run id.
using experiment_places = std::map<std::int64_t, experiment_place>;

/// The experiments holding at least one of `runs`, and where each of `runs` sits in them.
struct run_experiments {
  std::vector<sweep_info> experiments;
  experiment_places places;
};
run_experiments experiments_of(const store_reader& store, const std::vector<run_info>& runs);
/// experiments.csv, experiment_points.csv and experiment_results.csv for `experiments`.
void write_experiments(const store_reader& store, const std::vector<sweep_info>& experiments,
                       const std::filesystem::path& out_dir);

}  // namespace liangzhu::store::detail
