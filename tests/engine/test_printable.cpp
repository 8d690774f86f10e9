// Text from users printed on a terminal or written to CSV: control characters escaped, the rest
// (UTF-8 included) as it was.
#include "liangzhu/engine/printable.hpp"

#include <gtest/gtest.h>

namespace liangzhu::engine {
namespace {

TEST(Printable, EscapesControlCharactersAndKeepsTheRest) {
  EXPECT_EQ(printable("plain label, 杭州 ok"), "plain label, 杭州 ok");
  EXPECT_EQ(printable("\x1b[2Jgone"), "\\x1b[2Jgone");  // clear screen
  EXPECT_EQ(printable("a\nb\tc\x7f"), "a\\x0ab\\x09c\\x7f");
  EXPECT_EQ(printable(std::string_view("nul\0here", 8)), "nul\\x00here");
  EXPECT_EQ(printable("\xc2\x9b"
                      "31m"),
            "\\u009b31m");                                 // CSI as a C1 control
  EXPECT_EQ(printable("\xc2\xa9 2026"), "\xc2\xa9 2026");  // (c) is text
}

TEST(Printable, KeepsWhatItIsAskedToKeep) {
  EXPECT_EQ(printable("a\nb\r\tc\x1b", "\n\r\t"), "a\nb\r\tc\\x1b");
}

}  // namespace
}  // namespace liangzhu::engine
