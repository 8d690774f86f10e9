// Reading an experiment file. Scalar settings are checked like scenario parameters (the same
// conversions and messages, through small param_specs); the `[[vary]]` entries and the `[set]`
// table have shapes of their own and are checked here.
#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <utility>

#include "io/scenario_sources.hpp"
#include "io/text.hpp"
#include "io/toml_values.hpp"
#include "liangzhu/io/did_you_mean.hpp"
#include "liangzhu/io/experiment.hpp"

namespace liangzhu::io {
namespace {

constexpr double max_count = 1e6;

const param_spec& setting(std::string_view key) {
  static const std::vector<param_spec> specs = {
      string_param("name", "", "", ""),
      string_param("description", "", "", ""),
      string_param("scenario", "", "", ""),
      integer("ticks", 1, 1, max_count, "weeks", "", ""),
      integer("replicates", 10, 1, max_count, "runs per point", "", ""),
      integer("master_seed", 1, 0, 9.2e18, "", "", ""),
      choice("store", "series", {"summary", "series", "all"}, "", ""),
      choice("design", "grid", {"grid", "sample"}, "", ""),
      integer("samples", 1, 1, max_count, "points", "", ""),
      choice("method", "sobol", {"sobol", "morris"}, "", ""),
      integer("base_samples", 64, 2, max_count, "points", "", ""),
      integer("trajectories", 10, 1, max_count, "trajectories", "", ""),
      integer("levels", 4, 2, 1000, "levels", "", ""),
      integer("bootstrap", 500, 0, max_count, "resamples", "", ""),
      integer("steps", 2, 2, max_count, "values", "", ""),
      choice("algorithm", "bobyqa", {"bobyqa", "neldermead", "sbplx", "cobyla", "abc-smc"}, "", ""),
      integer("particles", 100, 2, max_count, "particles", "", ""),
      integer("generations", 6, 1, 1000, "generations", "", ""),
      real("quantile", 0.5, 0.01, 0.99, "share", "", ""),
      real("min_acceptance", 0.02, 0, 1, "share", "", ""),
      string_param("file", "", "", ""),
      integer("draws", 20, 1, max_count, "draws", "", ""),
      integer("seeds_per_draw", 2, 1, 1000, "seeds", "", ""),
      choice("prior", "uniform", {"uniform", "log-uniform", "normal"}, "", ""),
      real("mean", 0, -1e300, 1e300, "", "", ""),
      real("sd", 1, 1e-300, 1e300, "", "", ""),
      integer("max_evaluations", 60, 1, max_count, "evaluations", "", ""),
      real("tolerance", 1e-3, 0, 1, "share of range", "", ""),
      real("value", 0, -1e300, 1e300, "", "", ""),
      real("scale", 1, 1e-300, 1e300, "", "", ""),
      real("weight", 1, 0, 1e300, "", "", ""),
      date_param("date", engine::date{2025, 1, 1}, "", ""),
      real("from", 0, -1e300, 1e300, "", "", ""),
      real("to", 0, -1e300, 1e300, "", "", ""),
      real("low", 0, -1e300, 1e300, "", "", ""),
      real("high", 0, -1e300, 1e300, "", "", ""),
  };
  const auto it = std::ranges::find(specs, key, &param_spec::key);
  return *it;  // callers only ask for the keys above
}

/// "the experiment", "[sensitivity]", "[[vary]] entry 2": where a key sits, as users write it.
std::string table_name(const std::string& path) {
  if (path.empty()) return "the experiment";
  if (const auto bracket = path.find('['); bracket != std::string::npos) {
    const int index = std::stoi(path.substr(bracket + 1));
    return "[[" + path.substr(0, bracket) + "]] entry " + std::to_string(index + 1);
  }
  return "[" + path + "]";
}

/// Reads the keys of `table` (at `path`, "" for the top level) through `read`, rejecting any key
/// not in `allowed`.
template <typename Read>
void read_table(const toml::table& table, const std::string& path,
                const std::vector<std::string>& allowed, Read read) {
  for (const auto& [name, node] : table) {
    const std::string key(name.str());
    const std::string full = path.empty() ? key : path + "." + key;
    if (std::ranges::find(allowed, key) == allowed.end())
      fail("unknown key '" + key + "' in " + table_name(path) + did_you_mean(key, allowed),
           origin_of(node.source()), full);
    read(key, full, node);
  }
}

template <typename T>
T get_setting(const toml::node& node, const std::string& key, const std::string& full) {
  return std::get<T>(convert(node, setting(key), full, origin_of(node.source())));
}

/// A scalar TOML value as a parameter value; input_error for arrays and tables.
param_value scalar(const toml::node& node, const std::string& key) {
  if (const auto* i = node.as_integer()) return i->get();
  if (const auto* f = node.as_floating_point()) {
    if (std::isnan(f->get())) fail("nan is not a value", origin_of(node.source()), key);
    return f->get();
  }
  if (const auto* b = node.as_boolean()) return b->get();
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* d = node.as_date())
    return engine::date{d->get().year, d->get().month, d->get().day};
  fail("expected a number, string, boolean or date, got " + describe(node),
       origin_of(node.source()), key);
}

/// `[set]`: nested tables flatten into dotted keys.
void read_overrides(const toml::table& table, const std::string& prefix,
                    std::vector<std::string>& out) {
  for (const auto& [name, node] : table) {
    const std::string key =
        prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
    if (const auto* nested = node.as_table())
      read_overrides(*nested, key, out);
    else
      out.push_back(key + "=" + format_value(scalar(node, "set." + key)));
  }
}

std::vector<param_value> spread(double from, double to, std::int64_t steps, bool whole) {
  std::vector<param_value> values;
  for (std::int64_t i = 0; i < steps; ++i) {
    const double v = from + (to - from) * static_cast<double>(i) / static_cast<double>(steps - 1);
    if (whole)
      values.emplace_back(static_cast<std::int64_t>(std::llround(v)));
    else
      values.emplace_back(v);
  }
  return values;
}

bool is_whole(const toml::node* node) { return node != nullptr && node->is_integer(); }

experiment_factor read_factor(const toml::table& entry, std::size_t index) {
  const std::string path = "vary[" + std::to_string(index) + "]";
  experiment_factor f;
  f.origin = origin_of(entry.source());
  std::optional<double> from, to;
  std::optional<std::int64_t> steps;
  const toml::node* values = nullptr;
  read_table(entry, path,
             {"key", "values", "from", "to", "steps", "low", "high", "prior", "mean", "sd"},
             [&](const std::string& key, const std::string& full, const toml::node& node) {
               if (key == "key") f.key = get_setting<std::string>(node, "name", full);
               if (key == "values") values = &node;
               if (key == "from") from = get_setting<double>(node, key, full);
               if (key == "to") to = get_setting<double>(node, key, full);
               if (key == "steps") steps = get_setting<std::int64_t>(node, key, full);
               if (key == "low") f.low = get_setting<double>(node, key, full);
               if (key == "high") f.high = get_setting<double>(node, key, full);
               if (key == "prior") f.prior = get_setting<std::string>(node, key, full);
               if (key == "mean") f.mean = get_setting<double>(node, key, full);
               if (key == "sd") f.sd = get_setting<double>(node, key, full);
             });
  if (f.key.empty()) fail("a [[vary]] entry needs 'key' (the parameter to vary)", f.origin, path);
  const bool ranged = from || to || steps;
  if (ranged && !(from && to && steps))
    fail("'from', 'to' and 'steps' go together", f.origin, path + ".steps");
  if (ranged && values)
    fail("give either 'values' or 'from'/'to'/'steps', not both", f.origin, path);
  if (f.low.has_value() != f.high.has_value())
    fail("'low' and 'high' go together", f.origin, path + (f.low ? ".high" : ".low"));
  if (f.low && *f.low >= *f.high) fail("'low' must be below 'high'", f.origin, path + ".low");
  if (f.prior == "normal" && !(f.mean && f.sd))
    fail("a normal prior needs 'mean' and 'sd'", f.origin, path + (f.mean ? ".sd" : ".mean"));
  if (f.prior != "normal" && (f.mean || f.sd))
    fail("'mean' and 'sd' belong to a normal prior (prior = \"normal\")", f.origin,
         path + (f.mean ? ".mean" : ".sd"));
  if (f.prior == "log-uniform" && f.low && *f.low <= 0)
    fail("a log-uniform prior needs 'low' above 0", f.origin, path + ".low");
  if (values) {
    const auto* list = values->as_array();
    if (!list || list->empty())
      fail("'values' must be a non-empty array", origin_of(values->source()), path + ".values");
    for (const toml::node& v : *list) {
      param_value value = scalar(v, path + ".values");
      if (std::ranges::find(f.values, value) != f.values.end())
        fail("value " + format_value(value) + " is listed twice", origin_of(v.source()),
             path + ".values");
      f.values.push_back(std::move(value));
    }
  }
  if (ranged) {
    if (*from == *to) fail("'from' and 'to' are equal", f.origin, path + ".to");
    f.values = spread(*from, *to, *steps, is_whole(entry.get("from")) && is_whole(entry.get("to")));
    if (!f.low) {
      f.low = std::min(*from, *to);
      f.high = std::max(*from, *to);
    }
  }
  if (f.values.empty() && !f.low)
    fail("a [[vary]] entry needs 'values', 'from'/'to'/'steps' or 'low'/'high'", f.origin, path);
  if (f.key == "scenario" && (f.low || std::ranges::any_of(f.values, [](const param_value& v) {
                                return !std::holds_alternative<std::string>(v);
                              })))
    fail("'scenario' takes a list of scenario names or paths as 'values'", f.origin,
         path + ".values");
  return f;
}

void read_factors(const toml::node& node, experiment_spec& out) {
  const auto* list = node.as_array();
  if (!list) fail("'vary' must be an array of tables ([[vary]])", origin_of(node.source()), "vary");
  for (const toml::node& item : *list) {
    const auto* entry = item.as_table();
    if (!entry) fail("each [[vary]] entry must be a table", origin_of(item.source()), "vary");
    experiment_factor f = read_factor(*entry, out.factors.size());
    if (std::ranges::find(out.factors, f.key, &experiment_factor::key) != out.factors.end())
      fail("'" + f.key + "' is varied twice", f.origin, "vary.key");
    out.factors.push_back(std::move(f));
  }
}

void read_outputs(const toml::node& node, experiment_spec& out) {
  const auto* list = node.as_array();
  if (!list || list->empty())
    fail("'outputs' must be a non-empty array of summary figure names", origin_of(node.source()),
         "outputs");
  for (const toml::node& item : *list) {
    const auto* name = item.as_string();
    if (!name || name->get().empty())
      fail("each output must be a summary figure name (e.g. \"tigers\")", origin_of(item.source()),
           "outputs");
    if (std::ranges::find(out.outputs, name->get()) != out.outputs.end())
      fail("output '" + name->get() + "' is listed twice", origin_of(item.source()), "outputs");
    out.outputs.push_back(name->get());
    out.output_origins.push_back(origin_of(item.source()));
  }
}

void read_sensitivity(const toml::node& node, sensitivity_settings& out) {
  const auto* table = node.as_table();
  if (!table) fail("'sensitivity' must be a table", origin_of(node.source()), "sensitivity");
  read_table(*table, "sensitivity",
             {"method", "base_samples", "trajectories", "levels", "bootstrap"},
             [&](const std::string& key, const std::string& full, const toml::node& value) {
               if (key == "method") out.method = get_setting<std::string>(value, key, full);
               if (key == "base_samples")
                 out.base_samples = get_setting<std::int64_t>(value, key, full);
               if (key == "trajectories")
                 out.trajectories = get_setting<std::int64_t>(value, key, full);
               if (key == "levels") out.levels = get_setting<std::int64_t>(value, key, full);
               if (key == "bootstrap") out.bootstrap = get_setting<std::int64_t>(value, key, full);
             });
}

/// The elements of the array `node`, each checked as setting `setting`; errors name `full`.
template <typename T>
std::vector<T> read_list(const toml::node& node, const std::string& setting,
                         const std::string& full) {
  const auto* list = node.as_array();
  if (!list || list->empty())
    fail("'" + full + "' must be a non-empty array", origin_of(node.source()), full);
  std::vector<T> out;
  for (const toml::node& item : *list) out.push_back(get_setting<T>(item, setting, full));
  return out;
}

/// One [[target]] entry: a figure (`date`, `value`, `scale`), or a whole series at several dates
/// (`dates`, `values`, and `scale` as one number or one per date), which becomes one target per
/// date.
std::vector<calibration_target> read_target(const toml::table& entry, std::size_t index) {
  const std::string path = "target[" + std::to_string(index) + "]";
  calibration_target t;
  t.origin = origin_of(entry.source());
  bool has_value = false, has_scale = false;
  std::vector<engine::date> dates;
  std::vector<double> values, scales;
  read_table(entry, path, {"output", "date", "value", "scale", "weight", "dates", "values"},
             [&](const std::string& key, const std::string& full, const toml::node& node) {
               if (key == "output") t.output = get_setting<std::string>(node, "name", full);
               if (key == "date") t.date = get_setting<engine::date>(node, key, full);
               if (key == "value") {
                 t.value = get_setting<double>(node, key, full);
                 has_value = true;
               }
               if (key == "scale") {
                 if (node.is_array())
                   scales = read_list<double>(node, "scale", full);
                 else
                   t.scale = get_setting<double>(node, key, full);
                 has_scale = true;
               }
               if (key == "weight") t.weight = get_setting<double>(node, key, full);
               if (key == "dates") dates = read_list<engine::date>(node, "date", full);
               if (key == "values") values = read_list<double>(node, "value", full);
             });
  if (t.output.empty()) fail("a [[target]] entry needs 'output'", t.origin, path + ".output");
  if (dates.empty() && values.empty()) {
    if (!has_value) fail("a [[target]] entry needs 'value'", t.origin, path + ".value");
    if (!scales.empty())
      fail("'scale' is a list only for a series ('dates' and 'values')", t.origin, path + ".scale");
    if (!has_scale) t.scale = t.value != 0 ? std::fabs(t.value) : 1.0;
    return {t};
  }
  // A series: one target per date.
  if (t.date || has_value)
    fail("a series target has 'dates' and 'values', not 'date' or 'value'", t.origin, path);
  if (dates.size() != values.size())
    fail("'dates' and 'values' must have the same length (" + std::to_string(dates.size()) +
             " and " + std::to_string(values.size()) + ")",
         t.origin, path + ".values");
  if (!scales.empty() && scales.size() != dates.size())
    fail("'scale' must be one number or one per date (" + std::to_string(dates.size()) + ")",
         t.origin, path + ".scale");
  std::vector<calibration_target> out;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    calibration_target one = t;
    one.date = dates[i];
    one.value = values[i];
    if (!scales.empty())
      one.scale = scales[i];
    else if (!has_scale)
      one.scale = one.value != 0 ? std::fabs(one.value) : 1.0;
    out.push_back(one);
  }
  return out;
}

