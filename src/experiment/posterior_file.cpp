// Reading a posterior file. The CSV is simple (no quoting: keys and numbers only), so a line is
// split on commas here rather than through a CSV library.
#include "liangzhu/experiment/posterior_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/engine/rng.hpp"

namespace liangzhu::experiment {
namespace {

/// A file of more than this is not a posterior (a calibration writes a few hundred particles).
constexpr std::uintmax_t max_bytes = std::uintmax_t{64} << 20;

/// The draws' stream: only its first number (the systematic start) is used.
constexpr std::uint64_t draws_purpose = 0x706f737465726f72;  // "posterior"

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

/// The 1-based column of cell `index` of `line`.
int column_of(const std::string& line, std::size_t index) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < index; ++i) at = line.find(',', at) + 1;
  return static_cast<int>(at) + 1;
}

struct columns {
  std::size_t weight = std::string::npos, generation = std::string::npos;
  std::vector<std::size_t> keys;
};

columns read_header(const std::vector<std::string>& names, const std::string& file, int line) {
  columns c;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    if (name == "weight")
      c.weight = i;
    else if (name == "generation")
      c.generation = i;
    else if (name == "particle" || name == "distance" || name == "tolerance" ||
             name.starts_with("simulated:"))
      continue;
    else if (name.empty())
      throw input_error("an empty column name", file, line, 0, "header");
    else
      c.keys.push_back(i);
  }
  if (c.weight == std::string::npos)
    throw input_error("no 'weight' column (the header must name it)", file, line, 0, "weight");
  if (c.keys.empty())
    throw input_error(
        "no parameter column (every column but generation, particle, weight, "
        "distance, tolerance and simulated:* is a scenario key)",
        file, line, 0, "header");
  return c;
}

double number(const std::string& text, const std::string& file, int line, int column,
              const std::string& name) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || !std::isfinite(value))
    throw input_error(fmt::format("'{}' is not a finite number", text), file, line, column, name);
  return value;
}

}  // namespace

posterior_sample read_posterior(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw io_error(fmt::format("{}: no such posterior file", file));
  if (std::filesystem::file_size(path, ec) > max_bytes)
    throw input_error(fmt::format("larger than {} MiB: not a posterior file", max_bytes >> 20),
                      file);
  std::ifstream in(path);
  if (!in) throw io_error(fmt::format("{}: cannot be read", file));

  posterior_sample out;
  out.file = path;
  std::vector<std::string> names;
  columns c;
  std::vector<std::int64_t> generations;
  std::string line;
  int number_of_line = 0;
  while (std::getline(in, line)) {
    ++number_of_line;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const auto cells = split(line);
    if (names.empty()) {
      names = cells;
      c = read_header(names, file, number_of_line);
      for (const std::size_t k : c.keys) out.keys.push_back(names[k]);
      continue;
    }
    if (cells.size() != names.size())
      throw input_error(
          fmt::format("{} values where the header names {} columns", cells.size(), names.size()),
          file, number_of_line, 0, "row");
    const auto read = [&](std::size_t i) {
      return number(cells[i], file, number_of_line, column_of(line, i), names[i]);
    };
    const double weight = read(c.weight);
    if (weight < 0)
      throw input_error("a weight cannot be negative", file, number_of_line,
                        column_of(line, c.weight), "weight");
    std::vector<double> values;
    for (const std::size_t k : c.keys) values.push_back(read(k));
    generations.push_back(c.generation == std::string::npos
                              ? 0
                              : static_cast<std::int64_t>(std::llround(read(c.generation))));
    out.weights.push_back(weight);
    out.values.push_back(std::move(values));
    out.lines.push_back(number_of_line);
  }
  if (in.bad()) throw io_error(fmt::format("{}: cannot be read", file));
  if (names.empty()) throw input_error("empty: no header and no particles", file);
  if (out.values.empty()) throw input_error("no particles under the header", file);

  // Keep the last generation's particles.
  out.generation = *std::ranges::max_element(generations);
  posterior_sample last = out;
  last.weights.clear();
  last.values.clear();
  last.lines.clear();
  for (std::size_t i = 0; i < generations.size(); ++i)
    if (generations[i] == out.generation) {
      last.weights.push_back(out.weights[i]);
      last.values.push_back(std::move(out.values[i]));
      last.lines.push_back(out.lines[i]);
    }
  double total = 0;
  for (const double w : last.weights) total += w;
  if (!(total > 0))
    throw input_error(fmt::format("the weights of generation {} sum to 0", last.generation), file,
                      0, 0, "weight");
  for (double& w : last.weights) w /= total;
  return last;
}

std::vector<std::size_t> posterior_draws(const posterior_sample& sample, std::size_t draws,
                                         std::uint64_t seed) {
  engine::rng_stream stream(seed, draws_purpose, 0, 0);
  const double start = stream.uniform();
  std::vector<std::size_t> out;
  out.reserve(draws);
  double cumulative = 0;
  std::size_t particle = 0;
  for (std::size_t d = 0; d < draws; ++d) {
    const double u = (static_cast<double>(d) + start) / static_cast<double>(draws);
    while (particle + 1 < sample.weights.size() && cumulative + sample.weights[particle] <= u)
      cumulative += sample.weights[particle++];
    out.push_back(particle);
  }
  return out;
}

}  // namespace liangzhu::experiment
