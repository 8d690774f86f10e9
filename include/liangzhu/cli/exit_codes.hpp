#pragma once
/// @file The exit codes of the `liangzhu` command, one per class of failure, so that scripts and
/// schedulers can tell a bad scenario (fix the input) from a full disk (retry elsewhere) from an
/// interrupted run (resume it).
///
///   0  ok
///   1  internal error: an unexpected exception or a failed assertion (a bug in liangzhu)
///   2  bad input: a usage error, a scenario error (malformed TOML, unknown key, wrong type, value
///      out of range), a missing scenario or store file, an unknown run id, a checkpoint taken
///      from another scenario or seed
///   3  I/O or store error: a file or store that cannot be read or written
///   4  run interrupted by SIGINT or SIGTERM (the complete ticks are stored; see --checkpoint)

namespace liangzhu::cli {

/// What `liangzhu` returns to its caller.
enum class exit_code : int {
  ok = 0,
  internal_error = 1,
  bad_input = 2,
  io_failure = 3,
  interrupted = 4,
};

/// The number a process exits with.
constexpr int to_int(exit_code code) noexcept { return static_cast<int>(code); }

/// The table above as help text (shown in the footer of `liangzhu --help`).
inline constexpr const char* exit_code_help =
    "Exit codes:\n"
    "  0  ok\n"
    "  1  internal error (a bug in liangzhu: please report it)\n"
    "  2  bad input: usage, scenario error, missing file, unknown run id, checkpoint mismatch\n"
    "  3  I/O or store error: a file or store that cannot be read or written\n"
    "  4  run interrupted by SIGINT/SIGTERM (complete ticks are stored)";

}  // namespace liangzhu::cli
