#pragma once
/// @file Reading and writing a run's catalog: groups, series and event kinds (internal).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "liangzhu/store/records.hpp"
#include "store/sqlite_handle.hpp"

namespace liangzhu::store::detail {

/// The catalog of `run` (empty if it declared none).
run_catalog read_catalog(database& db, std::int64_t run);
/// Inserts the catalog of `run`; the caller holds the transaction.
void write_catalog(database& db, std::int64_t run, const run_catalog& catalog);
/// The name of group `index`, or "" past the end (a store edited by hand).
std::string_view name_at(const std::vector<std::string>& groups, std::int64_t index);
/// The name of event kind `index`, or "" past the end (a store edited by hand).
std::string_view name_at(const std::vector<engine::event_kind_spec>& kinds, std::int64_t index);
/// Whether two catalogs declare the same names, units and descriptions in the same order.
bool same_catalog(const run_catalog& a, const run_catalog& b);

}  // namespace liangzhu::store::detail
