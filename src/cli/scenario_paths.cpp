// Finding the shipped scenarios without a path compiled into the binary: the executable knows
// where it lives (/proc/self/exe), and both a build tree and an install keep the scenarios at a
// fixed place relative to it.
#include "liangzhu/cli/scenario_paths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <system_error>

#include "liangzhu/cli/options.hpp"
#include "liangzhu/cli/text_table.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/did_you_mean.hpp"

namespace liangzhu::cli {
namespace fs = std::filesystem;
namespace {

/// How far above the executable's folder the source root or install prefix may be.
constexpr int levels_up = 3;

std::optional<fs::path> executable_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  return exe.parent_path();
}

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool looks_like_path(const std::string& argument) {
  std::error_code ec;
  return argument.find('/') != std::string::npos || argument.ends_with(".toml") ||
         fs::exists(argument, ec);
}

/// The text of the first comment line before any TOML content, or "".
/// The comment block a file opens with, its lines joined: the whole description, not its first
/// line (which usually ends mid-sentence).
std::string leading_comment(const fs::path& file) {
  std::ifstream in(file);
  std::string line, comment;
  while (std::getline(in, line)) {
    const auto start = line.find_first_not_of(" \t\r");
    if (start == std::string::npos) {
      if (comment.empty()) continue;
      break;  // a blank line ends the opening block
    }
    if (line[start] != '#') break;
    const auto text = line.find_first_not_of("# \t", start);
    if (text == std::string::npos) continue;
    comment +=
        (comment.empty() ? "" : " ") + line.substr(text, line.find_last_not_of(" \t\r") + 1 - text);
  }
  return comment;
}

}  // namespace

std::vector<fs::path> scenario_dir_candidates() {
  if (const char* env = std::getenv("LIANGZHU_SCENARIO_DIR"); env && *env) return {fs::path(env)};
  std::vector<fs::path> out;
  if (const auto exe_dir = executable_dir()) {
    // The executable sits a few levels below the source root in a build tree
    // (build/<preset>/src/liangzhu) and in bin/ next to share/ in an install.
    fs::path dir = *exe_dir;
    for (int up = 0; up <= levels_up && dir.has_relative_path(); ++up, dir = dir.parent_path()) {
      out.push_back(dir / "scenarios");
      out.push_back(dir / "share" / "liangzhu" / "scenarios");
    }
  }
  out.push_back("scenarios");
  return out;
}

std::optional<fs::path> find_scenario_dir() {
  for (const auto& dir : scenario_dir_candidates())
    if (is_dir(dir)) return dir;
  return std::nullopt;
}

std::vector<fs::path> shipped_scenarios(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".toml" && entry.is_regular_file(ec))
      out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

fs::path resolve_scenario(const std::string& argument) {
  if (looks_like_path(argument)) return argument;
  const auto dir = find_scenario_dir();
  if (dir && fs::is_regular_file(*dir / (argument + ".toml"))) return *dir / (argument + ".toml");
  std::vector<std::string> names;
  if (dir)
    for (const auto& file : shipped_scenarios(*dir)) names.push_back(file.stem().string());
  std::string why = "no such scenario file, nor a shipped scenario of that name";
  why += io::did_you_mean(argument, names);
  why += names.empty() ? std::string(" (no shipped scenarios found; set LIANGZHU_SCENARIO_DIR)")
                       : fmt::format(" (shipped: {})", join(names));
  throw input_error(why, argument);
}

std::string describe_scenario(const fs::path& file) {
  if (auto comment = leading_comment(file); !comment.empty()) return comment;
  try {
    return load_scenario_argument(file.string(), {}).string("name");
  } catch (const input_error& e) {
    return fmt::format("(does not load: {})", e.what());
  }
}

}  // namespace liangzhu::cli
