#include "io/overrides.hpp"
#include "io/scenario_builder.hpp"
#include "io/scenario_resolver.hpp"
#include "io/scenario_sources.hpp"
#include "liangzhu/io/scenario.hpp"

namespace liangzhu::io {
namespace {

scenario build(merged_sources sources, std::filesystem::path path, const schema& s,
               std::span<const std::string> overrides,
               std::span<const std::string> history_overrides) {
  detail::scenario_builder out(std::move(path), std::move(sources.text));
  resolve_tree(sources.root, s, sources.files, out);
  apply_overrides(history_overrides, out, "--posterior");
  out.keep_history_overrides(history_overrides);
  apply_overrides(overrides, out);
  return std::move(out).finish();
}

}  // namespace

scenario load_scenario(const std::filesystem::path& file, const schema& s,
                       std::span<const std::string> overrides,
                       std::span<const std::string> history_overrides) {
  return build(read_sources(file), file, s, overrides, history_overrides);
}

scenario parse_scenario(std::string_view toml_text, std::string_view source_name, const schema& s,
                        std::span<const std::string> overrides) {
  return build(read_sources(std::string(toml_text), source_name), source_name, s, overrides, {});
}

}  // namespace liangzhu::io
