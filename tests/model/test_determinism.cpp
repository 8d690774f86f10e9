#include <gtest/gtest.h>

#include "model/model_fixture.hpp"

namespace liangzhu::model {
namespace {

using testing::run_small;

TEST(ModelDeterminism, SameOutputsOnOneTwoAndEightThreads) {
  const auto one = run_small({}, 1).sink.hash();
  EXPECT_EQ(run_small({}, 2).sink.hash(), one);
  EXPECT_EQ(run_small({}, 8).sink.hash(), one);
}

TEST(ModelDeterminism, SeedChangesTheRun) {
  EXPECT_NE(run_small({"seed=8"}).sink.hash(), run_small({"seed=7"}).sink.hash());
}

// The golden run: a hash of every output of the small scenario. It changes only when the model
// changes on purpose; then update the constant below to the value this test prints, and say why
// in the commit message.
TEST(ModelDeterminism, GoldenRunHash) {
  const auto hash = run_small({"ticks=60"}, 2).sink.hash();
  constexpr std::uint64_t golden = 0x0c0ae46c96a0d3deull;
  EXPECT_EQ(hash, golden) << "golden hash is now 0x" << std::hex << hash;
}

}  // namespace
}  // namespace liangzhu::model
