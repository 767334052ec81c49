// The coreference scores, the ECB+ reader, and the score floor on the
// held-out ECB+ topics (data/resolve/ecbplus_split.txt). The merge rules
// were written looking only at the dev topics.
#include <gtest/gtest.h>

#include <filesystem>

#include "resolve/ecbplus.h"

namespace sitrep::resolve {
namespace {

TEST(ScoreCoref, KnownValues) {
  // Gold {0,1,2} {3}; system {0,1} {2,3}.
  auto s = ScoreCoref({1, 1, 1, 2}, {7, 7, 8, 8});
  // B3 precision: 1, 1, 1/2, 1/2 -> 0.75; recall: 2/3, 2/3, 1/3, 1 -> 2/3.
  EXPECT_NEAR(s.b3_precision, 0.75, 1e-9);
  EXPECT_NEAR(s.b3_recall, 2.0 / 3.0, 1e-9);
  // Pairs: gold 3, system 2, shared 1.
  EXPECT_NEAR(s.pairwise_precision, 0.5, 1e-9);
  EXPECT_NEAR(s.pairwise_recall, 1.0 / 3.0, 1e-9);
  EXPECT_EQ(s.gold_entities, 2);
  EXPECT_EQ(s.system_entities, 2);
  auto perfect = ScoreCoref({1, 1, 2}, {5, 5, 9});
  EXPECT_DOUBLE_EQ(perfect.b3_f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.pairwise_f1, 1.0);
}

TEST(ParseEcbPlus, MentionsNamesAndClusters) {
  const char* xml =
      "<Document doc_name=\"9_1ecb.xml\" doc_id=\"D\">\n"
      "<token t_id=\"1\" sentence=\"0\" number=\"0\">She</token>\n"
      "<token t_id=\"2\" sentence=\"0\" number=\"1\">met</token>\n"
      "<token t_id=\"3\" sentence=\"0\" number=\"2\">lawyer</token>\n"
      "<token t_id=\"4\" sentence=\"0\" number=\"3\">Ada</token>\n"
      "<token t_id=\"5\" sentence=\"0\" number=\"4\">Penrose</token>\n"
      "<token t_id=\"6\" sentence=\"0\" number=\"5\">in</token>\n"
      "<token t_id=\"7\" sentence=\"0\" number=\"6\">Karvena</token>\n"
      "<token t_id=\"8\" sentence=\"0\" number=\"7\">.</token>\n"
      "<token t_id=\"9\" sentence=\"1\" number=\"0\">Penrose</token>\n"
      "<token t_id=\"10\" sentence=\"1\" number=\"1\">&amp;</token>\n"
      "<Markables>\n"
      "<HUMAN_PART_PER m_id=\"1\"  >\n  <token_anchor t_id=\"1\"/>\n</HUMAN_PART_PER>\n"
      "<HUMAN_PART_PER m_id=\"2\"  >\n  <token_anchor t_id=\"3\"/>\n  <token_anchor t_id=\"4\"/>\n"
      "  <token_anchor t_id=\"5\"/>\n</HUMAN_PART_PER>\n"
      "<LOC_GEO m_id=\"3\"  >\n  <token_anchor t_id=\"6\"/>\n  <token_anchor t_id=\"7\"/>\n</LOC_GEO>\n"
      "<HUMAN_PART_PER m_id=\"4\"  >\n  <token_anchor t_id=\"9\"/>\n</HUMAN_PART_PER>\n"
      "<ACTION_OCCURRENCE m_id=\"5\"  >\n  <token_anchor t_id=\"2\"/>\n</ACTION_OCCURRENCE>\n"
      "<HUMAN_PART_PER m_id=\"9\" RELATED_TO=\"\" TAG_DESCRIPTOR=\"penrose\" instance_id=\"HUM1\" />\n"
      "</Markables>\n<Relations>\n"
      "<CROSS_DOC_COREF r_id=\"1\" note=\"HUM1\" >\n  <source m_id=\"2\" />\n  <source m_id=\"4\" />\n"
      "  <target m_id=\"9\" />\n</CROSS_DOC_COREF>\n</Relations>\n</Document>\n";
  auto doc = ParseEcbPlus(xml, "9_1ecb.xml");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  EXPECT_EQ(doc->text, "She met lawyer Ada Penrose in Karvena.\nPenrose &");
  ASSERT_EQ(doc->mentions.size(), 4u);
  const auto& she = doc->mentions[0];
  EXPECT_FALSE(she.named);  // a pronoun
  const auto& ada = doc->mentions[1];
  EXPECT_TRUE(ada.named);
  EXPECT_EQ(doc->text.substr(ada.name_begin, ada.name_end - ada.name_begin), "Ada Penrose");
  EXPECT_EQ(ada.cluster, "HUM1");
  const auto& karvena = doc->mentions[2];
  EXPECT_EQ(doc->text.substr(karvena.name_begin, karvena.name_end - karvena.name_begin), "Karvena");
  EXPECT_NE(karvena.cluster, "HUM1");  // a singleton
  EXPECT_EQ(doc->mentions[3].cluster, "HUM1");
  EXPECT_TRUE(doc->mentions[3].named);  // sentence-initial, but never written in lower case
  EXPECT_FALSE(ParseEcbPlus("<Document></Document>", "x.xml").ok());
}

TEST(EcbPlusTopics, SplitCoversEveryTopicOnce) {
  auto dev = EcbPlusTopics("dev");
  auto heldout = EcbPlusTopics("heldout");
  auto all = EcbPlusTopics("all");
  EXPECT_FALSE(dev.empty());
  EXPECT_FALSE(heldout.empty());
  EXPECT_EQ(dev.size() + heldout.size(), all.size());
}

TEST(EcbPlus, HeldOutScoreFloor) {
  std::filesystem::path dir = std::filesystem::path(SITREP_SHARED_DIR) / "corpora" / "ecbplus";
  if (!std::filesystem::is_directory(dir))
    GTEST_SKIP() << "ECB+ not found at " << dir << " (SITREP_SHARED_DIR); skipping the coreference score floor";
  auto ev = EvaluateEcbPlus(dir.string(), EcbPlusTopics("heldout"));
  ASSERT_TRUE(ev.ok()) << ev.status().message();
  EXPECT_GT(ev->documents, 200);
  EXPECT_GE(ev->named.b3_f1, 0.82);        // measured 0.842
  EXPECT_GE(ev->named.pairwise_f1, 0.82);  // measured 0.843
  EXPECT_GE(ev->all.b3_f1, 0.52);          // measured 0.542
  // The rules must beat clustering by exact name.
  EXPECT_GT(ev->named.b3_f1, ev->baseline.b3_f1 + 0.05);
}

}  // namespace
}  // namespace sitrep::resolve
