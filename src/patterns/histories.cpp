#include "histories.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace liangzhu::patterns::detail {
namespace {

/// What an event kind means to the histories.
enum class role {
  other,
  founding,
  at_start,
  round_amount,
  round_post,
  round_stage,
  failure,
  acquisition,
  listing,
  tiger
};

role role_of(std::string_view kind) {
  if (kind == "founding") return role::founding;
  if (kind == "startup_at_start") return role::at_start;
  if (kind == "round_guidance" || kind == "round_domestic_vc" || kind == "round_foreign_vc")
    return role::round_amount;
  if (kind == "round_valuation") return role::round_post;
  if (kind == "round_stage") return role::round_stage;
  if (kind == "failure") return role::failure;
  if (kind == "acquisition") return role::acquisition;
  if (kind == "listing") return role::listing;
  if (kind == "tiger") return role::tiger;
  return role::other;
}

}  // namespace

std::vector<startup_history> startup_histories(const run_evidence& run) {
  std::vector<role> roles;
  for (const auto& name : run.event_kinds) roles.push_back(role_of(name));
  std::map<std::uint64_t, startup_history> by_id;
  // A startup closes at most one round a week, so a round is its events of one tick.
  std::map<std::pair<std::uint64_t, std::int32_t>, round_record> rounds;
  for (const auto& e : run.events) {
    const role r = e.kind < roles.size() ? roles[e.kind] : role::other;
    if (r == role::other) continue;
    auto& h = by_id[e.subject];
    h.id = e.subject;
    switch (r) {
      case role::founding:
        h.founded = e.tick;
        h.founded_in_run = true;
        break;
      case role::at_start:
        h.founded = e.value;
        break;
      case role::round_amount:
      case role::round_post:
      case role::round_stage: {
        auto& round = rounds[{e.subject, e.tick}];
        round.tick = e.tick;
        if (r == role::round_amount) round.amount += e.value;
        if (r == role::round_post) round.post = e.value;
        if (r == role::round_stage) round.stage = static_cast<int>(e.value);
        break;
      }
      case role::failure:
        h.failed = e.tick;
        break;
      case role::acquisition:
        h.acquired = e.tick;
        h.exit_value = e.value;
        break;
      case role::listing:
        h.listed = e.tick;
        h.exit_value = e.value;
        break;
      case role::tiger:
        h.tiger = e.tick;
        break;
      case role::other:
        break;
    }
  }
  for (const auto& [key, round] : rounds) by_id[key.first].rounds.push_back(round);  // tick order
  std::vector<startup_history> out;
  out.reserve(by_id.size());
  for (auto& [id, h] : by_id) {
    h.id = id;
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace liangzhu::patterns::detail
