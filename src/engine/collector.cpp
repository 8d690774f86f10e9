#include "liangzhu/engine/collector.hpp"

#include <algorithm>
#include <stdexcept>

#include "liangzhu/engine/errors.hpp"

namespace liangzhu::engine {

void event_log::drain_sorted(std::vector<event_record>& out) {
  const std::size_t first = out.size();
  local_.for_each([&](std::vector<event_record>& buffer) {
    out.insert(out.end(), buffer.begin(), buffer.end());
    buffer.clear();
  });
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

collector::collector(std::vector<std::string> groups) : groups_(std::move(groups)) {
  LIANGZHU_ASSERT(!groups_.empty(), "a collector needs at least one group");
}

std::size_t collector::declare(series_spec spec) {
  LIANGZHU_ASSERT(!declared_to_sink_ && pending_ticks_ == 0,
                  "series must be declared before the first tick");
  series_.push_back(std::move(spec));
  current_.assign(groups_.size() * series_.size(), 0.0);
  return series_.size() - 1;
}

std::uint16_t collector::declare_event_kind(event_kind_spec spec) {
  LIANGZHU_ASSERT(!declared_to_sink_, "event kinds must be declared before the first flush");
  event_kinds_.push_back(std::move(spec));
  return static_cast<std::uint16_t>(event_kinds_.size() - 1);
}

std::size_t collector::series_index(std::string_view name) const {
  for (std::size_t i = 0; i < series_.size(); ++i)
    if (series_[i].name == name) return i;
  throw std::out_of_range("no series named " + std::string(name));
}

void collector::end_tick(std::int32_t tick) {
  const std::size_t width = series_.size();
  last_rows_.clear();
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    series_row row{
        tick, static_cast<std::uint16_t>(g),
        std::vector<double>(current_.begin() + static_cast<std::ptrdiff_t>(g * width),
                            current_.begin() + static_cast<std::ptrdiff_t>((g + 1) * width))};
    last_rows_.push_back(row);
    pending_rows_.push_back(std::move(row));
  }
  events_.drain_sorted(pending_events_);
  ++pending_ticks_;
}

void collector::set_sink(collection_sink* sink) {
  sink_ = sink;
  declared_to_sink_ = false;
}

void collector::flush() {
  if (sink_ != nullptr) {
    if (!declared_to_sink_) {
      sink_->declare(groups_, series_, event_kinds_);
      declared_to_sink_ = true;
    }
    if (pending_ticks_ > 0) sink_->write_batch(pending_rows_, pending_events_);
  }
  pending_rows_.clear();
  pending_events_.clear();
  pending_ticks_ = 0;
}

}  // namespace liangzhu::engine
