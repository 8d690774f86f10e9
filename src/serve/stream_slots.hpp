#pragma once
// The event streams open at once, capped. A stream holds one of the server's connection threads
// while it lasts; the pool has a thread for each slot plus some for every other request, so
// however many pages follow runs, the API still answers (internal).
#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>

namespace liangzhu::serve::detail {

class stream_slots {
 public:
  /// A place among the open streams, given back when destroyed. Move-only.
  class slot {
   public:
    explicit slot(std::shared_ptr<std::atomic<std::size_t>> open) : open_(std::move(open)) {}
    slot(slot&&) noexcept = default;
    slot& operator=(slot&&) noexcept = default;
    slot(const slot&) = delete;
    slot& operator=(const slot&) = delete;
    ~slot() {
      if (open_) open_->fetch_sub(1);
    }

   private:
    // Shared, so a slot outliving the server (it should not) still counts down safely.
    std::shared_ptr<std::atomic<std::size_t>> open_;
  };

  explicit stream_slots(std::size_t capacity)
      : capacity_(capacity), open_(std::make_shared<std::atomic<std::size_t>>(0)) {}

  /// A slot, or nullopt when `capacity()` streams are open already; safe from any thread.
  std::optional<slot> try_acquire() {
    std::size_t now = open_->load();
    do {
      if (now >= capacity_) return std::nullopt;
    } while (!open_->compare_exchange_weak(now, now + 1));
    return slot(open_);
  }

  std::size_t open() const { return open_->load(); }
  std::size_t capacity() const { return capacity_; }

 private:
  std::size_t capacity_;
  std::shared_ptr<std::atomic<std::size_t>> open_;
};

}  // namespace liangzhu::serve::detail
