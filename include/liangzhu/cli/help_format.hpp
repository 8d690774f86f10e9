#pragma once
/// @file The look of `--help`: descriptions wrapped to the terminal's usual width, and each
/// subcommand listed with the first sentence of its description (the whole paragraph is shown by
/// the subcommand's own --help).
#include <CLI/CLI.hpp>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace liangzhu::cli {

/// `text` broken into lines of at most `width` characters at spaces (existing line breaks kept).
std::string wrap_text(std::string_view text, std::size_t width);

/// The first sentence of `text` (up to the first ". "), without its full stop.
std::string first_sentence(std::string_view text);

/// The formatter every `liangzhu` app uses.
std::shared_ptr<CLI::Formatter> make_help_formatter();

}  // namespace liangzhu::cli
