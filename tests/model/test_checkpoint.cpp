#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

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

/// Where the values of an agent table's column start in a checkpoint: a column is written as its
/// name (a 64-bit length and the characters), the number of values (64 bits), then the values.
/// `occurrence` picks among tables with a column of the same name (engineers come first).
std::size_t column_values(const std::vector<char>& bytes, const std::string& name,
                          int occurrence = 0) {
  std::string key(sizeof(std::uint64_t), '\0');
  const std::uint64_t length = name.size();
  std::memcpy(key.data(), &length, sizeof length);
  key += name;
  const std::string_view all(bytes.data(), bytes.size());
  std::size_t at = all.find(key);
  for (int k = 0; k < occurrence && at != std::string_view::npos; ++k) at = all.find(key, at + 1);
  if (at == std::string_view::npos) throw std::runtime_error("no column " + name);
  return at + key.size() + sizeof(std::uint64_t);
}

TEST(ModelCheckpoint, ValuesUsedAsIndicesOutOfRangeAreRejected) {
  // A checkpoint whose checksum was recomputed after a change reaches the model intact; a value
  // the model indexes tables with (a place, a stage, an incumbent) must be refused on load, not
  // read out of bounds by the next week or the conservation check.
  const auto scenario = testing::small_scenario({"ticks=30"});
  simulation sim(scenario, {});
  sim.run(20);
  const auto bytes = sim.checkpoint();
  struct forgery {
    std::string column;
    int occurrence;
    std::size_t width;
    bool all;  ///< every value of the column, or the first
  };
  const forgery forgeries[] = {{"place", 0, 1, false},    {"stage", 0, 1, false},
                               {"route", 0, 1, false},    {"bound_by", 0, 2, false},
                               {"bound_by", 1, 2, false}, {"employer", 0, 4, true},
                               {"founder", 0, 8, false}};
  for (const auto& f : forgeries) {
    auto forged = bytes;
    const std::size_t at = column_values(forged, f.column, f.occurrence);
    std::uint64_t count = 0;
    std::memcpy(&count, forged.data() + at - sizeof count, sizeof count);
    const std::size_t bytes_forged = f.width * (f.all ? count : 1);
    ASSERT_GT(count, 0u) << f.column;
    ASSERT_LE(at + bytes_forged, forged.size());
    std::memset(forged.data() + at, 0xff, bytes_forged);
    simulation other(scenario, {});
    // Refused on load (an I/O error) or by the conservation check after it, as `liangzhu run
    // --resume` does: never an assertion (which aborts) or a read out of bounds.
    EXPECT_THROW(
        {
          other.restore({forged.data(), forged.size()});
          other.check_invariants();
        },
        error)
        << f.column << " #" << f.occurrence;
  }
  simulation intact(scenario, {});
  intact.restore({bytes.data(), bytes.size()});
  intact.check_invariants();
}

}  // namespace
}  // namespace liangzhu::model
