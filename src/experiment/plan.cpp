// Building an experiment's points and checking each one against the scenario schema before
// anything runs: a typo in the 40th point must not surface after 39 points' worth of runs.
#include "liangzhu/experiment/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/random/sobol.hpp>
#include <cmath>
#include <stdexcept>

#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/errors.hpp"
#include "liangzhu/engine/rng.hpp"
#include "liangzhu/experiment/dated_outputs.hpp"
#include "liangzhu/experiment/output_names.hpp"
#include "liangzhu/experiment/posterior_file.hpp"
#include "liangzhu/experiment/run_record.hpp"
#include "liangzhu/io/did_you_mean.hpp"
#include "liangzhu/model/scenario_schema.hpp"

namespace liangzhu::experiment {
namespace {

/// What a point is made of before it is checked: its scenario as written and its overrides.
struct draft {
  std::string scenario;
  std::vector<std::pair<std::string, io::param_value>> values;
};

[[noreturn]] void fail_at(const io::value_origin& where, const std::string& key,
                          const std::string& message) {
  throw input_error(message, where.file, where.line, where.column, key);
}

const io::experiment_factor* factor_of(const io::experiment_spec& spec, const std::string& key) {
  for (const auto& f : spec.factors)
    if (f.key == key) return &f;
  return nullptr;
}

/// A value written as the scenario's parameter expects it: whole numbers for integer
/// parameters, reals for real ones (a grid of 0, 6, 12 may vary a real parameter).
std::string override_text(const io::param_value& value, const io::param_value& base) {
  if (std::holds_alternative<std::int64_t>(base)) {
    if (const auto* real = std::get_if<double>(&value))
      return io::format_value(static_cast<std::int64_t>(std::llround(*real)));
  }
  if (std::holds_alternative<double>(base)) {
    if (const auto* whole = std::get_if<std::int64_t>(&value))
      return io::format_value(static_cast<double>(*whole));
  }
  return io::format_value(value);
}

/// The factor's key must name a parameter of the base scenario.
const io::param_value& base_value(const io::scenario& base, const io::experiment_factor& f) {
  try {
    return base.value(f.key);
  } catch (const std::out_of_range&) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : base.flattened()) keys.push_back(key);
    fail_at(f.origin, "vary.key",
            fmt::format("'{}' is not a parameter of scenario {}{}", f.key, base.path().string(),
                        io::did_you_mean(f.key, keys)));
  }
}

class planner {
 public:
  planner(const io::experiment_spec& spec, const scenario_resolver& resolve)
      : spec_(spec), resolve_(resolve) {
    fixed_ = spec.overrides;
    if (spec.ticks) fixed_.push_back(fmt::format("ticks={}", *spec.ticks));
  }

  point make(std::int64_t index, const draft& d) const {
    point p;
    p.index = index;
    p.scenario_file = resolve_(d.scenario, spec_.scenario_origin);
    p.overrides = fixed_;
    const io::scenario base = load(p.scenario_file, p.overrides, nullptr);
    for (const auto& [key, value] : d.values) {
      const io::experiment_factor& f = *factor_of(spec_, key);
      const std::string text = override_text(value, base_value(base, f));
      p.overrides.push_back(key + "=" + text);
      p.coordinates.emplace_back(key, text);
    }
    if (factor_of(spec_, "scenario"))
      p.coordinates.insert(p.coordinates.begin(), {"scenario", d.scenario});
    const io::scenario resolved = load(p.scenario_file, p.overrides, &d);
    p.scenario_hash = resolved.hash();
    p.hubs = resolved.names("hub");
    p.start = resolved.date("start");
    const model::parameters params = model::read_parameters(resolved);
    p.scenario_name = scenario_name_of(resolved, params);
    p.memory = model::estimate_memory(params);
    check_outputs(p, resolved);
    return p;
  }

