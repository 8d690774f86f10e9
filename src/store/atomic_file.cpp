// Files that appear whole or not at all (CSV exports, HTML reports).
#include "liangzhu/store/atomic_file.hpp"

#include <system_error>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::store {

atomic_file::atomic_file(std::filesystem::path target)
    : target_(std::move(target)), partial_(target_.string() + ".partial") {
  out_.open(partial_, std::ios::binary | std::ios::trunc);  // binary: '\n' stays '\n'
  if (!out_) throw io_error("cannot create '" + partial_.string() + "'");
}

atomic_file::~atomic_file() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  std::filesystem::remove(partial_, ignored);
}

void atomic_file::commit() {
  out_.flush();
  out_.close();
  if (!out_) throw io_error("cannot write '" + partial_.string() + "' (disk full?)");
  std::error_code ec;
  std::filesystem::rename(partial_, target_, ec);
  if (ec)
    throw io_error("cannot rename '" + partial_.string() + "' to '" + target_.string() +
                   "': " + ec.message());
  committed_ = true;
}

}  // namespace liangzhu::store
