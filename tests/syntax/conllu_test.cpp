#include <gtest/gtest.h>

#include <sstream>

#include "syntax/conllu.h"

namespace sitrep::syntax {
namespace {

const char* kSample =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "4.1\tknown\tknow\tVERB\tVBN\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# newpar\n"
    "# text = Yes\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n";

TEST(Conllu, ReadsWordsMultiwordsAndComments) {
  std::vector<ConllSentence> s;
  std::string error;
  ASSERT_TRUE(ParseConllu(kSample, &s, &error)) << error;
  ASSERT_EQ(s.size(), 2u);
  EXPECT_TRUE(s[0].new_doc);
  EXPECT_EQ(s[0].sent_id, "s1");
  EXPECT_EQ(s[0].text, "I don't know.");
  ASSERT_EQ(s[0].words.size(), 5u);  // the empty node 4.1 is dropped
  EXPECT_EQ(s[0].words[2].form, "n't");
  EXPECT_EQ(s[0].words[2].lemma, "not");
  EXPECT_EQ(s[0].words[2].head, 4);
  EXPECT_EQ(s[0].words[3].deprel, "root");
  EXPECT_EQ(s[0].words[3].misc, "SpaceAfter=No");
  ASSERT_EQ(s[0].multiwords.size(), 1u);
  EXPECT_EQ(s[0].multiwords[0].form, "don't");
  EXPECT_TRUE(s[1].new_par);
  EXPECT_FALSE(s[1].new_doc);
  EXPECT_EQ(s[1].words[0].head, 0);
}

TEST(Conllu, RoundTrips) {
  std::vector<ConllSentence> s, again;
  std::string error;
  ASSERT_TRUE(ParseConllu(kSample, &s, &error));
  std::ostringstream out;
  WriteConllu(s, out);
  ASSERT_TRUE(ParseConllu(out.str(), &again, &error)) << error;
  ASSERT_EQ(again.size(), s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    ASSERT_EQ(again[i].words.size(), s[i].words.size());
    for (std::size_t k = 0; k < s[i].words.size(); ++k) {
      EXPECT_EQ(again[i].words[k].form, s[i].words[k].form);
      EXPECT_EQ(again[i].words[k].head, s[i].words[k].head);
      EXPECT_EQ(again[i].words[k].deprel, s[i].words[k].deprel);
    }
  }
}

TEST(Conllu, RejectsMalformedLinesWithLineNumber) {
  std::vector<ConllSentence> s;
  std::string error;
  EXPECT_FALSE(ParseConllu("1\tonly\tthree\n", &s, &error));
  EXPECT_NE(error.find("line 1"), std::string::npos);
  EXPECT_FALSE(ParseConllu("1\ta\ta\tX\tX\t_\tzz\tdep\t_\t_\n", &s, &error));
  EXPECT_FALSE(ParseConllu("2\ta\ta\tX\tX\t_\t0\troot\t_\t_\n", &s, &error));
  EXPECT_FALSE(ParseConllu("1\ta\ta\tX\tX\t_\t7\troot\t_\t_\n", &s, &error));
}

TEST(Conllu, HandlesCrlfAndMissingFinalNewline) {
  std::vector<ConllSentence> s;
  std::string error;
  ASSERT_TRUE(ParseConllu("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\r\n\r\n1\tOk\tok\tINTJ\tUH\t_\t0\troot\t_\t_", &s,
                          &error))
      << error;
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].words[0].misc, "");
  EXPECT_EQ(s[1].words[0].form, "Ok");
}

}  // namespace
}  // namespace sitrep::syntax
