#pragma once
/// @file Rows of the runs table to and from run_info (internal).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "liangzhu/store/records.hpp"
#include "store/sqlite_handle.hpp"

namespace liangzhu::store::detail {

/// "SELECT <every runs column> FROM runs <tail>", the columns in the order read_run() reads.
std::string select_runs(std::string_view tail);
/// The run_info of the current row of a select_runs() statement.
run_info read_run(const statement& row);
/// Inserts `info` as a new row (its run_id is ignored); returns the new run_id.
std::int64_t insert_run(database& db, const run_info& info);
/// The row of run `run`, or nullopt if the store has none.
std::optional<run_info> find_run(database& db, std::int64_t run);
/// Throws io_error: the store has no run `run`.
[[noreturn]] void no_such_run(const database& db, std::int64_t run);

}  // namespace liangzhu::store::detail
