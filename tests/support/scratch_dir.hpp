#pragma once
// A fresh folder for one test, named after the test and the process (so two build trees running
// the same test at once do not collide), removed afterwards.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace liangzhu::testing {

class scratch_dir {
 public:
  scratch_dir() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "liangzhu-";
    name += std::to_string(::getpid());
    name += '-';
    name += test->test_suite_name();
    name += '-';
    name += test->name();
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~scratch_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  scratch_dir(const scratch_dir&) = delete;
  scratch_dir& operator=(const scratch_dir&) = delete;

  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  const std::filesystem::path& path() const { return path_; }
  /// Writes `text` to `name` inside the folder and returns its path.
  std::filesystem::path write(const std::string& name, std::string_view text) const {
    const auto file = path_ / name;
    std::ofstream(file) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace liangzhu::testing
