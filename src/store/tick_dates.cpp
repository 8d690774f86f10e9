#include "store/tick_dates.hpp"

namespace liangzhu::store::detail {

tick_dates::tick_dates(const run_info& run) {
  // A store written by hand (or by a future version) may hold anything: no date beats a crash.
  const auto start = engine::date::parse(run.start_date);
  if (start && run.days_per_tick > 0) calendar_.emplace(*start, run.days_per_tick);
}

std::string tick_dates::operator()(std::int64_t tick) const {
  return calendar_ ? calendar_->date_of(static_cast<long>(tick)).to_string() : std::string{};
}

}  // namespace liangzhu::store::detail
