#include "measurement.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "hashing_sink.hpp"
#include "liangzhu/io/scenario.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "liangzhu/model/simulation.hpp"
#include "scales.hpp"

namespace liangzhu::model_bench {
namespace {

/// The process's peak resident set (VmHWM), in bytes.
std::uint64_t peak_rss_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  return 0;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

measurement measure(const run_request& request) {
  const auto scenario = io::load_scenario(request.scenario_file, model::scenario_schema(),
                                          overrides_for(scale_named(request.scale)));
  model::run_options options;
  options.threads = request.threads;
  if (request.ticks > 0) options.ticks = request.ticks;
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
