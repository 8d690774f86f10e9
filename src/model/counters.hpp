#pragma once
// What the model counts as it runs: events (a founding, a round, a suit...) and amounts (tax,
// compute...), each kept for the week being run and for the whole run in one enum-indexed tally.
// A mechanism adds once; the weekly series and the run's summary read the two halves by name
// through the tables below, so an output and its counter cannot drift apart.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace liangzhu::model::detail {

/// Events counted, in the order of the ODD's processes (docs/model.md).
enum class counted : std::uint8_t {
  graduates,               ///< engineers who joined the pool from university
  leavers,                 ///< engineers who retired or left the hub
  job_moves,               ///< engineers who changed employer
  market_hires,            ///< engineers who took a job in the rest of the labour market
  laid_off,                ///< employed engineers who lost their job
  started_waiting,         ///< bound engineers with an idea who chose to wait out a noncompete
  gave_up_waiting,         ///< waiting engineers who gave up their idea
  founded_after_waiting,   ///< startups founded by an engineer whose noncompete had ended
  founded_while_bound,     ///< startups founded anyway by a bound engineer
  litigations,             ///< noncompete suits against startups
  poached,                 ///< startup engineers hired away by incumbents
  poach_refused,           ///< incumbents' offers startup engineers turned down
  founded,                 ///< startups founded
  subsidised,              ///< startups that took a founding subsidy
  failed,                  ///< startups that failed
  acquired,                ///< startups acquired by incumbents
  listed,                  ///< startups that went public (any exchange)
  listed_star,             ///< ... on Shanghai's STAR Market
  listed_hong_kong,        ///< ... in Hong Kong
  listed_us,               ///< ... in the US
  tigers,                  ///< startups that broke out
  rounds,                  ///< funding rounds closed
  rounds_through_ties,     ///< rounds led by a fund that knew the startup before the meetup
  coinvested_rounds,       ///< government rounds with a domestic VC beside the guidance funds
  chose_government,        ///< founders who chose the government route
  chose_offshore,          ///< founders who chose the offshore route
  could_afford_offshore,   ///< founders at the choice who could pay for the offshore office
  priced_out_of_offshore,  ///< founders who preferred the offshore route but could not pay
  meetup_attendance,       ///< engineers and founders at the meetups
  pitches,                 ///< startups pitching at the meetups
  visiting_investors,      ///< funds at the meetups
  term_sheets,             ///< term sheets offered
  breakthroughs,           ///< compute-efficiency breakthroughs
  open_sourced,            ///< breakthroughs open-sourced
  market_weeks,            ///< weeks the compute market cleared (the denominator of the mean price)
  size
};

/// Amounts summed, with their unit in the name.
enum class summed : std::uint8_t {
  tax_revenue_cny,              ///< profit tax paid by startups
  noncompete_compensation_cny,  ///< compensation incumbents paid to bound engineers
  exit_value_cny,               ///< proceeds of acquisitions and listings to investors
  listing_raised_cny,           ///< new money startups raised at their listings
  exited_cash_cny,              ///< cash of startups that failed or were acquired, when they left
  startup_compute_need_h100e,   ///< compute startups wanted, summed over weeks (H100e-weeks)
  startup_compute_got_h100e,    ///< compute startups got, summed over weeks (H100e-weeks)
  compute_price_cny,            ///< weekly compute prices, summed over the weeks the market cleared
  size
};

/// A count or sum per key, for the week being run and for the whole run.
template <class Key, class Value>
class tally {
 public:
  static constexpr std::size_t keys = static_cast<std::size_t>(Key::size);

  void add(Key k, Value amount = Value{1}) {
    week_[index(k)] += amount;
    total_[index(k)] += amount;
  }
  Value this_week(Key k) const { return week_[index(k)]; }
  Value so_far(Key k) const { return total_[index(k)]; }
  const std::array<Value, keys>& totals() const { return total_; }
  /// Called after the week's outputs are recorded (and once after set-up).
  void start_week() { week_.fill(Value{}); }

  /// Both halves of `self` (const when saving), for checkpoints (state_io.cpp).
  template <class Self, class Visit>
  static void fields(Self& self, Visit&& visit) {
    visit(self.week_);
    visit(self.total_);
  }

 private:
  static constexpr std::size_t index(Key k) { return static_cast<std::size_t>(k); }

