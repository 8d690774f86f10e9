// The end-of-run summary (per hub and for the whole run): what the questions of MODEL.md ask —
// tigers, survival by cohort, funding by source, the foreign and offshore shares, the
// chip-independence date, and what government spending bought per startup and per tiger.
#include "summary.hpp"

#include "ledger.hpp"
#include "portfolios.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <numeric>

namespace liangzhu::model::detail {
namespace {

using hub_ref = const hub_state&;  // the hub an output reads

double ratio_or_nan(double a, double b) { return b > 0 ? a / b : std::nan(""); }
double so_far(hub_ref h, counted key) { return static_cast<double>(h.counts.so_far(key)); }
/// Founders who chose a route (government or offshore) during the run.
double routes_chosen(hub_ref h) {
  return so_far(h, counted::chose_offshore) + so_far(h, counted::chose_government);
}

/// The q-quantile (nearest rank below) of `values`; NaN if empty.
double quantile(std::vector<double> values, double q) {
  if (values.empty()) return std::nan("");
  const auto k = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

double team_quantile(hub_ref h, double q) {
  std::vector<double> teams;
  for (std::size_t s = 0; s < h.startups.table.size(); ++s) teams.push_back(h.startups.team[s]);
  return quantile(std::move(teams), q);
}

/// Hill's estimator of the Pareto tail index of live startups' team sizes, from the largest
/// tenth (at least ten): how fat the tail of firm sizes is (Axtell 2001: about 1 for US firms).
double team_tail_index(hub_ref h) {
  std::vector<double> teams;
  for (std::size_t s = 0; s < h.startups.table.size(); ++s)
    if (h.startups.team[s] > 0) teams.push_back(h.startups.team[s]);
  const std::size_t k = std::max<std::size_t>(10, teams.size() / 10);
  if (teams.size() <= k) return std::nan("");
  std::sort(teams.begin(), teams.end(), std::greater<>());
  const double threshold = teams[k];
  double sum = 0;
  for (std::size_t i = 0; i < k; ++i) sum += std::log(teams[i] / threshold);
  return sum > 0 ? static_cast<double>(k) / sum : std::nan("");
}

struct hub_figure {
  output_doc doc;
  std::function<double(const context&, hub_ref)> value;
};

std::vector<hub_figure> build() {
  std::vector<hub_figure> f;
  auto add = [&](std::string name, std::string unit, std::string description,
                 std::function<double(const context&, hub_ref)> v) {
    f.push_back(
        {{std::move(name), std::move(unit), std::move(description), "summary"}, std::move(v)});
  };
  // A count or sum's run total, as counters.hpp names it.
  auto add_counter = [&](auto key) {
    const auto& spec = outputs_of(key);
    LIANGZHU_ASSERT(!spec.summary.name.empty(), "the counter has a summary figure");
    add(std::string(spec.summary.name), std::string(spec.summary.unit),
        std::string(spec.summary.description),
        [key](auto&, hub_ref h) { return static_cast<double>(h.tally_of(key).so_far(key)); });
  };
  add_counter(counted::founded);
  add("startups_alive_end", "startups", "Startups alive at the end",
      [](auto&, hub_ref h) { return static_cast<double>(h.startups.table.size()); });
  add_counter(counted::failed);
  add_counter(counted::acquired);
  add_counter(counted::listed);
  add_counter(counted::listed_star);
  add_counter(counted::listed_hong_kong);
  add_counter(counted::listed_us);
  add_counter(summed::listing_raised_cny);
  add_counter(counted::tigers);
  add_counter(counted::subsidised);
  add("funding_government_cny", "CNY",
      "Money from governments (subsidies, guidance funds, vouchers)", [](auto&, hub_ref h) {
        return run_inflow(h, money_in::subsidy) + run_inflow(h, money_in::guidance) +
               run_inflow(h, money_in::voucher);
      });
  add("funding_domestic_vc_cny", "CNY", "Money from domestic VCs",
      [](auto&, hub_ref h) { return run_inflow(h, money_in::domestic_vc); });
  add("funding_foreign_vc_cny", "CNY", "Money from foreign VCs",
      [](auto&, hub_ref h) { return run_inflow(h, money_in::foreign_vc); });
  add("funding_founders_cny", "CNY", "Founders' own money",
      [](auto&, hub_ref h) { return run_inflow(h, money_in::founder); });
  add("foreign_share", "share", "Foreign VC money / all equity money (VCs and guidance funds)",
      [](auto&, hub_ref h) {
        const double foreign = run_inflow(h, money_in::foreign_vc);
        return ratio_or_nan(foreign, foreign + run_inflow(h, money_in::domestic_vc) +
                                         run_inflow(h, money_in::guidance));
      });
  add("offshore_share", "share", "Founders choosing the offshore route / all who chose",
      [](auto&, hub_ref h) {
        return ratio_or_nan(so_far(h, counted::chose_offshore), routes_chosen(h));
      });
  add("offshore_affordable_share", "share",
      "Founders at the choice of route who could pay for the offshore office (with the round on "
      "offer where capital.office_paid_from_round lets it pay) / all who chose",
      [](auto&, hub_ref h) {
        return ratio_or_nan(so_far(h, counted::could_afford_offshore), routes_chosen(h));
      });
  add_counter(counted::priced_out_of_offshore);
  add("government_spending_cny", "CNY",
      "Subsidies, vouchers, guidance investments and tax expenditure",
      [](auto&, hub_ref h) { return government_spending(h); });
  add("cost_per_startup_cny", "CNY", "Government spending per startup founded",
      [](auto&, hub_ref h) {
        return ratio_or_nan(government_spending(h), so_far(h, counted::founded));
      });
  add("cost_per_tiger_cny", "CNY", "Government spending per tiger (empty if none)",
      [](auto&, hub_ref h) {
        return ratio_or_nan(government_spending(h), so_far(h, counted::tigers));
      });
  add_counter(summed::tax_revenue_cny);
  add("chip_independence_tick", "tick",
      "First tick of chip independence (empty if not reached; the date is in the text)",
      [](auto&, hub_ref h) {
        return h.independence_tick >= 0 ? static_cast<double>(h.independence_tick) : std::nan("");
      });
  // The tick alone is empty when independence is not reached, which averages and sensitivity
  // analyses cannot use: these two give the share reached and a time censored at the run's end.
  add("chip_independence_reached", "share (0/1)",
      "1 if the hub became chip-independent during the run, else 0",
      [](auto&, hub_ref h) { return h.independence_tick >= 0 ? 1.0 : 0.0; });
  add("chip_independence_years", "years",
      "Years from the start to chip independence, censored at the run's length when not reached",
      [](const context& ctx, hub_ref h) {
        const long tick = h.independence_tick >= 0 ? h.independence_tick : ctx.world.tick;
        return static_cast<double>(tick) / ctx.ticks_per_year();
      });
  // What export controls and the chip market did to startups over the whole run.
  add("startup_compute_fulfilment_run", "share",
      "Compute startups got / compute they wanted, over the whole run", [](auto&, hub_ref h) {
        return ratio_or_nan(h.sums.so_far(summed::startup_compute_got_h100e),
                            h.sums.so_far(summed::startup_compute_need_h100e));
      });
  add("startup_compute_h100e_years", "H100e-years", "Compute startups got over the whole run",
      [](const context& ctx, hub_ref h) {
        return h.sums.so_far(summed::startup_compute_got_h100e) / ctx.ticks_per_year();
      });
  add("compute_price_mean_cny", "CNY per H100e-week", "Mean weekly price of compute over the run",
      [](auto&, hub_ref h) {
        return ratio_or_nan(h.sums.so_far(summed::compute_price_cny),
                            so_far(h, counted::market_weeks));
      });
  add("domestic_share_end", "share", "Domestic supply / demand at the end",
      [](auto&, hub_ref h) { return ratio_or_nan(h.domestic_stock, h.compute_demand); });
  add_counter(counted::started_waiting);
  add_counter(counted::founded_after_waiting);
  add_counter(counted::founded_while_bound);
  add_counter(counted::litigations);
  add_counter(counted::poached);
  add_counter(counted::poach_refused);
  add_counter(counted::laid_off);
  add_counter(counted::breakthroughs);
  add("acquisition_spending_cny", "CNY",
      "What incumbents paid for the startups they acquired (to the startups' investors, pro rata "
      "to their stakes)",
      [](auto&, hub_ref h) {
        double total = 0;
        for (const auto& inc : h.incumbents) total += inc.spent_on_acquisitions;
        return total;
      });
  add_counter(counted::rounds);
  add_counter(counted::rounds_through_ties);
  add_counter(counted::coinvested_rounds);
  add("state_tie_mean_end", "state-tie units",
      "Mean state-tie score of the startups alive at the end (government money taken: guidance "
      "rounds, subsidies, vouchers)",
      [](auto&, hub_ref h) {
        const auto& ties = h.startups.state_tie;
        double total = 0;
        for (std::size_t s = 0; s < h.startups.table.size(); ++s) total += ties[s];
        return ratio_or_nan(total, static_cast<double>(h.startups.table.size()));
      });
  add("team_median_end", "engineers", "Median team size of live startups at the end",
      [](auto&, hub_ref h) { return team_quantile(h, 0.5); });
  add("team_p90_end", "engineers", "90th percentile of team size at the end (firm-size skew)",
      [](auto&, hub_ref h) { return team_quantile(h, 0.9); });
  add("team_max_end", "engineers", "Largest team of a live startup at the end",
      [](auto&, hub_ref h) { return team_quantile(h, 1.0); });
  add("team_tail_index_end", "",
      "Pareto tail index of live startups' team sizes at the end (Hill estimator on the largest "
      "tenth, at least ten; smaller: fatter tail)",
      [](auto&, hub_ref h) { return team_tail_index(h); });
  return f;
}

const std::vector<hub_figure>& hub_figures() {
  static const auto figures = build();
  return figures;
}

/// Share of all investor proceeds that came from the best tenth of deals.
double top_decile_share(std::vector<double> values) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end(), std::greater<>());
  const double total = std::accumulate(values.begin(), values.end(), 0.0);
  const auto top = std::max<std::size_t>(1, values.size() / 10);
  return ratio_or_nan(
      std::accumulate(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(top), 0.0),
      total);
}

/// Each fund's multiple: exit proceeds plus stakes held at the end, over money invested (funds
/// that invested nothing are left out).
std::vector<double> fund_multiples(const context& ctx, const std::vector<const hub_state*>& hubs) {
  const auto held = held_value_by_fund(ctx, hubs);
  std::vector<double> out;
  for (std::size_t i = 0; i < ctx.world.investors.size(); ++i) {
    const auto& inv = ctx.world.investors[i];
    if (inv.invested > 0) out.push_back((inv.proceeds + held[i]) / inv.invested);
  }
  return out;
}

/// A city's name as part of an output name: lower case, anything but letters and digits as '_'.
std::string name_part(const std::string& city) {
  std::string out;
  for (const char ch : city)
    out += std::isalnum(static_cast<unsigned char>(ch))
               ? static_cast<char>(std::tolower(static_cast<unsigned char>(ch)))
               : '_';
  return out;
}

/// What the funds of each investor city put in and got back (proceeds of exits plus stakes still
/// held, valued at the startups' valuations at the end).
struct city_returns {
  double invested = 0, value = 0, deals = 0;
};

std::vector<city_returns> returns_by_city(const context& ctx,
                                          const std::vector<const hub_state*>& hubs) {
  std::vector<city_returns> by_city(ctx.p.world.investor_cities.size());
  const auto held = held_value_by_fund(ctx, hubs);
  for (std::size_t i = 0; i < ctx.world.investors.size(); ++i) {
    const auto& inv = ctx.world.investors[i];
    by_city[inv.city].invested += inv.invested;
    by_city[inv.city].value += inv.proceeds + held[i];
    by_city[inv.city].deals += inv.deals;
  }
  return by_city;
}

summary_figure figure(const std::string& hub, const output_doc& doc, double value) {
  summary_figure out{hub, doc.name, std::nullopt, "", doc.unit, doc.description};
  if (!std::isnan(value)) out.value = value;
  return out;
}

}  // namespace

