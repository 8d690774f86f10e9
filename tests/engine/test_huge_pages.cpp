#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <vector>

#include "liangzhu/engine/huge_pages.hpp"

namespace liangzhu::engine {
namespace {

TEST(HugePageAllocator, LargeBlocksAreAlignedToHugePagesAndUsable) {
  std::vector<std::uint32_t, huge_page_allocator<std::uint32_t>> big(std::size_t{3}
                                                                     << 20);  // 12 MiB
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(big.data()) % (std::uintptr_t{2} << 20), 0u);
  std::iota(big.begin(), big.end(), 0u);
  EXPECT_EQ(big.back(), (3u << 20) - 1);
  std::vector<std::uint32_t, huge_page_allocator<std::uint32_t>> small(10, 7u);  // ordinary new
  small.resize(std::size_t{1} << 20, 1u);  // grows across the 2 MiB threshold
  EXPECT_EQ(small[9], 7u);
  EXPECT_EQ(small.back(), 1u);
}

}  // namespace
}  // namespace liangzhu::engine