  std::array<Value, keys> week_{};
  std::array<Value, keys> total_{};
};

using event_tally = tally<counted, std::int64_t>;
using amount_tally = tally<summed, double>;

/// An output's name, unit and description (docs/outputs.md); an empty name: no such output.
struct output_text {
  std::string_view name, unit, description;
};

/// The outputs that read a counter: a weekly series (of the week's count, or of the running
/// total) and a figure of the run's summary (the total).
template <class Key>
struct counter_outputs {
  Key key;
  output_text series;
  bool series_so_far = false;  ///< the series shows the total so far, not the week's count
  output_text summary;
};

/// The outputs of every event count; a count without outputs feeds derived figures only.
inline constexpr std::array<counter_outputs<counted>, event_tally::keys> event_outputs{{
    {counted::graduates,
     {"graduates", "engineers per week", "Graduates who joined the pool this week"},
     false,
     {}},
    {counted::leavers,
     {"leavers", "engineers per week", "Engineers who retired or left the hub this week"},
     false,
     {}},
    {counted::job_moves,
     {"job_moves", "moves per week", "Engineers who changed employer this week"},
     false,
     {}},
    {counted::market_hires,
     {"market_hires", "engineers per week",
      "Engineers who took a job in the rest of the labour market this week"},
     false,
     {}},
    {counted::laid_off,
     {"laid_off_weekly", "engineers per week", "Employed engineers who lost their job this week"},
     false,
     {"laid_off", "engineers", "Employed engineers who lost their job"}},
    {counted::started_waiting,
     {"started_waiting", "engineers per week", "Bound engineers who chose to wait this week"},
     false,
     {"waited_for_noncompete", "engineers", "Bound engineers who chose to wait before founding"}},
    {counted::gave_up_waiting,
     {"gave_up_waiting", "engineers per week",
      "Waiting engineers who gave up their idea this week"},
     false,
     {}},
    {counted::founded_after_waiting,
     {"founded_after_waiting_weekly", "startups per week",
      "Startups founded this week by an engineer who had waited out a noncompete"},
     false,
     {"founded_after_waiting", "startups",
      "Startups founded by engineers who had waited out a noncompete"}},
    {counted::founded_while_bound,
     {"founded_while_bound_weekly", "startups per week",
      "Startups founded anyway by a bound engineer this week"},
     false,
     {"founded_while_bound", "startups", "Startups founded anyway by bound engineers"}},
    {counted::litigations,
     {"litigations_weekly", "suits per week", "Noncompete suits against startups this week"},
     false,
     {"litigations", "suits", "Noncompete suits"}},
    {counted::poached,
     {"poached_weekly", "engineers per week",
      "Startup engineers hired away by incumbents this week"},
     false,
     {"poached", "engineers", "Startup engineers poached by incumbents"}},
    {counted::poach_refused,
     {"poach_refused_weekly", "offers per week",
      "Incumbents' offers to startup engineers turned down this week"},
     false,
     {"poach_refused", "offers", "Incumbents' offers startup engineers turned down"}},
    {counted::founded,
     {"founded", "startups per week", "Startups founded this week"},
     false,
     {"startups_founded", "startups", "Startups founded during the run"}},
    {counted::subsidised,
     {},
     false,
     {"subsidised_startups", "startups", "Startups that took a founding subsidy"}},
    {counted::failed,
     {"failed", "startups per week", "Startups that failed this week"},
     false,
     {"startups_failed", "startups", "Startups that failed"}},
    {counted::acquired,
     {"acquired", "startups per week", "Startups acquired by incumbents this week"},
     false,
     {"startups_acquired", "startups", "Startups acquired by incumbents"}},
    {counted::listed,
     {"listed", "startups per week", "Startups that went public this week"},
     false,
     {"startups_listed", "startups", "Startups that went public (STAR Market, Hong Kong, US)"}},
    {counted::listed_star,
     {},
     false,
     {"listed_star", "startups", "Startups listed on Shanghai's STAR Market"}},
    {counted::listed_hong_kong,
     {},
     false,
     {"listed_hong_kong", "startups", "Startups listed in Hong Kong"}},
    {counted::listed_us, {}, false, {"listed_us", "startups", "Startups listed in the US"}},
    {counted::tigers,
     {"tigers_total", "startups", "Startups that have broken out so far"},
     true,
     {"tigers", "startups", "Startups that broke out during the run (Hangzhou's 'six tigers')"}},
    {counted::rounds,
     {"rounds_weekly", "rounds per week", "Rounds closed this week"},
     false,
     {"rounds", "rounds", "Funding rounds closed"}},
    {counted::rounds_through_ties,
     {"rounds_through_ties_weekly", "rounds per week",
      "Rounds led this week by a fund that knew the startup from an earlier pitch or an "
      "introduction (not at a meetup)"},
     false,
     {"rounds_through_ties", "rounds",
      "Rounds led by a fund that knew the startup (earlier pitch, introduction by a portfolio "
      "founder)"}},
    {counted::coinvested_rounds,
     {"coinvested_rounds_weekly", "rounds per week",
      "Government rounds this week in which a domestic VC co-invested beside the guidance funds"},
     false,
     {"coinvested_rounds", "rounds",
      "Government rounds with a domestic VC co-investing beside the guidance funds"}},
    {counted::chose_government,
     {"chose_government", "startups per week", "Founders who chose the government route this week"},
     false,
     {}},
    {counted::chose_offshore,
     {"chose_offshore", "startups per week",
      "Founders who chose the offshore (Singapore) route this week"},
     false,
     {}},
    {counted::could_afford_offshore, {}, false, {}},
    {counted::priced_out_of_offshore,
     {},
     false,
     {"priced_out_of_offshore", "founders",
      "Founders whose choice favoured the offshore route but who could not pay for the office "
      "(they took the government route)"}},
    {counted::meetup_attendance,
     {"meetup_attendance", "people per week", "Engineers and founders at this week's meetups"},
     false,
     {}},
    {counted::pitches, {"pitches", "pitches per week", "Startups pitching this week"}, false, {}},
    {counted::visiting_investors,
     {"visiting_investors", "funds per week", "Funds at this week's meetups"},
     false,
     {}},
    {counted::term_sheets,
     {"term_sheets", "term sheets per week",
      "Term sheets offered this week (at meetups and to startups funds knew)"},
     false,
     {}},
    {counted::breakthroughs,
     {"breakthroughs_weekly", "per week", "Efficiency breakthroughs this week"},
     false,
     {"breakthroughs", "breakthroughs", "Efficiency breakthroughs"}},
    {counted::open_sourced,
     {"open_sourced", "per week", "Breakthroughs open-sourced this week"},
     false,
     {}},
    {counted::market_weeks, {}, false, {}},
}};

