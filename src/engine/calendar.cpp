#include "liangzhu/engine/calendar.hpp"

#include <charconv>
#include <cstdio>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::engine {
namespace {

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}

}  // namespace

std::optional<date> date::parse(std::string_view text) {
  date d{};
  if (text.size() == 7 && text[4] == '-') {
    d.day = 1;
    if (!parse_int(text.substr(0, 4), d.year) || !parse_int(text.substr(5, 2), d.month))
      return std::nullopt;
  } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    if (!parse_int(text.substr(0, 4), d.year) || !parse_int(text.substr(5, 2), d.month) ||
        !parse_int(text.substr(8, 2), d.day))
      return std::nullopt;
  } else {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{d.year},
                                        std::chrono::month{static_cast<unsigned>(d.month)},
                                        std::chrono::day{static_cast<unsigned>(d.day)}};
  if (!ymd.ok()) return std::nullopt;
  return d;
}

std::string date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::chrono::sys_days date::days() const {
  return std::chrono::sys_days{std::chrono::year{year} /
                               std::chrono::month{static_cast<unsigned>(month)} /
                               std::chrono::day{static_cast<unsigned>(day)}};
}

date date::from_days(std::chrono::sys_days d) {
  const std::chrono::year_month_day ymd{d};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

calendar::calendar(date start, int days_per_tick) : start_(start), days_per_tick_(days_per_tick) {
  LIANGZHU_ASSERT(days_per_tick > 0, "a tick lasts at least one day");
}

date calendar::date_of(long tick) const {
  return date::from_days(start_.days() + std::chrono::days{tick * days_per_tick_});
}

long calendar::tick_of(date d) const {
  const long delta = (d.days() - start_.days()).count();
  if (delta <= 0) return delta < 0 ? -1 - (-delta - 1) / days_per_tick_ : 0;
  return (delta + days_per_tick_ - 1) / days_per_tick_;
}

long calendar::tick_containing(date d) const {
  const long days = (d.days() - start_.days()).count();
  return days < 0 ? -1 : days / days_per_tick_;
}

}  // namespace liangzhu::engine
