// The progress line: drawn with '\r' over itself on a terminal, throttled so that fast runs do
// not spend their time writing to the terminal, and absent when stderr is a file or a pipe (a
// log full of carriage returns helps nobody).
#include "liangzhu/cli/progress_bar.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace liangzhu::cli {
namespace {

constexpr int bar_width = 20;
constexpr auto redraw_interval = std::chrono::milliseconds(100);

std::string bar(long done, long total) {
  const double fraction =
      total > 0 ? std::clamp(static_cast<double>(done) / static_cast<double>(total), 0.0, 1.0)
                : 1.0;
  const auto filled = static_cast<std::size_t>(std::lround(fraction * bar_width));
  std::string out = "[";
  out.append(filled, '#');
  out.append(static_cast<std::size_t>(bar_width) - filled, '.');
  out += ']';
  return fmt::format("{} {:3d}%", out, static_cast<int>(std::floor(fraction * 100.0)));
}

}  // namespace

std::string group_thousands(long long n) {
  const std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out = n < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string format_duration(double seconds) {
  const auto total = static_cast<long long>(std::llround(std::max(seconds, 0.0)));
  const long long h = total / 3600, m = total / 60 % 60, s = total % 60;
  if (h > 0) return fmt::format("{}:{:02d}:{:02d}", h, m, s);
  return fmt::format("{}:{:02d}", m, s);
}

std::string render_progress(long done, long total, std::string_view date, double per_second,
                            double eta_seconds, std::string_view unit) {
  std::string line = fmt::format("{} {} {}/{}  {}", bar(done, total), unit, done, total, date);
  if (per_second >= 10) {
    line += fmt::format("  {} {}s/s  ETA {}", group_thousands(std::llround(per_second)), unit,
                        format_duration(eta_seconds));
  } else if (per_second > 0) {  // slow units (whole runs of a sweep) read better per minute
    line += fmt::format("  {:.1f} {}s/min  ETA {}", per_second * 60, unit,
                        format_duration(eta_seconds));
  }
  return line;
}

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

progress_bar::progress_bar(long first, long total, bool enabled, std::string unit,
                           clock::duration log_every)
    : first_(first),
      total_(total),
      enabled_(enabled),
      unit_(std::move(unit)),
      log_every_(log_every),
      last_draw_(clock::now()) {}

progress_bar::~progress_bar() { clear(); }

void progress_bar::update(long done, std::string_view date) {
  if (!enabled_) return;
  const auto now = clock::now();
  const bool log = log_every_ > clock::duration::zero();
  if (log ? now - last_draw_ < log_every_ || done >= total_
          : drawn_ && now - last_draw_ < redraw_interval && done < total_)
    return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done - first_) / elapsed : 0.0;
  const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
  if (log) {
    std::fprintf(stderr, "%s\n", render_progress(done, total_, date, rate, eta, unit_).c_str());
    std::fflush(stderr);
    return;
  }
  // "\x1b[K" erases what a longer previous line left to the right.
  std::fprintf(stderr, "\r%s\x1b[K", render_progress(done, total_, date, rate, eta, unit_).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void progress_bar::clear() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace liangzhu::cli
