// The memory a run needs, from its agent counts. The figures per engineer are the column layout's
// (simulation::memory_report) plus the slack measured at national scale (docs/performance.md):
// 144 bytes per engineer with the default 12 tie slots, of which 6 bytes per slot.
#include "liangzhu/model/memory_estimate.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <variant>

#include "liangzhu/engine/errors.hpp"
#include "liangzhu/engine/network.hpp"

namespace liangzhu::model {
namespace {

/// Bytes an engineer takes besides its tie slots: 41 in attribute columns, 12 in the id maps, 4
/// for its row's degree (and the padding that aligns the row's ties), 15 for weekly lists, output
/// rows and column slack (measured: 141-143 in all with 12 slots, national scale).
constexpr double bytes_per_engineer_without_ties = 72;
constexpr double bytes_per_tie_slot = 6;  // a neighbour and kind (4), a weight level (2)
/// Executable, oneTBB, scenario, outputs and the few thousand startups and investors (measured:
/// the city run's peak less its engineers).
constexpr double fixed_run_bytes = 64e6;
/// A startup's columns, id maps, roster and stakes (docs/performance.md: about 300 bytes), with
/// room for the members and rounds a long-lived one gathers.
constexpr double bytes_per_startup = 600;

/// The largest graduate intake the hub has at any time: its own, or a policy's.
double largest_intake(const hub_params& h) {
  double intake = static_cast<double>(h.talent.graduates_per_year);
  for (const auto& change : h.policy_changes)
    if (change.key == "talent.graduates_per_year")
      if (const auto* v = std::get_if<std::int64_t>(&change.value))
        intake = std::max(intake, static_cast<double>(*v));
  return intake;
}

/// Engineers per hub (in p.hubs order) at the end of a run of `p`.
std::vector<double> engineers_at_end(const parameters& p) {
  const double years = static_cast<double>(p.ticks) * 7.0 / 365.25;
  std::vector<double> out;
  const std::vector<double> start =
      p.history ? engineers_at_end(*p.history) : std::vector<double>{};
  for (std::size_t i = 0; i < p.hubs.size(); ++i) {
    const double at_start =
        i < start.size() ? start[i] : static_cast<double>(p.hubs[i].talent.engineers);
    out.push_back(at_start + largest_intake(p.hubs[i]) * years);
  }
  return out;
}

}  // namespace

memory_estimate estimate_memory(const parameters& p) {
  memory_estimate e;
  e.bytes_per_engineer =
      bytes_per_engineer_without_ties + bytes_per_tie_slot * static_cast<double>(p.tie_capacity);
  // Startups at the start beyond the few thousand the fixed part covers (founding.initial_startups
  // may be up to a million).
  double startups = 0;
  for (const auto& h : p.hubs) startups += static_cast<double>(h.founding.initial_startups);
  e.fixed_bytes = fixed_run_bytes + bytes_per_startup * startups;
  const auto engineers = engineers_at_end(p);
  double largest = -1;
  for (std::size_t i = 0; i < engineers.size(); ++i) {
    e.peak_engineers += engineers[i];
    if (engineers[i] > largest) {
      largest = engineers[i];
      e.largest_hub = p.hubs[i].name;
      e.largest_hub_engineers = engineers[i];
    }
  }
  return e;
}

std::uint64_t physical_memory() {
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return 0;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page);
}

std::uint64_t default_memory_limit() {
  const std::uint64_t machine = physical_memory();
  return machine == 0 ? std::uint64_t{8} << 30 : machine / 2;  // 8 GiB if the machine won't say
}

std::string format_bytes(double bytes) {
  if (bytes >= 1e9) return fmt::format("{:.1f} GB", bytes / 1e9);
  return fmt::format("{:.0f} MB", std::max(1.0, bytes / 1e6));
}

void check_memory(const parameters& p, std::uint64_t limit, int runs_at_once) {
  check_memory(estimate_memory(p), limit, runs_at_once);
}

void check_memory(const memory_estimate& e, std::uint64_t limit, int runs_at_once) {
  const auto graph_limit = static_cast<double>(engine::tie_graph::max_nodes);
  if (e.largest_hub_engineers > graph_limit)
    throw resource_error(
        fmt::format("hub '{}' would have up to {:.3g} engineers, more than the {:.0f} a hub's "
                    "social graph can hold: use fewer engineers or graduates, or a shorter run",
                    e.largest_hub, e.largest_hub_engineers, graph_limit),
        "", 0, 0, fmt::format("hub.{}.talent.engineers", e.largest_hub));
  const bool defaulted = limit == 0;
  if (defaulted) limit = default_memory_limit();
  const double needed = e.bytes() * std::max(1, runs_at_once);
  if (needed <= static_cast<double>(limit)) return;
  const std::string at_once =
      runs_at_once > 1 ? fmt::format(" for {} runs at once", runs_at_once) : std::string();
  const std::string which = defaulted
                                ? fmt::format("half of this machine's {}",
                                              format_bytes(static_cast<double>(physical_memory())))
                                : "--max-memory";
  throw resource_error(
      fmt::format("the run would need about {}{} ({:.3g} engineers at its end x {:.0f} bytes), "
                  "more than the {} allowed ({}): use fewer engineers or graduates, fewer runs at "
                  "once, or a larger --max-memory",
                  format_bytes(needed), at_once, e.peak_engineers, e.bytes_per_engineer,
                  format_bytes(static_cast<double>(limit)), which),
      "", 0, 0, fmt::format("hub.{}.talent.engineers", e.largest_hub));
}

}  // namespace liangzhu::model
