#include "liangzhu/model/scenario_schema.hpp"

#include <algorithm>
#include <numeric>

#include "liangzhu/engine/calendar.hpp"
#include "liangzhu/io/did_you_mean.hpp"
#include "params_world.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace liangzhu::model {
namespace {

using detail::binding;
using io::section_kind;

/// The two levels of government share one list of instruments; the province's defaults differ.
std::vector<binding<government_params>> government_level(const std::string& level) {
  auto list = detail::government_bindings();
  if (level == "provincial") {
    // Zhejiang's own figures are not in our sources: the province is assumed to add vouchers
    // (reaching the 60% stacked cap on domestic compute) and a larger guidance fund, and to pay
    // no per-startup grant.
    const std::vector<std::pair<std::string, double>> provincial = {
        {"budget_cny_per_year", 3e8},
        {"subsidy_per_startup_cny", 0},
        {"voucher_budget_cny_per_year", 1.5e8},
        {"voucher_share_small", 0.1},
        {"voucher_share_foreign", 0.1},
        {"guidance_fund_cny", 5e9},
        {"tax_break", 0}};
    for (const auto& [key, value] : provincial) {
      const auto b = std::find_if(list.begin(), list.end(),
                                  [&key = key](const auto& g) { return g.spec.key == key; });
      LIANGZHU_ASSERT(b != list.end(), "every provincial default names a government instrument");
      b->spec.default_value = value;
      b->spec.source = "assumption";
    }
  }
  for (auto& b : list) b.spec.key = "government." + level + "." + b.spec.key;
  return list;
}

io::schema build_schema() {
  using namespace detail;
  io::schema s;
  s.add_section(section("", section_kind::single, "Run",
                        "What is simulated, from when, for how long.", run_bindings()));
  s.add_section(section("geopolitics", section_kind::single, "Geopolitical tension",
                        "A mean-reverting tension index in [0, 1] with dated shocks; it makes "
                        "foreign investors wary and the offshore route dearer.",
                        geopolitics_bindings()));
  s.add_section(section("geopolitics.shock", section_kind::dated_list, "Tension shocks",
                        "Dated jumps of the tension index.", tension_shock_bindings()));
  s.add_section(section("capital", section_kind::single, "Capital and the founder's choice",
                        "Government money versus the offshore (Singapore) route, state ties and "
                        "foreign investors' wariness.",
                        capital_bindings()));
  s.add_section(section("startups", section_kind::single, "Startups",
                        "Capability, revenue, valuation, rounds, teams and breakout ('tigers').",
                        startup_bindings()));
  s.add_section(section("chips", section_kind::single, "Chips and compute",
                        "The compute market: domestic supply growing in capacity, yield and "
                        "performance; price; chip independence.",
                        chip_bindings()));
  s.add_section(
      section("efficiency", section_kind::single, "Compute efficiency",
              "Heavy-tailed efficiency breakthroughs, open-sourcing and spillovers along ties.",
              efficiency_bindings()));
  s.add_section(section("investors", section_kind::named, "Investors by home city",
                        "Venture funds of a city; they fly to hubs' weekend meetups. Funds of "
                        "another country than the hub's are foreign to it.",
                        investor_city_bindings()));
  s.add_section(
      section("hub", section_kind::named, "Hubs",
              "A hub: talent pool, noncompete law, meetups, costs, vouchers, chip stock and two "
              "levels of government (keys government.local.* and government.provincial.*).",
              detail::all_hub_bindings()));
  s.add_section(section("hub.*.incumbent", section_kind::named, "Incumbents",
                        "Large employers of a hub: headcount, wages, noncompete policy, compute, "
                        "poaching, acquisitions.",
                        incumbent_bindings()));
  s.add_section(section("hub.*.export_control", section_kind::dated_list, "Export-control steps",
                        "The foreign-chip regime of a hub from each date on (the latest step on or "
                        "before the start applies from tick 0).",
                        export_control_bindings()));
  auto policy = section("hub.*.policy", section_kind::dated_list, "Policy changes",
                        "Dated changes of any parameter of the hub that the model reads while it "
                        "runs (noncompete law, government instruments, talent, founding...): "
                        "from the week that contains its date. A yearly budget changed during a "
                        "budget year gives or takes the difference for the weeks left of it.",
                        policy_change_bindings());
  policy.changes = "hub.*";
  s.add_section(std::move(policy));
  return s;
}

/// Refuses a policy change that would never take effect: dated before the run starts (set the key
/// itself instead) or in no week of the run.
void check_policy_date(const io::scenario::dated_entry& entry, const parameters& run,
                       const std::string& list) {
  const engine::calendar cal(run.start);
  const auto refuse = [&](const std::string& why) {
    throw input_error(fmt::format("a policy change dated {} {}: it would never take effect",
                                  entry.date.to_string(), why),
                      entry.origin.file, entry.origin.line, entry.origin.column, list + ".date");
  };
  if (entry.date < run.start)
    refuse(fmt::format("comes before the run starts ({}); set the key itself instead",
                       run.start.to_string()));
  if (cal.tick_containing(entry.date) >= run.ticks)
    refuse(fmt::format("comes after the run ends ({}); run longer (ticks) or drop it",
                       cal.date_of(run.ticks).to_string()));
}

hub_params read_hub(const io::scenario& scenario, const std::string& name, const parameters& run) {
  hub_params hub;
  hub.name = name;
  const std::string prefix = "hub." + name + ".";
  detail::read_into(scenario, prefix, detail::all_hub_bindings(), hub);
  if (std::accumulate(std::begin(hub.founding.initial_share), std::end(hub.founding.initial_share),
                      0.0) <= 0) {
    const std::string key = prefix + "founding.initial_share_idea";
    const auto& at = scenario.origin(key);
    throw input_error(
        "the initial stage shares of hub '" + name +
            "' (founding.initial_share_*) are all zero; give at least one a positive share",
        at.file, at.line, at.column, key);
  }
  for (const auto& inc : scenario.names(prefix + "incumbent")) {
    incumbent_params p;
    p.name = inc;
    detail::read_into(scenario, prefix + "incumbent." + inc + ".", detail::incumbent_bindings(), p);
    hub.incumbents.push_back(p);
  }
  for (const auto& entry : scenario.dated(prefix + "export_control")) {
    export_control_step step;
    step.date = entry.date;
    detail::read_entry(entry, detail::export_control_bindings(), step);
    hub.export_controls.push_back(step);
  }
  for (const auto& entry : scenario.dated(prefix + "policy")) {
    check_policy_date(entry, run, prefix + "policy");
    policy_change change;
    change.date = entry.date;
    detail::read_entry(entry, detail::policy_change_bindings(), change);
    hub.policy_changes.push_back(change);
  }
  return hub;
}

}  // namespace

