#pragma once
/// @file Arguments several subcommands share (SCENARIO, --set, STORE), declared once so their
/// help reads the same everywhere, and the loading they lead to.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "liangzhu/io/scenario.hpp"
#include "liangzhu/store/run_store.hpp"

namespace liangzhu::cli {

/// Adds the required SCENARIO argument (a path or a shipped scenario's name).
void add_scenario_argument(CLI::App& app, std::string& scenario);
/// Adds the repeatable --set KEY=VALUE option.
void add_set_option(CLI::App& app, std::vector<std::string>& overrides);
/// Adds the required STORE argument (a run store file written by `liangzhu run`).
void add_store_argument(CLI::App& app, std::string& store);

/// Adds --max-memory SIZE ("8G", "512M", "2GiB", bytes): the most memory the command's runs may
/// take together; runs that would need more are refused before they allocate. 0 (the default)
/// leaves half of the machine's memory.
void add_max_memory_option(CLI::App& app, std::uint64_t& bytes);
/// Adds --histories DIR: a directory where the end states of start_from histories are kept, so
/// that later commands branching from the same history load it instead of simulating it again.
void add_histories_option(CLI::App& app, std::string& directory);
/// The --histories directory, created and checked writable before any run (io_error otherwise);
/// empty if none was given.
std::filesystem::path histories_directory(const std::string& option);

/// "8G", "1.5GB", "512MiB", "1000000" as bytes; nullopt if it is not a size.
std::optional<std::uint64_t> parse_memory_size(const std::string& text);

/// Most threads (or runs at once) an option may ask for: 8 per core, at least 64. More only
/// oversubscribes the machine; the thread library would warn and carry on.
int max_threads();
/// Refuses a thread or run count above max_threads(), saying why.
CLI::Validator at_most_threads();

/// Resolves SCENARIO (see resolve_scenario), loads it against the model's schema and applies the
/// overrides; input_error for anything wrong.
io::scenario load_scenario_argument(const std::string& scenario,
                                    std::span<const std::string> overrides);

/// input_error naming `option` for the first of `runs` that `store` (opened from `store_file`)
/// lacks, with a hint to list its runs.
void check_runs_exist(const store::store_reader& store, const std::string& store_file,
                      std::span<const std::int64_t> runs, const std::string& option);

/// Opens an existing store read-only: input_error if there is no such file (a mistyped name is
/// bad input), io_error if it cannot be read as a store.
store::run_store open_existing_store(const std::filesystem::path& file);

}  // namespace liangzhu::cli
