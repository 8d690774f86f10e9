#include "liangzhu/cli/help_format.hpp"

#include <sstream>

namespace liangzhu::cli {
namespace {

constexpr std::size_t help_width = 92;
constexpr std::size_t option_column = 30;

/// Wraps descriptions and shortens the subcommand list; everything else is CLI11's default.
class help_formatter : public CLI::Formatter {
 public:
  help_formatter() { column_width(option_column); }

  std::string make_description(const CLI::App* app) const override {
    const std::string text = app->get_description();
    return text.empty() ? std::string() : wrap_text(text, help_width) + "\n\n";
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    std::stringstream out;
    // Wrapped to the help's width: CLI11 indents the lines after the first to the column.
    CLI::detail::format_help(
        out, sub->get_display_name(true),
        wrap_text(first_sentence(sub->get_description()), help_width - option_column),
        option_column);
    return out.str();
  }

  std::string make_option_desc(const CLI::Option* opt) const override {
    return wrap_text(CLI::Formatter::make_option_desc(opt), help_width - option_column);
  }
};

}  // namespace

std::string wrap_text(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line_length = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '\n') {
      out += '\n';
      line_length = 0;
      ++pos;
      continue;
    }
    const std::size_t end = std::min(text.find_first_of(" \n", pos), text.size());
    const std::string_view word = text.substr(pos, end - pos);
    if (line_length > 0 && line_length + 1 + word.size() > width) {
      out += '\n';
      line_length = 0;
    } else if (line_length > 0) {
      out += ' ';
      ++line_length;
    }
    out += word;
    line_length += word.size();
    pos = end < text.size() && text[end] == ' ' ? end + 1 : end;
  }
  return out;
}

std::string first_sentence(std::string_view text) {
  const std::size_t stop = text.find(". ");
  std::string_view sentence = stop == std::string_view::npos ? text : text.substr(0, stop);
  if (sentence.ends_with('.')) sentence.remove_suffix(1);
  return std::string(sentence);
}

std::shared_ptr<CLI::Formatter> make_help_formatter() { return std::make_shared<help_formatter>(); }

}  // namespace liangzhu::cli
