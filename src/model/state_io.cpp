// Checkpoints: everything that changes during a run. Each part of the state lists what changes in
// it once (the `fields` functions below), and the same list writes and reads it, so a field cannot
// be saved and forgotten on load. Parameters are not written: a checkpoint is restored into a
// simulation built from the same scenario (the instruments dated policies change are state).
#include "state_io.hpp"

#include <algorithm>
#include <concepts>
#include <string>
#include <type_traits>

namespace liangzhu::model::detail {
namespace {

static_assert(std::is_trivially_copyable_v<government_state>);
static_assert(std::is_trivially_copyable_v<holding> && sizeof(holding) == 24,
              "no padding in checkpoints");

template <class T, class U>
concept state_of = std::same_as<std::remove_const_t<T>, U>;

// What changes in each part of the state, in checkpoint order. `Self` is the part, const when
// saving; `visit` writes or reads each field.

template <state_of<incumbent_state> Self, class Visit>
void fields(Self& inc, Visit&& visit) {
  visit(inc.headcount);
  visit(inc.wanted);
  visit(inc.wanted_at_start);
  visit(inc.compute_need);
  visit(inc.compute_got);
  visit(inc.efficiency);
  visit(inc.noncompete_paid);
  visit(inc.acquisitions);
  visit(inc.spent_on_acquisitions);
}

template <state_of<investor_state> Self, class Visit>
void fields(Self& inv, Visit&& visit) {
  visit(inv.capital_left);
  visit(inv.invested);
  visit(inv.proceeds);
  visit(inv.deals);
  visit(inv.deals_this_year);
  visit(inv.contacts);
}

template <class T>
inline constexpr bool is_tally = false;
template <class Key, class Value>
inline constexpr bool is_tally<tally<Key, Value>> = true;

template <class Self, class Visit>
requires is_tally<std::remove_const_t<Self>>
void fields(Self& counts, Visit&& visit) { std::remove_const_t<Self>::fields(counts, visit); }

template <state_of<hub_state> Self, class Visit>
void fields(Self& h, Visit&& visit) {
  visit(h.engineers.table);
  visit(h.startups.table);
  visit(h.roster);
  visit(h.holdings);
  visit(h.incumbents);
  visit(h.ties);
  visit(h.local);
  visit(h.provincial);
  visit(h.foreign_stock);
  visit(h.domestic_stock);
  visit(h.foreign_supply_share);
  visit(h.foreign_performance);
  visit(h.compute_demand);
  visit(h.compute_unmet);
  visit(h.compute_price);
  visit(h.startup_compute_need);
  visit(h.startup_compute_got);
  visit(h.wage_index);
  visit(h.independence_streak);
  visit(h.independence_tick);
  visit(h.counts);
  visit(h.sums);
  visit(h.inflows);
  visit(h.outflows);
  visit(h.in_place);
  visit(h.cohort_founded);
  visit(h.cohort_alive);
}

template <state_of<world_state> Self, class Visit>
void fields(Self& w, Visit&& visit) {
  visit(w.tick);
  visit(w.tension);
  visit(w.open_frontier);
  visit(w.investors);
  visit(w.exit_values);
}

template <class T>
concept listed = requires(T& t) {
  fields(t, [](auto&) {});
};
template <class T>
inline constexpr bool is_vector = false;
template <class T, class A>
inline constexpr bool is_vector<std::vector<T, A>> = true;
template <class T>
concept archived = requires(const T& t, engine::archive_writer& out) {
  t.save(out);
};

/// Writes a field: a listed part field by field; a list of parts (or of vectors) as its length
/// and each element; an agent table or tie graph as it saves itself; anything else as its bytes.
class saver {
 public:
  explicit saver(engine::archive_writer& out) : out_(out) {}

  template <class T>
  void operator()(const T& v) {
    if constexpr (listed<T>) {
      fields(v, *this);
    } else if constexpr (is_vector<T>) {
      using element = typename T::value_type;
      if constexpr (listed<element> || is_vector<element>) {
        out_.write<std::uint64_t>(v.size());
        for (const auto& e : v) (*this)(e);
      } else {
        out_.write_vector(v);
      }
    } else if constexpr (archived<T>) {
      v.save(out_);
    } else {
      static_assert(std::is_trivially_copyable_v<T>);
      out_.write(v);
    }
  }

 private:
  engine::archive_writer& out_;
};

/// Reads what saver wrote. Lists of listed parts (incumbents, investors) are sized by the
/// scenario and must have the same length; lists of vectors (rosters, holdings) are resized.
class loader {
 public:
  explicit loader(engine::archive_reader& in) : in_(in) {}

