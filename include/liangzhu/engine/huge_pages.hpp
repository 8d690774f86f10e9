#pragma once
/// @file An allocator for large arrays read at random places (the tie graph): a block of 2 MiB
/// or more is aligned to 2 MiB and asks the kernel for transparent huge pages, so that a random
/// access misses the TLB far less often (one entry covers 2 MiB instead of 4 KiB).
#include <cstddef>

namespace liangzhu::engine {

namespace detail {
void* allocate_huge(std::size_t bytes);
void deallocate_huge(void* p, std::size_t bytes);
}  // namespace detail

template <class T>
struct huge_page_allocator {
  using value_type = T;

  huge_page_allocator() = default;
  template <class U>
  huge_page_allocator(const huge_page_allocator<U>&) {}

  T* allocate(std::size_t n) { return static_cast<T*>(detail::allocate_huge(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) { detail::deallocate_huge(p, n * sizeof(T)); }

  template <class U>
  friend bool operator==(const huge_page_allocator&, const huge_page_allocator<U>&) {
    return true;
  }
};

}  // namespace liangzhu::engine
