#pragma once
/// @file Error types shared by every layer, and the assertion macro for programmer errors.
///
/// Three tiers (see docs/architecture.md): user input errors carry the file, line, column and
/// key they refer to and become exit code 2; I/O and store errors become exit code 3;
/// programmer errors are LIANGZHU_ASSERT and abort with the location.
#include <stdexcept>
#include <string>

namespace liangzhu {

/// Base of every error liangzhu throws on purpose.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad user input: a scenario, experiment or command-line value that cannot be used.
class input_error : public error {
 public:
  /// `file` may be a path or a pseudo-source such as "--set"; line/column are 1-based, 0 if
  /// unknown.
  input_error(std::string message, std::string file = {}, int line = 0, int column = 0,
              std::string key = {});

  const std::string& message() const noexcept { return message_; }
  const std::string& file() const noexcept { return file_; }
  int line() const noexcept { return line_; }
  int column() const noexcept { return column_; }
  const std::string& key() const noexcept { return key_; }

 private:
  std::string message_;
  std::string file_;
  int line_;
  int column_;
  std::string key_;
};

/// Input asking for more than may be given (memory, a grid's size): bad input like any other
/// (exit 2), told apart so that the dashboard can answer it 413.
class resource_error : public input_error {
 public:
  using input_error::input_error;
};

/// A file or store that cannot be read or written (missing, read-only, disk full, corrupt).
class io_error : public error {
 public:
  using error::error;
};

namespace detail {
[[noreturn]] void assertion_failed(const char* condition, const char* message, const char* file,
                                   int line);
}  // namespace detail

}  // namespace liangzhu

/// Checks an internal invariant; a failure is a bug in liangzhu, never a user error.
#define LIANGZHU_ASSERT(condition, message)                                            \
  do {                                                                                 \
    if (!(condition)) [[unlikely]]                                                     \
      ::liangzhu::detail::assertion_failed(#condition, (message), __FILE__, __LINE__); \
  } while (false)