  template <class T>
  void operator()(T& v) {
    if constexpr (listed<T>) {
      fields(v, *this);
    } else if constexpr (is_vector<T>) {
      using element = typename T::value_type;
      if constexpr (listed<element>) {
        if (in_.read<std::uint64_t>() != v.size())
          in_.fail("incumbents or investors differ from the scenario's");
        for (auto& e : v) (*this)(e);
      } else if constexpr (is_vector<element>) {
        const auto n = in_.read<std::uint64_t>();
        if (n > in_.remaining()) in_.fail("nested vector length beyond the end");
        v.resize(n);
        for (auto& e : v) (*this)(e);
      } else {
        in_.read_vector(v);
      }
    } else if constexpr (archived<T>) {
      v.load(in_);
    } else {
      v = in_.read<T>();
    }
  }

 private:
  engine::archive_reader& in_;
};

/// Changes whenever what save_state writes changes (2: investors' contacts; 3: incumbents'
/// acquisition spending; 4: run totals of startups' compute and of prices; 5: who could afford the
/// offshore route; 6: counters as tallies, government instruments in the state; 7: listed startups,
/// money raised at listings, layoffs and listings counted; 8: market hires counted; 9: the
/// unemployed's market-offer times; 10: the engineers' eight date columns in 16 bits; 11: tie
/// weights as 16-bit levels with the graph's offset and drop line), so that a checkpoint of an
/// older build is refused with a clear message rather than misread.
constexpr int state_layout = 11;

/// A fingerprint of the layout and of the parameters that shape the state, so that a checkpoint
/// is not restored into a run of another scenario.
std::string fingerprint(const parameters& p) {
  std::string f = "layout " + std::to_string(state_layout) + "/" + std::to_string(p.seed) + "/" +
                  p.start.to_string();  // not the length: a resumed run may go further
  for (const auto& h : p.hubs) {
    f += "/" + h.name + ":" + std::to_string(h.talent.engineers) + ":" +
         std::to_string(h.founding.initial_startups) + ":" + std::to_string(h.incumbents.size());
  }
  return f;
}

/// Values that code uses as indices are in range: engineers are counted by place, incumbents
/// looked up by employer and by the employer that binds a noncompete, and so on. A forged
/// checkpoint with another value is refused here rather than read out of bounds later.
template <class T>
void check_below(engine::archive_reader& in, const engine::column<T>& column, std::size_t count,
                 const std::string& what) {
  for (const T v : column.values())
    if (static_cast<std::size_t>(v) >= count)
      in.fail(what + " " + std::to_string(static_cast<std::size_t>(v)) + " out of range (" +
              std::to_string(count) + " values)");
}

void check_indices(engine::archive_reader& in, const hub_state& h) {
  const auto& e = h.engineers;
  check_below(in, e.where, place_count, "engineer's place");
  check_below(in, h.startups.stage_of, stage_count, "startup's stage");
  check_below(in, h.startups.route_of, route_count, "startup's route");
  // An engineer never bound keeps bound_by 0, also in a hub without incumbents.
  check_below(in, e.bound_by, std::max<std::size_t>(1, h.incumbents.size()),
              "noncompete's incumbent");
  check_below(in, h.startups.bound_by, std::max<std::size_t>(1, h.incumbents.size()),
              "founder's former incumbent");
  for (std::size_t row = 0; row < e.table.size(); ++row)
    if (e.where[row] == place::incumbent && e.employer[row] >= h.incumbents.size())
      in.fail("engineer's incumbent " + std::to_string(e.employer[row]) + " out of range");
}

}  // namespace

std::vector<char> save_state(const parameters& p, const world_state& world,
                             const std::vector<std::unique_ptr<hub_state>>& hubs) {
  engine::archive_writer out;
  saver save(out);
  out.write_string(fingerprint(p));
  save(world);
  out.write<std::uint64_t>(hubs.size());
  for (const auto& h : hubs) {
    out.write_string(h->p.name);
    save(*h);
  }
  return out.bytes();
}

void load_state(std::string_view bytes, const parameters& p, world_state& world,
                std::vector<std::unique_ptr<hub_state>>& hubs) {
  engine::archive_reader in(bytes, "checkpoint");
  loader load(in);
  in.expect_string(fingerprint(p), "run of the same scenario and seed");
  load(world);
  if (in.read<std::uint64_t>() != hubs.size()) in.fail("hubs differ");
  for (auto& h : hubs) {
    in.expect_string(h->p.name, "hub");
    load(*h);
    check_indices(in, *h);
    h->clock = static_cast<std::int32_t>(world.tick - 1);  // the last week run
    rebuild_agenda(*h, world.tick);
    if (h->roster.size() < h->startups.table.slot_count() ||
        h->holdings.size() < h->startups.table.slot_count())
      in.fail("rosters do not cover the startups");
  }
  if (in.remaining() != 0) in.fail("trailing bytes");
}

}  // namespace liangzhu::model::detail
