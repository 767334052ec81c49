// The CAMEO table, the lexicon and the gold file load and cover what the
// issue asks for.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>

#include "core/error.h"
#include "core/file.h"
#include "core/resources.h"
#include "events/events.h"
#include "events/gold.h"
#include "events/lexicon.h"

namespace sitrep::events {
namespace {

TEST(Codebook, GoldsteinAndQuadClassFromTheCodebook) {
  const Codebook& cb = Codebook::Default();
  // Values checked by hand against the CAMEO Goldstein table.
  ASSERT_NE(cb.Find("163"), nullptr);
  EXPECT_DOUBLE_EQ(cb.Find("163")->goldstein, -8.0);
  EXPECT_DOUBLE_EQ(cb.Find("046")->goldstein, 7.0);
  EXPECT_DOUBLE_EQ(cb.Find("0874")->goldstein, 10.0);
  EXPECT_DOUBLE_EQ(cb.Find("1312")->goldstein, -5.8);
  EXPECT_EQ(cb.Find("999"), nullptr);
  EXPECT_EQ(QuadClass("042"), 1);
  EXPECT_EQ(QuadClass("073"), 2);
  EXPECT_EQ(QuadClass("1312"), 3);
  EXPECT_EQ(QuadClass("190"), 4);
  EXPECT_EQ(QuadClass("21"), 0);
  EXPECT_EQ(QuadClass("x"), 0);
  EXPECT_TRUE(cb.Find("040")->symmetric);
  EXPECT_FALSE(cb.Find("042")->symmetric);
  EXPECT_TRUE(cb.Find("154")->own_means);
}

// Every code of data/events/cameo.tsv has the weight the CAMEO Goldstein
// table gives it (read from ../shared/reference when present).
TEST(Codebook, EveryWeightIsTheReferenceTables) {
  const std::string path = std::string(SITREP_SHARED_DIR) + "/reference/cameo/CAMEO.goldsteinscale.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << path << " is absent (../shared is not here)";
  std::map<std::string, double> reference;
  std::string code, header;
  double weight = 0;
  std::getline(in, header);
  while (in >> code >> weight) reference[code] = weight;
  ASSERT_GT(reference.size(), 200u);
  for (const CodeInfo& c : Codebook::Default().codes()) {
    auto it = reference.find(c.code);
    ASSERT_NE(it, reference.end()) << "CAMEO " << c.code << " is not in the reference table";
    EXPECT_DOUBLE_EQ(c.goldstein, it->second) << "CAMEO " << c.code;
  }
}

TEST(Lexicon, EveryRootHasEntriesAndEveryCodeIsKnown) {
  auto lex = Lexicon::Load();
  std::set<std::string> roots;
  for (const auto* map : {&lex->verbs, &lex->nouns}) {
    for (const auto& [lemma, patterns] : *map) {
      for (const Pattern& p : patterns) {
        if (p.code == kNoEvent) continue;  // a reading that codes nothing
        EXPECT_NE(lex->codebook->Find(p.code), nullptr) << p.code;
        roots.insert(p.code.substr(0, 2));
      }
    }
  }
  EXPECT_EQ(roots.size(), 20u);
  EXPECT_EQ(lex->Compose("threat", "163"), "1312");
  EXPECT_EQ(lex->Compose("threat", "190"), "1384");
  EXPECT_EQ(lex->Compose("intent", "040"), "036");
  EXPECT_EQ(lex->Compose("reject", "046"), "125");
  EXPECT_EQ(lex->Compose("appeal", "0871"), "0256");
  EXPECT_EQ(lex->Compose("consider", "154"), "014");
  EXPECT_EQ(lex->Compose("nonsense", "154"), "");
}

TEST(Lexicon, MalformedCodeTableIsAConfigError) {
  EXPECT_THROW(Codebook::Parse("99\t0.0\tnot a code\n"), ConfigError);
  EXPECT_THROW(Codebook::Parse("010\n"), ConfigError);
}

TEST(Gold, ParsesNegationAndSeveralEvents) {
  auto g = ParseGold("# comment\ndev\tX and Y met.\t040 X > Y\nheldout\tA did not b.\t!057 A > - ; 190 C > D\n");
  ASSERT_TRUE(g.ok()) << g.status().message();
  ASSERT_EQ(g.value().size(), 2u);
  EXPECT_EQ(g.value()[0].events[0].target, "Y");
  ASSERT_EQ(g.value()[1].events.size(), 2u);
  EXPECT_TRUE(g.value()[1].events[0].negated);
  EXPECT_EQ(g.value()[1].events[0].target, "");
  EXPECT_EQ(g.value()[1].events[1].cameo, "190");
  EXPECT_FALSE(ParseGold("train\tx\t-\n").ok());
  EXPECT_FALSE(ParseGold("dev\tx\t999 A > B\n").ok());
}

TEST(Gold, BothHalvesAreLargeAndCoverEveryRoot) {
  std::string text;
  ASSERT_TRUE(ReadWholeFile(std::string(SITREP_SOURCE_DIR) + "/tests/events/gold/events_gold.tsv", &text));
  auto g = ParseGold(text);
  ASSERT_TRUE(g.ok()) << g.status().message();
  std::size_t dev = 0, heldout = 0, negated = 0, none = 0;
  std::set<std::string> roots;
  for (const auto& s : g.value()) {
    (s.split == "dev" ? dev : heldout)++;
    if (s.events.empty()) ++none;
    for (const auto& e : s.events) {
      roots.insert(e.cameo.substr(0, 2));
      negated += e.negated;
    }
  }
  EXPECT_GE(dev + heldout, 300u);
  EXPECT_GE(dev, 150u);
  EXPECT_GE(heldout, 150u);
  EXPECT_EQ(roots.size(), 20u);
  EXPECT_GE(negated, 10u);
  EXPECT_GE(none, 10u);
}

}  // namespace
}  // namespace sitrep::events