 private:
  /// Loads a point's scenario; an error in an override is reported at the factor (or `[set]`)
  /// it came from, since that is what the user wrote.
  io::scenario load(const std::filesystem::path& file, const std::vector<std::string>& overrides,
                    const draft* d) const {
    try {
      return io::load_scenario(file, model::scenario_schema(), overrides);
    } catch (const input_error& e) {
      if (e.file() != "--set") throw;
      const io::experiment_factor* f = factor_of(spec_, e.key());
      const std::string where = d ? fmt::format(" (point {})", describe(*d)) : "";
      if (f) fail_at(f->origin, e.key(), e.message() + where);
      fail_at({spec_.path.string(), 0, 0}, "set." + e.key(), e.message());
    }
  }

  static std::string describe(const draft& d) {
    std::string text;
    for (const auto& [key, value] : d.values)
      text += (text.empty() ? "" : ", ") + key + " = " + io::format_value(value);
    return text;
  }

  void check_outputs(const point& p, const io::scenario& resolved) const {
    const engine::calendar cal(resolved.date("start"));
    const long ticks = resolved.integer("ticks");
    for (std::size_t i = 0; i < spec_.outputs.size(); ++i) {
      if (const auto why = check_output_name(spec_.outputs[i], p.hubs))
        fail_at(spec_.output_origins[i], "outputs", *why);
      if (const auto why = check_output_date(spec_.outputs[i], cal, ticks))
        fail_at(spec_.output_origins[i], "outputs", *why);
    }
  }

  const io::experiment_spec& spec_;
  const scenario_resolver& resolve_;
  std::vector<std::string> fixed_;
};

/// Most runs an experiment may plan (points x replicates): each factor is capped, but their
/// product is what takes memory, so it is checked before any point is made.
constexpr double max_runs = 1e6;

/// resource_error if `points` points of `design` with the experiment's replicates are more runs
/// than max_runs.
void check_run_count(const io::experiment_spec& spec, double points, const char* design) {
  const double runs = points * static_cast<double>(spec.replicates);
  if (runs <= max_runs) return;
  const io::value_origin where =
      spec.factors.empty() ? io::value_origin{} : spec.factors.back().origin;
  throw resource_error(fmt::format("the {} has {:.0f} points x {} replicates = {:.3g} runs, more "
                                   "than the {:.0f} an experiment may plan: use fewer values, "
                                   "points or replicates",
                                   design, points, spec.replicates, runs, max_runs),
                       where.file, where.line, where.column, "vary");
}

/// Every combination of the factors' values, the first factor slowest.
std::vector<draft> grid(const io::experiment_spec& spec) {
  double points = 1;
  for (const auto& f : spec.factors)
    points *= static_cast<double>(std::max<std::size_t>(1, f.values.size()));
  check_run_count(spec, points, "grid");
  std::vector<draft> drafts{{spec.scenario, {}}};
  for (const auto& f : spec.factors) {
    if (f.values.empty())
      fail_at(f.origin, f.key,
              "a grid needs 'values' or 'from'/'to'/'steps' for every factor (this one has only "
              "'low'/'high'; use design = \"sample\" or 'liangzhu sensitivity')");
    std::vector<draft> next;
    for (const draft& d : drafts) {
      for (const auto& v : f.values) {
        draft n = d;
        if (f.key == "scenario")
          n.scenario = std::get<std::string>(v);
        else
          n.values.emplace_back(f.key, v);
        next.push_back(std::move(n));
      }
    }
    drafts = std::move(next);
  }
  return drafts;
}

/// Quasi-random points in the unit cube: the Sobol sequence of Boost.Random.
std::vector<std::vector<double>> sobol_points(std::size_t count, std::size_t dimensions) {
  boost::random::sobol sequence(dimensions);
  std::vector<std::vector<double>> out(count, std::vector<double>(dimensions));
  for (auto& row : out)
    for (double& x : row) x = std::ldexp(static_cast<double>(sequence()), -64);
  return out;
}

