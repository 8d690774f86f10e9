#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "engine/toy_model.hpp"

namespace liangzhu::engine {
namespace {

using testing::hashing_sink;
using testing::toy_model;

std::uint64_t run_hash(int threads, std::uint64_t seed = 99) {
  toy_model m(seed, threads, 5000);
  hashing_sink sink;
  m.run(0, 60, &sink);
  return sink.hash();
}

TEST(Determinism, SameHashOnOneTwoAndEightThreads) {
  const auto h1 = run_hash(1);
  EXPECT_EQ(run_hash(2), h1);
  EXPECT_EQ(run_hash(8), h1);
  EXPECT_NE(run_hash(1, 100), h1);  // and the seed matters
}

TEST(Determinism, MoneyIsConserved) {
  toy_model m(5, 2, 3000);
  hashing_sink sink;
  m.run(0, 40, &sink);
  EXPECT_NEAR(m.total_wealth(), 3000 * 10.0 + m.injected(), 1e-6 * m.injected());
}

TEST(Collector, BatchesHoldCompleteTicks) {
  toy_model m(5, 1, 500);
  hashing_sink sink;
  m.run(0, 20, &sink);
  EXPECT_EQ(sink.rows(), 20u);    // one group, 20 ticks
  EXPECT_EQ(sink.batches(), 3u);  // 8 + 8 + the final flush of 4
}

TEST(Checkpoint, ResumeGivesTheSameResultAsAnUninterruptedRun) {
  const auto dir = std::filesystem::temp_directory_path() / "liangzhu_ckpt_test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "toy.ckpt";

  toy_model whole(21, 2, 2000);
  hashing_sink whole_sink;
  whole.run(0, 50, &whole_sink);

  toy_model first(21, 2, 2000);
  hashing_sink first_sink;
  first.run(0, 23, &first_sink);
  write_checkpoint_file(file, "toy", first.checkpoint());

  toy_model second(21, 1, 0);
  second.restore(read_checkpoint_file(file, "toy"));
  hashing_sink second_sink;
  second.run(23, 50, &second_sink);

  EXPECT_EQ(second_sink.last_rows().back().values, whole_sink.last_rows().back().values);
  EXPECT_EQ(second.checkpoint(), whole.checkpoint());
  std::filesystem::remove_all(dir);
}

TEST(Checkpoint, CorruptTruncatedAndForeignFilesAreRejected) {
  const auto dir = std::filesystem::temp_directory_path() / "liangzhu_ckpt_bad";
  std::filesystem::create_directories(dir);
  const auto file = dir / "c.ckpt";
  write_checkpoint_file(file, "toy", std::vector<char>(1000, 'x'));
  EXPECT_EQ(read_checkpoint_file(file, "toy").size(), 1000u);
  EXPECT_THROW(read_checkpoint_file(file, "other-model"), io_error);

  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto write = [&](const std::string& b) { std::ofstream(file, std::ios::binary) << b; };
  write(bytes.substr(0, bytes.size() - 10));
  EXPECT_THROW(read_checkpoint_file(file, "toy"), io_error);
  std::string flipped = bytes;
  flipped[flipped.size() - 1] ^= 1;
  write(flipped);
  EXPECT_THROW(read_checkpoint_file(file, "toy"), io_error);
  write("not a checkpoint at all");
  EXPECT_THROW(read_checkpoint_file(file, "toy"), io_error);
  EXPECT_THROW(read_checkpoint_file(dir / "missing.ckpt", "toy"), io_error);
  EXPECT_THROW(write_checkpoint_file(file / "sub" / "x.ckpt", "toy", {}), io_error);
  // No temporary file is left behind by a successful or failed write.
  for (const auto& e : std::filesystem::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".tmp."), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace liangzhu::engine
