#include "liangzhu/engine/schedule.hpp"

#include <algorithm>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::engine {
namespace {

template <class F>
double timed(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

void schedule::every_tick(std::string name, std::function<void(long)> run) {
  every(1, 0, std::move(name), std::move(run));
}

void schedule::every(int period, int first, std::string name, std::function<void(long)> run) {
  LIANGZHU_ASSERT(period >= 1 && first >= 0, "bad phase period or first tick");
  timings_.push_back({name, 0.0, 0});
  phases_.push_back({std::move(name), std::move(run), period, first});
}

void schedule::at(long tick, std::string name, std::function<void(long)> run) {
  dated_action a{tick, dated_.size(), std::move(name), std::move(run)};
  const auto pos =
      std::upper_bound(dated_.begin() + static_cast<std::ptrdiff_t>(next_dated_), dated_.end(), a,
                       [](const dated_action& x, const dated_action& y) {
                         return x.tick != y.tick ? x.tick < y.tick : x.order < y.order;
                       });
  dated_.insert(pos, std::move(a));
}

void schedule::resume_at(long tick) {
  next_dated_ = 0;
  while (next_dated_ < dated_.size() && dated_[next_dated_].tick < tick) ++next_dated_;
}

void schedule::run_tick(long tick) {
  // Actions dated before the current tick (e.g. before the start of the run) take effect now.
  while (next_dated_ < dated_.size() && dated_[next_dated_].tick <= tick) {
    auto& a = dated_[next_dated_++];
    dated_timing_.seconds += timed([&] { a.run(tick); });
    ++dated_timing_.calls;
  }
  for (std::size_t i = 0; i < phases_.size(); ++i) {
    if (!phases_[i].due(tick)) continue;
    timings_[i].seconds += timed([&] { phases_[i].run(tick); });
    ++timings_[i].calls;
  }
}

std::vector<phase_timing> schedule::timings() const {
  auto all = timings_;
  all.push_back(dated_timing_);
  return all;
}

}  // namespace liangzhu::engine
