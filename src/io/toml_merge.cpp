#include "io/toml_merge.hpp"

#include <utility>

namespace liangzhu::io {

void merge_into(toml::table& base, toml::table&& overlay) {
  for (auto&& [key, node] : overlay) {
    toml::node* existing = base.get(key.str());
    if (existing && existing->is_table() && node.is_table()) {
      merge_into(*existing->as_table(), std::move(*node.as_table()));
      continue;
    }
    // Moving (not copying) the concrete node keeps its source region: a copy would lose it.
    node.visit(
        [&base, &key = key](auto&& concrete) { base.insert_or_assign(key, std::move(concrete)); });
  }
}

}  // namespace liangzhu::io
