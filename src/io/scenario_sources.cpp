#include "io/scenario_sources.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>
#include <utility>

#include "io/toml_merge.hpp"
#include "io/toml_values.hpp"

namespace liangzhu::io {
namespace {

/// An `extends` entry: the path as written, and where it was written.
struct extends_ref {
  std::string path;
  value_origin where;
};

/// Largest scenario file read: the biggest shipped one is a few kilobytes.
constexpr std::uintmax_t max_file_bytes = 1 << 20;
/// Deepest chain of `extends` followed (the shipped scenarios use two or three).
constexpr std::size_t max_extends_depth = 32;

/// Why a file cannot be read, or nullopt with its text in `text`. Only regular files of at most
/// max_file_bytes: a FIFO would block for ever, /dev/zero never end.
std::optional<std::string> read_text(const std::filesystem::path& file, std::string& text) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (ec && ec != std::errc::no_such_file_or_directory)
    return "cannot be read (" + ec.message() + ")";
  if (!std::filesystem::exists(status)) return "no such file";
  if (std::filesystem::is_directory(status)) return "is a directory, not a file";
  if (!std::filesystem::is_regular_file(status))
    return "is not a regular file (a pipe, a device or a socket)";
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) return "cannot be read (" + ec.message() + ")";
  if (size > max_file_bytes)
    return "is " + std::to_string(size) + " bytes, more than the " +
           std::to_string(max_file_bytes) + " a scenario file may have";
  std::ifstream in(file, std::ios::binary);
  if (!in) return "cannot be read (" + std::generic_category().message(errno) + ")";
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return "cannot be read (" + std::generic_category().message(errno) + ")";
  text = std::move(buffer).str();
  return std::nullopt;
}

/// The same file reached by different relative paths must compare equal, for cycle detection.
std::filesystem::path identity_of(const std::filesystem::path& file) {
  std::error_code ec;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(file, ec);
  return ec ? file.lexically_normal() : canonical;
}

toml::table parse_text(std::string_view text, const std::string& name) {
  try {
    return toml::parse(text, std::string_view{name});
  } catch (const toml::parse_error& e) {
    fail("invalid TOML: " + std::string(e.description()), origin_of(e.source()), {});
  }
}

/// Removes `extends` from a file's table and returns its entries.
std::vector<extends_ref> take_extends(toml::table& table) {
  std::vector<extends_ref> refs;
  const toml::node* node = table.get("extends");
  if (!node) return refs;
  const auto add = [&refs](const toml::node& item) {
    const auto* text = item.as_string();
    if (!text)
      fail("'extends' must be a file name or an array of file names, got " + describe(item),
           origin_of(item.source()), "extends");
    refs.push_back({text->get(), origin_of(item.source())});
  };
  if (const auto* list = node->as_array())
    for (const toml::node& item : *list) add(item);
  else
    add(*node);
  table.erase("extends");
  return refs;
}

/// Depth-first reader; the stack of files being read detects `extends` cycles and caps their
/// depth. Each file is read once: a file several others extend (a diamond) is merged from its
/// first reading, so forty levels of files that each extend the next twice read forty files,
/// not 2^40.
class source_reader {
 public:
  merged_sources result;

  toml::table read_file(const std::filesystem::path& file, const extends_ref* from) {
    const std::filesystem::path identity = identity_of(file);
    check_cycle(identity, file.string(), from);
    if (from && stack_.size() >= max_extends_depth)
      fail("'extends' goes deeper than " + std::to_string(max_extends_depth) + " files (at '" +
               file.string() + "')",
           from->where, "extends");
    if (const auto read = read_before_.find(identity); read != read_before_.end())
      return read->second;
    std::string text;
    if (const auto why = read_text(file, text)) {
      if (!from) fail(*why, {file.string(), 0, 0}, {});
      fail("cannot read extended file '" + file.string() + "': " + *why, from->where, "extends");
    }
    if (!from) result.text = text;
    stack_.push_back({identity, file.string()});
    toml::table merged = read_text_tree(text, file.string(), file.parent_path());
    stack_.pop_back();
    read_before_.emplace(identity, merged);
    return merged;
  }

  toml::table read_text_tree(std::string_view text, const std::string& name,
                             const std::filesystem::path& base_dir) {
    toml::table own = parse_text(text, name);
    toml::table merged;
    for (const extends_ref& ref : take_extends(own))
      merge_into(merged, read_file((base_dir / ref.path).lexically_normal(), &ref));
    merge_into(merged, std::move(own));
    result.files.push_back(name);
    return merged;
  }

 private:
  void check_cycle(const std::filesystem::path& identity, const std::string& name,
                   const extends_ref* from) const {
    const auto it = std::ranges::find(stack_, identity, &frame::identity);
    if (it == stack_.end() || !from) return;
    std::string chain;
    for (auto at = it; at != stack_.end(); ++at) chain += at->name + " -> ";
    fail("cyclic extends: " + chain + name, from->where, "extends");
  }

  struct frame {
    std::filesystem::path identity;
    std::string name;
  };
  std::vector<frame> stack_;
  std::map<std::filesystem::path, toml::table> read_before_;
};

}  // namespace

merged_sources read_sources(const std::filesystem::path& file) {
  source_reader reader;
  reader.result.root = reader.read_file(file, nullptr);
  return std::move(reader.result);
}

merged_sources read_sources(std::string text, std::string_view source_name) {
  source_reader reader;
  reader.result.root = reader.read_text_tree(text, std::string(source_name), {});
  reader.result.text = std::move(text);
  return std::move(reader.result);
}

}  // namespace liangzhu::io