namespace detail {

std::vector<binding<hub_params>> all_hub_bindings() {
  auto list = detail::hub_bindings();
  for (const std::string level : {"local", "provincial"})
    for (auto& g : government_level(level)) {
      government_params hub_params::*member =
          level == "local" ? &hub_params::local : &hub_params::provincial;
      list.push_back({g.spec, [member, assign = g.assign](hub_params& h, const io::param_value& v) {
                        assign(h.*member, v);
                      }});
    }
  return list;
}

}  // namespace detail

const io::schema& scenario_schema() {
  static const io::schema schema = build_schema();
  return schema;
}

namespace {

/// How many scenarios a chain of start_from may hold (each runs before the next).
constexpr int max_history_depth = 4;

/// Checks that the history `h` can hand its end state to the run `p` (same hubs, incumbents,
/// investor cities and tie capacity; its end within a week of p's start).
/// Two hubs whose names differ by a letter or two are almost always one hub and a typo
/// (`[hub.liangzu]` beside `[hub.liangzhu]` would run a second hub of defaults): refused, pointing
/// at the later one's first value.
void refuse_hub_typos(const io::scenario& scenario, const parameters& p) {
  for (std::size_t b = 1; b < p.hubs.size(); ++b) {
    for (std::size_t a = 0; a < b; ++a) {
      const std::string& first = p.hubs[a].name;
      const std::string& second = p.hubs[b].name;
      const std::size_t distance = io::edit_distance(first, second);
      if (distance > 2 || std::min(first.size(), second.size()) <= distance + 2) continue;
      io::value_origin where{scenario.path().string(), 0, 0};
      const std::string prefix = "hub." + second + ".";
      for (const auto& [key, value] : scenario.flattened()) {
        if (!key.starts_with(prefix)) continue;
        const auto& origin = scenario.origin(key);
        if (origin.file.empty() || origin.line == 0) continue;
        where = origin;
        break;
      }
      throw input_error(
          fmt::format("hubs '{}' and '{}' differ by {} letter{}: is [hub.{}] a typo of "
                      "[hub.{}]? Hubs of one scenario need names that differ by more",
                      first, second, distance, distance == 1 ? "" : "s", second, first),
          where.file, where.line, where.column, "hub." + second);
    }
  }
}

void check_history_fits(const parameters& p, const parameters& h, const io::value_origin& where) {
  const auto fail = [&](const std::string& why) {
    throw input_error(fmt::format("start_from = \"{}\": {}", p.start_from, why), where.file,
                      where.line, where.column, "start_from");
  };
  if (h.hubs.size() != p.hubs.size()) fail("its hubs differ from this scenario's");
  for (std::size_t i = 0; i < p.hubs.size(); ++i) {
    if (h.hubs[i].name != p.hubs[i].name)
      fail(fmt::format("its hub {} is '{}', this scenario's '{}'", i + 1, h.hubs[i].name,
                       p.hubs[i].name));
    if (h.hubs[i].incumbents.size() != p.hubs[i].incumbents.size())
      fail(fmt::format("hub '{}' has other incumbents", p.hubs[i].name));
    for (std::size_t k = 0; k < p.hubs[i].incumbents.size(); ++k)
      if (h.hubs[i].incumbents[k].name != p.hubs[i].incumbents[k].name)
        fail(fmt::format("hub '{}': incumbent '{}' where this scenario has '{}'", p.hubs[i].name,
                         h.hubs[i].incumbents[k].name, p.hubs[i].incumbents[k].name));
  }
  if (h.world.investor_cities.size() != p.world.investor_cities.size())
    fail("its investor cities differ from this scenario's");
  for (std::size_t c = 0; c < p.world.investor_cities.size(); ++c)
    if (h.world.investor_cities[c].name != p.world.investor_cities[c].name ||
        h.world.investor_cities[c].vcs != p.world.investor_cities[c].vcs)
      fail(fmt::format("investor city '{}' differs (names and numbers of funds must match)",
                       p.world.investor_cities[c].name));
  if (h.tie_capacity != p.tie_capacity) fail("its tie_capacity differs from this scenario's");
  const engine::date end = engine::calendar(h.start).date_of(h.ticks);
  const auto gap = (p.start.days() - end.days()).count();
  if (gap < -6 || gap > 6)
    fail(
        fmt::format("it ends on {}, but this scenario starts on {} (its start and ticks must "
                    "bring it within a week of this start)",
                    end.to_string(), p.start.to_string()));
}

/// A --set of a key that describes the initial population, in a run whose initial state comes
/// from its history, would silently do nothing: it is refused with the way out.
void refuse_unused_overrides(const io::scenario& scenario, const parameters& p) {
  for (const auto& hub : p.hubs) {
    std::vector<std::string> keys = {"hub." + hub.name + ".talent.engineers",
                                     "hub." + hub.name + ".founding.initial_startups"};
    for (const auto& inc : hub.incumbents)
      keys.push_back("hub." + hub.name + ".incumbent." + inc.name + ".headcount");
    for (const auto& key : keys)
      if (scenario.origin(key).file == "--set")
        throw input_error(
            fmt::format("{} sets the initial population, which start_from = \"{}\" replaces by "
                        "its history's end state; add --set 'start_from=\"\"' to start from a "
                        "drawn population of that size",
                        key, p.start_from),
            "--set", 0, 0, key);
  }
}

}  // namespace

