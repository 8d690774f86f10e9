#include "io/scenario_resolver.hpp"

#include <algorithm>
#include <tuple>

#include "io/keys.hpp"
#include "io/toml_values.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/io/did_you_mean.hpp"

namespace liangzhu::io {
namespace {

const value_origin default_origin{"<default>", 0, 0};

/// How a table is named in messages.
std::string table_name(const std::string& path, bool array_entry = false) {
  return array_entry ? "[[" + path + "]]" : "[" + path + "]";
}

/// The first `depth` dot-separated segments of every key, without repeats: the names a misspelt
/// key of that depth could have meant.
std::vector<std::string> truncated(const std::vector<std::string>& keys, std::size_t depth) {
  std::vector<std::string> out;
  for (const std::string& key : keys) {
    std::size_t end = std::string::npos;
    for (std::size_t d = 0, from = 0; d < depth; ++d, from = end + 1)
      if ((end = key.find('.', from)) == std::string::npos) break;
    std::string head = key.substr(0, end);
    if (std::ranges::find(out, head) == out.end()) out.push_back(std::move(head));
  }
  return out;
}

/// The keys a table may hold, and how errors about it are worded.
struct table_rules {
  std::vector<std::string> keys;  ///< parameter keys and child section names
  std::string where;              ///< "in [hub.liangzhu]", "at the top level"...
  std::string key_prefix;         ///< prepended to relative keys in errors
};

bool holds_prefix(const std::vector<std::string>& keys, const std::string& prefix) {
  return std::ranges::any_of(keys, [&prefix](const std::string& k) {
    return k.size() > prefix.size() && k.starts_with(prefix) && k[prefix.size()] == '.';
  });
}

/// Rejects any key of `table` (at relative `prefix`) that the rules do not allow.
void check_keys(const toml::table& table, const std::string& prefix, const table_rules& rules) {
  for (auto&& [k, node] : table) {
    const std::string rel = join_key(prefix, k.str());
    if (std::ranges::find(rules.keys, rel) != rules.keys.end()) continue;
    const std::string full = join_key(rules.key_prefix, rel);
    if (holds_prefix(rules.keys, rel)) {
      if (!node.is_table())
        fail("expected a table of parameters, got " + describe(node), origin_of(node.source()),
             full);
      check_keys(*node.as_table(), rel, rules);
      continue;
    }
    const auto depth = static_cast<std::size_t>(std::ranges::count(rel, '.')) + 1;
    const std::string hint = did_you_mean(rel, truncated(rules.keys, depth));
    if (node.is_table())
      fail("unknown table " + table_name(full) + hint, origin_of(k.source()), full);
    fail("unknown key '" + rel + "' " + rules.where + hint, origin_of(k.source()), full);
  }
}

/// Walks the schema over the tree, feeding the builder in canonical order.
class resolver {
 public:
  resolver(const schema& s, std::span<const std::string> files, detail::scenario_builder& out)
      : schema_(s), files_(files), out_(out) {}

  /// A table whose parameters belong to the section owning `scope` ("", "world", "hub.*").
  void resolve_scope(const std::string& scope, const std::string& path, const toml::table* table) {
    const section_spec* owner = schema_.owner_of(scope);
    const auto children = schema_.children_of(scope);
    if (table) check_keys(*table, "", rules_for(owner, children, path));
    out_.open_table(path);
    if (owner)
      for (const param_spec& p : owner->params) resolve_param(p, path, table);
    for (const section_spec* child : children) resolve_child(*child, path, table);
  }

 private:
  static table_rules rules_for(const section_spec* owner,
                               const std::vector<const section_spec*>& children,
                               const std::string& path) {
    table_rules rules{{}, path.empty() ? "at the top level" : "in " + table_name(path), path};
    if (owner)
      for (const param_spec& p : owner->params) rules.keys.push_back(p.key);
    for (const section_spec* c : children) rules.keys.emplace_back(split_last(c->path).second);
    return rules;
  }

  /// The given value of `p` in `table`, or nullptr.
  static const toml::node* find(const toml::table* table, const std::string& key) {
    return table ? table->at_path(key).node() : nullptr;
  }

  void resolve_param(const param_spec& p, const std::string& path, const toml::table* table) {
    const std::string key = join_key(path, p.key);
    if (const toml::node* node = find(table, p.key)) {
      const value_origin where = origin_of(node->source());
      out_.add(p, key, convert(*node, p, key, where), where);
    } else {
      out_.add(p, key, p.default_value, default_origin);
    }
  }

  void resolve_child(const section_spec& child, const std::string& path, const toml::table* table) {
    const std::string child_path = join_key(path, split_last(child.path).second);
    const toml::node* node = find(table, std::string(split_last(child.path).second));
    switch (child.kind) {
      case section_kind::single:
        resolve_scope(child.path, child_path, require_table(node, child_path));
        break;
      case section_kind::named:
        resolve_named(child, child_path, require_table(node, child_path));
        break;
      case section_kind::dated_list:
        resolve_dated(child, child_path, node);
        break;
    }
  }

  static const toml::table* require_table(const toml::node* node, const std::string& path) {
    if (node && !node->is_table())
      fail("expected a table " + table_name(path) + ", got " + describe(*node),
           origin_of(node->source()), path);
    return node ? node->as_table() : nullptr;
  }

