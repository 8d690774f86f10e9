// Writes seeds for the checkpoint target into the folder given: the small run's state at a few
// ticks, the same as whole checkpoint files, and job results of a small experiment.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "checkpoint_support.hpp"
#include "liangzhu/engine/archive.hpp"
#include "liangzhu/experiment/job.hpp"
#include "liangzhu/experiment/plan.hpp"
#include "liangzhu/io/experiment.hpp"
#include "liangzhu/model/simulation.hpp"

namespace {

using namespace liangzhu;
namespace fs = std::filesystem;

void write_seed(const fs::path& file, fuzzing::checkpoint_input kind,
                const std::vector<char>& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.put(static_cast<char>(kind));
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

void write_model_states(const fs::path& dir) {
  const io::scenario scenario = fuzzing::checkpoint_scenario();
  model::simulation sim(scenario, {});
  for (const long tick : {0L, 6L, 12L}) {
    sim.run(tick);
    const std::vector<char> state = sim.checkpoint();
    write_seed(dir / ("state_tick" + std::to_string(tick)), fuzzing::checkpoint_input::model_state,
               state);
    const fs::path file = dir / "tmp.ckpt";
    engine::write_checkpoint_file(file, fuzzing::checkpoint_tag, state);
    std::ifstream in(file, std::ios::binary);
    const std::vector<char> whole{std::istreambuf_iterator<char>(in), {}};
    fs::remove(file);
    write_seed(dir / ("file_tick" + std::to_string(tick)),
               fuzzing::checkpoint_input::checkpoint_file, whole);
  }
}

void write_job_results(const fs::path& dir) {
  const auto resolve = [](const std::string&, const io::value_origin&) {
    return fs::path(LIANGZHU_SOURCE_DIR) / "fuzz/checkpoint_scenario.toml";
  };
  for (const char* store : {"summary", "series", "all"}) {
    const std::string text =
        std::string("name = \"seeds\"\nscenario = \"fuzz\"\nreplicates = 1\nticks = 4\n") +
        "outputs = [\"startups_founded\"]\nstore = \"" + store + "\"\n";
    const experiment::plan p =
        experiment::plan_experiment(io::parse_experiment(text, "seeds.toml"), resolve);
    const auto result = experiment::run_job(p, p.jobs()[0], 1);
    write_seed(dir / (std::string("job_") + store), fuzzing::checkpoint_input::job_result,
               experiment::serialize(result));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FOLDER\n", argv[0]);
    return 2;
  }
  const fs::path dir = argv[1];
  fs::create_directories(dir);
  write_model_states(dir);
  write_job_results(dir);
  return 0;
}