std::string hash_of(const plan& p) {
  std::string identity = fmt::format("{}|{}|", to_string(p.kind), to_string(p.spec.store));
  for (const point& pt : p.points) identity += pt.scenario_hash + ";";
  for (const auto seed : p.seeds) identity += fmt::format("{},", seed);
  // Figures at dates are computed as the runs end and stored with them.
  for (const auto& o : p.spec.outputs)
    if (dated_output_of(o)) identity += "|@" + o;
  for (const auto& d : p.draws) {
    identity += "|";
    for (const auto& o : d.overrides) identity += o + ";";
  }
  return fmt::format("{:016x}", engine::fnv1a64(identity));
}

/// Each replicate's posterior draw, its values written as the points' scenarios expect them;
/// every point's scenario must know every key, and no factor or [set] may give one.
std::vector<replicate_draw> draws_of(const io::experiment_spec& spec,
                                     const std::vector<point>& points) {
  const auto& settings = *spec.posterior;
  const posterior_sample sample = read_posterior(settings.file);
  for (const auto& key : sample.keys) {
    if (const auto* f = factor_of(spec, key))
      fail_at(f->origin, "vary.key",
              fmt::format("'{}' is drawn from the posterior {}: vary it or draw it, not both", key,
                          settings.file));
    for (const auto& o : spec.overrides)
      if (o.substr(0, o.find('=')) == key)
        fail_at(settings.origin, "posterior",
                fmt::format("'{}' is drawn from the posterior {} and also set ({}): drop one", key,
                            settings.file, o));
  }
  const auto particles =
      posterior_draws(sample, static_cast<std::size_t>(settings.draws), spec.master_seed);
  const io::scenario base = io::load_scenario(points.front().scenario_file,
                                              model::scenario_schema(), points.front().overrides);
  std::vector<replicate_draw> draws;
  for (std::int64_t d = 0; d < settings.draws; ++d) {
    replicate_draw draw;
    draw.draw = d;
    draw.particle = static_cast<std::int64_t>(particles[static_cast<std::size_t>(d)]);
    const auto& values = sample.values[static_cast<std::size_t>(draw.particle)];
    for (std::size_t k = 0; k < sample.keys.size(); ++k) {
      const io::param_value* known = nullptr;
      try {
        known = &base.value(sample.keys[k]);
      } catch (const std::out_of_range&) {
        fail_at({settings.file, 0, 0}, sample.keys[k],
                fmt::format("'{}' is not a parameter of scenario {}", sample.keys[k],
                            base.path().string()));
      }
      draw.overrides.push_back(sample.keys[k] + "=" + override_text(values[k], *known));
    }
    draws.push_back(std::move(draw));
  }
  // Every value must be one the parameters accept, in every point's scenario (each draw is
  // checked against the first point, the first draw against every point).
  const auto check = [&](const point& pt, const replicate_draw& draw) {
    try {
      (void)io::load_scenario(pt.scenario_file, model::scenario_schema(), pt.overrides,
                              draw.overrides);
    } catch (const input_error& e) {
      if (e.file() != "--posterior") throw;
      fail_at({settings.file, sample.lines[static_cast<std::size_t>(draw.particle)], 0}, e.key(),
              e.message());
    }
  };
  for (const auto& draw : draws) check(points.front(), draw);
  for (const auto& pt : points) check(pt, draws.front());
  std::vector<replicate_draw> by_replicate;
  for (std::int64_t r = 0; r < spec.replicates; ++r)
    by_replicate.push_back(draws[static_cast<std::size_t>(r / settings.seeds_per_draw)]);
  return by_replicate;
}

plan finish(const io::experiment_spec& spec, store::sweep_kind kind, std::vector<point> points) {
  plan p;
  p.spec = spec;
  p.kind = kind;
  p.points = std::move(points);
  for (std::int64_t r = 0; r < spec.replicates; ++r)
    p.seeds.push_back(replicate_seed(spec.master_seed, r));
  if (spec.posterior && !p.points.empty()) p.draws = draws_of(spec, p.points);
  p.hash = hash_of(p);
  return p;
}

}  // namespace

