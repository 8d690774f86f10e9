#pragma once
// What the checkpoint target and its seed writer share: the small run whose checkpoints are
// fuzzed, and the first byte of an input, which says what the rest is.
#include <filesystem>

#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/scenario_schema.hpp"

namespace liangzhu::fuzzing {

enum class checkpoint_input : unsigned char {
  model_state = 0,     ///< model::simulation::checkpoint() bytes, restored into the small run
  job_result = 1,      ///< experiment::serialize() bytes
  checkpoint_file = 2  ///< a whole file as engine::write_checkpoint_file writes it
};
constexpr unsigned char checkpoint_inputs = 3;
/// The model tag of the checkpoint files.
constexpr const char* checkpoint_tag = "liangzhu-fuzz";

inline io::scenario checkpoint_scenario() {
  return io::load_scenario(
      std::filesystem::path(LIANGZHU_SOURCE_DIR) / "fuzz/checkpoint_scenario.toml",
      model::scenario_schema());
}

}  // namespace liangzhu::fuzzing
