#include <gtest/gtest.h>

#include "entities/ner_corpus.h"
#include "support/temp_dir.h"

namespace sitrep::entities {
namespace {

std::vector<NerSpan> Spans(const NerSentence& s) { return SpansFromLabels(s.labels.data(), s.labels.size()); }

TEST(ParseIob, UnerLayout) {
  std::vector<NerSentence> out;
  std::string error;
  ASSERT_TRUE(ParseIob("# newdoc id = d1\n# sent_id = 1\n1\tJane\tB-PER\t-\t-\n2\tDoe\tI-PER\t-\t-\n"
                       "3\tvisited\tO\t-\t-\n4\tnew\tB-LOC\t-\t-\n5\tyork\tI-LOC\t-\t-\n\n"
                       "1\tAcme\tB-ORG\t-\t-\n2\tgrew\tO\t-\t-\n",
                       &out, &error))
      << error;
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(out[0].new_doc);
  EXPECT_FALSE(out[1].new_doc);
  EXPECT_EQ(out[0].words[3], "new");
  EXPECT_EQ(Spans(out[0]), (std::vector<NerSpan>{{0, 2, 0}, {3, 5, 2}}));
  EXPECT_EQ(Spans(out[1]), (std::vector<NerSpan>{{0, 1, 1}}));
}

TEST(ParseIob, Conll2003LayoutWithIob1) {
  // IOB1: I- starts a mention unless it continues one; B- only between two.
  std::vector<NerSentence> out;
  std::string error;
  ASSERT_TRUE(ParseIob("-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\n"
                       "German JJ B-NP I-MISC\ncall NN I-NP O\nto TO B-VP O\nParis NNP B-NP I-LOC\n"
                       "Lyon NNP I-NP B-LOC\n",
                       &out, &error))
      << error;
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].new_doc);
  EXPECT_EQ(Spans(out[0]), (std::vector<NerSpan>{{0, 1, 1}, {2, 3, 3}, {5, 6, 2}, {6, 7, 2}}));
}

TEST(ParseIob, BadLineNamesItsNumber) {
  std::vector<NerSentence> out;
  std::string error;
  EXPECT_FALSE(ParseIob("1\tfine\tO\n2\tbroken\n", &out, &error));
  EXPECT_NE(error.find("line 2"), std::string::npos) << error;
}

TEST(ReadGum, KeepsNamedMentionsNarrowedToTheName) {
  sitrep::testing::TempDir dir;
  // "the United Nations" (organization headed by a proper noun), "iodine"
  // (substance headed by a common noun: not a name), "Bank of America"
  // (connector inside the name), "Paris" nested inside a non-name person
  // mention ("the mayor of Paris").
  const std::string conllu =
      "# text = the United Nations and the mayor of Paris studied iodine at Bank of America\n"
      "1\tthe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(1-organization-new-x\n"
      "2\tUnited\tUnited\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
      "3\tNations\tNations\tPROPN\tNNPS\t_\t9\tnsubj\t_\tEntity=1)\n"
      "4\tand\tand\tCCONJ\tCC\t_\t6\tcc\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-person-new-x\n"
      "6\tmayor\tmayor\tNOUN\tNN\t_\t3\tconj\t_\t_\n"
      "7\tof\tof\tADP\tIN\t_\t8\tcase\t_\t_\n"
      "8\tParis\tParis\tPROPN\tNNP\t_\t6\tnmod\t_\tEntity=(3-place-new-x)2)\n"
      "9\tstudied\tstudy\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "10\tiodine\tiodine\tNOUN\tNN\t_\t9\tobj\t_\tEntity=(4-substance-new-x)\n"
      "11\tat\tat\tADP\tIN\t_\t12\tcase\t_\t_\n"
      "12\tBank\tBank\tPROPN\tNNP\t_\t9\tobl\t_\tEntity=(5-organization-new-x\n"
      "13\tof\tof\tADP\tIN\t_\t14\tcase\t_\t_\n"
      "14\tAmerica\tAmerica\tPROPN\tNNP\t_\t12\tnmod\t_\tEntity=(6-place-new-x)5)\n\n";
  const std::string path = dir.path() + "/g.conllu";
  sitrep::testing::WriteFile(path, conllu);
  auto s = ReadGumFile(path);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Spans(s[0]), (std::vector<NerSpan>{{1, 3, 1}, {7, 8, 2}, {11, 14, 1}}));
}

