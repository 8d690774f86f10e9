// The experiment-file parser on arbitrary TOML: bad input must be an input_error; any other
// exception, a crash, a sanitizer report or a hang is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/experiment.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    liangzhu::io::parse_experiment(std::string(reinterpret_cast<const char*>(data), size),
                                   "fuzz.toml");
  } catch (const liangzhu::input_error&) {
  }
  return 0;
}