std::vector<output_doc> summary_docs() {
  std::vector<output_doc> docs;
  for (const auto& f : hub_figures()) docs.push_back(f.doc);
  docs.push_back(
      {"survival_cohort_<k>", "share",
       "Share of the startups founded in year k of the run (k = 0, 1, ...) still alive at the end",
       "summary"});
  docs.push_back({"top_decile_returns_share", "share",
                  "Whole run: share of investors' proceeds (exits and end values) from the best "
                  "tenth of deals",
                  "summary"});
  for (const auto& [name, which] : {std::pair{"fund_multiple_p25", "lower quartile"},
                                    {"fund_multiple_p50", "median"},
                                    {"fund_multiple_p75", "upper quartile"}})
    docs.push_back({name, "x",
                    std::string("Whole run: ") + which +
                        " of the funds' multiples (exit proceeds plus stakes held at the end, "
                        "valued at the startups' valuations, over money invested)",
                    "summary"});
  docs.push_back(
      {"exits", "deals",
       "Whole run: investor stakes that ended (failure, acquisition) or were valued at the end",
       "summary"});
  docs.push_back(
      {"tension_end", "index (0-1)", "Whole run: geopolitical tension at the end", "summary"});
  docs.push_back({"investors_<city>_invested_cny", "CNY",
                  "Whole run: money the funds of investor city <city> (its name in lower case, '_' "
                  "for spaces) invested in the hubs' startups",
                  "summary"});
  docs.push_back({"investors_<city>_value_cny", "CNY",
                  "Whole run: what those funds got back from exits plus their stakes still held, "
                  "at the startups' valuations at the end",
                  "summary"});
  docs.push_back({"investors_<city>_multiple", "x",
                  "Whole run: value / invested of those funds (empty if they invested nothing)",
                  "summary"});
  docs.push_back({"investors_<city>_deals", "deals",
                  "Whole run: investments those funds made (leads and co-investments)", "summary"});
  return docs;
}

