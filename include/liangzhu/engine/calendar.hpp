#pragma once
/// @file Calendar dates and the mapping between dates and weekly ticks.
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace liangzhu::engine {

/// A civil date (proleptic Gregorian), as written in scenarios: YYYY-MM-DD.
struct date {
  int year = 2025;
  int month = 1;
  int day = 1;

  auto operator<=>(const date&) const = default;

  /// Parses "YYYY-MM-DD" (or "YYYY-MM", meaning the first of the month); nullopt if malformed or
  /// not a real day.
  static std::optional<date> parse(std::string_view text);
  std::string to_string() const;
  std::chrono::sys_days days() const;
  static date from_days(std::chrono::sys_days d);
};

/// Maps ticks of a fixed length (one week by default) to dates and back.
class calendar {
 public:
  explicit calendar(date start, int days_per_tick = 7);

  date start() const { return start_; }
  int days_per_tick() const { return days_per_tick_; }
  /// The date on which tick `t` begins (tick 0 begins on the start date).
  date date_of(long tick) const;
  /// The first tick beginning on or after `d`; negative if `d` precedes the start.
  long tick_of(date d) const;
  /// The tick whose week (or tick length) contains `d`: when something dated `d` takes effect
  /// or is observed; -1 if `d` precedes the start.
  long tick_containing(date d) const;
  /// Number of ticks per (average) year, used to turn yearly rates into per-tick ones.
  double ticks_per_year() const { return 365.2425 / days_per_tick_; }

 private:
  date start_;
  int days_per_tick_;
};

}  // namespace liangzhu::engine
