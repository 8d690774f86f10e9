// A process killed while writing a checkpoint leaves its temporary file; the next write of that
// checkpoint removes it (found by the repeated-kill test, tests/cli/test_kill_run.cpp).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "liangzhu/engine/archive.hpp"
#include "support/scratch_dir.hpp"

namespace liangzhu::engine {
namespace {

using liangzhu::testing::scratch_dir;

/// The pid of a process that has ended (and been waited for).
pid_t ended_process() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return pid;
}

std::string temporary_of(pid_t writer) { return "run.ckpt.tmp." + std::to_string(writer); }

TEST(CheckpointTemporaries, ThoseOfEndedProcessesAreRemovedByTheNextWrite) {
  const scratch_dir dir;
  const pid_t dead = ended_process();
  const pid_t alive = ::getppid();
  dir.write(temporary_of(dead), "half a checkpoint");
  dir.write(temporary_of(alive), "a checkpoint being written");
  dir.write("other.ckpt.tmp." + std::to_string(dead), "another checkpoint's");
  dir.write("run.ckpt.tmp.notapid", "not a temporary of ours");

  write_checkpoint_file(dir / "run.ckpt", "toy", std::vector<char>(10, 'x'));

  EXPECT_FALSE(std::filesystem::exists(dir / temporary_of(dead)));
  EXPECT_TRUE(std::filesystem::exists(dir / temporary_of(alive)));
  EXPECT_TRUE(std::filesystem::exists(dir / ("other.ckpt.tmp." + std::to_string(dead))));
  EXPECT_TRUE(std::filesystem::exists(dir / "run.ckpt.tmp.notapid"));
  EXPECT_EQ(read_checkpoint_file(dir / "run.ckpt", "toy").size(), 10u);
}

}  // namespace
}  // namespace liangzhu::engine
