#include "liangzhu/cli/options.hpp"

#include <fmt/format.h>

#include <system_error>

#include "liangzhu/cli/run_report.hpp"
#include "liangzhu/cli/scenario_paths.hpp"
#include "liangzhu/engine/errors.hpp"
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
