#include "child_process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace liangzhu::model_bench {
namespace {

[[noreturn]] void exec_self(const std::vector<std::string>& args, int out_fd) {
  dup2(out_fd, STDOUT_FILENO);
  std::vector<char*> argv;
  static char self[] = "/proc/self/exe";
  argv.push_back(self);
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(self, argv.data());
  _exit(127);
}

std::string read_all(int fd) {
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;)
    out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

std::string run_self(const std::vector<std::string>& args) {
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    close(fds[0]);
    exec_self(args, fds[1]);
  }
  close(fds[1]);
  std::string out = read_all(fds[0]);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("the measuring child process failed");
  return out;
}

}  // namespace liangzhu::model_bench
