#pragma once
/// @file Shared by the CLI tests: the real `liangzhu` binary run in a scratch folder, with its
/// stdout, stderr and exit code captured, and a small scenario that runs in a fraction of a second.
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "liangzhu/store/run_store.hpp"

extern char** environ;

namespace liangzhu::cli::testing {

namespace fs = std::filesystem;

/// What a finished `liangzhu` process left.
struct result {
  int code = -1;  ///< exit code, or 128 + signal if killed
  std::string out;
  std::string err;
};

inline std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

/// A scenario small enough for a run of 30 weeks to take well under a second.
inline const char* small_scenario =
    "# A small hub for the CLI tests.\n"
    "name = \"small\"\n"
    "start = 2025-01-01\n"
    "ticks = 30\n"
    "seed = 11\n"
    "\n"
    "[hub.liangzhu]\n"
    "country = \"china\"\n"
    "talent.engineers = 3000\n"
    "founding.initial_startups = 20\n"
    "\n"
    "[hub.liangzhu.incumbent.alpha]\n"
    "headcount = 300\n"
    "compute_h100e = 500\n"
    "\n"
    "[hub.liangzhu.incumbent.beta]\n"
    "headcount = 300\n"
    "compute_h100e = 300\n"
    "\n"
    "[investors.hangzhou]\n"
    "country = \"china\"\n"
    "vcs = 5\n"
    "fund_cny = 1.0e8\n";

/// A process of the `liangzhu` binary started in the background.
class child {
 public:
  child(pid_t pid, fs::path out, fs::path err)
      : pid_(pid), out_(std::move(out)), err_(std::move(err)) {}
  pid_t pid() const { return pid_; }
  /// Where its stdout goes (read it while it runs to see what it has printed so far).
  const fs::path& out_file() const { return out_; }
  /// Waits for the process to end and collects what it wrote.
  result wait() {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out_);
    r.err = slurp(err_);
    return r;
  }

 private:
  pid_t pid_;
  fs::path out_, err_;
};

/// A fresh working folder for one test, removed afterwards, in which `liangzhu` runs.
class cli_test : public ::testing::Test {
 protected:
  cli_test() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           fmt::format("liangzhu-cli-{}-{}-{}", ::getpid(), test->test_suite_name(), test->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write_file(dir_ / "small.toml", small_scenario);
  }
  ~cli_test() override {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

  const fs::path& dir() const { return dir_; }
  fs::path path(const std::string& name) const { return dir_ / name; }
  /// Sets an environment variable for the processes this test starts.
  void set_env(const std::string& name, const std::string& value) { env_[name] = value; }

  /// Starts `liangzhu args...` in the test's folder.
  child start(const std::vector<std::string>& args) { return start_program(LIANGZHU_BINARY, args); }

  /// Starts another program (mpirun, say) in the test's folder.
  child start_program(const std::string& program, const std::vector<std::string>& args) {
    const fs::path out = dir_ / fmt::format(".out{}", runs_);
    const fs::path err = dir_ / fmt::format(".err{}", runs_++);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addchdir_np(&actions, dir_.c_str());
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> argv_text{program};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_text = environment();
    std::vector<char*> envp;
    for (auto& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    const int rc =
        ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + program);
    return child(pid, out, err);
  }

  /// Runs `liangzhu args...` in the test's folder and waits for it.
  result run(const std::vector<std::string>& args) { return start(args).wait(); }

 private:
  std::vector<std::string> environment() const {
    std::map<std::string, std::string> vars;
    for (char** e = environ; *e; ++e) {
      const std::string entry = *e;
      const auto eq = entry.find('=');
      if (eq != std::string::npos) vars[entry.substr(0, eq)] = entry.substr(eq + 1);
    }
    for (const auto& [k, v] : env_) vars[k] = v;
    std::vector<std::string> out;
    for (const auto& [k, v] : vars) out.push_back(k + "=" + v);
    return out;
  }

  fs::path dir_;
  std::map<std::string, std::string> env_;
  int runs_ = 0;
};

/// Opens a store the CLI wrote, read-only.
inline store::run_store open_store(const fs::path& file) {
  return store::run_store(file, store::run_store::mode::read_only);
}

/// True if two series tables hold the same rows, bit for bit (NaN equal to NaN).
inline bool same_series(const store::series_table& a, const store::series_table& b) {
  if (a.columns != b.columns || a.rows.size() != b.rows.size()) return false;
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    const auto& x = a.rows[i];
    const auto& y = b.rows[i];
    if (x.tick != y.tick || x.group != y.group || x.values.size() != y.values.size()) return false;
    for (std::size_t j = 0; j < x.values.size(); ++j)
      if (x.values[j] != y.values[j] && !(std::isnan(x.values[j]) && std::isnan(y.values[j])))
        return false;
  }
  return true;
}

/// Prints what a process wrote when an expectation on it fails.
inline std::string describe(const result& r) {
  return fmt::format("exit {}\n--- stdout\n{}--- stderr\n{}", r.code, r.out, r.err);
}

}  // namespace liangzhu::cli::testing
