#pragma once
/// @file Binary archives for checkpoints: plain values and vectors of plain values, with bounds
/// checks on reading so that a corrupt file gives an error, never a crash.
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::engine {

/// Appends values to a byte buffer (host byte order: checkpoints are not portable across
/// architectures of different endianness, which the header records).
class archive_writer {
 public:
  template <class T>
  void write(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const char*>(&value);
    bytes_.insert(bytes_.end(), p, p + sizeof(T));
  }
  template <class T, class A>
  void write_vector(const std::vector<T, A>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    write<std::uint64_t>(values.size());
    const auto* p = reinterpret_cast<const char*>(values.data());
    bytes_.insert(bytes_.end(), p, p + values.size() * sizeof(T));
  }
  /// Writes the length of a vector of `n` values of T and room for them, to be filled with
  /// write_at(); returns the offset of the first value. For a vector whose values are computed
  /// while it is written, without building it first.
  template <class T>
  std::size_t write_vector_room(std::size_t n) {
    static_assert(std::is_trivially_copyable_v<T>);
    write<std::uint64_t>(n);
    const std::size_t at = bytes_.size();
    bytes_.resize(at + n * sizeof(T));
    return at;
  }
  /// Fills `values` into room made by write_vector_room(), `first` values after its start.
  template <class T>
  void write_at(std::size_t room, std::size_t first, std::span<const T> values) {
    static_assert(std::is_trivially_copyable_v<T>);
    LIANGZHU_ASSERT(room + (first + values.size()) * sizeof(T) <= bytes_.size(),
                    "writing beyond the room made");
    std::memcpy(bytes_.data() + room + first * sizeof(T), values.data(), values.size_bytes());
  }
  void write_string(std::string_view s) {
    write<std::uint64_t>(s.size());
    bytes_.insert(bytes_.end(), s.begin(), s.end());
  }
  const std::vector<char>& bytes() const { return bytes_; }

 private:
  std::vector<char> bytes_;
};

/// Reads what an archive_writer wrote; every read is bounds-checked and throws io_error.
class archive_reader {
 public:
  archive_reader(std::string_view bytes, std::string source)
      : bytes_(bytes), source_(std::move(source)) {}

  template <class T>
  T read() {
    static_assert(std::is_trivially_copyable_v<T>);
    T value;
    std::memcpy(&value, take(sizeof(T)), sizeof(T));
    return value;
  }
  template <class T, class A>
  void read_vector(std::vector<T, A>& out) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto n = read<std::uint64_t>();
    if (n > remaining() / (sizeof(T) == 0 ? 1 : sizeof(T))) fail("vector length beyond the end");
    out.resize(n);
    if (n > 0) std::memcpy(out.data(), take(n * sizeof(T)), n * sizeof(T));
  }
  /// A vector as read_vector() reads it, left in the archive: the bytes of its values (not
  /// aligned: copy them out with std::memcpy), for a reader that places them itself.
  template <class T>
  std::span<const char> read_vector_bytes() {
    static_assert(std::is_trivially_copyable_v<T> && sizeof(T) > 0);
    const auto n = read<std::uint64_t>();
    if (n > remaining() / sizeof(T)) fail("vector length beyond the end");
    return {take(n * sizeof(T)), n * sizeof(T)};
  }
  std::string read_string() {
    const auto n = read<std::uint64_t>();
    if (n > remaining()) fail("string length beyond the end");
    return std::string(take(n), n);
  }
  /// Reads a string and fails unless it equals `expected` (a section tag).
  void expect_string(std::string_view expected, std::string_view what);
  std::size_t remaining() const { return bytes_.size() - pos_; }
  [[noreturn]] void fail(const std::string& why) const;

 private:
  const char* take(std::size_t n) {
    if (n > remaining()) fail("unexpected end of data");
    const char* p = bytes_.data() + pos_;
    pos_ += n;
    return p;
  }

  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::string source_;
};

/// Writes a checkpoint file atomically: a versioned header, the payload and its checksum go to a
/// temporary file that is flushed to disk and renamed over `path`; a crash leaves either the old
/// file or the new one, never half of one.
void write_checkpoint_file(const std::filesystem::path& path, std::string_view model_tag,
                           const std::vector<char>& payload);
/// Reads and verifies a checkpoint file (magic, format version, model tag, length, checksum);
/// throws io_error naming the file on any mismatch.
std::string read_checkpoint_file(const std::filesystem::path& path, std::string_view model_tag);

/// 64-bit FNV-1a, for checksums and output hashes (not for security).
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ull);

}  // namespace liangzhu::engine
