// The panel's patterns: what each measures, exactly how, and the published band it is held to.
// docs/patterns.md explains each source; docs/sources.md ("Pattern panel") gives the references.
#include <algorithm>

#include "liangzhu/patterns/panel.hpp"

namespace liangzhu::patterns {
namespace {

constexpr std::string_view survival = "Survival and failure";
constexpr std::string_view financing = "Staged financing";
constexpr std::string_view sizes = "Sizes";
constexpr std::string_view returns = "Returns and exits";
constexpr std::string_view volume = "Venture volume and tigers";
constexpr std::string_view labour = "Labour";

// Ids are the names measure() knows them by (measure.cpp); the order is docs/patterns.md's.
constexpr pattern patterns[] = {
    {"survival_2y",
     survival,
     "Startups alive and independent 2 years after founding",
     "share",
     "Life table over every startup whose founding date is known (founded in the run: 'founding' "
     "events; alive at the start: 'startup_at_start' events, left-truncated at their age then): "
     "yearly hazard of ending (failure or acquisition; a listing does not end independence) = "
     "endings at that age / startup-years observed at that age; survival = exp(-sum of hazards)",
     {0.65, 0.90},
     {0.55, 0.95},
     "China, all firms founded since 2000: about 92% survive 2 years (SAIC 2013 yearly exit "
     "rates); "
     "US establishments: 66% (BLS); AI startups below all firms",
     "SAIC 2013; Knaup 2005 (BLS)",
     "China and US"},
    {"survival_5y",
     survival,
     "Startups alive and independent 5 years after founding",
     "share",
     "As survival_2y, to age 5",
     {0.30, 0.55},
     {0.20, 0.65},
     "China, all firms: about 70% at 5 years (SAIC 2013); US establishments: about half (BLS); US "
     "startups incorporated in 2018: about a third alive and independent after 6.5 years (Carta)",
     "SAIC 2013; BLS; Carta 2025",
     "China and US"},
    {"survival_10y",
     survival,
     "Startups alive and independent 10 years after founding",
     "share",
     "As survival_2y, to age 10",
     {0.15, 0.35},
     {0.08, 0.45},
     "China, all firms: about half at 9 years, 40% for firms with under CNY 1M of capital (SAIC "
     "2013); US establishments: about a third at 10 years",
     "SAIC 2013; BLS",
     "China and US"},
    {"failure_hazard_rise",
     survival,
     "Failure hazard at ages 2-5 over ages 0-2",
     "x",
     "The life table of survival_2y, failures only: failures per startup-year observed at ages 2 "
     "to 5 over the same at ages 0 to 2",
     {1.2, 3.5},
     {0.8, 5.0},
     "The failure hazard of new firms rises for the first years: China 1.6% in year 1, 6.3% in "
     "year 2, 9.5% in year 3 and above 8% to year 7 (SAIC 2013, an inverted U; about 2.2 on this "
     "measure); US high-tech highest in years 2-3 (BLS); VC-backed startups die about 20 months "
     "after their last round (CB Insights); all US establishments decline from year 1 (BLS)",
     "SAIC 2013; Luo and Mann (BLS); CB Insights 2014",
     "China and US"},
    {"start_transient",
     survival,
     "Failure rate in the run's first year over later years",
     "x",
     "Failures per startup-year in the first run year / the mean of the same rate over the later "
     "run years (at least two of them)",
     {0.67, 1.5},
     {0.5, 2.0},
     "No start-up transient: the first years of a run must look like the later ones (the model's "
     "own consistency, issue 14)",
     "model consistency",
     "model"},
    {"founding_to_first_round_years",
     financing,
     "Time from founding to the first round",
     "years",
     "Median years from founding to the first round ('round_stage' 1) of startups founded in the "
     "run at least 4 years before its end that raised one within 4 years",
     {1.0, 3.0},
     {0.5, 4.0},
     "US: median age at seed 2.4 years in 2017 and 2022, 3.0 in 2023 (PitchBook); a first "
     "institutional round often follows pre-seed money, so the lower half fits an angel round",
     "PitchBook-NVCA",
     "US"},
    {"seed_to_a_share",
     financing,
     "Seed-funded startups that raise a series A",
     "share",
     "Of the seed rounds ('round_stage' 1) closed at least 4 years before the run's end, the share "
     "whose startup raised a series A within 4 years",
     {0.35, 0.55},
     {0.25, 0.65},
     "US tech firms seeded 2008-10: 46% raised a second round (CB Insights venture funnel); China "
     "angel-backed firms: 45% reached a next round (IT Juzi 2022)",
     "CB Insights 2018; IT Juzi 2022",
     "US and China"},
    {"seed_to_a_years",
     financing,
     "Time from seed round to series A",
     "years",
     "Median years between a startup's seed round and its series A, over the pairs of "
     "seed_to_a_share",
     {1.25, 2.5},
     {0.75, 3.0},
     "US: median seed to series A 1.5 years (2019) to 2.1 years (2024) (Carta); 420 days at the "
     "2021 peak",
     "Carta 2024-2025",
     "US"},
    {"a_to_b_share",
     financing,
     "Series-A startups that raise a series B",
     "share",
     "Of the series A rounds closed at least 4 years before the run's end, the share whose startup "
     "raised a series B within 4 years",
     {0.40, 0.60},
     {0.30, 0.70},
     "US: 40-50% of 2018-2020 series-A cohorts reached series B within 4 years; B/A about 40% for "
     "startups incorporated in 2018 (Carta)",
     "Carta",
     "US"},
    {"seed_round_cny",
     financing,
     "Median seed round",
     "CNY",
     "Median amount of the rounds that took a startup to the seed stage (lead event's value, "
     "co-investment included)",
     {3e6, 2e7},
     {1.5e6, 4e7},
     "China: median deal of the new-economy primary market CNY 20M in 2025 over all stages (IT "
     "Juzi); angel rounds typically CNY 5-20M; US median seed USD 3.5M (Carta, Q1 2024)",
     "IT Juzi 2025; Carta 2024",
     "China"},
    {"a_round_cny",
     financing,
     "Median series A",
     "CNY",
     "As seed_round_cny, for series A",
     {2e7, 1e8},
     {1e7, 2e8},
     "China: series A rounds typically CNY 20-100M (mean deal CNY 91-165M in 2021-2025 over all "
     "stages, IT Juzi); US median series A USD 9.3M (Carta)",
     "IT Juzi 2025; Carta 2024",
     "China"},
    {"b_round_cny",
     financing,
     "Median series B",
     "CNY",
     "As seed_round_cny, for series B",
     {8e7, 3e8},
     {4e7, 6e8},
     "China: series B rounds typically CNY 80-300M (proposed from IT Juzi's overall mean and "
     "median); US median series B USD 21M (Carta)",
     "IT Juzi 2025; Carta 2024",
     "China"},
    {"a_post_money_cny",
     financing,
     "Median post-money value at series A",
     "CNY",
     "Median 'round_valuation' of the rounds that took a startup to series A",
     {1.5e8, 5e8},
     {7.5e7, 1e9},
     "US median series-A pre-money USD 29-45M (Carta 2023); China's typical series-A valuations "
     "CNY 150-500M (proposed)",
     "Carta 2024",
     "US and China"},
    {"seed_to_a_step_up",
     financing,
     "Valuation step-up from seed to series A",
     "x",
     "Median pre-money value (post-money - amount) of the rounds to series A / the same of the "
     "seed rounds: a ratio of stage medians, as Carta reports it",
     {2.5, 3.5},
     {2.0, 4.5},
     "US: the median series-A valuation was 3.4x the median seed valuation in Q4 2021 and 2.8x in "
     "Q4 2022 (Carta); China's step-ups are not published",
     "Carta 2023",
     "US"},
    {"a_to_b_step_up",
     financing,
     "Valuation step-up from series A to series B",
     "x",
     "As seed_to_a_step_up, series B over series A",
     {2.0, 3.5},
     {1.5, 4.5},
     "US: the median series-B valuation was 3.4x the median series A in Q4 2021 and 2.2x in Q4 "
     "2022 (Carta); China's step-ups are not published",
     "Carta 2023",
     "US"},
    {"team_tail_index",
     sizes,
     "Tail index of startup team sizes",
     "",
     "Summary figure team_tail_index_end: Hill's estimator of the Pareto index of live startups' "
     "team sizes at the end, from the largest tenth (at least ten)",
     {0.8, 1.3},
     {0.6, 1.6},
     "Firm sizes follow Zipf's law: the chance a firm is larger than s falls as 1/s (index about "
     "1; Axtell 2001, all US firms)",
     "Axtell 2001",
     "US"},
    {"deals_under_1x_share",
     returns,
     "Realised rounds that lost money",
     "share",
     "Rounds of startups founded in the run that failed, were acquired or listed: multiple = "
     "what the round's stake received / its money (failure: 0). A listing pays the stake its "
     "share of the market value (the round's money / post-money x the dilution by later rounds); "
     "a sale pays it as the model does, with the run's capital.liquidation_preference (startups "
     "alive at the start are left out: their earlier stakes, whose preferences share the price, "
     "are not among the run's events); share below 1x",
     {0.50, 0.65},
     {0.40, 0.75},
     "US financings 2004-2013: 65% returned less than 1x; 'nearly half' in the 2023 update "
     "(Correlation Ventures)",
     "Correlation Ventures 2014, 2023",
     "US"},
    {"deals_10x_share",
     returns,
     "Realised rounds returning 10x or more",
     "share",
     "As deals_under_1x_share; share at 10x or more",
     {0.025, 0.06},
     {0.01, 0.10},
     "US financings 2004-2013: 4% returned 10x or more (Correlation Ventures)",
     "Correlation Ventures 2014",
     "US"},
    {"marked_10x_share",
     returns,
     "Unrealised rounds marked at 10x or more",
     "share",
     "Rounds of startups founded in the run and alive and not listed at its end, marked at the "
     "startup's last round price: multiple = last post-money / the round's post-money x later "
     "dilution; share at 10x or more",
     {0.0, 0.06},
     {0.0, 0.12},
     "Marks at the last round's price should not show a fatter tail than realised outcomes (4% "
     "at 10x or more, Correlation Ventures); a proposed bound",
     "Correlation Ventures 2014 (bound proposed)",
     "US"},
    {"fund_multiple_median",
     returns,
     "Median fund multiple",
     "x",
     "Summary figure fund_multiple_p50: the median over funds of (exit proceeds + stakes held at "
     "the end at the startups' valuations) / money invested",
     {1.3, 2.0},
     {1.0, 3.0},
     "Mature US VC funds: median net multiple about 1.5-2x, top decile 3-3.5x (Carta 2025; "
     "Harris, Jenkinson and Kaplan 2014: VC roughly matched public markets in the 2000s)",
     "Carta 2025; Harris, Jenkinson and Kaplan 2014",
     "US"},
    {"listing_share_of_exits",
     returns,
     "Listings among successful exits",
     "share",
     "Startups that listed / (listed + acquired) over the run",
     {0.15, 0.55},
     {0.05, 0.70},
     "US: about 6% of successful exits are IPOs (Carta's 2018 cohort); China lists far more (IPOs "
     "are 62% of investors' exit cases, Zero2IPO 2022); China's unicorns leaving the list in 2025: "
     "34 IPOs, 30 acquisitions (Hurun)",
     "Carta 2025; Zero2IPO 2022; Hurun 2025",
     "US and China"},
    {"failure_share_of_endings",
     returns,
     "Failures among startups that ended",
     "share",
     "Failures / (failures + acquisitions + listings) over the run",
     {0.75, 0.93},
     {0.60, 0.97},
     "US startups incorporated in 2018: 61.9% closed, 5.5% acquired, 0.3% listed after 6.5 years "
     "(91% of endings failures; Carta); seeded tech firms: 67% dead against 21% exits (CB "
     "Insights funnel)",
     "Carta 2025; CB Insights 2018",
     "US"},
    {"equity_cny_per_year",
     volume,
     "Venture and guidance money into the hub per year",
     "CNY",
     "Sum of the values of round_domestic_vc, round_foreign_vc and round_guidance events over the "
     "run, per year",
     {3e9, 1.2e10},
     {1.5e9, 2.5e10},
     "China's private AI investment USD 7.8bn (2023) and 9.3bn (2024) (Stanford AI Index), about "
     "CNY 56-67bn; Hangzhou's AI financing in 2024 over CNY 10bn, a share of 5-12% (Shenzhen AI "
     "Industry Association)",
     "Stanford AI Index 2024, 2025; Shenzhen AI Industry Association 2025",
     "China and Hangzhou"},
    {"tigers_per_year",
     volume,
     "Tigers per year",
     "per year",
     "'tiger' events per year of the run",
     {0.6, 2.5},
     {0.3, 4.0},
     "Hangzhou: the 'six tigers' of 2015-2025 (seed articles); 19-22 unicorns in 2023-2024 "
     "(Hurun 2023, Zhongguancun report 2024); China 56 new unicorns in 2024",
     "seed articles; Hurun 2023, 2024",
     "Hangzhou"},
    {"tiger_age_years",
     volume,
     "Age of startups when they become tigers",
     "years",
     "Median years from founding to the 'tiger' event, over tigers whose founding date is known",
     {4, 8},
     {3, 10},
     "Most unicorns reach USD 1bn 4-8 years after founding, about 5 for those founded after 2011 "
     "(Stanford GSB Venture Capital Initiative); median about 5 in Asia",
     "Stanford GSB VCI",
     "global"},
    {"tigers_founded_in_run_share",
     volume,
     "Tigers founded during the run",
     "share",
     "Tiger events of startups with a 'founding' event in the run / all tiger events",
     {0.3, 0.7},
     {0.15, 0.85},
     "Derived from tiger_age_years: with tigers 4-8 years old and steady founding, 30-70% of a "
     "ten-year window's tigers were founded inside it",
     "derived (Stanford GSB VCI)",
     "derived"},
    {"unemployment_rate",
     labour,
     "Engineers unemployed",
     "share",
     "Mean over the run of engineers_unemployed / engineers",
     {0.02, 0.06},
     {0.01, 0.08},
     "China's urban surveyed unemployment 5.1% (2024), 3.8-4.1% at ages 30-59 and 6.2-6.7% at "
     "25-29 (NBS); shortage occupations such as AI engineering lower",
     "NBS 2024",
     "China"},
    {"seekers_per_vacancy",
     labour,
     "Job seekers per vacancy",
     "x",
     "Mean engineers_unemployed / mean vacancies over the run",
     {0.45, 1.8},
     {0.3, 2.5},
     "Seekers per opening: AI engineers 0.61, algorithm researchers 0.47 (Maimai 2023); "
     "large-model roles overall 1.76 (Maimai 2024)",
     "Maimai 2023, 2024",
     "China"},
    {"job_moves_per_year",
     labour,
     "Engineers changing employer per year",
     "share",
     "Job moves per year / mean employed engineers (engineers - engineers_unemployed)",
     {0.12, 0.25},
     {0.08, 0.30},
     "China: employee turnover 17.9% in 2022 (51job); internet firms about 25% a year",
     "51job 2023",
     "China"},
    {"founded_after_waiting_share",
     labour,
     "Founders who waited out a noncompete",
     "share",
     "Summary founded_after_waiting / startups_founded",
     {0.10, 0.40},
     {0.05, 0.50},
     "'Many engineers ... biding their time' until noncompetes with firms such as ByteDance "
     "expire (seed articles); no survey gives the share, the band is proposed",
     "seed articles (band proposed)",
     "Hangzhou"},
};

}  // namespace

std::span<const pattern> panel() { return patterns; }

const pattern* find_pattern(std::string_view id) {
  const auto it = std::find_if(std::begin(patterns), std::end(patterns),
                               [&](const pattern& p) { return p.id == id; });
  return it == std::end(patterns) ? nullptr : &*it;
}

}  // namespace liangzhu::patterns
