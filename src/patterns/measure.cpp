// Each pattern's value in one run, computed from its events, series and summary exactly as
// definitions.cpp says.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <string>

#include "histories.hpp"
#include "liangzhu/model/liquidation.hpp"
#include "liangzhu/patterns/panel.hpp"
#include "measures.hpp"

namespace liangzhu::patterns {
namespace {

using detail::startup_history;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr int max_age = 30;           // life-table ages kept (years)
constexpr double window_years = 4.0;  // follow-up of the financing patterns

double median(std::vector<double> v) {
  if (v.empty()) return nan;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double ratio(double a, double b) { return b > 0 ? a / b : nan; }

/// What every pattern of one run reads: the run and its startups' histories.
struct inputs {
  const run_evidence& run;
  std::vector<startup_history> startups;
  double years(double ticks) const { return ticks / run.ticks_per_year; }
  double end() const { return static_cast<double>(run.ticks); }

  const std::vector<double>* series(std::string_view name) const {
    for (std::size_t k = 0; k < run.series_names.size(); ++k)
      if (run.series_names[k] == name) return &run.series[k];
    return nullptr;
  }
  double series_mean(std::string_view name) const {
    const auto* s = series(name);
    if (s == nullptr || s->empty()) return nan;
    return std::accumulate(s->begin(), s->end(), 0.0) / static_cast<double>(s->size());
  }
  double summary(std::string_view name) const {
    for (const auto& row : run.summary)
      if (row.name == name && row.value) return *row.value;
    return nan;
  }
  std::size_t events_of(std::string_view kind) const {
    std::size_t n = 0;
    for (const auto& e : run.events)
      if (e.kind < run.event_kinds.size() && run.event_kinds[e.kind] == kind) ++n;
    return n;
  }
};

/// Startup-years observed and endings at each age year (ages a to a+1), over every startup with
/// a known founding date, observed from max(founding, 0) until it ended or the run did.
struct life_table {
  std::vector<double> exposure = std::vector<double>(max_age, 0.0);
  std::vector<double> endings = std::vector<double>(max_age, 0.0);
  std::vector<double> failures = std::vector<double>(max_age, 0.0);

  explicit life_table(const inputs& in) {
    const double tpy = in.run.ticks_per_year;
    for (const auto& h : in.startups) {
      if (!h.founded) continue;
      const double born = *h.founded;
      const double from = std::max(born, 0.0);
      const auto ended = h.ended();
      const double to = ended ? static_cast<double>(*ended) : in.end();
      for (int a = 0; a < max_age; ++a) {
        const double lo = std::max(from, born + a * tpy), hi = std::min(to, born + (a + 1) * tpy);
        if (hi > lo) exposure[static_cast<std::size_t>(a)] += (hi - lo) / tpy;
      }
      if (ended) {
        const auto a = static_cast<int>(std::floor((*ended - born) / tpy));
        if (a >= 0 && a < max_age) {
          endings[static_cast<std::size_t>(a)] += 1;
          if (h.failed) failures[static_cast<std::size_t>(a)] += 1;
        }
      }
    }
  }

  /// exp(-sum of the yearly ending hazards up to age n); NaN if an age before n was not observed.
  double survival(int n) const {
    double cumulative = 0;
    for (int a = 0; a < n; ++a) {
      const auto k = static_cast<std::size_t>(a);
      if (exposure[k] <= 0) return nan;
      cumulative += endings[k] / exposure[k];
    }
    return std::exp(-cumulative);
  }
};

/// Rounds to `stage` followed by a round to `stage` + 1 within the window, among rounds closed at
/// least a window before the end: {share, median years between}.
std::pair<double, double> progression(const inputs& in, int stage) {
  const double window = window_years * in.run.ticks_per_year;
  double eligible = 0, progressed = 0;
  std::vector<double> gaps;
  for (const auto& h : in.startups) {
    const auto from = std::find_if(h.rounds.begin(), h.rounds.end(),
                                   [&](const auto& r) { return r.stage == stage; });
    if (from == h.rounds.end() || from->tick > in.end() - window) continue;
    eligible += 1;
    const auto next =
        std::find_if(from, h.rounds.end(), [&](const auto& r) { return r.stage == stage + 1; });
    if (next != h.rounds.end() && next->tick - from->tick <= window) {
      progressed += 1;
      gaps.push_back(in.years(next->tick - from->tick));
    }
  }
  return {ratio(progressed, eligible), median(gaps)};
}

/// What round_median reads of a round.
enum class round_value { amount, post_money, pre_money };

/// Median amount, post-money or pre-money (post-money - amount, rounds with a post-money only) of
/// the rounds that took startups to `stage`.
double round_median(const inputs& in, int stage, round_value what) {
  std::vector<double> values;
  for (const auto& h : in.startups)
    for (const auto& r : h.rounds) {
      if (r.stage != stage) continue;
      if (what == round_value::amount) values.push_back(r.amount);
      if (what == round_value::post_money) values.push_back(r.post);
      if (what == round_value::pre_money && r.post > 0) values.push_back(r.post - r.amount);
    }
  return median(values);
}

/// Median pre-money value of the rounds to `stage` + 1 over the same of the rounds to `stage`.
double step_up(const inputs& in, int stage) {
  return ratio(round_median(in, stage + 1, round_value::pre_money),
               round_median(in, stage, round_value::pre_money));
}

/// The multiple of each round of a startup founded in the run: realised (the startup failed, was
/// acquired or listed) or marked at the startup's last round price (alive, not listed). A sale
/// pays the rounds as the model does, with the run's liquidation preference; a listing converts
/// them into ordinary shares. Startups alive at the start are left out: what a round gets in a
/// sale depends on every other stake's preference, and the stakes bought before the run are not
/// among its events.
struct multiples {
  std::vector<double> realised, marked;
  explicit multiples(const inputs& in) {
    for (const auto& h : in.startups) {
      if (!h.founded_in_run) continue;
      const auto& rounds = h.rounds;
      std::vector<model::preferred_stake> stakes;
      std::vector<double> kept;  // what later rounds left of each round's stake
      for (std::size_t i = 0; i < rounds.size(); ++i) {
        kept.push_back(1.0);
        for (std::size_t j = i + 1; j < rounds.size(); ++j)
          if (rounds[j].post > 0)
            kept.back() *= 1.0 - std::min(1.0, rounds[j].amount / rounds[j].post);
        stakes.push_back({rounds[i].amount,
                          rounds[i].post > 0 ? rounds[i].amount / rounds[i].post * kept[i] : 0});
      }
      const bool realised_by_listing = h.listed && (!h.failed || *h.listed < *h.failed);
      const auto payouts =
          realised_by_listing || h.acquired
              ? model::liquidation_payouts(
                    stakes, h.exit_value, realised_by_listing ? 0.0 : in.run.liquidation_preference)
              : std::vector<double>(rounds.size(), 0.0);
      for (std::size_t i = 0; i < rounds.size(); ++i) {
        if (rounds[i].post <= 0 || rounds[i].amount <= 0) continue;
        if (realised_by_listing || h.acquired)
          realised.push_back(payouts[i] / rounds[i].amount);
        else if (h.failed)
          realised.push_back(0.0);
        else
          marked.push_back(rounds.back().post / rounds[i].post * kept[i]);
      }
    }
  }
  static double share(const std::vector<double>& v, const std::function<bool(double)>& pred) {
    if (v.empty()) return nan;
    return static_cast<double>(std::count_if(v.begin(), v.end(), pred)) /
           static_cast<double>(v.size());
  }
};

/// Failures per startup-year at ages [2, 5) over ages [0, 2).
double failure_hazard_rise(const inputs& in) {
  const life_table t(in);
  const auto pooled = [&](int from, int to) {
    double failures = 0, exposure = 0;
    for (int a = from; a < to; ++a) {
      failures += t.failures[static_cast<std::size_t>(a)];
      exposure += t.exposure[static_cast<std::size_t>(a)];
    }
    return ratio(failures, exposure);
  };
  return ratio(pooled(2, 5), pooled(0, 2));
}

double start_transient(const inputs& in) {
  const double tpy = in.run.ticks_per_year;
  const auto years = static_cast<int>(std::floor(in.end() / tpy));
  if (years < 3) return nan;
  std::vector<double> exposure(static_cast<std::size_t>(years), 0.0);
  std::vector<double> failures(static_cast<std::size_t>(years), 0.0);
  for (const auto& h : in.startups) {
    if (!h.founded) continue;
    const double from = std::max(*h.founded, 0.0);
    const double to = h.ended() ? static_cast<double>(*h.ended()) : in.end();
    for (int y = 0; y < years; ++y) {
      const double lo = std::max(from, y * tpy), hi = std::min(to, (y + 1) * tpy);
      if (hi > lo) exposure[static_cast<std::size_t>(y)] += (hi - lo) / tpy;
    }
    if (h.failed) {
      const auto y = static_cast<int>(std::floor(*h.failed / tpy));
      if (y >= 0 && y < years) failures[static_cast<std::size_t>(y)] += 1;
    }
  }
  std::vector<double> rates;
  for (std::size_t y = 0; y < exposure.size(); ++y)
    rates.push_back(ratio(failures[y], exposure[y]));
  double later = 0;
  for (std::size_t y = 1; y < rates.size(); ++y) later += rates[y];
  later /= static_cast<double>(rates.size() - 1);
  return ratio(rates[0], later);
}

double founding_to_first_round(const inputs& in) {
  const double window = window_years * in.run.ticks_per_year;
  std::vector<double> waits;
  for (const auto& h : in.startups) {
    if (!h.founded_in_run || *h.founded > in.end() - window || h.rounds.empty()) continue;
    const double wait = h.rounds.front().tick - *h.founded;
    if (h.rounds.front().stage == 1 && wait <= window) waits.push_back(in.years(wait));
  }
  return median(waits);
}

double equity_per_year(const inputs& in) {
  double total = 0;
  for (const auto& e : in.run.events) {
    if (e.kind >= in.run.event_kinds.size()) continue;
    const auto& kind = in.run.event_kinds[e.kind];
    if (kind == "round_guidance" || kind == "round_domestic_vc" || kind == "round_foreign_vc")
      total += e.value;
  }
  return in.end() > 0 ? total / in.years(in.end()) : nan;
}

double tiger_age(const inputs& in) {
  std::vector<double> ages;
  for (const auto& h : in.startups)
    if (h.tiger && h.founded) ages.push_back(in.years(*h.tiger - *h.founded));
  return median(ages);
}

double tigers_founded_in_run(const inputs& in) {
  double all = 0, in_run = 0;
  for (const auto& h : in.startups) {
    if (!h.tiger) continue;
    all += 1;
    if (h.founded_in_run) in_run += 1;
  }
  return ratio(in_run, all);
}

double unemployment(const inputs& in) {
  const auto* u = in.series("engineers_unemployed");
  const auto* n = in.series("engineers");
  if (u == nullptr || n == nullptr || u->empty()) return nan;
  double sum = 0;
  for (std::size_t t = 0; t < u->size() && t < n->size(); ++t) sum += ratio((*u)[t], (*n)[t]);
  return sum / static_cast<double>(u->size());
}

double job_moves(const inputs& in) {
  const auto* moves = in.series("job_moves");
  if (moves == nullptr || moves->empty()) return nan;
  const double per_year = std::accumulate(moves->begin(), moves->end(), 0.0) /
                          in.years(static_cast<double>(moves->size()));
  return ratio(per_year, in.series_mean("engineers") - in.series_mean("engineers_unemployed"));
}

using measure_fn = std::function<double(const inputs&)>;

const std::map<std::string_view, measure_fn>& measures() {
  static const std::map<std::string_view, measure_fn> table = {
      {"survival_2y", [](const inputs& in) { return life_table(in).survival(2); }},
      {"survival_5y", [](const inputs& in) { return life_table(in).survival(5); }},
      {"survival_10y", [](const inputs& in) { return life_table(in).survival(10); }},
      {"failure_hazard_rise", failure_hazard_rise},
      {"start_transient", start_transient},
      {"founding_to_first_round_years", founding_to_first_round},
      {"seed_to_a_share", [](const inputs& in) { return progression(in, 1).first; }},
      {"seed_to_a_years", [](const inputs& in) { return progression(in, 1).second; }},
      {"a_to_b_share", [](const inputs& in) { return progression(in, 2).first; }},
      {"seed_round_cny", [](const inputs& in) { return round_median(in, 1, round_value::amount); }},
      {"a_round_cny", [](const inputs& in) { return round_median(in, 2, round_value::amount); }},
      {"b_round_cny", [](const inputs& in) { return round_median(in, 3, round_value::amount); }},
      {"a_post_money_cny",
       [](const inputs& in) { return round_median(in, 2, round_value::post_money); }},
      {"seed_to_a_step_up", [](const inputs& in) { return step_up(in, 1); }},
      {"a_to_b_step_up", [](const inputs& in) { return step_up(in, 2); }},
      {"team_tail_index", [](const inputs& in) { return in.summary("team_tail_index_end"); }},
      {"deals_under_1x_share",
       [](const inputs& in) {
         return multiples::share(multiples(in).realised, [](double m) { return m < 1.0; });
       }},
      {"deals_10x_share",
       [](const inputs& in) {
         return multiples::share(multiples(in).realised, [](double m) { return m >= 10.0; });
       }},
      {"marked_10x_share",
       [](const inputs& in) {
         return multiples::share(multiples(in).marked, [](double m) { return m >= 10.0; });
       }},
      {"fund_multiple_median", [](const inputs& in) { return in.summary("fund_multiple_p50"); }},
      {"listing_share_of_exits",
       [](const inputs& in) {
         const auto listed = static_cast<double>(in.events_of("listing"));
         return ratio(listed, listed + static_cast<double>(in.events_of("acquisition")));
       }},
      {"failure_share_of_endings",
       [](const inputs& in) {
         const auto failed = static_cast<double>(in.events_of("failure"));
         return ratio(failed, failed + static_cast<double>(in.events_of("acquisition") +
                                                           in.events_of("listing")));
       }},
      {"equity_cny_per_year", equity_per_year},
      {"tigers_per_year",
       [](const inputs& in) {
         return in.end() > 0 ? static_cast<double>(in.events_of("tiger")) / in.years(in.end())
                             : nan;
       }},
      {"tiger_age_years", tiger_age},
      {"tigers_founded_in_run_share", tigers_founded_in_run},
      {"unemployment_rate", unemployment},
      {"seekers_per_vacancy",
       [](const inputs& in) {
         return ratio(in.series_mean("engineers_unemployed"), in.series_mean("vacancies"));
       }},
      {"job_moves_per_year", job_moves},
      {"founded_after_waiting_share",
       [](const inputs& in) {
         return ratio(in.summary("founded_after_waiting"), in.summary("startups_founded"));
       }},
  };
  return table;
}

}  // namespace

bool detail::is_measured(std::string_view id) { return measures().count(id) > 0; }

std::vector<double> measure(const run_evidence& run) {
  const inputs in{run, detail::startup_histories(run)};
  std::vector<double> out;
  for (const auto& p : panel()) {
    const auto it = measures().find(p.id);
    out.push_back(it == measures().end() ? nan : it->second(in));
  }
  return out;
}

}  // namespace liangzhu::patterns
