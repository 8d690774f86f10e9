#include "liangzhu/cli/options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <system_error>
#include <thread>

#include "liangzhu/cli/run_report.hpp"
#include "liangzhu/cli/scenario_paths.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/model/history_files.hpp"
#include "liangzhu/model/scenario_schema.hpp"

namespace liangzhu::cli {

void add_scenario_argument(CLI::App& app, std::string& scenario) {
  app.add_option("SCENARIO", scenario,
                 "Scenario file (TOML), or the name of a shipped scenario such as 'baseline' "
                 "(see 'liangzhu scenarios')")
      ->type_name("")
      ->required();
}

void add_set_option(CLI::App& app, std::vector<std::string>& overrides) {
  app.add_option("--set", overrides,
                 "Override one scenario value, e.g. --set hub.liangzhu.noncompete.max_months=6; "
                 "repeatable, applied in order after the file and its 'extends'")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
}

void add_store_argument(CLI::App& app, std::string& store) {
  app.add_option("STORE", store,
                 "Run store file ('liangzhu run' writes runs.db unless given --out)")
      ->type_name("")
      ->required();
}

std::optional<std::uint64_t> parse_memory_size(const std::string& text) {
  double number = 0;
  const char* begin = text.data();
  const char* end = begin + text.size();
  const auto [rest, ec] = std::from_chars(begin, end, number);
  if (ec != std::errc() || rest == begin || !(number >= 0)) return std::nullopt;
  std::string unit(rest, end);
  std::transform(unit.begin(), unit.end(), unit.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  static const std::map<std::string, double> scale{{"", 1},
                                                   {"B", 1},
                                                   {"K", 1e3},
                                                   {"KB", 1e3},
                                                   {"KIB", 1024.0},
                                                   {"M", 1e6},
                                                   {"MB", 1e6},
                                                   {"MIB", 1048576.0},
                                                   {"G", 1e9},
                                                   {"GB", 1e9},
                                                   {"GIB", 1073741824.0},
                                                   {"T", 1e12},
                                                   {"TB", 1e12},
                                                   {"TIB", 1099511627776.0}};
  const auto it = scale.find(unit);
  if (it == scale.end()) return std::nullopt;
  const double bytes = number * it->second;
  if (!(bytes < 1.8e19)) return std::nullopt;  // beyond 64 bits
  return static_cast<std::uint64_t>(bytes);
}

void add_max_memory_option(CLI::App& app, std::uint64_t& bytes) {
  app.add_option_function<std::string>(
         "--max-memory",
         [&bytes](const std::string& text) {
           const auto parsed = parse_memory_size(text);
           if (!parsed)
             throw CLI::ValidationError(
                 "--max-memory", fmt::format("'{}' is not a size such as 8G, 512M or 2GiB", text));
           bytes = *parsed;
         },
         "Most memory the runs may take together (8G, 512M...); a run that would need more is "
         "refused before it starts (default: half of this machine's memory)")
      ->type_name("SIZE");
}

void add_histories_option(CLI::App& app, std::string& directory) {
  app.add_option("--histories", directory,
                 "Directory keeping the 2015-2025 histories (start_from) runs begin from, for this "
                 "and later commands: a history simulated once is loaded after (results are the "
                 "same either way)")
      ->type_name("DIR");
}

std::filesystem::path histories_directory(const std::string& option) {
  if (option.empty()) return {};
  try {
    model::prepare_history_directory(option);
  } catch (const io_error& e) {
    throw io_error(fmt::format("--histories: {}", e.what()));
  }
  return option;
}

int max_threads() {
  return std::max(64, 8 * static_cast<int>(std::thread::hardware_concurrency()));
}

CLI::Validator at_most_threads() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        long value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, ec] = std::from_chars(text.data(), end, value);
        if (ec != std::errc() || stop != end || value <= max_threads()) return {};
        return fmt::format("{} is more than the {} this machine can use (8 per core of its {})",
                           text, max_threads(), std::thread::hardware_concurrency());
      },
      "");
}

io::scenario load_scenario_argument(const std::string& scenario,
                                    std::span<const std::string> overrides) {
  return io::load_scenario(resolve_scenario(scenario), model::scenario_schema(), overrides);
}

void check_runs_exist(const store::store_reader& store, const std::string& store_file,
                      std::span<const std::int64_t> runs, const std::string& option) {
  for (const std::int64_t id : runs) {
    if (store.find_run(id)) continue;
    throw input_error(fmt::format("there is no run {} in {} (see 'liangzhu runs {}')", id,
                                  store_file, shell_quote(store_file)),
                      option);
  }
}

store::run_store open_existing_store(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) throw input_error("no such run store", file.string());
  return store::run_store(file, store::run_store::mode::read_only);
}

}  // namespace liangzhu::cli
