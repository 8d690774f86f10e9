#include "liangzhu/cli/checkpoints.hpp"

#include <fmt/format.h>

#include <fstream>
#include <optional>
#include <system_error>

#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/errors.hpp"

namespace liangzhu::cli {
namespace {

constexpr std::string_view tag_prefix = "liangzhu/";

/// The tag stored in a checkpoint's header, or nullopt if the header cannot be read. The engine
/// only checks a tag against an expected one; to tell "another scenario or seed" (bad input) from
/// "corrupt" (I/O error) we read the header's first fields (magic, format version, byte-order
/// mark, tag) as engine::write_checkpoint_file lays them out.
std::optional<std::string> stored_tag(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  try {
    engine::archive_reader r(head, file.string());
    for (int i = 0; i < 8; ++i) r.read<char>();
    r.read<std::uint32_t>();
    r.read<std::uint32_t>();
    std::string tag = r.read_string();
    if (!tag.starts_with(tag_prefix)) return std::nullopt;
    return tag;
  } catch (const io_error&) {
    return std::nullopt;
  }
}

/// "scenario a1b2.../seed 7" parts of a tag, for the mismatch message.
std::pair<std::string, std::string> tag_parts(std::string_view tag) {
  tag.remove_prefix(tag_prefix.size());
  const auto slash = tag.find('/');
  if (slash == std::string_view::npos) return {std::string(tag), "?"};
  return {std::string(tag.substr(0, slash)), std::string(tag.substr(slash + 1))};
}

[[noreturn]] void mismatch(const std::filesystem::path& file, std::string_view found,
                           std::string_view expected) {
  const auto [found_hash, found_seed] = tag_parts(found);
  const auto [hash, seed] = tag_parts(expected);
  std::string why = "checkpoint was taken from another run:";
  if (found_hash != hash)
    why += fmt::format(" scenario hash {} (this run: {}; use the same scenario file and --set)",
                       found_hash, hash);
  if (found_seed != seed)
    why += fmt::format(" seed {} (this run: {}; use --seed {})", found_seed, seed, found_seed);
  throw input_error(why, file.string());
}

}  // namespace

std::string checkpoint_tag(const io::scenario& scenario, std::uint64_t seed) {
  return fmt::format("{}{}/{}", tag_prefix, scenario.hash(), seed);
}

void save_checkpoint(const model::simulation& sim, const std::filesystem::path& file,
                     std::string_view tag) {
  engine::write_checkpoint_file(file, tag, sim.checkpoint());
}

std::string load_checkpoint(const std::filesystem::path& file, std::string_view tag) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    throw input_error(std::filesystem::exists(file, ec) ? "checkpoint is not a regular file"
                                                        : "no such checkpoint file",
                      file.string());
  try {
    return engine::read_checkpoint_file(file, tag);
  } catch (const io_error&) {
    if (const auto found = stored_tag(file); found && *found != tag) mismatch(file, *found, tag);
    throw;
  }
}

}  // namespace liangzhu::cli
