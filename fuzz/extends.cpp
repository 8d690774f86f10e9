// The scenario reader on several files that extend one another: the input is up to four files
// separated by lines "----", written as a.toml, b.toml, c.toml and d.toml in a folder of this
// process, and a.toml is loaded. `extends` may name any of them, themselves, each other twice,
// or files that do not exist. Bad input must be an input_error; any other exception, a crash, a
// sanitizer report or a hang (a cycle, a diamond read again and again) is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/scenario_schema.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path& folder() {
  static const fs::path dir = [] {
    fs::path d =
        fs::temp_directory_path() / ("liangzhu-fuzz-extends-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace liangzhu;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static constexpr std::string_view separator = "\n----\n";
  static constexpr const char* names[] = {"a.toml", "b.toml", "c.toml", "d.toml"};
  for (const char* name : names) {
    const std::size_t end = std::min(text.find(separator), text.size());
    std::ofstream(folder() / name, std::ios::binary | std::ios::trunc)
        .write(text.data(), static_cast<std::streamsize>(end));
    text.remove_prefix(std::min(text.size(), end + separator.size()));
  }
  try {
    (void)io::load_scenario(folder() / "a.toml", model::scenario_schema());
  } catch (const input_error&) {
  }
  return 0;
}
