// Series, events and snapshots written through the engine's collection_sink interface.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include "liangzhu/engine/collector.hpp"
#include "liangzhu/engine/errors.hpp"
#include "store/store_test_support.hpp"

namespace liangzhu::store {
namespace {

using testing::sample_run;
using testing::scratch_dir;

const std::vector<std::string> hubs{"Liangzhu", "Hangzhou West, Zone 2"};
const std::vector<engine::event_kind_spec> one_kind{{"e", ""}};

/// A collector declaring three series and two event kinds, as the model would.
engine::collector make_collector() {
  engine::collector c(hubs);
  c.declare({"firms", "count", "active startups"});
  c.declare({"funding", "CNY", "venture funding this week"});
  c.declare({"ratio", "", "may be NaN"});
  c.declare_event_kind({"founded", "a startup was founded"});
  c.declare_event_kind({"failed", "a startup closed"});
  return c;
}

double value_at(int tick, int group, int series) {
  if (series == 2 && tick == 1) return std::numeric_limits<double>::quiet_NaN();
  return tick * 100.0 + group * 10.0 + series + 1.0 / 3.0;
}

/// Runs `ticks` ticks through `c`, flushing every `every` ticks; returns every event recorded.
std::vector<engine::event_record> simulate(engine::collector& c, int ticks, int every) {
  std::vector<engine::event_record> recorded;
  for (int t = 0; t < ticks; ++t) {
    for (int g = 0; g < 2; ++g) {
      for (int s = 0; s < 3; ++s)
        c.set(static_cast<std::uint16_t>(g), static_cast<std::size_t>(s), value_at(t, g, s));
      const engine::event_record e{t, static_cast<std::uint16_t>(g),
                                   static_cast<std::uint16_t>(t % 2),
                                   0xffffffffffffff00ULL + static_cast<std::uint64_t>(t), t * 0.5};
      c.events().record(e);
      recorded.push_back(e);
    }
    c.end_tick(t);
    if ((t + 1) % every == 0) c.flush();
  }
  c.flush();
  std::sort(recorded.begin(), recorded.end());
  return recorded;
}

bool same_value(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

/// A store with one run whose sink feeds on a collector, as in a simulation.
struct collected_run {
  explicit collected_run(const std::filesystem::path& file)
      : store(file), id(store.begin_run(sample_run())), sink(store.sink_for(id)) {
    c.set_sink(sink.get());
  }
  run_store store;
  std::int64_t id;
  std::unique_ptr<engine::collection_sink> sink;
  engine::collector c = make_collector();
};

TEST(RunSink, SeriesEventsAndCatalogRoundTrip) {
  scratch_dir dir;
  collected_run r(dir / "runs.db");
  auto& [store, id, sink, c] = r;
  const auto events = simulate(c, 10, 4);

  const run_catalog catalog = store.reader().read_catalog(id);
  EXPECT_EQ(catalog.groups, hubs);
  ASSERT_EQ(catalog.series.size(), 3u);
  EXPECT_EQ(catalog.series[1].unit, "CNY");
  EXPECT_EQ(catalog.series[2].description, "may be NaN");
  ASSERT_EQ(catalog.event_kinds.size(), 2u);
  EXPECT_EQ(catalog.event_kinds[1].name, "failed");

  const series_table table = store.reader().read_series(id);
  EXPECT_EQ(table.columns, (std::vector<std::string>{"firms", "funding", "ratio"}));
  ASSERT_EQ(table.rows.size(), 20u);
  for (const auto& row : table.rows) {
    const int g = row.group == hubs[0] ? 0 : 1;
    EXPECT_EQ(row.group, hubs[static_cast<std::size_t>(g)]);
    for (int s = 0; s < 3; ++s)
      EXPECT_TRUE(same_value(row.values[static_cast<std::size_t>(s)],
                             value_at(static_cast<int>(row.tick), g, s)));
  }
  EXPECT_EQ(table.rows[0].date, "2025-01-06");
  EXPECT_EQ(table.rows[2].date, "2025-01-13");
  EXPECT_EQ(store.reader().read_events(id), events);
  EXPECT_EQ(store.reader().find_run(id)->ticks_done, 10);
}

TEST(RunSink, SeriesPointsFilterByName) {
  scratch_dir dir;
  collected_run r(dir / "runs.db");
  auto& [store, id, sink, c] = r;
  simulate(c, 3, 1);
  const auto all = store.reader().read_series_points(id);
  EXPECT_EQ(all.size(), 3u * 2u * 3u);
  const auto funding = store.reader().read_series_points(id, "funding");
  ASSERT_EQ(funding.size(), 6u);
  EXPECT_EQ(funding[3].tick, 1);
  EXPECT_EQ(funding[3].group, hubs[1]);
  EXPECT_EQ(funding[3].series, "funding");
  EXPECT_EQ(funding[3].value, value_at(1, 1, 1));
}

TEST(RunSink, SeriesReadByTickRangeHoldOnlyThoseTicks) {
  scratch_dir dir;
  collected_run r(dir / "runs.db");
  auto& [store, id, sink, c] = r;
  simulate(c, 10, 4);
  const series_table middle = store.reader().read_series(id, {3, 6});
  ASSERT_EQ(middle.rows.size(), 3u * 2u);
  EXPECT_EQ(middle.rows.front().tick, 3);
  EXPECT_EQ(middle.rows.back().tick, 5);
  EXPECT_EQ(middle.rows.front().date, store.reader().read_series(id).rows[6].date);
  EXPECT_EQ(middle.rows.back().values[0], value_at(5, 1, 0));
  EXPECT_TRUE(store.reader().read_series(id, {10, 20}).rows.empty());
  EXPECT_EQ(store.reader().read_series(id, {8}).rows.size(), 2u * 2u);
}

TEST(RunSink, TicksDoneTracksEachBatch) {
  scratch_dir dir;
  collected_run r(dir / "runs.db");
  auto& [store, id, sink, c] = r;
  for (int t = 0; t < 7; ++t) {
    c.end_tick(t);
    if (t % 3 == 2) {
      c.flush();
      EXPECT_EQ(store.reader().find_run(id)->ticks_done, t + 1);
    }
  }
  EXPECT_EQ(store.reader().find_run(id)->ticks_done, 6);  // tick 6 is still pending
}

/// A store with one declared run and one committed batch of ticks 0 and 1.
struct one_batch {
  explicit one_batch(const std::filesystem::path& file) : store(file) {
    run = store.begin_run(sample_run());
    sink = store.sink_for(run);
    const std::vector<engine::series_spec> series{{"x", "", ""}};
    sink->declare(hubs, series, one_kind);
    const std::vector<engine::series_row> rows{
        {0, 0, {1.0}}, {0, 1, {2.0}}, {1, 0, {3.0}}, {1, 1, {4.0}}};
    const std::vector<engine::event_record> events{{1, 0, 0, 9, 0.5}};
    sink->write_batch(rows, events);
  }
  /// What the store holds: rows, events and ticks_done stay exactly those of the first batch.
  void expect_only_first_batch() const {
    EXPECT_EQ(store.reader().read_series(run).rows.size(), 4u);
    EXPECT_EQ(store.reader().read_events(run).size(), 1u);
    EXPECT_EQ(store.reader().find_run(run)->ticks_done, 2);
  }
  run_store store;
  std::int64_t run = 0;
  std::unique_ptr<engine::collection_sink> sink;
};

TEST(RunSink, FailingSeriesWriteRollsBackTheWholeBatch) {
  scratch_dir dir;
  one_batch fixture(dir / "runs.db");
  // Tick 3 twice: the second insert breaks the primary key after tick 2 went in.
  const std::vector<engine::series_row> rows{{2, 0, {5.0}}, {3, 0, {6.0}}, {3, 0, {7.0}}};
  const std::vector<engine::event_record> events{{2, 0, 0, 1, 1.0}};
  EXPECT_THROW(fixture.sink->write_batch(rows, events), io_error);
  fixture.expect_only_first_batch();
  // The sink is still usable after a failed batch.
  const std::vector<engine::series_row> next{{2, 0, {5.0}}, {2, 1, {5.5}}};
  fixture.sink->write_batch(next, {});
  EXPECT_EQ(fixture.store.reader().find_run(fixture.run)->ticks_done, 3);
}

TEST(RunSink, ForcedErrorInEventsRollsBackTheWholeBatch) {
  scratch_dir dir;
  one_batch fixture(dir / "runs.db");
  // Another connection plants a trigger that fails the batch half-way, after its series rows.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "runs.db").c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "CREATE TRIGGER fail BEFORE INSERT ON events WHEN NEW.tick = 3 "
                         "BEGIN SELECT RAISE(ABORT, 'forced failure'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  const std::vector<engine::series_row> rows{
      {2, 0, {5.0}}, {2, 1, {5.0}}, {3, 0, {6.0}}, {3, 1, {6.0}}};
  const std::vector<engine::event_record> events{{2, 0, 0, 1, 1.0}, {3, 0, 0, 1, 1.0}};
  try {
    fixture.sink->write_batch(rows, events);
    FAIL() << "the batch should have failed";
  } catch (const io_error& e) {
    EXPECT_NE(std::string(e.what()).find("forced failure"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("runs.db"), std::string::npos) << e.what();
  }
  fixture.expect_only_first_batch();
}

TEST(RunSink, RedeclaringTheSameCatalogIsAllowedAnotherIsNot) {
  scratch_dir dir;
  one_batch fixture(dir / "runs.db");
  const std::vector<engine::series_spec> same{{"x", "", ""}};
  EXPECT_NO_THROW(fixture.sink->declare(hubs, same, one_kind));
  const std::vector<engine::series_spec> other{{"y", "", ""}};
  EXPECT_THROW(fixture.sink->declare(hubs, other, one_kind), io_error);
}

TEST(RunSink, SinkForAMissingRunIsAnError) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  EXPECT_THROW(store.sink_for(42), io_error);
}

TEST(RunSink, SinksOfOneStoreMayWriteFromSeveralThreads) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  std::vector<std::int64_t> runs;
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) runs.push_back(store.begin_run(sample_run()));
  for (const std::int64_t id : runs) {
    threads.emplace_back([&store, id] {
      auto sink = store.sink_for(id);
      engine::collector c = make_collector();
      c.set_sink(sink.get());
      simulate(c, 20, 1);
    });
  }
  for (auto& t : threads) t.join();
  for (const std::int64_t id : runs) {
    EXPECT_EQ(store.reader().find_run(id)->ticks_done, 20);
    EXPECT_EQ(store.reader().read_series(id).rows.size(), 40u);
  }
}

