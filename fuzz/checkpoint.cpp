// The checkpoint readers on arbitrary bytes: the model's restore (into a run of a small scenario),
// an experiment's job result as MPI ranks exchange it, and a checkpoint file's header and
// checksum. Damaged bytes must be an io_error; anything else is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include "checkpoint_support.hpp"
#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/experiment/job.hpp"
#include "liangzhu/model/simulation.hpp"

namespace {

using namespace liangzhu;

void restore_model_state(std::string_view bytes) {
  // Built once: a failed restore may leave the state half-read, and the next restore must still
  // either succeed or throw.
  static const io::scenario scenario = fuzzing::checkpoint_scenario();
  static model::simulation sim(scenario, {});
  sim.restore(bytes);
}

void read_file(std::string_view bytes) {
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("liangzhu-fuzz-" + std::to_string(::getpid()) + ".ckpt");
  std::ofstream(file, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  engine::read_checkpoint_file(file, fuzzing::checkpoint_tag);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    switch (static_cast<fuzzing::checkpoint_input>(data[0] % fuzzing::checkpoint_inputs)) {
      case fuzzing::checkpoint_input::model_state:
        restore_model_state(bytes);
        break;
      case fuzzing::checkpoint_input::job_result:
        experiment::deserialize(bytes);
        break;
      case fuzzing::checkpoint_input::checkpoint_file:
        read_file(bytes);
        break;
    }
  } catch (const io_error&) {
  }
  return 0;
}
