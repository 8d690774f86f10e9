#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "liangzhu/engine/network.hpp"
#include "liangzhu/engine/parallel.hpp"
#include "liangzhu/engine/rng.hpp"

namespace liangzhu::engine {
namespace {

TEST(TieGraph, AddIsSymmetric) {
  tie_graph g(4);
  ASSERT_TRUE(g.add_tie(0, 5, 1, 0.5f));
  EXPECT_TRUE(g.has_tie(0, 5));
  EXPECT_TRUE(g.has_tie(5, 0));
  EXPECT_EQ(g.degree(0), 1);
  EXPECT_EQ(g.degree(5), 1);
  EXPECT_EQ(g.tie_count(), 1u);
  const auto row = g.ties_of(5);
  EXPECT_EQ(row.kinds()[0], 1);
}

TEST(TieGraph, AddingAgainStrengthensAndKeepsOneTie) {
  tie_graph g(4);
  g.add_tie(1, 2, 0, 0.3f);
  g.add_tie(2, 1, 2, 0.7f);
  EXPECT_EQ(g.tie_count(), 1u);
  EXPECT_FLOAT_EQ(g.weight(1, 2), 0.7f);
  EXPECT_FLOAT_EQ(g.weight(2, 1), 0.7f);
  g.add_tie(1, 2, 2, 0.1f);
  EXPECT_FLOAT_EQ(g.weight(1, 2), 0.7f);
}

TEST(TieGraph, FullNodeReplacesItsWeakestTieOnlyForAStrongerOne) {
  tie_graph g(2);
  g.add_tie(0, 1, 0, 0.2f);
  g.add_tie(0, 2, 0, 0.6f);
  EXPECT_FALSE(g.add_tie(0, 3, 0, 0.1f));
  EXPECT_FALSE(g.has_tie(0, 3));
  EXPECT_EQ(g.degree(3), 0);
  EXPECT_TRUE(g.add_tie(0, 3, 0, 0.5f));
  EXPECT_FALSE(g.has_tie(0, 1));
  EXPECT_FALSE(g.has_tie(1, 0));  // the dropped tie is gone at both ends
  EXPECT_TRUE(g.has_tie(3, 0));
  EXPECT_EQ(g.tie_count(), 2u);
}

TEST(TieGraph, RemoveAndClear) {
  tie_graph g(8);
  for (tie_graph::node b = 1; b < 6; ++b) g.add_tie(0, b, 0, 1.0f);
  g.add_tie(1, 2, 0, 1.0f);
  g.remove_tie(0, 3);
  EXPECT_FALSE(g.has_tie(3, 0));
  EXPECT_EQ(g.degree(0), 4);
  g.clear_node(0);
  EXPECT_EQ(g.degree(0), 0);
  for (tie_graph::node b = 1; b < 6; ++b) EXPECT_FALSE(g.has_tie(b, 0));
  EXPECT_TRUE(g.has_tie(1, 2));
  EXPECT_EQ(g.tie_count(), 1u);
}

TEST(TieGraph, DecayDropsWeakTiesAtBothEnds) {
  tie_graph g(8);
  g.add_tie(0, 1, 0, 1.0f);
  g.add_tie(0, 2, 0, 0.15f);
  g.add_tie(2, 3, 0, 0.5f);
  executor ex(2);
  g.decay(0.5f, 0.1f, ex);
  EXPECT_FLOAT_EQ(g.weight(0, 1), 0.5f);
  EXPECT_FALSE(g.has_tie(0, 2));
  EXPECT_FALSE(g.has_tie(2, 0));
  EXPECT_FLOAT_EQ(g.weight(3, 2), 0.25f);
}

TEST(TieGraph, DecayIsTheSameOnOneAndManyThreads) {
  auto build = [] {
    tie_graph g(6);
    for (tie_graph::node a = 0; a < 20000; ++a)
      g.add_tie(a, (a * 7919u + 13u) % 20000u == a ? (a + 1) % 20000u : (a * 7919u + 13u) % 20000u,
                0, 0.05f + static_cast<float>(a % 97) / 97.0f);
    return g;
  };
  tie_graph g1 = build(), g2 = build();
  g1.decay(0.9f, 0.1f, executor(1));
  g2.decay(0.9f, 0.1f, executor(4));
  ASSERT_EQ(g1.tie_count(), g2.tie_count());
  for (tie_graph::node a = 0; a < 20000; ++a) {
    ASSERT_EQ(g1.degree(a), g2.degree(a));
    const auto r1 = g1.ties_of(a), r2 = g2.ties_of(a);
    for (std::size_t i = 0; i < g1.degree(a); ++i) {
      ASSERT_EQ(r1.neighbours()[i], r2.neighbours()[i]);
      ASSERT_EQ(r1.weights()[i], r2.weights()[i]);
    }
  }
}

TEST(TieGraph, DecayKeepsTheTiesAndOrderOfDecayingAndDroppingInOnePass) {
  // The reference: one pass per row, each tie decayed where it stands; a dropped tie's hole takes
  // the row's last tie, not yet decayed, which is decayed next (the model's results were
  // produced with it, and decay must not change them).
  struct row {
    std::vector<tie_graph::node> others;
    std::vector<float> weights;
    std::vector<std::uint8_t> kinds;
  };
  const auto one_pass = [](row r, float factor, float threshold) {
    for (std::size_t i = 0; i < r.weights.size();) {
      if ((r.weights[i] *= factor) >= threshold) {
        ++i;
        continue;
      }
      r.others[i] = r.others.back();
      r.weights[i] = r.weights.back();
      r.kinds[i] = r.kinds.back();
      r.others.pop_back();
      r.weights.pop_back();
      r.kinds.pop_back();
    }
    return r;
  };
  tie_graph g(12);
  const tie_graph::node nodes = 3000;
  for (tie_graph::node a = 0; a < nodes; ++a)
    for (tie_graph::node k = 1; k <= 5; ++k) {
      const auto b = (a * 2654435761u + k * 40503u) % nodes;
      if (b != a)
        g.add_tie(a, b, static_cast<std::uint8_t>(k),
                  0.02f + static_cast<float>((a * 31u + b * 17u) % 101u) / 100.0f);
    }
  const std::size_t ties_before = g.tie_count();
  for (int round = 0; round < 6; ++round) {
    std::vector<row> expected(nodes);
    for (tie_graph::node a = 0; a < nodes; ++a) {
      const auto row = g.ties_of(a);
      const auto n = row.neighbours();
      const auto w = row.weights();
      const auto k = row.kinds();
      expected[a] =
          one_pass({{n.begin(), n.end()}, {w.begin(), w.end()}, {k.begin(), k.end()}}, 0.7f, 0.1f);
    }
    g.decay(0.7f, 0.1f, executor(2));
    for (tie_graph::node a = 0; a < nodes; ++a) {
      const auto row = g.ties_of(a);
      const auto n = row.neighbours();
      const auto w = row.weights();
      const auto k = row.kinds();
      ASSERT_EQ(std::vector<tie_graph::node>(n.begin(), n.end()), expected[a].others) << a;
      ASSERT_EQ(std::vector<float>(w.begin(), w.end()), expected[a].weights) << a;
      ASSERT_EQ(std::vector<std::uint8_t>(k.begin(), k.end()), expected[a].kinds) << a;
    }
  }
  // 0.7^6 = 0.12: the ties that started above 0.85 remain, the others were dropped on the way.
  EXPECT_GT(g.tie_count(), 0u);
  EXPECT_LT(g.tie_count(), ties_before / 3);
}

TEST(TieGraph, AddTiesIsAddTieInOrder) {
  // Small capacity and many ties per node, so refusals and replacements of the weakest occur.
  std::vector<tie_graph::new_tie> ties;
  for (tie_graph::node k = 0; k < 5000; ++k)
    ties.push_back(
        {k % 300, (k * 7919u + 1u) % 300 == k % 300 ? (k + 1) % 300 : (k * 7919u + 1u) % 300,
         static_cast<std::uint8_t>(k % 3), static_cast<float>((k * 37u) % 101) / 101.0f});
  tie_graph one_by_one(3), together(3);
  for (const auto& t : ties) one_by_one.add_tie(t.a, t.b, t.kind, t.weight);
  together.add_ties(ties);
  ASSERT_EQ(together.node_count(), one_by_one.node_count());
  for (tie_graph::node a = 0; a < one_by_one.node_count(); ++a) {
    ASSERT_EQ(together.degree(a), one_by_one.degree(a));
    const auto t = together.ties_of(a), o = one_by_one.ties_of(a);
    for (std::size_t i = 0; i < one_by_one.degree(a); ++i) {
      EXPECT_EQ(t.neighbours()[i], o.neighbours()[i]);
      EXPECT_EQ(t.weights()[i], o.weights()[i]);
      EXPECT_EQ(t.kinds()[i], o.kinds()[i]);
    }
  }
}

TEST(TieGraph, Components) {
  tie_graph g(4);
  g.ensure_nodes(10);
  g.add_tie(0, 1, 0, 1.0f);
  g.add_tie(1, 2, 0, 1.0f);
  g.add_tie(5, 6, 0, 1.0f);
  const auto c = g.components(10);
  EXPECT_EQ(c.components, 10u - 3u);  // {0,1,2} {5,6} and five isolated nodes
  EXPECT_EQ(c.largest, 3u);
}

TEST(TieGraph, SaveLoadRoundTripAndCorruptionDetected) {
  tie_graph g(3);
  g.add_tie(0, 1, 1, 0.4f);
  g.add_tie(2, 1, 2, 0.9f);
  archive_writer w;
  g.save(w);
  std::string bytes(w.bytes().begin(), w.bytes().end());
  tie_graph h(3);
  archive_reader r(bytes, "t");
  h.load(r);
  EXPECT_FLOAT_EQ(h.weight(1, 2), 0.9f);
  EXPECT_EQ(h.tie_count(), 2u);

  tie_graph other(5);
  archive_reader r2(bytes, "t");
  EXPECT_THROW(other.load(r2), io_error);
  archive_reader r3(std::string_view(bytes).substr(0, bytes.size() - 3), "t");
  tie_graph h3(3);
  EXPECT_THROW(h3.load(r3), io_error);
}

// A tie dropped to make room at one end comes out of the other end's row after that row has
// caught up with the decays it missed: the other way round, the row's order would differ from
// the one decaying every row at every decay gives ([3, 4] instead of [4, 3] here).
TEST(TieGraph, ARowChangedFromTheOtherEndCatchesUpWithItsDecaysFirst) {
  const executor ex(1);
  tie_graph g(4);
  g.add_tie(1, 2, 0, 0.15f);
  g.add_tie(1, 0, 0, 0.5f);
  g.add_tie(1, 3, 0, 0.9f);
  g.add_tie(1, 4, 0, 0.9f);
  g.decay(0.5f, 0.1f, ex);  // the tie to 2 falls below 0.1; node 1's row is not touched again
  for (const tie_graph::node other : {5u, 6u, 7u}) g.add_tie(0, other, 0, 0.9f);
  ASSERT_TRUE(g.add_tie(0, 8, 0, 0.95f));  // node 0 is full: its weakest tie, to 1, makes room
  const auto row = g.ties_of(1);
  EXPECT_EQ(std::vector<tie_graph::node>(row.neighbours().begin(), row.neighbours().end()),
            (std::vector<tie_graph::node>{4, 3}));
  EXPECT_EQ(g.tie_count(), 6u);
}

// A row that catches up with several decays at once keeps the ties it would have kept decay by
// decay, also when the "decay" makes weights grow: a tie below the threshold goes at the first.
TEST(TieGraph, CatchingUpWithGrowingWeightsDropsWhatTheFirstDecayDrops) {
  const executor ex(1);
  tie_graph lazy(4), eager(4);
  for (tie_graph* g : {&lazy, &eager}) {
    g->add_tie(1, 2, 0, 0.3f);  // 0.375 after one decay: below 0.5, gone
    g->add_tie(1, 3, 0, 0.9f);
  }
  for (int k = 0; k < 3; ++k) {
    lazy.decay(1.25f, 0.5f, ex);
    eager.decay(1.25f, 0.5f, ex);
    eager.settle_all(ex);
  }
  const auto l = lazy.ties_of(1), e = eager.ties_of(1);
  EXPECT_TRUE(std::ranges::equal(l.neighbours(), e.neighbours()));
  EXPECT_TRUE(std::ranges::equal(l.weights(), e.weights()));
  EXPECT_EQ(l.size(), 1u);
  EXPECT_FALSE(lazy.has_tie(1, 2));
}

// Lazy decay: a graph whose rows are brought up to date only when they are changed must read,
// count and save exactly as one whose every row is brought up to date at every decay (the way
// decay worked before it was lazy), through adds that replace the weakest tie, removals, cleared
// nodes, decays, a change of the decay's factor and a checkpoint.
TEST(TieGraph, LazyDecayReadsCountsAndSavesAsDecayingEveryRow) {
  const executor ex(2);
  tie_graph lazy(5), eager(5);
  rng_stream r(17, 4, 0, 0);
  const tie_graph::node nodes = 400;
  const auto same = [&](int step) {
    ASSERT_EQ(lazy.tie_count(), eager.tie_count()) << "step " << step;
    std::size_t ends = 0;
    for (tie_graph::node a = 0; a < lazy.node_count(); ++a) {
      const auto l = lazy.ties_of(a), e = eager.ties_of(a);
      ASSERT_TRUE(std::ranges::equal(l.neighbours(), e.neighbours())) << a << " step " << step;
      ASSERT_TRUE(std::ranges::equal(l.weights(), e.weights())) << a << " step " << step;
      ASSERT_TRUE(std::ranges::equal(l.kinds(), e.kinds())) << a << " step " << step;
      ends += l.size();
    }
    ASSERT_EQ(ends, 2 * lazy.tie_count()) << "the count is the ties there are, step " << step;
    archive_writer lw, ew;
    lazy.save(lw);
    eager.save(ew);
    ASSERT_EQ(lw.bytes(), ew.bytes()) << "step " << step;
  };
  float factor = 0.8f;
  for (int step = 0; step < 3000; ++step) {
    const auto a = static_cast<tie_graph::node>(r.below(nodes));
    auto b = static_cast<tie_graph::node>(r.below(nodes - 1));
    if (b >= a) ++b;
    const double what = r.uniform(0.0, 1.0);
    if (what < 0.75) {
      const auto kind = static_cast<std::uint8_t>(r.below(3));
      const auto w = static_cast<float>(r.uniform(0.05, 1.0));
      ASSERT_EQ(lazy.add_tie(a, b, kind, w), eager.add_tie(a, b, kind, w));
    } else if (what < 0.85) {
      lazy.remove_tie(a, b);
      eager.remove_tie(a, b);
    } else if (what < 0.87) {
      lazy.clear_node(a);
      eager.clear_node(a);
    } else {
      if (step == 2000) factor = 0.6f;  // a policy changes the rate of decay
      lazy.decay(factor, 0.1f, ex);
      eager.decay(factor, 0.1f, ex);
      eager.settle_all(ex);
    }
    if (step % 10 == 0) same(step);
    if (step == 1500) {
      // Restored from its checkpoint, the lazy graph goes on as before.
      archive_writer w;
      lazy.save(w);
      const std::string bytes(w.bytes().begin(), w.bytes().end());
      archive_reader in(bytes, "t");
      lazy = tie_graph(5);
      lazy.load(in);
    }
  }
  same(3000);
}

}  // namespace
}  // namespace liangzhu::engine
