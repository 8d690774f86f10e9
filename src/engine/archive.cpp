#include "liangzhu/engine/archive.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>

#include "engine/checkpoint_temporaries.hpp"

namespace liangzhu::engine {
namespace {

constexpr char magic[8] = {'L', 'Z', 'C', 'K', 'P', 'T', '\r', '\n'};
constexpr std::uint32_t format_version = 1;
constexpr std::uint32_t endian_mark = 0x01020304u;

[[noreturn]] void fail_io(const std::filesystem::path& path, const std::string& why) {
  throw io_error(path.string() + ": " + why);
}

void write_all(int fd, const char* data, std::size_t n, const std::filesystem::path& path) {
  while (n > 0) {
    const ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      fail_io(path, std::string("cannot write: ") + std::strerror(errno));
    }
    data += w;
    n -= static_cast<std::size_t>(w);
  }
}

}  // namespace

void archive_reader::expect_string(std::string_view expected, std::string_view what) {
  const std::string got = read_string();
  if (got != expected)
    fail("expected " + std::string(what) + " '" + std::string(expected) + "', found '" + got + "'");
}

void archive_reader::fail(const std::string& why) const {
  throw io_error(source_ + ": corrupt or incompatible checkpoint: " + why);
}

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ull;
  }
  return h;
}

void write_checkpoint_file(const std::filesystem::path& path, std::string_view model_tag,
                           const std::vector<char>& payload) {
  archive_writer header;
  header.write(magic);
  header.write(format_version);
  header.write(endian_mark);
  header.write_string(model_tag);
  header.write<std::uint64_t>(payload.size());
  header.write(fnv1a64({payload.data(), payload.size()}));

  detail::remove_abandoned_temporaries(path);
  const std::filesystem::path tmp = detail::temporary_for(path);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail_io(path, std::string("cannot create: ") + std::strerror(errno));
  try {
    write_all(fd, header.bytes().data(), header.bytes().size(), path);
    write_all(fd, payload.data(), payload.size(), path);
    if (::fsync(fd) != 0) fail_io(path, std::string("cannot flush: ") + std::strerror(errno));
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    fail_io(path, "cannot rename into place: " + why);
  }
  // Make the rename itself durable.
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

std::string read_checkpoint_file(const std::filesystem::path& path, std::string_view model_tag) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) fail_io(path, "no such checkpoint file");
  std::ifstream in(path, std::ios::binary);
  if (!in) fail_io(path, "cannot open checkpoint");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  archive_reader r(bytes, path.string());
  char m[sizeof magic];
  for (char& c : m) c = r.read<char>();
  if (std::memcmp(m, magic, sizeof magic) != 0) r.fail("not a liangzhu checkpoint");
  const auto version = r.read<std::uint32_t>();
  if (version != format_version)
    r.fail("format version " + std::to_string(version) + ", this build reads " +
           std::to_string(format_version));
  if (r.read<std::uint32_t>() != endian_mark) r.fail("written on a machine of other byte order");
  r.expect_string(model_tag, "model");
  const auto size = r.read<std::uint64_t>();
  const auto checksum = r.read<std::uint64_t>();
  if (size != r.remaining()) r.fail("payload length does not match (truncated file?)");
  std::string payload = bytes.substr(bytes.size() - size);
  if (fnv1a64(payload) != checksum) r.fail("checksum mismatch");
  return payload;
}

}  // namespace liangzhu::engine
