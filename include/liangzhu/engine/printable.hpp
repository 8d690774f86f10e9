#pragma once
/// @file Text from users (a scenario's name, a run's label) made safe to print on a terminal or
/// to write in a CSV cell: control characters could move the cursor or rewrite the screen.
#include <string>
#include <string_view>

namespace liangzhu::engine {

/// `text` with every control character (C0, DEL, and C1 as UTF-8) but those in `keep` written
/// as `\xNN` (`\u00NN` for C1); other text, UTF-8 included, unchanged.
std::string printable(std::string_view text, std::string_view keep = {});

}  // namespace liangzhu::engine
