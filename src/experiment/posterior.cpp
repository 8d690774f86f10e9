#include "liangzhu/experiment/posterior.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <stdexcept>

#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/errors.hpp"

namespace liangzhu::experiment {
namespace {

abc_prior::shape shape_of(const std::string& name) {
  if (name == "log-uniform") return abc_prior::shape::log_uniform;
  if (name == "normal") return abc_prior::shape::normal;
  return abc_prior::shape::uniform;
}

/// Where each factor's value sits inside its bounds, as plan_unit_points wants it.
std::vector<double> unit_of(const io::experiment_spec& spec, const std::vector<double>& values) {
  std::vector<double> unit;
  for (std::size_t k = 0; k < values.size(); ++k) {
    const auto& f = spec.factors[k];
    // Clamped: exp(log(high)) may come out an ulp above high.
    unit.push_back(std::clamp((values[k] - *f.low) / (*f.high - *f.low), 0.0, 1.0));
  }
  return unit;
}

/// A batch's unit-cube points as bytes (for the other MPI ranks) and back: the count, the
/// dimension, then the coordinates.
std::vector<char> encode_units(const std::vector<std::vector<double>>& units) {
  const std::uint64_t header[2] = {units.size(), units.empty() ? 0 : units.front().size()};
  std::vector<char> bytes(sizeof header + header[0] * header[1] * sizeof(double));
  std::memcpy(bytes.data(), header, sizeof header);
  char* at = bytes.data() + sizeof header;
  for (const auto& u : units) {
    std::memcpy(at, u.data(), u.size() * sizeof(double));
    at += u.size() * sizeof(double);
  }
  return bytes;
}

std::vector<std::vector<double>> decode_units(const std::vector<char>& bytes) {
  std::uint64_t header[2] = {0, 0};
  if (bytes.size() < sizeof header) throw io_error("a damaged batch from MPI rank 0");
  std::memcpy(header, bytes.data(), sizeof header);
  if (header[1] == 0 || bytes.size() != sizeof header + header[0] * header[1] * sizeof(double))
    throw io_error("a damaged batch from MPI rank 0");
  std::vector<std::vector<double>> units(header[0], std::vector<double>(header[1]));
  const char* at = bytes.data() + sizeof header;
  for (auto& u : units) {
    std::memcpy(u.data(), at, u.size() * sizeof(double));
    at += u.size() * sizeof(double);
  }
  return units;
}

/// What the batches' runs store: what their targets read.
io::experiment_spec runs_spec_of(const io::experiment_spec& spec) {
  io::experiment_spec runs = spec;
  runs.store = stored_for_targets(spec);
  return runs;
}

}  // namespace

std::vector<abc_prior> priors_of(const io::experiment_spec& spec) {
  std::vector<abc_prior> priors;
  for (std::size_t i = 0; i < spec.factors.size(); ++i) {
    const auto& f = spec.factors[i];
    const std::string where = "vary[" + std::to_string(i) + "]";
    if (!f.low || !f.high)
      throw input_error("a calibrated factor needs 'low'/'high' (or 'from'/'to')", f.origin.file,
                        f.origin.line, f.origin.column, where);
    abc_prior p;
    p.kind = shape_of(f.prior);
    p.low = *f.low;
    p.high = *f.high;
    p.mean = f.mean.value_or(0.0);
    p.sd = f.sd.value_or(1.0);
    try {
      p.check();
    } catch (const std::invalid_argument& e) {
      throw input_error(e.what(), f.origin.file, f.origin.line, f.origin.column, where + ".prior");
    }
    priors.push_back(p);
  }
  return priors;
}

void check_posterior(const io::experiment_spec& spec, const scenario_resolver& resolve) {
  check_calibration(spec, resolve);
  priors_of(spec);
  // Planning a point checks every factor's key and value against the base scenario.
  plan_unit_points(runs_spec_of(spec), resolve, {std::vector<double>(spec.factors.size(), 0.5)},
                   store::sweep_kind::sweep);
}

posterior_result calibrate_posterior(
    const io::experiment_spec& spec, const scenario_resolver& resolve,
    const execution_settings& settings,
    const std::function<void(const posterior_result&)>& on_generation, posterior_result resume,
    cluster* mpi) {
  check_posterior(spec, resolve);
  posterior_result out = std::move(resume);
  out.priors = priors_of(spec);
  out.keys.clear();
  for (const auto& f : spec.factors) out.keys.push_back(f.key);
  const io::experiment_spec runs_spec = runs_spec_of(spec);

  // The targets' means of every candidate simulated, until its generation is complete.
  std::map<std::pair<std::size_t, std::size_t>, std::vector<double>> simulated;
  const abc_distances distances = [&](std::span<const abc_candidate> batch) {
    std::vector<std::vector<double>> units;
    for (const auto& c : batch) units.push_back(unit_of(spec, c.values));
    const plan p = plan_unit_points(runs_spec, resolve, units, store::sweep_kind::sweep);
    std::vector<std::vector<job_result>> by_point(batch.size());
    const auto jobs = p.jobs();
    const auto deliver = [&](job_result&& r) {
      by_point[static_cast<std::size_t>(r.task.point)].push_back(std::move(r));
    };
    if (mpi) {
      mpi->announce(encode_units(units));
      mpi->coordinate(p, jobs, settings, deliver);
    } else {
      run_locally(p, jobs, settings, deliver);
    }
    std::vector<double> d;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (by_point[i].size() != static_cast<std::size_t>(spec.replicates)) throw job_cancelled{};
      // Replicate order, whatever order the runs ended in: the mean is then the same bits.
      std::ranges::sort(by_point[i], {}, [](const job_result& r) { return r.task.replicate; });
      const calibration_evaluation fit = fit_targets(spec, by_point[i], p.points[i].hubs);
      simulated[{batch[i].generation, batch[i].index}] = fit.simulated;
      d.push_back(std::sqrt(fit.misfit));
    }
    return d;
  };

