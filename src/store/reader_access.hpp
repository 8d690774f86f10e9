#pragma once
/// @file How a store is opened: a writer must be able to write it, and a reader must be able to
/// read it even where it may write nothing (internal).
#include <filesystem>

#include "store/sqlite_handle.hpp"

namespace liangzhu::store::detail {

/// How a reader opens `file`. SQLite reads a store in WAL mode through a shared-memory file,
/// '<file>-shm', which it creates beside the store: in a folder the reader may not write it
/// cannot, and the read fails. When no log holds changes ('<file>-wal' and '<file>-journal'
/// missing or empty: no writer has the store open, the last one folded the log into the file on
/// closing), the file alone holds the whole store, and the reader opens it immutable, which needs
/// no shared memory. Throws an io_error naming the store when the log holds changes the reader
/// cannot get at.
open_mode reading_mode(const std::filesystem::path& file);

/// Finishes, for a reader, what a writer killed part-way left for the next connection that may
/// write: a hot rollback journal (a new store killed while it was switched to WAL mode) or a
/// write-ahead log whose index must be rebuilt. SQLite refuses such a store to a read-only
/// connection ("attempt to write a readonly database") until someone who may write opens it; so
/// a short read-write connection does it here, without folding the log into the file, which stays
/// as it was. Throws an io_error naming the store if this process may not write it.
void recover_for_reading(database& reader);

/// Throws an io_error naming the store if `db`, opened to write, may not write it: SQLite opens
/// such a file read-only without a word and only says so at the first write ("attempt to write
/// a readonly database").
void require_writable(const database& db);

}  // namespace liangzhu::store::detail
