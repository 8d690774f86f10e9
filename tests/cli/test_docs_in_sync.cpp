// docs/parameters.md, outputs.md and pattern-panel.md are generated from the schema, the model's
// output table and the pattern panel (`liangzhu docs`); this test fails when they are stale, so
// docs and code cannot drift.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(DocsInSync, GeneratedReferencesMatchTheRepository) {
  std::string name = "liangzhu_docs_";
  name += std::to_string(::getpid());
  const auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::create_directories(dir);
  std::string command = LIANGZHU_BINARY;
  command += " docs --dir " + dir.string() + " > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  for (const char* file : {"parameters.md", "outputs.md", "pattern-panel.md"}) {
    const auto committed = slurp(std::filesystem::path(LIANGZHU_SOURCE_DIR) / "docs" / file);
    EXPECT_EQ(slurp(dir / file), committed)
        << "docs/" << file << " is stale: run `make docs` (liangzhu docs --dir docs) and commit it";
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