std::vector<summary_figure> summarise(const context& ctx,
                                      const std::vector<const hub_state*>& hubs) {
  std::vector<summary_figure> out;
  std::vector<double> proceeds = ctx.world.exit_values;
  for (const hub_state* h : hubs) {
    for (const auto& f : hub_figures()) out.push_back(figure(h->p.name, f.doc, f.value(ctx, *h)));
    auto& independence = *std::find_if(out.begin(), out.end(), [&](const summary_figure& s) {
      return s.hub == h->p.name && s.name == "chip_independence_tick";
    });
    independence.text = h->independence_tick >= 0
                            ? ctx.cal.date_of(h->independence_tick).to_string()
                            : "not reached";
    for (std::size_t y = 0; y < h->cohort_founded.size(); ++y) {
      const output_doc doc{"survival_cohort_" + std::to_string(y), "share",
                           "Share of startups founded in year " + std::to_string(y) + " (from " +
                               ctx.cal
                                   .date_of(static_cast<long>(
                                       std::lround(static_cast<double>(y) * ctx.ticks_per_year())))
                                   .to_string() +
                               ") alive at the end",
                           "summary"};
      out.push_back(figure(h->p.name, doc, ratio_or_nan(h->cohort_alive[y], h->cohort_founded[y])));
    }
    // Stakes still held are valued at the startups' current valuations.
    for (std::size_t s = 0; s < h->startups.table.size(); ++s)
      for (const auto& stake : h->holdings[h->startups.table.id_at(s).index])
        proceeds.push_back(stake.share * h->startups.valuation[s]);
  }
  const auto docs = summary_docs();
  const auto doc = [&](const std::string& name) {
    return *std::find_if(docs.begin(), docs.end(),
                         [&](const output_doc& d) { return d.name == name; });
  };
  out.push_back(figure("", doc("top_decile_returns_share"), top_decile_share(proceeds)));
  const auto multiples = fund_multiples(ctx, hubs);
  for (const auto& [name, q] : {std::pair{"fund_multiple_p25", 0.25},
                                {"fund_multiple_p50", 0.5},
                                {"fund_multiple_p75", 0.75}})
    out.push_back(figure("", doc(name), quantile(multiples, q)));
  out.push_back(figure("", doc("exits"), static_cast<double>(proceeds.size())));
  out.push_back(figure("", doc("tension_end"), ctx.world.tension));
  const auto by_city = returns_by_city(ctx, hubs);
  for (std::size_t c = 0; c < by_city.size(); ++c) {
    const auto& city = ctx.p.world.investor_cities[c].name;
    const std::string prefix = "investors_" + name_part(city) + "_";
    const auto city_doc = [&](const char* what, const char* unit, const std::string& description) {
      return output_doc{prefix + what, unit, description + " (" + city + ")", "summary"};
    };
    out.push_back(figure("", city_doc("invested_cny", "CNY", "Money this city's funds invested"),
                         by_city[c].invested));
    out.push_back(
        figure("",
               city_doc("value_cny", "CNY",
                        "Exit proceeds plus stakes held at the end, of this city's funds"),
               by_city[c].value));
    out.push_back(figure("", city_doc("multiple", "x", "Value / invested of this city's funds"),
                         ratio_or_nan(by_city[c].value, by_city[c].invested)));
    out.push_back(figure("", city_doc("deals", "deals", "Investments this city's funds made"),
                         by_city[c].deals));
  }
  return out;
}

}  // namespace liangzhu::model::detail