  abc_settings s;
  s.particles = static_cast<std::size_t>(spec.calibration.particles);
  s.max_generations = static_cast<std::size_t>(spec.calibration.generations);
  s.quantile = spec.calibration.quantile;
  s.min_acceptance = spec.calibration.min_acceptance;
  // A generation that keeps fewer than one simulation in 50 costs more than it tells.
  s.max_simulations_per_generation = 50 * s.particles;
  s.seed = spec.master_seed;
  const auto keep = [&](const abc_generation& g) {
    std::vector<std::vector<double>> predicted;
    for (const auto& particle : g.particles)
      predicted.push_back(simulated.at({g.index, particle.index}));
    out.simulated.push_back(std::move(predicted));
    out.search.generations.push_back(g);
    std::erase_if(simulated, [&](const auto& entry) { return entry.first.first <= g.index; });
    if (on_generation) on_generation(out);
  };
  std::vector<abc_generation> done = out.search.generations;
  if (!mpi) {
    out.search = abc_smc(out.priors, s, distances, keep, std::move(done));
    return out;
  }
  // The other ranks wait for batches until told that none follows, however the search ends.
  try {
    out.search = abc_smc(out.priors, s, distances, keep, std::move(done));
  } catch (...) {
    mpi->finish_announcements();
    throw;
  }
  mpi->finish_announcements();
  return out;
}

void serve_posterior(const io::experiment_spec& spec, const scenario_resolver& resolve,
                     const execution_settings& settings, cluster& mpi) {
  const io::experiment_spec runs_spec = runs_spec_of(spec);
  while (const auto batch = mpi.next_announcement()) {
    const plan p =
        plan_unit_points(runs_spec, resolve, decode_units(*batch), store::sweep_kind::sweep);
    mpi.serve(p, settings);
  }
}

std::string calibration_hash(const io::experiment_spec& spec, const scenario_resolver& resolve) {
  const io::scenario base = check_calibration(spec, resolve);
  const std::string identity = fmt::format("{}|{}|{}|{}|{}", spec.text, spec.replicates,
                                           spec.ticks.value_or(0), spec.master_seed, base.hash());
  return fmt::format("{:016x}", engine::fnv1a64(identity));
}

store::calibration_generation to_record(const io::experiment_spec& spec,
                                        const posterior_result& result, std::size_t g) {
  const abc_generation& gen = result.search.generations[g];
  store::calibration_generation record;
  record.generation = static_cast<std::int64_t>(gen.index);
  if (std::isfinite(gen.tolerance)) record.tolerance = gen.tolerance;
  record.simulations = static_cast<std::int64_t>(gen.simulations);
  for (std::size_t i = 0; i < gen.particles.size(); ++i) {
    const auto& p = gen.particles[i];
    store::calibration_particle particle;
    particle.proposal = static_cast<std::int64_t>(p.index);
    particle.weight = p.weight;
    if (std::isfinite(p.distance)) particle.distance = p.distance;
    for (std::size_t k = 0; k < result.keys.size(); ++k)
      particle.parameters.emplace_back(result.keys[k], p.values[k]);
    for (std::size_t t = 0; t < spec.targets.size(); ++t) {
      const double v = result.simulated[g][i][t];
      particle.simulated.emplace_back(target_name(spec.targets[t]),
                                      std::isnan(v) ? std::nullopt : std::optional(v));
    }
    record.particles.push_back(std::move(particle));
  }
  return record;
}

posterior_result from_records(const io::experiment_spec& spec,
                              const std::vector<store::calibration_generation>& records) {
  posterior_result out;
  out.priors = priors_of(spec);
  for (const auto& f : spec.factors) out.keys.push_back(f.key);
  for (const auto& record : records) {
    abc_generation gen;
    gen.index = static_cast<std::size_t>(record.generation);
    gen.tolerance = record.tolerance.value_or(std::numeric_limits<double>::infinity());
    gen.simulations = static_cast<std::size_t>(record.simulations);
    std::vector<std::vector<double>> simulated;
    for (const auto& p : record.particles) {
      if (p.parameters.size() != out.keys.size() || p.simulated.size() != spec.targets.size())
        throw input_error(fmt::format("the stored generation {} has other factors or targets than "
                                      "the experiment",
                                      record.generation),
                          spec.path.string());
      abc_particle particle;
      particle.index = static_cast<std::size_t>(p.proposal);
      particle.weight = p.weight;
      particle.distance = p.distance.value_or(std::numeric_limits<double>::infinity());
      std::vector<double> targets;
      for (std::size_t k = 0; k < out.keys.size(); ++k) {
        if (p.parameters[k].first != out.keys[k])
          throw input_error(fmt::format("the stored generation {} calibrates '{}' where the "
                                        "experiment has '{}'",
                                        record.generation, p.parameters[k].first, out.keys[k]),
                            spec.path.string());
        particle.values.push_back(p.parameters[k].second);
      }
      for (const auto& [name, value] : p.simulated)
        targets.push_back(value.value_or(std::numeric_limits<double>::quiet_NaN()));
      gen.particles.push_back(std::move(particle));
      simulated.push_back(std::move(targets));
    }
    out.search.generations.push_back(std::move(gen));
    out.simulated.push_back(std::move(simulated));
  }
  return out;
}

}  // namespace liangzhu::experiment
