#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "liangzhu/engine/network.hpp"
#include "liangzhu/engine/parallel.hpp"
#include "liangzhu/engine/rng.hpp"

namespace liangzhu::engine {
namespace {

/// A weight is kept to within half a level's step (1/2048 in log-weight), and decays add the
/// rounding of a double sum.
constexpr float kept_to = 6e-4f;

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
  EXPECT_NEAR(g.weight(1, 2), 0.7f, 0.7f * kept_to);
  EXPECT_EQ(g.weight(2, 1), g.weight(1, 2));
  const float kept = g.weight(1, 2);
  g.add_tie(1, 2, 2, 0.1f);
  EXPECT_EQ(g.weight(1, 2), kept);
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
  EXPECT_NEAR(g.weight(0, 1), 0.5f, 0.5f * kept_to);
  EXPECT_FALSE(g.has_tie(0, 2));
  EXPECT_FALSE(g.has_tie(2, 0));
  EXPECT_NEAR(g.weight(3, 2), 0.25f, 0.25f * kept_to);
  EXPECT_EQ(g.tie_count(), 2u);
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

// Every decay multiplies each weight by the factor and drops exactly the ties that fall below the
// threshold (up to the weights' precision), at both ends, keeping the others in their order.
TEST(TieGraph, DecayMultipliesWeightsAndDropsTheWeakKeepingTheOrder) {
  tie_graph g(12);
  const tie_graph::node nodes = 3000;
  for (tie_graph::node a = 0; a < nodes; ++a)
    for (tie_graph::node k = 1; k <= 5; ++k) {
      const auto b = (a * 2654435761u + k * 40503u) % nodes;
      if (b != a)
        g.add_tie(a, b, static_cast<std::uint8_t>(k),
                  0.12f + static_cast<float>((a * 31u + b * 17u) % 101u) / 100.0f);
    }
  const std::size_t ties_before = g.tie_count();
  const float factor = 0.7f, threshold = 0.1f;
  for (int round = 0; round < 6; ++round) {
    std::vector<tie_row> before;
    for (tie_graph::node a = 0; a < nodes; ++a) before.push_back(g.ties_of(a));
    g.decay(factor, threshold, executor(2));
    std::size_t ends = 0;
    for (tie_graph::node a = 0; a < nodes; ++a) {
      const auto now = g.ties_of(a);
      const auto& was = before[a];
      std::size_t i = 0;  // the place in `was` of the next tie of `now`
      for (std::size_t j = 0; j < now.size(); ++j, ++i) {
        for (; i < was.size() && was.neighbours()[i] != now.neighbours()[j]; ++i)
          ASSERT_LT(was.weights()[i] * factor, threshold * (1 + kept_to)) << a << ": dropped";
        ASSERT_LT(i, was.size()) << a << ": a tie out of order or from nowhere";
        ASSERT_EQ(now.kinds()[j], was.kinds()[i]);
        ASSERT_NEAR(now.weights()[j], was.weights()[i] * factor, was.weights()[i] * kept_to);
        ASSERT_GE(now.weights()[j], threshold * (1 - kept_to)) << a << ": kept";
        ASSERT_TRUE(g.has_tie(now.neighbours()[j], a)) << a << ": at both ends";
      }
      for (; i < was.size(); ++i)
        ASSERT_LT(was.weights()[i] * factor, threshold * (1 + kept_to)) << a << ": dropped";
      ends += now.size();
    }
    ASSERT_EQ(ends, 2 * g.tie_count()) << "round " << round;
  }
  // 0.7^6 = 0.12: the ties that started above 0.85 remain, the others were dropped on the way.
  EXPECT_GT(g.tie_count(), 0u);
  EXPECT_LT(g.tie_count(), ties_before / 3);
}

// A weight is w0 * factor^k after k decays to within the precision, however many decays (also
// when the levels move down to keep room above: every 16 / -ln(factor) decays), and a tie drops
// at the first decay that takes it below the threshold.
TEST(TieGraph, WeightsFollowTheirDecaysAndDropOnTime) {
  const executor ex(1);
  tie_graph g(64);
  const float factor = 0.7f, threshold = 1e-6f;  // 0.7^38 = 1.3e-6 stays, 0.7^39 = 9.1e-7 drops
  for (tie_graph::node k = 1; k <= 150; ++k) {
    ASSERT_TRUE(g.add_tie(0, k, 0, 1.0f));
    const auto row = g.ties_of(0);
    ASSERT_EQ(row.size(), std::min<std::size_t>(k, 39)) << k;
    ASSERT_EQ(g.tie_count(), row.size());
    for (std::size_t i = 0; i < row.size(); ++i) {
      const double age = k - row.neighbours()[i];
      ASSERT_NEAR(row.weights()[i] / std::pow(double{factor}, age), 1.0, kept_to) << k;
    }
    g.decay(factor, threshold, ex);
  }
}

TEST(TieGraph, ATieWeakerThanTheThresholdIsNotMade) {
  tie_graph g(4);
  g.decay(0.9f, 0.2f, executor(1));
  EXPECT_FALSE(g.add_tie(0, 1, 0, 0.1f));
  EXPECT_FALSE(g.has_tie(0, 1));
  EXPECT_EQ(g.tie_count(), 0u);
  EXPECT_TRUE(g.add_tie(0, 1, 0, 0.3f));
  EXPECT_TRUE(g.add_tie(0, 1, 0, 0.1f));  // it exists: kept at 0.3
  EXPECT_NEAR(g.weight(0, 1), 0.3f, 0.3f * kept_to);
}

// A threshold lowered by a policy brings back no tie that an earlier decay dropped, also from
// rows that were not changed since.
TEST(TieGraph, ALowerThresholdBringsNoDroppedTieBack) {
  const executor ex(2);
  tie_graph g(4);
  g.add_tie(0, 1, 0, 0.3f);
  g.add_tie(2, 3, 0, 0.9f);
  g.decay(0.9f, 0.5f, ex);
  EXPECT_EQ(g.tie_count(), 1u);
  g.decay(0.9f, 0.01f, ex);
  EXPECT_EQ(g.tie_count(), 1u);
  EXPECT_FALSE(g.has_tie(0, 1));
  EXPECT_FALSE(g.has_tie(1, 0));
  EXPECT_TRUE(g.has_tie(3, 2));
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
  EXPECT_EQ(h.weight(1, 2), g.weight(1, 2));
  EXPECT_NEAR(h.weight(1, 2), 0.9f, 0.9f * kept_to);
  EXPECT_EQ(h.tie_count(), 2u);

  tie_graph other(5);
  archive_reader r2(bytes, "t");
  EXPECT_THROW(other.load(r2), io_error);
  archive_reader r3(std::string_view(bytes).substr(0, bytes.size() - 3), "t");
  tie_graph h3(3);
  EXPECT_THROW(h3.load(r3), io_error);

  // A tie whose ends disagree (here its level at one end) is refused, not loaded.
  tie_graph lopsided(3);
  lopsided.add_tie(0, 1, 1, 0.4f);
  lopsided.add_tie(0, 2, 1, 0.9f);
  archive_writer lw;
  lopsided.save(lw);
  std::string lb(lw.bytes().begin(), lw.bytes().end());
  // The levels array follows the header (capacity, offset, drop line), the degrees and the
  // neighbours, each array after its 8-byte length: node 1's first level is its tie to 0.
  const std::size_t levels_at = sizeof(std::uint16_t) + sizeof(double) + sizeof(std::uint32_t) + 8 +
                                3 * sizeof(std::uint16_t) + 8 + 9 * sizeof(std::uint32_t) + 8;
  const std::size_t first_of_node_1 = levels_at + 3 * sizeof(std::uint16_t);
  ++lb[first_of_node_1];
  tie_graph broken(3);
  archive_reader r4(lb, "t");
  EXPECT_THROW(broken.load(r4), io_error);
}

// A tie dropped to make room at one end comes out of the other end's row after that row has
// shed the ties decays dropped: the other way round, the row's last tie (a dropped one here)
// would fill the hole and the row's order would differ from the one dropping every weak tie at
// every decay gives ([3, 4] instead of [4, 3] here).
TEST(TieGraph, ARowChangedFromTheOtherEndShedsItsDroppedTiesFirst) {
  const executor ex(1);
  tie_graph g(4);
  g.add_tie(1, 0, 0, 0.5f);
  g.add_tie(1, 3, 0, 0.9f);
  g.add_tie(1, 4, 0, 0.9f);
  g.add_tie(1, 2, 0, 0.15f);
  g.decay(0.5f, 0.1f, ex);  // the tie to 2 falls below 0.1; node 1's row is not touched again
  for (const tie_graph::node other : {5u, 6u, 7u}) g.add_tie(0, other, 0, 0.9f);
  ASSERT_TRUE(g.add_tie(0, 8, 0, 0.95f));  // node 0 is full: its weakest tie, to 1, makes room
  const auto row = g.ties_of(1);
  EXPECT_EQ(std::vector<tie_graph::node>(row.neighbours().begin(), row.neighbours().end()),
            (std::vector<tie_graph::node>{4, 3}));
  EXPECT_EQ(g.tie_count(), 6u);
}

// Lazy dropping: a graph whose rows shed their dropped ties only when they are changed must read,
// count and save exactly as one whose every row sheds them at every decay, through adds that
// replace the weakest tie, removals, cleared nodes, decays, changes of the decay's factor (a
// fast one, whose levels move down every 31 decays) and threshold (up and down) and a checkpoint.
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
  float factor = 0.8f, threshold = 0.1f;
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
      if (step == 2000) factor = 0.6f;                   // a policy changes the rate of decay
      if (step > 1000 && step < 1300) threshold = 0.2f;  // and the weakest tie kept
      if (step > 2500) threshold = 0.05f;
      lazy.decay(factor, threshold, ex);
      eager.decay(factor, threshold, ex);
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