void read_targets(const toml::node& node, experiment_spec& out) {
  const auto* list = node.as_array();
  if (!list)
    fail("'target' must be an array of tables ([[target]])", origin_of(node.source()), "target");
  for (const toml::node& item : *list) {
    const auto* entry = item.as_table();
    if (!entry) fail("each [[target]] entry must be a table", origin_of(item.source()), "target");
    for (auto& t : read_target(*entry, out.targets.size())) out.targets.push_back(std::move(t));
  }
}

void read_calibration(const toml::node& node, calibration_settings& out) {
  const auto* table = node.as_table();
  if (!table) fail("'calibration' must be a table", origin_of(node.source()), "calibration");
  read_table(*table, "calibration",
             {"algorithm", "max_evaluations", "tolerance", "particles", "generations", "quantile",
              "min_acceptance"},
             [&](const std::string& key, const std::string& full, const toml::node& value) {
               if (key == "algorithm") out.algorithm = get_setting<std::string>(value, key, full);
               if (key == "particles") out.particles = get_setting<std::int64_t>(value, key, full);
               if (key == "generations")
                 out.generations = get_setting<std::int64_t>(value, key, full);
               if (key == "quantile") out.quantile = get_setting<double>(value, key, full);
               if (key == "min_acceptance")
                 out.min_acceptance = get_setting<double>(value, key, full);
               if (key == "max_evaluations")
                 out.max_evaluations = get_setting<std::int64_t>(value, key, full);
               if (key == "tolerance") out.tolerance = get_setting<double>(value, key, full);
             });
}

