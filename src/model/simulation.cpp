// Wiring of a run: the initial state, the weekly schedule (ODD "Process overview and
// scheduling"), outputs, invariants, the summary and checkpoints.
#include "liangzhu/model/simulation.hpp"

#include "continuation.hpp"
#include "init.hpp"
#include "invariants.hpp"
#include "liangzhu/model/history_files.hpp"
#include "liangzhu/model/memory_estimate.hpp"
#include "liangzhu/model/scenario_schema.hpp"
#include "mechanisms.hpp"
#include "outputs.hpp"
#include "snapshots.hpp"
#include "state_io.hpp"
#include "summary.hpp"

namespace liangzhu::model {

using namespace detail;

namespace {

std::vector<std::string> hub_names(const parameters& p) {
  std::vector<std::string> names;
  for (const auto& h : p.hubs) names.push_back(h.name);
  return names;
}

parameters with_options(parameters p, const run_options& o) {
  if (o.seed) p.seed = *o.seed;
  if (o.ticks) p.ticks = *o.ticks;
  return p;
}

event_kinds declare_events(engine::collector& c) {
  event_kinds k{};
  k.founding = c.declare_event_kind({"founding", "A startup was founded (value: idea quality)"});
  k.failure = c.declare_event_kind({"failure", "A startup failed (value: cash left, CNY)"});
  k.acquisition =
      c.declare_event_kind({"acquisition", "An incumbent acquired a startup (value: price, CNY)"});
  k.tiger = c.declare_event_kind({"tiger", "A startup broke out (value: valuation, CNY)"});
  k.round_guidance = c.declare_event_kind(
      {"round_guidance",
       "A round led by the government guidance funds closed (value: amount, CNY)"});
  k.round_domestic_vc = c.declare_event_kind(
      {"round_domestic_vc", "A round led by a domestic VC closed (value: amount, CNY)"});
  k.round_foreign_vc = c.declare_event_kind(
      {"round_foreign_vc", "A round led by a foreign VC closed (value: amount, CNY)"});
  k.valuation = c.declare_event_kind(
      {"round_valuation", "Post-money valuation of the round just closed (value: CNY)"});
  k.poach = c.declare_event_kind(
      {"poach", "An incumbent hired a startup's top engineer (value: share of team skill lost)"});
  k.litigation = c.declare_event_kind(
      {"litigation", "A noncompete suit against a startup (value: damages, CNY)"});
  k.breakthrough =
      c.declare_event_kind({"breakthrough", "An efficiency breakthrough (value: gain)"});
  k.open_source = c.declare_event_kind(
      {"open_source", "A breakthrough was open-sourced (value: new frontier)"});
  k.export_control = c.declare_event_kind(
      {"export_control", "An export-control step took effect (value: supply share)"});
  k.policy = c.declare_event_kind({"policy", "A policy change took effect (value: new value)"});
  k.independence = c.declare_event_kind(
      {"chip_independence", "The hub became chip-independent (value: first tick)"});
  k.tension_shock =
      c.declare_event_kind({"tension_shock", "A geopolitical shock (value: jump of the index)"});
  k.startup_at_start = c.declare_event_kind(
      {"startup_at_start",
       "A startup alive at the start of the run (value: the tick it was founded, before 0)"});
  k.round_stage = c.declare_event_kind(
      {"round_stage",
       "Stage a round just closed took the startup to (value: 1 seed, 2 series A, 3 series B, 4 "
       "growth)"});
  k.listing = c.declare_event_kind(
      {"listing", "A startup went public (value: market value at the listing, CNY)"});
  return k;
}

}  // namespace

struct simulation::impl {
  parameters p;
  run_options options;
  engine::executor ex;
  engine::calendar cal;
  engine::collector col;
  engine::schedule sched;
  world_state world;
  std::vector<std::unique_ptr<hub_state>> hubs;
  event_kinds kinds;
  context ctx;

  impl(parameters params, run_options o)
      : p(with_options(std::move(params), o)),
        options(o),
        ex(o.threads),
        cal(p.start),
        col(hub_names(p)),
        kinds(declare_events(col)),
        ctx{p, world, ex, cal, col.events(), kinds} {
    declare_series(col);
    init_world(ctx);
    for (std::size_t i = 0; i < p.hubs.size(); ++i) {
      hubs.push_back(
          std::make_unique<hub_state>(p.hubs[i], static_cast<std::uint16_t>(p.tie_capacity)));
      hubs.back()->index = static_cast<std::uint16_t>(i);
      if (p.history)
        prepare_for_history(ctx, *hubs.back());
      else
        init_hub(ctx, *hubs.back());
    }
    if (p.history) {
      parameters history = *p.history;
      history.seed = history_seed(p.seed);
      const auto run = [&] {
        if (options.history_directory.empty()) return run_history(history);
        return stored_or_run_history(options.history_directory, p.history_identity, history.seed,
                                     [&] { return run_history(history); });
      };
      const history_cache::state state =
          options.histories ? options.histories->get_or_run(p.history_identity, history.seed, run)
                            : std::make_shared<const std::vector<char>>(run());
      continue_from_history(ctx, history, {state->data(), state->size()}, hubs);
    }
    build_schedule();
  }

