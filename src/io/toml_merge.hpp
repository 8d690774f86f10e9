#pragma once
/// @file Deep merge of TOML tables, for `extends` (private to the io layer).
#include <toml++/toml.h>

namespace liangzhu::io {

/// Merges `overlay` into `base`: tables merge key by key, any other value (arrays included)
/// replaces the one in `base`. Nodes are moved, so they keep their source positions.
void merge_into(toml::table& base, toml::table&& overlay);

}  // namespace liangzhu::io
