#pragma once
/// @file Deterministic parallel loops over agents.
///
/// Work is cut into fixed-size blocks that do not depend on the thread count; reductions combine
/// block results in block order. A loop therefore gives bit-identical results on 1 or N threads,
/// provided each iteration writes only its own agent's data (and draws from its own stream).
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <utility>
#include <vector>

namespace liangzhu::engine {

namespace detail {
class block_runner;
}

/// Runs loops on a fixed number of threads.
class executor {
 public:
  /// Block length of every loop: large enough to amortise scheduling, small enough to balance.
  static constexpr std::size_t block = 2048;

  /// `threads` <= 0 means all hardware threads.
  explicit executor(int threads = 1);
  ~executor();
  executor(executor&&) noexcept;
  executor& operator=(executor&&) noexcept;
  int threads() const { return threads_; }

  /// Calls f(i) for every i in [0, n); iterations may run concurrently.
  template <class F>
  void for_each(std::size_t n, F&& f) const {
    for_each_block(n, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) f(i);
    });
  }

  /// Calls f(begin, end) for each block of [0, n).
  template <class F>
  void for_each_block(std::size_t n, F&& f) const {
    const std::size_t blocks = (n + block - 1) / block;
    if (threads_ == 1 || blocks <= 1) {
      for (std::size_t b = 0; b < blocks; ++b) f(b * block, std::min(n, (b + 1) * block));
      return;
    }
    auto one_block = [&](std::size_t b) { f(b * block, std::min(n, (b + 1) * block)); };
    run_blocks(
        blocks,
        [](void* context, std::size_t b) { (*static_cast<decltype(one_block)*>(context))(b); },
        &one_block);
  }

  /// The indices i in [0, n) for which pred(i) holds, in increasing order.
  template <class Pred>
  std::vector<std::size_t> select(std::size_t n, Pred&& pred) const {
    return gather_blocks<std::size_t>(
        n, [&](std::size_t begin, std::size_t end, std::vector<std::size_t>& out) {
          for_each_hit(begin, end, pred, [&](std::size_t i) { out.push_back(i); });
        });
  }

  /// The pairs (i, map(i)) for the i in [0, n) where pred(i) holds, in increasing i; pred and
  /// map run in the parallel loop, so the serial work that follows only consumes the results.
  /// prepare(i) is called for all of a block's hits before map is called for any of them: it may
  /// prefetch what map will read, so that the memory latencies of sparse hits overlap.
  template <class Pred, class Map, class Prepare = void (*)(std::size_t)>
  auto select_map(
      std::size_t n, Pred&& pred, Map&& map, Prepare&& prepare = [](std::size_t) {}) const {
    using item = std::pair<std::size_t, decltype(map(std::size_t{0}))>;
    return gather_blocks<item>(n, [&](std::size_t begin, std::size_t end, std::vector<item>& out) {
      std::vector<std::size_t> hits;
      for_each_hit(begin, end, pred, [&](std::size_t i) { hits.push_back(i); });
      for (const std::size_t i : hits) prepare(i);
      for (const std::size_t i : hits) out.push_back({i, map(i)});
    });
  }

  /// Calls emit(i, out) for every i in [0, n) and concatenates what each call appended to `out`
  /// in increasing i, whatever the thread count.
  template <class T, class Emit>
  std::vector<T> gather(std::size_t n, Emit&& emit) const {
    return gather_blocks<T>(n, [&](std::size_t begin, std::size_t end, std::vector<T>& out) {
      for (std::size_t i = begin; i < end; ++i) emit(i, out);
    });
  }
  /// Calls emit(begin, end, out) for every block and concatenates what the blocks appended to
  /// `out` in block order, whatever the thread count.
  template <class T, class EmitBlock>
  std::vector<T> gather_blocks(std::size_t n, EmitBlock&& emit) const {
    const std::size_t blocks = (n + block - 1) / block;
    std::vector<std::vector<T>> found(blocks);
    for_each_block(
        n, [&](std::size_t begin, std::size_t end) { emit(begin, end, found[begin / block]); });
    std::size_t total = 0;
    for (const auto& f : found) total += f.size();
    std::vector<T> all;
    all.reserve(total);
    for (auto& f : found)
      all.insert(all.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
    return all;
  }

  /// Sums map(i) over [0, n) (any T with +=), in an order fixed by the block layout alone.
  template <class T, class Map>
  T sum(std::size_t n, T zero, Map&& map) const {
    const std::size_t blocks = (n + block - 1) / block;
    std::vector<T> partial(blocks, zero);
    for_each_block(n, [&](std::size_t begin, std::size_t end) {
      T acc = zero;
      for (std::size_t i = begin; i < end; ++i) acc += map(i);
      partial[begin / block] = acc;
    });
    T total = zero;
    for (const T& p : partial) total += p;
    return total;
  }

 private:
  /// Calls visit(i) for the i in [begin, end) where pred(i) holds, in increasing order. pred is
  /// evaluated for 64 indices at a time into a bit mask, a loop without branches the compiler
  /// vectorises; most selections are sparse, and only their hits are visited.
  template <class Pred, class Visit>
  static void for_each_hit(std::size_t begin, std::size_t end, Pred& pred, Visit&& visit) {
    for (std::size_t first = begin; first < end; first += 64) {
      const std::size_t last = std::min(end, first + 64);
      std::uint64_t hits = 0;
      for (std::size_t i = first; i < last; ++i)
        hits |= std::uint64_t{static_cast<bool>(pred(i))} << (i - first);
      for (; hits != 0; hits &= hits - 1)
        visit(first + static_cast<std::size_t>(std::countr_zero(hits)));
    }
  }

  /// Calls task(context, b) for every block b in [0, blocks) on the executor's threads (oneTBB,
  /// or a team of std::threads in builds for ThreadSanitizer: src/engine/thread_team.hpp).
  void run_blocks(std::size_t blocks, void (*task)(void*, std::size_t), void* context) const;

  int threads_;
  std::unique_ptr<detail::block_runner> runner_;
};

}  // namespace liangzhu::engine