  /// Simulates the start_from scenario to its end, on this run's threads, and returns its state.
  std::vector<char> run_history(const parameters& history_params) const {
    run_options history_options;
    history_options.threads = options.threads;
    simulation history(history_params, history_options);
    history.run();
    return history.checkpoint();
  }

  /// Adds a phase that runs `f` for every hub in order, every tick or on ticks first,
  /// first + period, ...
  void per_hub(std::string name, void (*f)(const context&, hub_state&, long), int period = 1,
               int first = 0) {
    sched.every(period, first, std::move(name), [this, f](long t) {
      for (auto& h : hubs) f(ctx, *h, t);
    });
  }

  void schedule_dated_events() {
    for (auto& h : hubs) {
      hub_state* hub = h.get();
      for (const auto& step : hub->p.export_controls)
        sched.at(cal.tick_of(step.date), "export control",
                 [this, hub, step](long t) { apply_export_control(ctx, *hub, step, t); });
      for (const auto& change : hub->p.policy_changes)
        sched.at(policy_tick(ctx, change), "policy",
                 [this, hub, change](long t) { apply_policy_change(ctx, *hub, change, t); });
    }
    for (const auto& shock : p.world.tension_shocks)
      sched.at(cal.tick_of(shock.date), "tension shock",
               [this, shock](long t) { apply_tension_shock(ctx, shock, t); });
  }

  void build_schedule() {
    schedule_dated_events();
    const int year = static_cast<int>(std::lround(cal.ticks_per_year()));
    sched.every(year, 0, "budget year", [this](long) {
      for (auto& h : hubs) start_budget_year(*h);
      for (std::size_t i = 0; i < world.investors.size(); ++i) {
        world.investors[i].deals_this_year = 0;
        world.investors[i].capital_left = p.world.investor_cities[world.investors[i].city].fund_cny;
      }
    });
    sched.every_tick("geopolitics", [this](long t) { update_tension(ctx, t); });
    per_hub("labour market (yearly)", annual_labour_update, year, year);
    per_hub("graduates", graduates_arrive);
    per_hub("departures", engineers_leave);
    per_hub("job moves", job_moves);
    per_hub("noncompete compensation", pay_noncompete_compensation);
    per_hub("poaching", poach);
    per_hub("meetups", meetups);
    per_hub("investor ties", deal_flow_through_ties);
    per_hub("founding", found_startups);
    per_hub("hiring", hire_into_startups);
    per_hub("guidance funds", guidance_rounds);
    per_hub("foreign investors", foreign_office_rounds);
    per_hub("compute market", clear_compute_market);
    per_hub("efficiency research", efficiency_research);
    per_hub("efficiency spillover", efficiency_spillover);
    per_hub("litigation", litigate);
    per_hub("startup operations", operate_startups);
    per_hub("listings", list_startups);
    const int quarter = static_cast<int>(std::lround(cal.ticks_per_year() / 4));
    per_hub("acquisitions", acquisitions, quarter, quarter - 1);
    per_hub("tie decay", decay_ties, tie_decay_period);
  }

  void record(long t) {
    for (auto& h : hubs) record_series(ctx, *h, col);
    col.end_tick(static_cast<std::int32_t>(t));
  }

  bool check_each_tick() const {
#ifndef NDEBUG
    return true;
#else
    return options.check_every_tick;
#endif
  }

  void step() {
    const long t = world.tick;
    for (auto& h : hubs) h->clock = static_cast<std::int32_t>(t);
    sched.run_tick(t);
    record(t);
    if (check_each_tick()) check_all();
    world.tick = t + 1;
    if (options.flush_every > 0 &&
        col.pending_ticks() >= static_cast<std::size_t>(options.flush_every))
      col.flush();
  }

  void check_all() const {
    for (const auto& h : hubs) check_conservation(*h);
    check_investor_sources(world, hub_views());
  }

