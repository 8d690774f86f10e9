#pragma once
/// @file Shared by the CLI tests: the real `liangzhu` binary run in a scratch folder, with its
/// stdout, stderr and exit code captured, and a small scenario that runs in a fraction of a second.
#include <fcntl.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
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

/// 3 x 2 points x 3 replicates of the small scenario (as small.toml beside it), 30 weeks each.
inline const char* small_experiment =
    "name = \"cli_grid\"\n"
    "scenario = \"small.toml\"\n"
    "replicates = 3\n"
    "master_seed = 99\n"
    "ticks = 30\n"
    "outputs = [\"startups_founded\", \"rounds\", \"chip_independence_years\"]\n"
    "\n"
    "[[vary]]\n"
    "key = \"hub.liangzhu.government.local.subsidy_per_startup_cny\"\n"
    "values = [0, 1000000, 3000000]\n"
    "\n"
    "[[vary]]\n"
    "key = \"hub.liangzhu.noncompete.max_months\"\n"
    "values = [0, 24]\n";

/// The model tests' small Liangzhu beside a small Silicon Valley: two hubs, so that one tick is
/// more than one row of the store. 1000 weeks take about half a second in Release.
inline const std::string two_hub_scenario =
    std::string(LIANGZHU_SOURCE_DIR) + "/tests/model/data/two_hubs.toml";

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

/// What a child process does to itself between fork and exec (see cli_test::start_program).
using child_hook = std::function<void()>;

/// The exit code of a child that could not become the program it was meant to run.
constexpr int cannot_exec = 127;

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

  /// Starts `liangzhu args...` in the test's folder; `in_child`, if given, runs in the new
  /// process just before it becomes liangzhu (see start_program).
  child start(const std::vector<std::string>& args, const child_hook& in_child = {}) {
    return start_program(LIANGZHU_BINARY, args, in_child);
  }

  /// Starts another program (mpirun, say) in the test's folder. `in_child` runs in the forked
  /// process after its output is redirected and before exec: to lower a limit or drop privileges.
  /// It may only make async-signal-safe calls; it ends the child with _exit(code) to report a
  /// failure (the code then comes back as the child's exit code).
  child start_program(const std::string& program, const std::vector<std::string>& args,
                      const child_hook& in_child = {}) {
    const fs::path out = dir_ / fmt::format(".out{}", runs_);
    const fs::path err = dir_ / fmt::format(".err{}", runs_++);
    // Everything the child needs is built here: between fork and exec it may not allocate.
    std::vector<std::string> argv_text{program};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_text = environment();
    std::vector<char*> envp;
    for (auto& e : env_text) envp.push_back(e.data());
    envp.push_back(nullptr);
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out_fd < 0 || err_fd < 0) throw std::runtime_error("cannot create " + out.string());
    const pid_t pid = ::fork();
    if (pid == 0) {
      if (::chdir(dir_.c_str()) != 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0)
        ::_exit(cannot_exec);
      if (in_child) in_child();
      ::execve(program.c_str(), argv.data(), envp.data());
      constexpr const char failed[] = "cli_test: exec failed\n";
      [[maybe_unused]] const auto ignored = ::write(2, failed, sizeof failed - 1);
      ::_exit(cannot_exec);
    }
    ::close(out_fd);
    ::close(err_fd);
    if (pid < 0) throw std::runtime_error("cannot start " + program);
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
