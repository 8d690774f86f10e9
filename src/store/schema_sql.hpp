#pragma once
#include <filesystem>
/// @file The store's schema and its version (internal). docs/store.md documents every column.
#include "store/sqlite_handle.hpp"

namespace liangzhu::store::detail {

/// The schema version this build writes, kept in PRAGMA user_version.
inline constexpr int schema_version = 3;

/// Checks the file is a liangzhu store this build can use; creates the schema in an empty file
/// when `writable`. io_error for a newer schema version or a database that is not a store.
void prepare_schema(database& db, bool writable);
/// Throws store_error if `file` exists but is not a liangzhu store and cannot become one (not an
/// SQLite file, or one whose tables are someone else's). Reads it only, through an immutable
/// connection: a refused file is left byte for byte as it was, with nothing created beside it.
void refuse_foreign(const std::filesystem::path& file);

/// Whether the store has the table `name` (a version-1 store read-only has no sweep tables).
bool has_table(database& db, const char* name);

}  // namespace liangzhu::store::detail