TEST(RunSink, SnapshotsRoundTrip) {
  scratch_dir dir;
  run_store store(dir / "runs.db");
  const std::int64_t id = store.begin_run(sample_run());
  auto sink = store.sink_for(id);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<engine::agent_snapshot> written{
      {0, "startup", {"age", "cash", "sector"}, {1, 2.5, 3, 4, 5.5, 6}},
      {0, "investor", {"fund"}, {1e9, 2e9, 3e9}},
      {4, "startup", {"age", "cash", "sector"}, {5, nan, 7}}};
  for (const auto& s : written) sink->write_snapshot(s);
  const auto back = store.reader().read_snapshots(id);
  ASSERT_EQ(back.size(), 3u);
  // Sorted by tick, then kind: investor before startup at tick 0.
  const std::vector<const engine::agent_snapshot*> expected{&written[1], &written[0], &written[2]};
  for (std::size_t i = 0; i < back.size(); ++i) {
    EXPECT_EQ(back[i].tick, expected[i]->tick);
    EXPECT_EQ(back[i].kind, expected[i]->kind);
    EXPECT_EQ(back[i].columns, expected[i]->columns);
    ASSERT_EQ(back[i].values.size(), expected[i]->values.size());
    for (std::size_t v = 0; v < back[i].values.size(); ++v)
      EXPECT_TRUE(same_value(back[i].values[v], expected[i]->values[v]));
  }
}

}  // namespace
}  // namespace liangzhu::store