/// The outputs of every sum.
inline constexpr std::array<counter_outputs<summed>, amount_tally::keys> amount_outputs{{
    {summed::tax_revenue_cny,
     {"tax_revenue_cny_weekly", "CNY per week", "Profit tax paid by startups this week"},
     false,
     {"tax_revenue_cny", "CNY", "Profit tax paid by startups"}},
    {summed::noncompete_compensation_cny,
     {"noncompete_compensation_cny", "CNY", "Noncompete compensation paid by incumbents so far"},
     true,
     {}},
    {summed::exit_value_cny, {}, false, {}},
    {summed::listing_raised_cny,
     {},
     false,
     {"listing_raised_cny", "CNY", "New money startups raised at their listings"}},
    {summed::exited_cash_cny, {}, false, {}},
    {summed::startup_compute_need_h100e, {}, false, {}},
    {summed::startup_compute_got_h100e, {}, false, {}},
    {summed::compute_price_cny, {}, false, {}},
}};

template <class Key, std::size_t N>
constexpr bool in_key_order(const std::array<counter_outputs<Key>, N>& table) {
  for (std::size_t i = 0; i < N; ++i)
    if (static_cast<std::size_t>(table[i].key) != i) return false;
  return true;
}
static_assert(in_key_order(event_outputs), "event_outputs lists every count in enum order");
static_assert(in_key_order(amount_outputs), "amount_outputs lists every sum in enum order");

/// The outputs of a count or a sum.
constexpr const counter_outputs<counted>& outputs_of(counted key) {
  return event_outputs[static_cast<std::size_t>(key)];
}
constexpr const counter_outputs<summed>& outputs_of(summed key) {
  return amount_outputs[static_cast<std::size_t>(key)];
}

}  // namespace liangzhu::model::detail