  std::vector<const hub_state*> hub_views() const {
    std::vector<const hub_state*> v;
    for (const auto& h : hubs) v.push_back(h.get());
    return v;
  }
};

simulation::simulation(const io::scenario& scenario, run_options options)
    : simulation(read_parameters(scenario), options) {}

simulation::simulation(parameters params, run_options options) {
  params = with_options(std::move(params), options);  // the length graduates are counted for
  check_memory(params, options.max_memory_bytes, options.runs_at_once);
  impl_ = std::make_unique<impl>(std::move(params), options);
}

simulation::~simulation() = default;

const parameters& simulation::params() const { return impl_->p; }
std::uint64_t simulation::seed() const { return impl_->p.seed; }
int simulation::threads() const { return impl_->ex.threads(); }
long simulation::tick() const { return impl_->world.tick; }
long simulation::ticks_total() const { return impl_->p.ticks; }
const engine::calendar& simulation::calendar() const { return impl_->cal; }
engine::collector& simulation::collector() { return impl_->col; }

void simulation::step() { impl_->step(); }

void simulation::run(std::optional<long> until) {
  const long end = std::min(until.value_or(ticks_total()), ticks_total());
  while (tick() < end) step();
  flush();
}

void simulation::flush() { impl_->col.flush(); }

std::vector<summary_figure> simulation::summary() const {
  return summarise(impl_->ctx, impl_->hub_views());
}

void simulation::check_invariants() const { impl_->check_all(); }

std::vector<engine::phase_timing> simulation::timings() const { return impl_->sched.timings(); }

std::vector<engine::agent_snapshot> simulation::snapshots() const {
  std::vector<engine::agent_snapshot> out;
  for (const auto& h : impl_->hubs)
    for (const auto* table : {&h->engineers.table, &h->startups.table}) {
      engine::agent_snapshot snap;
      snap.tick = static_cast<std::int32_t>(tick());
      snap.kind = h->p.name + "." + table->kind();
      snap.columns.push_back("slot");  // the id ties refer to
      for (const auto& c : table->columns()) snap.columns.push_back(c->name());
      snap.values.reserve(table->size() * snap.columns.size());
      for (std::size_t row = 0; row < table->size(); ++row) {
        snap.values.push_back(table->id_at(row).index);
        for (const auto& c : table->columns()) snap.values.push_back(c->as_double(row));
      }
      out.push_back(std::move(snap));
    }
  for (const auto& h : impl_->hubs) out.push_back(tie_snapshot(*h, tick()));
  for (const auto& h : impl_->hubs) out.push_back(holding_snapshot(*h, tick()));
  out.push_back(investor_snapshot(impl_->ctx, impl_->hub_views(), tick()));
  return out;
}

std::vector<std::pair<std::string, double>> simulation::memory_report() const {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& h : impl_->hubs) {
    const auto bytes_per_row = [](const engine::agent_table& t) {
      double b = 4;  // slot map: the dense index per slot, and the id (slot, generation) per row
      b += 8;
      for (const auto& c : t.columns()) b += static_cast<double>(c->byte_size());
      return b;
    };
    out.push_back({h->p.name + ".engineers", static_cast<double>(h->engineers.table.size())});
    out.push_back(
        {h->p.name + ".bytes_per_engineer",
         bytes_per_row(h->engineers.table) + static_cast<double>(h->ties.bytes_per_node()) + 0.5});
    out.push_back({h->p.name + ".startups", static_cast<double>(h->startups.table.size())});
    out.push_back({h->p.name + ".bytes_per_startup", bytes_per_row(h->startups.table)});
  }
  return out;
}

std::vector<char> simulation::checkpoint() const {
  return save_state(impl_->p, impl_->world, impl_->hubs);
}

void simulation::restore(std::string_view bytes) {
  // Events of the set-up (startups alive at the start) belong to tick 0 of the original run, not
  // to the resumed one.
  std::vector<engine::event_record> set_up;
  impl_->col.events().drain_sorted(set_up);
  load_state(bytes, impl_->p, impl_->world, impl_->hubs);
  for (auto& hub : impl_->hubs) reapply_policy_changes(impl_->ctx, *hub, impl_->world.tick);
  impl_->sched.resume_at(impl_->world.tick);
}

std::vector<output_doc> output_reference() {
  std::vector<output_doc> docs;
  for (const auto& s : series_outputs())
    docs.push_back({s.spec.name, s.spec.unit, s.spec.description, "series"});
  for (auto& d : summary_docs()) docs.push_back(d);
  for (auto& d : snapshot_docs()) docs.push_back(d);
  return docs;
}

}  // namespace liangzhu::model
