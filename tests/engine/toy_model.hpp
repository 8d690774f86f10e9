#pragma once
// A small model written only against the engine's public API, used to test determinism across
// thread counts and checkpoint/resume. People earn, give money to friends, meet, die and are born.
#include <cmath>

#include "liangzhu/engine/agent_table.hpp"
#include "liangzhu/engine/archive.hpp"
#include "liangzhu/engine/collector.hpp"
#include "liangzhu/engine/network.hpp"
#include "liangzhu/engine/ordered_buffer.hpp"
#include "liangzhu/engine/parallel.hpp"
#include "liangzhu/engine/rng.hpp"
#include "liangzhu/engine/schedule.hpp"

namespace liangzhu::engine::testing {

class toy_model {
 public:
  enum purpose : std::uint64_t { earn = 1, give, meet, die, birth };

  toy_model(std::uint64_t seed, int threads, int people)
      : seed_(seed), ex_(threads), ties_(6), collector_({"village"}) {
    total_ = collector_.declare({"total_wealth", "coin", "sum of wealth"});
    count_ = collector_.declare({"people", "persons", "alive"});
    tie_series_ = collector_.declare({"ties", "ties", "ties"});
    death_kind_ = collector_.declare_event_kind({"death", "someone died"});
    for (int i = 0; i < people; ++i) wealth_[people_.row(people_.create())] = 10.0;
    ties_.ensure_nodes(people_.slot_count());
    sched_.every_tick("earn", [this](long t) { earn_phase(t); });
    sched_.every_tick("give", [this](long t) { give_phase(t); });
    sched_.every(4, 0, "meet", [this](long t) { meet_phase(t); });
    sched_.every_tick("life", [this](long t) { life_phase(t); });
    sched_.every_tick("collect", [this](long t) { collect_phase(t); });
  }

  void run(long from, long to, collection_sink* sink) {
    collector_.set_sink(sink);
    for (long t = from; t < to; ++t) sched_.run_tick(t);
    collector_.flush();
  }

  std::vector<char> checkpoint() const {
    archive_writer w;
    people_.save(w);
    ties_.save(w);
    w.write(injected_);
    return w.bytes();
  }
  void restore(const std::string& bytes) {
    archive_reader r(bytes, "toy");
    people_.load(r);
    ties_.load(r);
    injected_ = r.read<double>();
  }

  double total_wealth() const {
    return ex_.sum(people_.size(), 0.0, [&](std::size_t i) { return wealth_[i]; });
  }
  double injected() const { return injected_; }
  const agent_table& people() const { return people_; }
  const tie_graph& ties() const { return ties_; }

 private:
  void earn_phase(long t) {
    // Income is created money; it is counted in injected_ so conservation can be checked.
    ex_.for_each(people_.size(), [&](std::size_t i) {
      rng_stream r(seed_, earn, people_.id_at(i).packed(), static_cast<std::uint64_t>(t));
      wealth_[i] += r.uniform(0.0, 1.0);
    });
    injected_ += ex_.sum(people_.size(), 0.0, [&](std::size_t i) {
      rng_stream r(seed_, earn, people_.id_at(i).packed(), static_cast<std::uint64_t>(t));
      return r.uniform(0.0, 1.0);
    });
  }

  void give_phase(long t) {
    struct gift {
      std::uint32_t to_slot;
      double amount;
    };
    ordered_buffer<gift> gifts;
    ex_.for_each(people_.size(), [&](std::size_t i) {
      const auto id = people_.id_at(i);
      const auto ties = ties_.ties_of(id.index);
      const auto friends = ties.neighbours();
      if (friends.empty()) return;
      rng_stream r(seed_, give, id.packed(), static_cast<std::uint64_t>(t));
      const double amount = wealth_[i] * 0.1;
      wealth_[i] -= amount;
      gifts.record(id.index, {friends[r.below(friends.size())], amount});
    });
    for (const auto& g : gifts.drain())
      wealth_[people_.row(people_.id_of_slot(g.item.to_slot))] += g.item.amount;
  }