TEST(ReadGum, PeopleNamedByAPluralProperNounAreAGroup) {
  sitrep::testing::TempDir dir;
  // "the Velmarians" (a person mention headed by NNPS) is a group, MISC;
  // "Ida Korrin" (headed by NNP) stays a person.
  const std::string conllu =
      "# text = the Velmarians thanked Ida Korrin\n"
      "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-person-new-x\n"
      "2\tVelmarians\tVelmarian\tPROPN\tNNPS\t_\t3\tnsubj\t_\tEntity=1)\n"
      "3\tthanked\tthank\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tIda\tIda\tPROPN\tNNP\t_\t3\tobj\t_\tEntity=(2-person-new-x\n"
      "5\tKorrin\tKorrin\tPROPN\tNNP\t_\t4\tflat\t_\tEntity=2)\n\n";
  const std::string path = dir.path() + "/g.conllu";
  sitrep::testing::WriteFile(path, conllu);
  auto s = ReadGumFile(path);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(Spans(s[0]), (std::vector<NerSpan>{{1, 2, 3}, {3, 5, 0}}));
}


// An ECB+ file of three sentences; `marks` are its markables.
std::string EcbXml(const std::vector<std::vector<std::string>>& sentences, const std::string& marks) {
  std::string x = "<Document doc_name=\"t.xml\">\n";
  int id = 1;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (std::size_t k = 0; k < sentences[s].size(); ++k) {
      x += "<token t_id=\"" + std::to_string(id++) + "\" sentence=\"" + std::to_string(s) + "\" number=\"" +
           std::to_string(k) + "\">" + sentences[s][k] + "</token>\n";
    }
  }
  return x + "<Markables>\n" + marks + "</Markables>\n<Relations>\n</Relations>\n</Document>\n";
}

std::string Markable(const std::string& tag, int m_id, std::vector<int> tokens) {
  std::string x = "<" + tag + " m_id=\"" + std::to_string(m_id) + "\" >";
  for (int t : tokens) x += "<token_anchor t_id=\"" + std::to_string(t) + "\"/>";
  return x + "</" + tag + ">\n";
}

TEST(ReadEcbPlus, NamesInMentionsAreLabelledAndUnmarkedCapitalsStayOpen) {
  sitrep::testing::TempDir dir;
  // Tokens 1-11, 12-19, 20-23.
  const std::string xml = EcbXml(
      {{"President", "Lenhall", "Kessar", "fined", "the", "Odalys", "Mining", "Company", "in", "Dravenia", "."},
       {"Kessar", "spoke", "to", "reporters", "from", "Varnow", "Weekly", "."},
       {"Nobody", "else", "came", "."}},
      Markable("HUMAN_PART_PER", 1, {1, 2, 3}) + Markable("HUMAN_PART_ORG", 2, {5, 6, 7, 8}) +
          Markable("LOC_GEO", 3, {9, 10}) + Markable("ACTION_OCCURRENCE", 4, {4}) +
          Markable("HUMAN_PART_PER", 5, {12}));
  const std::string path = dir.path() + "/t.xml";
  sitrep::testing::WriteFile(path, xml);
  auto s = ReadEcbPlusNerFile(path);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(s[0].new_doc);
  EXPECT_FALSE(s[1].new_doc);
  // The title is left out of the person's name; "the" and "in" are outside.
  EXPECT_EQ(Spans(s[0]), (std::vector<NerSpan>{{1, 3, 0}, {5, 8, 1}, {9, 10, 2}}));
  EXPECT_EQ(s[0].labels[0], kOutside);
  EXPECT_EQ(s[0].labels[4], kOutside);
  EXPECT_EQ(s[0].labels[8], kOutside);
  // A name no mention covers is neither a name nor outside one.
  EXPECT_EQ(Spans(s[1]), (std::vector<NerSpan>{{0, 1, 0}}));
  EXPECT_EQ(s[1].labels[3], kOutside);
  EXPECT_EQ(s[1].labels[5], kUnknownLabel);
  EXPECT_EQ(s[1].labels[6], kUnknownLabel);
  EXPECT_EQ(s[1].labels[7], kOutside);
  // A sentence without mentions says nothing.
  EXPECT_EQ(s[2].labels, std::vector<std::uint8_t>(4, kUnknownLabel));
}

TEST(ReadEcbPlus, MetonymyLeavesTheNameOpenAndATitleCaseHeadlineIsOpen) {
  sitrep::testing::TempDir dir;
  const std::string xml =
      EcbXml({{"Officials", "in", "Lorvani", "said", "Odalys", "voted", "."},
              {"Kessar", "Wins", "The", "Vote", "In", "Dravenia"}},
             Markable("HUMAN_PART_MET", 1, {5}) + Markable("LOC_GEO", 2, {2, 3}) + Markable("HUMAN_PART_PER", 3, {8}));
  const std::string path = dir.path() + "/t.xml";
  sitrep::testing::WriteFile(path, xml);
  auto s = ReadEcbPlusNerFile(path);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(Spans(s[0]), (std::vector<NerSpan>{{2, 3, 2}}));
  EXPECT_EQ(s[0].labels[4], kUnknownLabel);
  EXPECT_EQ(s[0].labels[5], kOutside);
  EXPECT_EQ(s[1].labels, std::vector<std::uint8_t>(6, kUnknownLabel));
}

}  // namespace
}  // namespace sitrep::entities
