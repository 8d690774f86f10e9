// The scenario parser and validator on arbitrary TOML. Bad input must be an input_error; any other
// exception, a crash, a sanitizer report or a hang is a finding. A scenario that loads must load
// again from its canonical form to the same values (the form `liangzhu run` stores).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/scenario_schema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liangzhu;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const io::schema& schema = model::scenario_schema();
  try {
    const io::scenario first = io::parse_scenario(text, "fuzz.toml", schema);
    const std::string canonical = first.canonical_toml();
    const io::scenario again = io::parse_scenario(canonical, "canonical.toml", schema);
    if (again.hash() != first.hash()) {
      std::fprintf(stderr, "canonical form does not load back the same:\n%s\n", canonical.c_str());
      std::abort();
    }
  } catch (const input_error&) {
  }
  return 0;
}