  void meet_phase(long t) {
    const std::size_t n = people_.size();
    for (std::size_t i = 0; i < n; ++i) {
      const auto id = people_.id_at(i);
      rng_stream r(seed_, meet, id.packed(), static_cast<std::uint64_t>(t));
      const auto other = people_.id_at(r.below(n));
      if (other != id)
        ties_.add_tie(id.index, other.index, 0, static_cast<float>(r.uniform(0.2, 1.0)));
    }
    ties_.decay(0.9f, 0.05f, ex_);
  }

  void life_phase(long t) {
    // Deaths leave their wealth to the village chest (a new person); births bring 10 coins.
    double estate = 0.0;
    for (std::size_t r = people_.size(); r-- > 0;) {
      const auto id = people_.id_at(r);
      rng_stream s(seed_, die, id.packed(), static_cast<std::uint64_t>(t));
      if (s.bernoulli(0.01)) {
        estate += wealth_[r];
        collector_.events().record(
            {static_cast<std::int32_t>(t), 0, death_kind_, id.packed(), wealth_[r]});
        ties_.clear_node(id.index);
        people_.destroy(id);
      }
    }
    rng_stream s(seed_, birth, 0, static_cast<std::uint64_t>(t));
    const auto births = s.poisson(static_cast<double>(people_.size()) * 0.01) + 1;
    for (std::uint64_t b = 0; b < births; ++b) {
      const auto id = people_.create();
      wealth_[people_.row(id)] = b == 0 ? estate + 10.0 : 10.0;
      injected_ += 10.0;
    }
    ties_.ensure_nodes(people_.slot_count());
  }

  void collect_phase(long t) {
    collector_.set(0, total_, total_wealth());
    collector_.set(0, count_, static_cast<double>(people_.size()));
    collector_.set(0, tie_series_, static_cast<double>(ties_.tie_count()));
    collector_.end_tick(static_cast<std::int32_t>(t));
    if (collector_.pending_ticks() >= 8) collector_.flush();
  }

  std::uint64_t seed_;
  executor ex_;
  agent_table people_{"person"};
  column<double>& wealth_ = people_.add_column<double>("wealth");
  tie_graph ties_;
  collector collector_;
  schedule sched_;
  std::size_t total_, count_, tie_series_;
  std::uint16_t death_kind_;
  double injected_ = 0.0;
};

/// A sink that hashes everything it receives, in order.
class hashing_sink final : public collection_sink {
 public:
  void declare(std::span<const std::string>, std::span<const series_spec>,
               std::span<const event_kind_spec>) override {}
  void write_batch(std::span<const series_row> rows,
                   std::span<const event_record> events) override {
    for (const auto& r : rows) {
      hash_ = fnv1a64({reinterpret_cast<const char*>(&r.tick), sizeof r.tick}, hash_);
      hash_ = fnv1a64(
          {reinterpret_cast<const char*>(r.values.data()), r.values.size() * sizeof(double)},
          hash_);
    }
    for (const auto& e : events) {
      hash_ = fnv1a64({reinterpret_cast<const char*>(&e.subject), sizeof e.subject}, hash_);
      hash_ = fnv1a64({reinterpret_cast<const char*>(&e.value), sizeof e.value}, hash_);
    }
    ++batches_;
    rows_ += rows.size();
    last_rows_.assign(rows.begin(), rows.end());
  }
  void write_snapshot(const agent_snapshot&) override {}

  std::uint64_t hash() const { return hash_; }
  std::size_t batches() const { return batches_; }
  std::size_t rows() const { return rows_; }
  const std::vector<series_row>& last_rows() const { return last_rows_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ull;
  std::size_t batches_ = 0, rows_ = 0;
  std::vector<series_row> last_rows_;
};

}  // namespace liangzhu::engine::testing
