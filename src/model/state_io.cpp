// Checkpoints: everything that changes during a run, written in a fixed order. Parameters are
// not written (a checkpoint is restored into a simulation built from the same scenario), except
// the government instruments, which dated policy changes alter during the run.
#include "state_io.hpp"

#include <type_traits>

namespace liangzhu::model::detail {
namespace {

static_assert(std::is_trivially_copyable_v<hub_counters>);
static_assert(std::is_trivially_copyable_v<government_state>);
static_assert(std::is_trivially_copyable_v<government_params>);
static_assert(std::is_trivially_copyable_v<holding> && sizeof(holding) == 24,
              "no padding in checkpoints");

template <class T>
void save_nested(engine::archive_writer& out, const std::vector<std::vector<T>>& nested) {
  out.write<std::uint64_t>(nested.size());
  for (const auto& v : nested) out.write_vector(v);
}

template <class T>
void load_nested(engine::archive_reader& in, std::vector<std::vector<T>>& nested) {
  const auto n = in.read<std::uint64_t>();
  if (n > in.remaining()) in.fail("nested vector length beyond the end");
  nested.resize(n);
  for (auto& v : nested) in.read_vector(v);
}

void save_hub(engine::archive_writer& out, const hub_state& h) {
  out.write_string(h.p.name);
  out.write(h.p.local);
  out.write(h.p.provincial);
  h.engineers.table.save(out);
  h.startups.table.save(out);
  save_nested(out, h.roster);
  save_nested(out, h.holdings);
  out.write<std::uint64_t>(h.incumbents.size());
  for (const auto& inc : h.incumbents) {
    for (const double v :
         {inc.headcount, inc.wanted, inc.compute_need, inc.compute_got, inc.efficiency,
          inc.noncompete_paid, inc.acquisitions, inc.spent_on_acquisitions})
      out.write(v);
  }
  h.ties.save(out);
  out.write(h.local);
  out.write(h.provincial);
  for (const double v : {h.foreign_stock, h.domestic_stock, h.foreign_supply_share,
                         h.foreign_performance, h.compute_demand, h.compute_unmet, h.compute_price,
                         h.startup_compute_need, h.startup_compute_got, h.wage_index})
    out.write(v);
  out.write(h.independence_streak);
  out.write(h.independence_tick);
  out.write(h.c);
  out.write_vector(h.cohort_founded);
  out.write_vector(h.cohort_alive);
}

void load_hub(engine::archive_reader& in, hub_state& h) {
  in.expect_string(h.p.name, "hub");
  h.p.local = in.read<government_params>();
  h.p.provincial = in.read<government_params>();
  h.engineers.table.load(in);
  h.startups.table.load(in);
  load_nested(in, h.roster);
  load_nested(in, h.holdings);
  if (in.read<std::uint64_t>() != h.incumbents.size()) in.fail("incumbents differ");
  for (auto& inc : h.incumbents)
    for (double* v :
         {&inc.headcount, &inc.wanted, &inc.compute_need, &inc.compute_got, &inc.efficiency,
          &inc.noncompete_paid, &inc.acquisitions, &inc.spent_on_acquisitions})
      *v = in.read<double>();
  h.ties.load(in);
  h.local = in.read<government_state>();
  h.provincial = in.read<government_state>();
  for (double* v : {&h.foreign_stock, &h.domestic_stock, &h.foreign_supply_share,
                    &h.foreign_performance, &h.compute_demand, &h.compute_unmet, &h.compute_price,
                    &h.startup_compute_need, &h.startup_compute_got, &h.wage_index})
    *v = in.read<double>();
  h.independence_streak = in.read<long>();
  h.independence_tick = in.read<long>();
  h.c = in.read<hub_counters>();
  in.read_vector(h.cohort_founded);
  in.read_vector(h.cohort_alive);
  if (h.roster.size() < h.startups.table.slot_count() ||
      h.holdings.size() < h.startups.table.slot_count())
    in.fail("rosters do not cover the startups");
}

/// Changes whenever what save_state writes changes (2: investors' contacts; 3: incumbents'
/// acquisition spending; 4: run totals of startups' compute and of prices; 5: who could afford the
/// offshore route), so that a checkpoint of an older build is refused with a clear message rather
/// than misread.
constexpr int state_layout = 5;

/// A fingerprint of the layout and of the parameters that shape the state, so that a checkpoint
/// is not restored into a run of another scenario.
std::string fingerprint(const parameters& p) {
  std::string f = "layout " + std::to_string(state_layout) + "/" + std::to_string(p.seed) + "/" +
                  p.start.to_string();  // not the length: a resumed run may go further
  for (const auto& h : p.hubs) {
    f += "/" + h.name + ":" + std::to_string(h.engineers) + ":" +
         std::to_string(h.initial_startups) + ":" + std::to_string(h.incumbents.size());
  }
  return f;
}

}  // namespace

std::vector<char> save_state(const parameters& p, const world_state& world,
                             const std::vector<std::unique_ptr<hub_state>>& hubs) {
  engine::archive_writer out;
  out.write_string(fingerprint(p));
  out.write(world.tick);
  out.write(world.tension);
  out.write(world.open_frontier);
  out.write<std::uint64_t>(world.investors.size());
  for (const auto& inv : world.investors) {
    for (const double v :
         {inv.capital_left, inv.invested, inv.proceeds, inv.deals, inv.deals_this_year})
      out.write(v);
    out.write_vector(inv.contacts);
  }
  out.write_vector(world.exit_values);
  out.write<std::uint64_t>(hubs.size());
  for (const auto& h : hubs) save_hub(out, *h);
  return out.bytes();
}

void load_state(std::string_view bytes, const parameters& p, world_state& world,
                std::vector<std::unique_ptr<hub_state>>& hubs) {
  engine::archive_reader in(bytes, "checkpoint");
  in.expect_string(fingerprint(p), "run of the same scenario and seed");
  world.tick = in.read<long>();
  world.tension = in.read<double>();
  world.open_frontier = in.read<double>();
  if (in.read<std::uint64_t>() != world.investors.size()) in.fail("investors differ");
  for (auto& inv : world.investors) {
    for (double* v :
         {&inv.capital_left, &inv.invested, &inv.proceeds, &inv.deals, &inv.deals_this_year})
      *v = in.read<double>();
    in.read_vector(inv.contacts);
  }
  in.read_vector(world.exit_values);
  if (in.read<std::uint64_t>() != hubs.size()) in.fail("hubs differ");
  for (auto& h : hubs) load_hub(in, *h);
  if (in.remaining() != 0) in.fail("trailing bytes");
}

}  // namespace liangzhu::model::detail
