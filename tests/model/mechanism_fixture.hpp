#pragma once
// A hub built by the model's own initialisation, for unit tests of single mechanisms.
#include "model/context.hpp"
#include "model/init.hpp"
#include "model/invariants.hpp"
#include "model/labour.hpp"
#include "model/mechanisms.hpp"
#include "model/model_fixture.hpp"

namespace liangzhu::model::testing {

struct hub_fixture {
  explicit hub_fixture(std::vector<std::string> overrides = {})
      : p(read_parameters(small_scenario(std::move(overrides)))),
        cal(p.start),
        col({"test"}),
        ctx{p, world, ex, cal, col.events(), kinds},
        hub(p.hubs[0], static_cast<std::uint16_t>(p.tie_capacity)) {
    detail::init_world(ctx);
    detail::init_hub(ctx, hub);
    detail::start_budget_year(hub);
  }

  /// Row of some engineer in `where`.
  std::size_t someone(detail::place where) const {
    for (std::size_t r = 0; r < hub.engineers.table.size(); ++r)
      if (hub.engineers.where[r] == where) return r;
    throw std::logic_error("nobody there");
  }

  parameters p;
  engine::executor ex{1};
  engine::calendar cal;
  engine::collector col;
  detail::world_state world;
  detail::event_kinds kinds{};
  detail::context ctx;
  detail::hub_state hub;
};

}  // namespace liangzhu::model::testing
