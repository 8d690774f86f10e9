#pragma once
/// @file The temporary files a checkpoint is written to before it is renamed into place
/// (internal). Each writing process uses its own, "<file>.tmp.<pid>", so two processes never
/// write into the same temporary; a process killed while writing leaves its own behind.
#include <filesystem>

namespace liangzhu::engine::detail {

/// The temporary this process writes `checkpoint` to.
std::filesystem::path temporary_for(const std::filesystem::path& checkpoint);

/// Removes the temporaries of `checkpoint` left by processes that no longer exist (a checkpoint
/// can be as large as the simulation's state, and every kill mid-write would leave one more).
/// Those of live processes are theirs to finish. Never throws: this is tidying, not the write.
void remove_abandoned_temporaries(const std::filesystem::path& checkpoint) noexcept;

}  // namespace liangzhu::engine::detail
