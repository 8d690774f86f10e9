#include "engine/checkpoint_temporaries.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <string>
#include <system_error>

namespace liangzhu::engine::detail {
namespace {

std::string temporary_prefix(const std::filesystem::path& checkpoint) {
  return checkpoint.filename().string() + ".tmp.";
}

/// The process that wrote the temporary called `name`, or 0 if the name is not one of ours.
pid_t writer_of(const std::string& name, const std::string& prefix) {
  if (!name.starts_with(prefix)) return 0;
  pid_t pid = 0;
  const char* end = name.data() + name.size();
  const auto [stop, ec] = std::from_chars(name.data() + prefix.size(), end, pid);
  return ec == std::errc() && stop == end && pid > 0 ? pid : 0;
}

bool process_gone(pid_t pid) { return ::kill(pid, 0) != 0 && errno == ESRCH; }

}  // namespace

std::filesystem::path temporary_for(const std::filesystem::path& checkpoint) {
  return checkpoint.string() + ".tmp." + std::to_string(::getpid());
}

void remove_abandoned_temporaries(const std::filesystem::path& checkpoint) noexcept {
  try {
    const std::string prefix = temporary_prefix(checkpoint);
    const auto folder = checkpoint.has_parent_path() ? checkpoint.parent_path() : ".";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      const pid_t writer = writer_of(entry.path().filename().string(), prefix);
      if (writer != 0 && writer != ::getpid() && process_gone(writer))
        std::filesystem::remove(entry.path(), ec);
    }
  } catch (...) {  // NOLINT(bugprone-empty-catch): see the header
  }
}

}  // namespace liangzhu::engine::detail
