#include "measurement.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "hashing_sink.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/memory_estimate.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/model/simulation.hpp"
#include "scales.hpp"

namespace liangzhu::model_bench {
namespace {

/// A `key: N kB` line of a /proc file (status, meminfo), in bytes; 0 if absent.
std::uint64_t proc_kib_field(const char* file, const std::string& key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0) return std::stoull(line.substr(key.size() + 1)) * 1024;
  return 0;
}

/// The process's peak resident set, in bytes.
std::uint64_t peak_rss_bytes() { return proc_kib_field("/proc/self/status", "VmHWM"); }

/// What can be allocated without swapping, in bytes (0 if unknown).
std::uint64_t available_memory_bytes() { return proc_kib_field("/proc/meminfo", "MemAvailable"); }

/// The memory a run may use: the request's, else what the machine has available (0 if unknown).
std::uint64_t memory_allowed(const run_request& request) {
  return request.max_memory_bytes > 0 ? request.max_memory_bytes : available_memory_bytes();
}

io::scenario scenario_for(const run_request& request) {
  return io::load_scenario(request.scenario_file, model::scenario_schema(),
                           overrides_for(scale_named(request.scale)));
}

model::run_options options_for(const run_request& request) {
  model::run_options options;
  options.threads = request.threads;
  if (request.ticks > 0) options.ticks = request.ticks;
  return options;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

memory_outlook memory_outlook_for(const run_request& request) {
  auto params = model::read_parameters(scenario_for(request));
  if (request.ticks > 0) params.ticks = request.ticks;
  const auto estimate = model::estimate_memory(params);
  memory_outlook out;
  out.ticks = params.ticks;
  out.needed_bytes = estimate.bytes();
  out.peak_engineers = estimate.peak_engineers;
  out.bytes_per_engineer = estimate.bytes_per_engineer;
  out.available_bytes = memory_allowed(request);
  return out;
}

measurement measure(const run_request& request) {
  const auto scenario = scenario_for(request);
  auto options = options_for(request);
  options.max_memory_bytes = memory_allowed(request);  // 0: the run's default
  hashing_sink sink;
  measurement m;
  const auto setup_start = std::chrono::steady_clock::now();
  model::simulation sim(scenario, options);
  m.setup_s = seconds_since(setup_start);
  sim.collector().set_sink(&sink);
  const auto run_start = std::chrono::steady_clock::now();
  sim.run();
  m.run_s = seconds_since(run_start);
  m.ticks = sim.tick();
  m.engineer_weeks = sink.engineer_weeks();
  m.peak_engineers = sink.peak_engineers();
  m.output_hash = sink.hash();
  m.peak_rss_bytes = peak_rss_bytes();
  return m;
}

std::string encode(const measurement& m) {
  std::ostringstream out;
  out.precision(17);
  out << m.setup_s << ' ' << m.run_s << ' ' << m.engineer_weeks << ' ' << m.peak_engineers << ' '
      << m.ticks << ' ' << m.peak_rss_bytes << ' ' << m.output_hash;
  return out.str();
}

measurement decode(const std::string& line) {
  std::istringstream in(line);
  measurement m;
  if (!(in >> m.setup_s >> m.run_s >> m.engineer_weeks >> m.peak_engineers >> m.ticks >>
        m.peak_rss_bytes >> m.output_hash))
    throw std::runtime_error("cannot read the child's measurement: '" + line + "'");
  return m;
}

}  // namespace liangzhu::model_bench
