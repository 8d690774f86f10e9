#include "scales.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/core.h>

namespace liangzhu::model_bench {
namespace {

// The baseline scenario's hub (scenarios/baseline.toml and the parameter defaults).
constexpr double baseline_engineers = 300000;
constexpr double baseline_graduates_per_year = 20000;
constexpr double baseline_startups = 450;

}  // namespace

const std::vector<scale>& all_scales() {
  static const std::vector<scale> scales{{"small", 30000},
                                         {"city", baseline_engineers},
                                         {"national", 10000000},
                                         {"axtell", 120000000}};
  return scales;
}

const scale& scale_named(const std::string& name) {
  for (const auto& s : all_scales())
    if (s.name == name) return s;
  throw std::invalid_argument("unknown scale '" + name + "' (small, city, national, axtell)");
}

std::vector<std::string> overrides_for(const scale& s) {
  // Incumbents keep their headcounts: a bigger pool is a bigger rest-of-market. The scale is the
  // initial population's, so the run starts from it rather than from the baseline's history
  // (whose population is the history's own).
  const double factor = s.engineers / baseline_engineers;
  const auto hub = std::string{"hub.liangzhu."};
  return {
      "start_from=\"\"", fmt::format("{}talent.engineers={}", hub, std::llround(s.engineers)),
      fmt::format("{}talent.graduates_per_year={}", hub,
                  std::llround(baseline_graduates_per_year * factor)),
      fmt::format("{}founding.initial_startups={}", hub, std::llround(baseline_startups * factor))};
}

}  // namespace liangzhu::model_bench
