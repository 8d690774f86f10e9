#include "liangzhu/engine/huge_pages.hpp"

#include <sys/mman.h>

#include <cstdlib>
#include <new>

namespace liangzhu::engine::detail {
namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;

}  // namespace

void* allocate_huge(std::size_t bytes) {
  if (bytes < huge_page) return ::operator new(bytes);
  const std::size_t rounded = (bytes + huge_page - 1) / huge_page * huge_page;
  void* p = std::aligned_alloc(huge_page, rounded);
  if (p == nullptr) throw std::bad_alloc();
  // Only a hint: without transparent huge pages the memory is ordinary pages.
  madvise(p, rounded, MADV_HUGEPAGE);
  return p;
}

void deallocate_huge(void* p, std::size_t bytes) {
  if (bytes < huge_page)
    ::operator delete(p);
  else
    std::free(p);
}

}  // namespace liangzhu::engine::detail
