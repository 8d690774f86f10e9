#include "liangzhu/model/history_files.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/errors.hpp"

namespace liangzhu::model {
namespace {

/// The file mapped at `address` in this process ("" if none), from /proc/self/maps, whose lines
/// read "start-end perms offset device inode path".
std::string mapped_file_of(std::uintptr_t address) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    std::istringstream fields(line);
    std::string range, perms, offset, device, inode, path;
    if (!(fields >> range >> perms >> offset >> device >> inode)) continue;
    const auto dash = range.find('-');
    std::uintptr_t start = 0, end = 0;
    if (dash == std::string::npos ||
        std::from_chars(range.data(), range.data() + dash, start, 16).ec != std::errc() ||
        std::from_chars(range.data() + dash + 1, range.data() + range.size(), end, 16).ec !=
            std::errc())
      continue;
    if (address < start || address >= end) continue;
    std::getline(fields >> std::ws, path);
    return path;
  }
  return {};
}

/// FNV-1a of the binary this function was loaded from. Should it be unreadable (or replaced on
/// disk since it was loaded: "(deleted)"), a name no other process has, so that nothing is
/// shared rather than something wrong.
std::string hash_of_own_binary() {
  const std::string path = mapped_file_of(reinterpret_cast<std::uintptr_t>(&hash_of_own_binary));
  std::ifstream in(path, std::ios::binary);
  if (path.empty() || path.ends_with(" (deleted)") || !in)
    return fmt::format("unshared-{}-{}", ::getpid(), ::gethostid());
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return fmt::format("{:016x}", engine::fnv1a64(bytes));
}

/// What a history file's header must name: the code, the seed and the whole identity, so that two
/// identities whose hashes collide in the file name are told apart when the file is read.
std::string tag_of(const std::string& identity, std::uint64_t seed) {
  return fmt::format("liangzhu history\ncode {}\nseed {}\n{}", code_identity(), seed, identity);
}

}  // namespace

const std::string& code_identity() {
  static const std::string identity = hash_of_own_binary();
  return identity;
}

std::filesystem::path history_file(const std::filesystem::path& directory,
                                   const std::string& identity, std::uint64_t seed) {
  return directory /
         fmt::format("{}-{:016x}-{}.history", code_identity(), engine::fnv1a64(identity), seed);
}

std::vector<char> stored_or_run_history(const std::filesystem::path& directory,
                                        const std::string& identity, std::uint64_t seed,
                                        const std::function<std::vector<char>()>& run) {
  const auto file = history_file(directory, identity, seed);
  const std::string tag = tag_of(identity, seed);
  std::error_code ec;
  if (std::filesystem::is_regular_file(file, ec)) {
    try {
      const std::string payload = engine::read_checkpoint_file(file, tag);
      return {payload.begin(), payload.end()};
    } catch (const error&) {  // NOLINT(bugprone-empty-catch)
      // A damaged file (a disk error, a kill the rename did not cover) or another history whose
      // identity hashes alike: simulated again below and replaced.
    }
  }
  std::vector<char> state = run();
  engine::write_checkpoint_file(file, tag, state);
  return state;
}

void prepare_history_directory(const std::filesystem::path& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  std::error_code is_ec;
  if (!std::filesystem::is_directory(directory, is_ec))
    throw io_error(fmt::format("{}: cannot use as the histories directory: {}", directory.string(),
                               ec ? ec.message() : std::string("not a directory")));
  if (::access(directory.c_str(), W_OK | X_OK) != 0)
    throw io_error(fmt::format("{}: cannot write in the histories directory: {}",
                               directory.string(), std::strerror(errno)));
}

}  // namespace liangzhu::model
