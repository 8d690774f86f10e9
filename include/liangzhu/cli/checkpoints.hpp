#pragma once
/// @file Checkpoint files of `liangzhu run`: a checkpoint belongs to one resolved scenario and one
/// seed, and resuming it under any other gives a clear error instead of a silently different run.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/simulation.hpp"

namespace liangzhu::cli {

/// The tag a checkpoint of this scenario and seed carries: "liangzhu/<scenario hash>/<seed>".
std::string checkpoint_tag(const io::scenario& scenario, std::uint64_t seed);

/// Writes the simulation's state to `file` atomically (io_error if it cannot).
void save_checkpoint(const model::simulation& sim, const std::filesystem::path& file,
                     std::string_view tag);

/// The state saved in `file`, which must carry `tag`. input_error if the file is missing or was
/// taken from another scenario or seed; io_error if it is corrupt or unreadable.
std::string load_checkpoint(const std::filesystem::path& file, std::string_view tag);

}  // namespace liangzhu::cli