std::uint64_t replicate_seed(std::uint64_t master_seed, std::int64_t replicate) {
  // Below 2^63 so that seeds stay positive in TOML files and SQLite.
  return engine::mix_subject(master_seed, static_cast<std::uint64_t>(replicate) + 1) >> 1;
}

std::vector<job> run_order(const plan& p, std::vector<job> jobs) {
  if (p.kind == store::sweep_kind::compare)
    std::ranges::stable_sort(jobs, {}, &job::replicate);
  else
    std::ranges::stable_sort(
        jobs, {}, [](const job& j) { return j.replicate / replicates_per_history_block; });
  return jobs;
}

std::span<const std::string> plan::draw_overrides(std::int64_t r) const {
  if (draws.empty()) return {};
  return draws[static_cast<std::size_t>(r)].overrides;
}

std::vector<job> plan::jobs() const {
  std::vector<job> out;
  for (const point& pt : points)
    for (std::int64_t r = 0; r < replicates(); ++r)
      out.push_back(
          {static_cast<std::int64_t>(out.size()), pt.index, r, seeds[static_cast<std::size_t>(r)]});
  return out;
}

store::sweep_info plan::describe() const {
  store::sweep_info info;
  info.name = spec.name;
  info.kind = kind;
  info.experiment_path = spec.path.string();
  info.experiment_text = spec.text;
  info.experiment_hash = hash;
  info.master_seed = spec.master_seed;
  info.points = static_cast<std::int64_t>(points.size());
  info.replicates = replicates();
  return info;
}

std::vector<store::sweep_coordinate> plan::coordinates() const {
  std::vector<store::sweep_coordinate> rows;
  for (const point& pt : points)
    for (const auto& [key, value] : pt.coordinates) rows.push_back({pt.index, key, value});
  return rows;
}

plan plan_experiment(const io::experiment_spec& spec, const scenario_resolver& resolve,
                     store::sweep_kind kind) {
  if (spec.design == "sample") {
    check_run_count(spec, static_cast<double>(spec.samples), "sample");
    plan p = plan_unit_points(
        spec, resolve, sobol_points(static_cast<std::size_t>(spec.samples), spec.factors.size()),
        kind);
    return p;
  }
  const planner make(spec, resolve);
  std::vector<point> points;
  for (const draft& d : grid(spec))
    points.push_back(make.make(static_cast<std::int64_t>(points.size()), d));
  return finish(spec, kind, std::move(points));
}

plan plan_unit_points(const io::experiment_spec& spec, const scenario_resolver& resolve,
                      std::vector<std::vector<double>> unit_points, store::sweep_kind kind) {
  check_run_count(spec, static_cast<double>(unit_points.size()), "design");
  for (const auto& f : spec.factors) {
    if (!f.low)
      fail_at(f.origin, f.key,
              "a sampled design needs 'low'/'high' (or 'from'/'to') for every factor");
    if (f.key == "scenario") fail_at(f.origin, f.key, "the scenario cannot be sampled; use a grid");
  }
  if (spec.factors.empty())
    fail_at({spec.path.string(), 0, 0}, "vary",
            "a sampled design needs at least one [[vary]] factor");
  const planner make(spec, resolve);
  std::vector<point> points;
  for (const auto& unit : unit_points) {
    draft d{spec.scenario, {}};
    for (std::size_t i = 0; i < spec.factors.size(); ++i) {
      const auto& f = spec.factors[i];
      d.values.emplace_back(f.key, *f.low + unit[i] * (*f.high - *f.low));
    }
    points.push_back(make.make(static_cast<std::int64_t>(points.size()), d));
  }
  plan p = finish(spec, kind, std::move(points));
  p.unit_points = std::move(unit_points);
  p.hash = hash_of(p);
  return p;
}

}  // namespace liangzhu::experiment
