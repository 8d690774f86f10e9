#pragma once
// Citations shared by several parameters (docs/sources.md gives the full references).
namespace liangzhu::model::detail::source {
inline constexpr const char* assumption = "assumption";
inline constexpr const char* hangzhou_firms =
    "Hangzhou: 420 core AI firms in 2021, more than 500 AI firms in 2024 (municipal figures)";
inline constexpr const char* hangzhou_graduates =
    "Hangzhou took in about 80,000 graduates a year in 2017-2018; the engineering share is an "
    "assumption";
inline constexpr const char* vouchers =
    "Hangzhou 2025 compute vouchers: about CNY 250M a year; 30% domestic, 20% foreign, 50% small "
    "contracts; up to 60% stacked with the province; CNY 8M cap per firm-year";
inline constexpr const char* deepseek =
    "DeepSeek-V3 report: 2.788M H800 GPU-hours, about USD 5.6M at USD 2/GPU-hour";
inline constexpr const char* export_controls =
    "US export-control steps: 2022-10-07, 2023-10-17 (A800/H800 caught), 2024-12-02, 2025-04 (H20 "
    "licence), 2025-07 (H20 allowed again)";
inline constexpr const char* huawei =
    "Huawei made about 200k Ascend 910B in 2024; 910C yields 20-40%; a 910C gives about 60% of an "
    "H100 on inference";
inline constexpr const char* ai_investment =
    "Private AI investment 2024: about USD 109B in the US, USD 9.3B in China (Stanford AI Index "
    "2025)";
inline constexpr const char* us_vc_china =
    "US-backed VC into China fell by about half from 2022 to 2023";
inline constexpr const char* labor_law =
    "PRC Labor Contract Law art. 23-24: noncompete at most 2 years, with compensation during it; "
    "SPC Interpretation IV (2013) art. 6: 30% of the last 12 months' average wage";
inline constexpr const char* california =
    "California Business and Professions Code s. 16600: noncompetes void";
inline constexpr const char* seeds = "seed articles (shared/seeds)";
inline constexpr const char* noncompete_practice =
    "seed articles (engineers waiting out noncompetes with firms such as ByteDance); Chinese "
    "courts and press report that large tech firms sign noncompetes with most staff, down to "
    "graduates and interns (Beijing No. 1 Intermediate Court; LatePost/Sixth Tone 2022); the "
    "share is an assumption";
inline constexpr const char* gibrat =
    "Gibrat's law: firms' growth rates roughly independent of size, with dispersed shocks (Sutton "
    "1997, J. Econ. Literature 35:40-59); its outcome, a Zipf tail of firm sizes (Axtell 2001, "
    "Science 293:1818-1820); the rate and volatility are assumptions checked by the pattern panel";
inline constexpr const char* spinouts =
    "Klepper 2009, Spinoffs: a review and synthesis (European Management Review 6:159-171): "
    "employees of leading incumbents found more startups; the size of the boost is an assumption";
inline constexpr const char* china_labour =
    "China's urban surveyed unemployment rate, about 5% in 2023-2024 (National Bureau of "
    "Statistics); the engineers' rate of job loss is an assumption checked by the pattern panel";
inline constexpr const char* vacancy_duration =
    "US mean vacancy duration about 25-30 working days (5-6 weeks) in 2016-2018, longer in "
    "information and professional services (DHI-DFH mean vacancy duration from JOLTS; Davis, "
    "Faberman and Haltiwanger 2013, QJE 128:581-622); China's is not published, an assumption";
inline constexpr const char* liquidation =
    "Kaplan and Stromberg 2003 (Review of Economic Studies 70:281-315): venture financings "
    "give investors convertible preferred shares with a liquidation preference, usually 1x and "
    "non-participating (NVCA model certificate of incorporation); that every round ranks equally "
    "is an assumption";
inline constexpr const char* team_sizes =
    "assumption, set so that a round pays for about two years of the team (US tech startups died "
    "about 20 months after their last financing, CB Insights 2014) and checked against the tail "
    "of team sizes in the pattern panel (docs/patterns.md)";
inline constexpr const char* round_sizes =
    "a venture round typically sells 15-25% of the company (Carta, State of Private Markets "
    "reports); China's round sizes by stage in the pattern panel (docs/patterns.md)";
inline constexpr const char* round_steps =
    "seed, A and B sizes step up 3x, as US valuations step up from stage to stage (Carta 2023: "
    "seed to A 2.8-3.4x, A to B 2.2-3.4x), since a round is mostly priced at its floor of "
    "capital.min_pre_money_multiple times its size; levels inside China's bands of the pattern "
    "panel (docs/patterns.md)";
inline constexpr const char* ipo_rules =
    "Shanghai STAR Market listing standards (2019): expected market value of CNY 1-4 bn or more, "
    "with revenue or R&D conditions; Hong Kong and US listings as the alternatives";
inline constexpr const char* calibrated_historical =
    "calibrated: liangzhu calibrate experiments/calibrate_historical.toml (historical_2015 against "
    "420 core AI firms in 2021, more than 500 AI firms in 2024, about six tigers by 2025)";
}  // namespace liangzhu::model::detail::source