  /// Declaration order across files: earlier file first, then line and column.
  std::tuple<std::size_t, int, int> rank(const toml::node& node) const {
    const value_origin o = origin_of(node.source());
    const auto file = std::ranges::find(files_, o.file);
    return {static_cast<std::size_t>(file - files_.begin()), o.line, o.column};
  }

  void resolve_named(const section_spec& section, const std::string& path,
                     const toml::table* table) {
    std::vector<std::pair<std::string, const toml::table*>> instances;
    if (table)
      for (auto&& [k, node] : *table) {
        const std::string instance = join_key(path, k.str());
        if (!is_bare_key(k.str()))
          fail("instance name '" + std::string(k.str()) +
                   "' may only contain letters, digits, '_' and '-'",
               origin_of(k.source()), instance);
        instances.emplace_back(k.str(), require_table(&node, instance));
      }
    std::ranges::stable_sort(instances, {}, [this](const auto& i) { return rank(*i.second); });
    std::vector<std::string> names;
    for (const auto& [name, instance_table] : instances) names.push_back(name);
    out_.set_names(path, std::move(names));
    for (const auto& [name, instance_table] : instances)
      resolve_scope(scope_of(section), join_key(path, name), instance_table);
  }

  void resolve_dated(const section_spec& section, const std::string& path, const toml::node* node) {
    std::vector<scenario::dated_entry> entries;
    if (node) {
      const toml::array* list = node->as_array();
      if (!list)
        fail("expected an array of tables " + table_name(path, true) + ", got " + describe(*node),
             origin_of(node->source()), path);
      for (const toml::node& item : *list)
        entries.push_back(resolve_entry(section, path, entries.size(), item));
    }
    std::ranges::stable_sort(entries, {}, &scenario::dated_entry::date);
    out_.set_dated(path, std::move(entries));
  }

  scenario::dated_entry resolve_entry(const section_spec& section, const std::string& path,
                                      std::size_t index, const toml::node& item) const {
    const std::string prefix = path + "[" + std::to_string(index) + "]";
    const value_origin where = origin_of(item.source());
    const toml::table* table = item.as_table();
    if (!table)
      fail("expected a table in " + table_name(path, true) + ", got " + describe(item), where,
           prefix);
    table_rules rules = rules_for(&section, {}, path);
    rules.where = "in " + table_name(path, true);
    rules.key_prefix = prefix;
    rules.keys.emplace_back("date");
    check_keys(*table, "", rules);
    const std::string date_key = join_key(prefix, "date");
    const toml::node* date = table->get("date");
    if (!date) fail("entry of " + table_name(path, true) + " has no 'date'", where, date_key);
    static const param_spec date_spec = date_param("date", {}, "", "");
    scenario::dated_entry entry;
    entry.origin = where;
    entry.date =
        std::get<engine::date>(convert(*date, date_spec, date_key, origin_of(date->source())));
    if (!section.changes.empty()) {
      resolve_change(section, path, prefix, *table, entry);
      return entry;
    }
    for (const param_spec& p : section.params) {
      const std::string key = join_key(prefix, p.key);
      const toml::node* value = find(table, p.key);
      entry.values.emplace(
          p.key, value ? convert(*value, p, key, origin_of(value->source())) : p.default_value);
    }
    return entry;
  }

  /// An entry of a list of changes: `key` names a parameter of the changed scope, and `value` is
  /// checked as that parameter would be where the scope sets it.
  void resolve_change(const section_spec& section, const std::string& path,
                      const std::string& prefix, const toml::table& table,
                      scenario::dated_entry& entry) const {
    const section_spec* changed = schema_.owner_of(section.changes);
    LIANGZHU_ASSERT(changed, "a list of changes names a declared scope");
    const auto required = [&](const char* name, const char* what) -> const toml::node& {
      const toml::node* node = table.get(name);
      if (!node)
        fail("entry of " + table_name(path, true) + " has no '" + name + "' (" + what + ")",
             entry.origin, join_key(prefix, name));
      return *node;
    };
    const toml::node& key_node = required("key", "the parameter it changes");
    const toml::node& value_node = required("value", "its new value");
    static const param_spec key_spec = string_param("key", {}, "", "");
    const std::string key_path = join_key(prefix, "key");
    const value_origin key_at = origin_of(key_node.source());
    const auto key = std::get<std::string>(convert(key_node, key_spec, key_path, key_at));
    const param_spec* target = changed->find(key);
    if (!target) {
      std::vector<std::string> keys;
      for (const param_spec& p : changed->params)
        if (!p.start_only) keys.push_back(p.key);
      fail("'" + key + "' is not a parameter a dated change in " + table_name(path, true) +
               " can set" + did_you_mean(key, keys),
           key_at, key_path);
    }
    if (target->start_only)
      fail("'" + key + "' takes effect when the run starts only (" + target->description +
               "): set it in the scenario itself, not on a date",
           key_at, key_path);
    entry.values.emplace("key", key);
    entry.values.emplace("value", convert(value_node, *target, join_key(prefix, "value"),
                                          origin_of(value_node.source())));
  }

  const schema& schema_;
  std::span<const std::string> files_;
  detail::scenario_builder& out_;
};

}  // namespace

void resolve_tree(const toml::table& root, const schema& s, std::span<const std::string> files,
                  detail::scenario_builder& out) {
  resolver(s, files, out).resolve_scope("", "", &root);
}

}  // namespace liangzhu::io