void read_posterior(const toml::node& node, experiment_spec& out) {
  const auto* table = node.as_table();
  if (!table) fail("'posterior' must be a table", origin_of(node.source()), "posterior");
  posterior_settings p;
  p.origin = origin_of(node.source());
  read_table(*table, "posterior", {"file", "draws", "seeds_per_draw"},
             [&](const std::string& key, const std::string& full, const toml::node& value) {
               if (key == "file") {
                 p.file = get_setting<std::string>(value, key, full);
                 p.origin = origin_of(value.source());
               }
               if (key == "draws") p.draws = get_setting<std::int64_t>(value, key, full);
               if (key == "seeds_per_draw")
                 p.seeds_per_draw = get_setting<std::int64_t>(value, key, full);
             });
  if (p.file.empty()) fail("[posterior] needs 'file'", p.origin, "posterior.file");
  out.posterior = p;
}

stored_detail parse_detail(const std::string& word) {
  if (word == "summary") return stored_detail::summary;
  if (word == "all") return stored_detail::all;
  return stored_detail::series;
}

experiment_spec build(merged_sources sources, const std::filesystem::path& path) {
  experiment_spec out;
  out.path = path;
  out.text = std::move(sources.text);
  const value_origin top{path.string(), 0, 0};
  bool has_replicates = false;
  read_table(
      sources.root, "",
      {"name", "description", "scenario", "set", "ticks", "replicates", "master_seed", "outputs",
       "store", "design", "samples", "vary", "sensitivity", "target", "calibration", "posterior"},
      [&](const std::string& key, const std::string& full, const toml::node& node) {
        if (key == "name") out.name = get_setting<std::string>(node, key, full);
        if (key == "description") out.description = get_setting<std::string>(node, key, full);
        if (key == "scenario") {
          out.scenario = get_setting<std::string>(node, key, full);
          out.scenario_origin = origin_of(node.source());
        }
        if (key == "set") {
          const auto* table = node.as_table();
          if (!table)
            fail("'set' must be a table of scenario keys and values", origin_of(node.source()),
                 key);
          read_overrides(*table, "", out.overrides);
        }
        if (key == "ticks") out.ticks = get_setting<std::int64_t>(node, key, full);
        if (key == "replicates") {
          out.replicates = get_setting<std::int64_t>(node, key, full);
          has_replicates = true;
        }
        if (key == "master_seed")
          out.master_seed = static_cast<std::uint64_t>(get_setting<std::int64_t>(node, key, full));
        if (key == "outputs") read_outputs(node, out);
        if (key == "store") out.store = parse_detail(get_setting<std::string>(node, key, full));
        if (key == "design") out.design = get_setting<std::string>(node, key, full);
        if (key == "samples") out.samples = get_setting<std::int64_t>(node, key, full);
        if (key == "vary") read_factors(node, out);
        if (key == "sensitivity") read_sensitivity(node, out.sensitivity);
        if (key == "target") read_targets(node, out);
        if (key == "calibration") read_calibration(node, out.calibration);
        if (key == "posterior") read_posterior(node, out);
      });
  if (out.scenario.empty())
    fail("missing 'scenario' (the base scenario: a name or a path)", top, "scenario");
  // A calibration reports its targets (its summary-figure targets become outputs); other
  // experiments need outputs to report.
  if (out.outputs.empty() && out.targets.empty())
    fail("missing 'outputs' (the summary figures to report)", top, "outputs");
  // ("kind:name" targets, such as "pattern:survival_5y", are measured from events, not read
  // from the summary: they are not outputs.)
  for (const auto& t : out.targets)
    if (!t.date && t.output.find(':') == std::string::npos &&
        std::ranges::find(out.outputs, t.output) == out.outputs.end()) {
      out.outputs.push_back(t.output);
      out.output_origins.push_back(t.origin);
    }
  if (out.design == "sample" && out.samples == 0)
    fail("design = \"sample\" needs 'samples' (how many points)", top, "samples");
  if (out.posterior) {
    if (has_replicates)
      fail(
          "'replicates' and [posterior] both set the runs per point (with a posterior they are "
          "draws x seeds_per_draw): remove 'replicates'",
          top, "replicates");
    if (out.posterior->draws * out.posterior->seeds_per_draw > static_cast<std::int64_t>(max_count))
      fail("draws x seeds_per_draw is more than 1,000,000 runs per point", out.posterior->origin,
           "posterior.draws");
    out.replicates = out.posterior->draws * out.posterior->seeds_per_draw;
    // The file is relative to the experiment file, like its scenario.
    if (std::filesystem::path(out.posterior->file).is_relative())
      out.posterior->file = (path.parent_path() / out.posterior->file).lexically_normal().string();
  }
  if (out.name.empty()) out.name = path.stem().string();
  return out;
}

}  // namespace

experiment_spec load_experiment(const std::filesystem::path& file) {
  return build(read_sources(file), file);
}

experiment_spec parse_experiment(std::string text, std::string_view source_name) {
  return build(read_sources(std::move(text), source_name), std::filesystem::path(source_name));
}

std::string_view to_string(stored_detail detail) {
  constexpr std::array<std::string_view, 3> names{"summary", "series", "all"};
  return names[static_cast<std::size_t>(detail)];
}

}  // namespace liangzhu::io
