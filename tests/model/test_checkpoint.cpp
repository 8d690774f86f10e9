#include <gtest/gtest.h>

#include "model/model_fixture.hpp"

namespace liangzhu::model {
namespace {

TEST(ModelCheckpoint, ResumedRunEqualsTheUninterruptedOne) {
  const auto scenario = testing::small_scenario({"ticks=80"});
  simulation whole(scenario, {});
  testing::recording_sink whole_sink;
  whole.collector().set_sink(&whole_sink);
  whole.run();

  simulation first(scenario, {});
  first.run(37);
  const auto bytes = first.checkpoint();

  run_options two_threads;
  two_threads.threads = 2;
  simulation resumed(scenario, two_threads);
  resumed.restore({bytes.data(), bytes.size()});
  EXPECT_EQ(resumed.tick(), 37);
  testing::recording_sink resumed_sink;
  resumed.collector().set_sink(&resumed_sink);
  resumed.run();

  ASSERT_EQ(resumed_sink.rows.size(), 80u - 37u);
  EXPECT_EQ(resumed_sink.rows.back().values, whole_sink.rows.back().values);
  EXPECT_EQ(resumed.checkpoint(), whole.checkpoint());
  resumed.check_invariants();
}

TEST(ModelCheckpoint, ForeignBytesAreRejected) {
  const auto scenario = testing::small_scenario({"ticks=5"});
  simulation sim(scenario, {});
  auto bytes = sim.checkpoint();
  bytes.resize(bytes.size() / 2);
  simulation other(scenario, {});
  EXPECT_THROW(other.restore({bytes.data(), bytes.size()}), io_error);
  simulation bigger(testing::small_scenario({"ticks=5", "hub.test.talent.engineers=7000"}), {});
  const auto full = sim.checkpoint();
  EXPECT_THROW(bigger.restore({full.data(), full.size()}), io_error);
}

}  // namespace
}  // namespace liangzhu::model