parameters read_parameters(const io::scenario& scenario) { return read_parameters(scenario, 0); }

parameters read_parameters(const io::scenario& scenario, int depth) {
  parameters p;
  detail::read_into(scenario, "", detail::run_bindings(), p);
  detail::read_into(scenario, "geopolitics.", detail::geopolitics_bindings(), p.world);
  detail::read_into(scenario, "capital.", detail::capital_bindings(), p.world);
  detail::read_into(scenario, "startups.", detail::startup_bindings(), p.world);
  detail::read_into(scenario, "chips.", detail::chip_bindings(), p.world);
  detail::read_into(scenario, "efficiency.", detail::efficiency_bindings(), p.world);
  for (const auto& entry : scenario.dated("geopolitics.shock")) {
    tension_shock shock;
    shock.date = entry.date;
    detail::read_entry(entry, detail::tension_shock_bindings(), shock);
    p.world.tension_shocks.push_back(shock);
  }
  for (const auto& city : scenario.names("investors")) {
    investor_city_params c;
    c.name = city;
    detail::read_into(scenario, "investors." + city + ".", detail::investor_city_bindings(), c);
    p.world.investor_cities.push_back(c);
  }
  for (const auto& name : scenario.names("hub")) p.hubs.push_back(read_hub(scenario, name, p));
  if (p.hubs.empty())
    throw input_error("a scenario needs at least one hub: add a [hub.<name>] table",
                      scenario.path().string());
  if (p.hubs.size() > 16) throw input_error("at most 16 hubs per run", scenario.path().string());
  refuse_hub_typos(scenario, p);
  if (!p.start_from.empty()) {
    const auto& where = scenario.origin("start_from");
    if (depth >= max_history_depth)
      throw input_error(
          fmt::format("start_from: more than {} scenarios chained (a cycle?)", max_history_depth),
          where.file, where.line, where.column, "start_from");
    const std::filesystem::path base = std::filesystem::path(where.file).parent_path();
    // A posterior draw's values are the model's: they hold in the history too.
    const io::scenario history =
        io::load_scenario((base / p.start_from).lexically_normal(), scenario_schema(), {},
                          scenario.history_overrides());
    auto h = std::make_shared<parameters>(read_parameters(history, depth + 1));
    check_history_fits(p, *h, where);
    refuse_unused_overrides(scenario, p);
    p.history_identity = history.canonical_toml() + "\n# start_from:\n" + h->history_identity;
    p.history = std::move(h);
  }
  return p;
}

}  // namespace liangzhu::model
