// SyntaxStage on hostile input, with the committed models: every token
// gets tags, a lemma and a head that forms a tree; nothing crashes or
// goes quadratic.
#include <gtest/gtest.h>

#include <chrono>
#include <sstream>

#include "core/resources.h"
#include "syntax/syntax.h"

namespace sitrep::syntax {
namespace {

// Builds an article with one sentence per entry of `sentences`, tokens
// split on spaces.
Article MakeArticle(const std::vector<std::string>& sentences) {
  Article a;
  for (const auto& s : sentences) {
    Sentence sent;
    sent.begin = static_cast<std::uint32_t>(a.text.size());
    sent.first_token = static_cast<std::uint32_t>(a.tokens.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
      std::size_t sp = s.find(' ', pos);
      if (sp == std::string::npos) sp = s.size();
      if (sp > pos) {
        Token t;
        t.begin = static_cast<std::uint32_t>(a.text.size() + pos);
        t.end = static_cast<std::uint32_t>(a.text.size() + sp);
        a.tokens.push_back(t);
      }
      pos = sp + 1;
    }
    a.text += s;
    sent.end = static_cast<std::uint32_t>(a.text.size());
    sent.end_token = static_cast<std::uint32_t>(a.tokens.size());
    a.text += '\n';
    a.sentences.push_back(sent);
  }
  return a;
}

// Every token analysed; heads in range; exactly one root per sentence;
// no cycles.
void ExpectTrees(const Article& a) {
  for (const Sentence& s : a.sentences) {
    const int n = static_cast<int>(s.token_count());
    int roots = 0;
    for (int k = 0; k < n; ++k) {
      const Token& t = a.tokens[s.first_token + k];
      EXPECT_FALSE(t.upos.empty());
      EXPECT_FALSE(t.xpos.empty());
      EXPECT_FALSE(t.deprel.empty());
      ASSERT_GE(t.head, -1);
      ASSERT_LT(t.head, n);
      ASSERT_NE(t.head, k);
      if (t.head < 0) {
        ++roots;
        EXPECT_EQ(t.deprel, "root");
      }
      int steps = 0;
      for (int h = k; h >= 0 && steps <= n; h = a.tokens[s.first_token + h].head) ++steps;
      ASSERT_LE(steps, n) << "cycle through token " << k;
    }
    if (n > 0) {
      EXPECT_EQ(roots, 1);
    }
  }
}

class SyntaxStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!HasResource("models/parser.bin")) GTEST_SKIP() << "no compiled-in syntax models";
  }
  void Run(Article& a) {
    SyntaxStage stage;
    auto scratch = stage.NewScratch();
    stage.Process(a, scratch.get());
  }
};

TEST_F(SyntaxStageTest, AnalysesOrdinarySentences) {
  Article a = MakeArticle({"The government said on Monday that it would raise taxes .", "Prices fell sharply ."});
  Run(a);
  ExpectTrees(a);
  EXPECT_EQ(a.tokens[1].upos, "NOUN");
  EXPECT_EQ(a.tokens[2].upos, "VERB");
  EXPECT_EQ(a.tokens[2].lemma, "say");
  EXPECT_EQ(a.tokens[2].head, -1);
  EXPECT_EQ(a.tokens[1].head, 2);
  EXPECT_EQ(a.tokens[1].deprel, "nsubj");
  EXPECT_EQ(a.tokens[0].deprel, "det");
  EXPECT_EQ(a.tokens[12].lemma, "fall");
  EXPECT_TRUE(a.warnings.empty());
}

// A verb has one nominal subject: two nouns side by side both read as
// its subject are one phrase, the first a compound of the second, which
// also takes the possessor. Checked in a second sentence, where heads
// count from that sentence's first token.
TEST_F(SyntaxStageTest, TwoAdjacentSubjectsOfOneVerbAreOnePhrase) {
  Article a = MakeArticle({"The talks ended .", "Lorvani 's health ministry said 40 people were wounded ."});
  Run(a);
  ExpectTrees(a);
  const Sentence& s = a.sentences[1];
  const Token* t = &a.tokens[s.first_token];
  EXPECT_EQ(t[2].head, 3);
  EXPECT_EQ(t[2].deprel, "compound");
  EXPECT_EQ(t[0].head, 3) << "the possessor belongs to the phrase's head";
  EXPECT_EQ(t[3].deprel, "nsubj");
  EXPECT_EQ(t[3].head, 4);
  EXPECT_EQ(t[3].upos, "NOUN") << "a head in lower case is a common noun";
  // "Officials familiar with the matter said": one subject, the adjective
  // its modifier and "matter" the adjective's oblique.
  Article c = MakeArticle({"Officials familiar with the matter said the plan was dead ."});
  Run(c);
  ExpectTrees(c);
  EXPECT_EQ(c.tokens[1].head, 0);
  EXPECT_EQ(c.tokens[1].deprel, "amod");
  EXPECT_EQ(c.tokens[4].head, 1);
  EXPECT_EQ(c.tokens[4].deprel, "obl");
  EXPECT_EQ(c.tokens[0].deprel, "nsubj");
  // With the second noun's adjective between them, and a name first
  // ("the Dravenian interior ministry said"): the name is a compound of
  // the noun, which also takes the determiner the parse may give the verb.
  Article d = MakeArticle({"The Dravenian interior ministry said the border was closed ."});
  Run(d);
  ExpectTrees(d);
  EXPECT_EQ(d.tokens[1].head, 3);
  EXPECT_EQ(d.tokens[1].deprel, "compound");
  EXPECT_EQ(d.tokens[0].head, 3);
  EXPECT_EQ(d.tokens[3].deprel, "nsubj");
  EXPECT_EQ(d.tokens[3].head, 4);
  // A title before a name is no compound of it ("the owner Karla").
  Article b = MakeArticle({"The owner Karla is welcoming and fun ."});
  Run(b);
  ExpectTrees(b);
  EXPECT_NE(b.tokens[1].deprel, "compound");
}

// The tagger reads these "-ed" verbs after the opening noun phrase as
// participles; the sentence then has no verb of its own, or the verb has
// an object before any other finite verb: they are past tenses, and the
// parse makes them the verb.
TEST_F(SyntaxStageTest, AnOpeningParticipleWithoutAVerbIsAPastTense) {
  Article a = MakeArticle({"The opposition called on Odal Varnell to resign .",
                           "The regulator fined Kessar Bank 40 million euros on Tuesday , officials said ."});
  Run(a);
  ExpectTrees(a);
  const Token* t = &a.tokens[a.sentences[0].first_token];
  EXPECT_EQ(t[2].xpos, "VBD");
  EXPECT_EQ(t[2].head, -1) << "the verb heads its sentence";
  EXPECT_EQ(t[1].deprel, "nsubj");
  t = &a.tokens[a.sentences[1].first_token];
  EXPECT_EQ(t[2].xpos, "VBD");
  EXPECT_EQ(t[2].lemma, "fine");
  EXPECT_EQ(t[1].head, 2) << "the regulator is the subject of the fining";
  // Left alone: a naming participle before a name, a passive with its
  // agent, and a headline in capitals.
  Article b = MakeArticle({"A firm called Kessar Trade , which makes parts , said it would appeal .",
                           "The man arrested by police .", "Minister Named In Bribery Report"});
  Run(b);
  EXPECT_EQ(b.tokens[b.sentences[0].first_token + 2].xpos, "VBN");
  EXPECT_EQ(b.tokens[b.sentences[1].first_token + 2].xpos, "VBN");
  EXPECT_EQ(b.tokens[b.sentences[2].first_token + 1].xpos, "VBN");
}

// The tagger reads "Romanian" here as a name; before a title it is the
// country's adjective, and the person is the object.
TEST_F(SyntaxStageTest, ACountryAdjectiveBeforeATitleIsAnAdjective) {
  Article a = MakeArticle({"Odal Varnell met Romanian President Peter Lenhall in Chisinau on Monday ."});
  Run(a);
  ExpectTrees(a);
  const Token* t = &a.tokens[a.sentences[0].first_token];
  ASSERT_EQ(a.text.substr(t[3].begin, t[3].end - t[3].begin), "Romanian");
  EXPECT_EQ(t[3].upos, "ADJ");
  EXPECT_EQ(t[3].xpos, "JJ");
  EXPECT_NE(t[3].deprel, "obj");
}

TEST_F(SyntaxStageTest, HostileInputDoesNotCrash) {
  std::string huge(10000, 'x');
  std::string huge_utf8;
  for (int i = 0; i < 2500; ++i) huge_utf8 += "\xE2\x82\xAC";  // euro signs
  Article a = MakeArticle({
      "PRESIDENT VOWS TO FIGHT CORRUPTION AS PROTESTS SPREAD ACROSS THE COUNTRY",
      "*** --- ### ||| +++ === ~~~ @@@ %%% ^^^",
      "Fans \xF0\x9F\x98\x80 cheered \xF0\x9F\x8E\x89\xF0\x9F\x8E\x89 wildly !",
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 and \xE5\x8C\x97\xE4\xBA\xAC signed a \xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82 deal",
      "The word " + huge + " is long .",
      huge_utf8,
      ".",
      "a",
  });
  Run(a);
  ExpectTrees(a);
  EXPECT_EQ(a.tokens[a.sentences[4].first_token + 2].lemma.size(), 10000u);
}

TEST_F(SyntaxStageTest, EmptySentencesAndNoSentences) {
  Article a = MakeArticle({"", "Hello", ""});
  Run(a);
  ExpectTrees(a);
  Article b;
  Run(b);
  EXPECT_TRUE(b.tokens.empty());
}

TEST_F(SyntaxStageTest, LongSentencesAreParsedInPiecesAndStayLinear) {
  std::string s;
  for (int i = 0; i < 400; ++i) s += "the man saw a dog and ";
  s += "left .";  // 2,802 tokens
  Article a = MakeArticle({s});
  auto t0 = std::chrono::steady_clock::now();
  Run(a);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ExpectTrees(a);
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_NE(a.warnings[0].find("in pieces"), std::string::npos);
  EXPECT_LT(secs, 5.0);  // a few milliseconds in a release build; generous for sanitizers

  std::string words;
  for (int i = 0; i < 310; ++i) words += "word ";
  Article b = MakeArticle({words});
  Run(b);
  ExpectTrees(b);
  EXPECT_EQ(b.sentences[0].token_count(), 310u);
}

TEST_F(SyntaxStageTest, LabelsOutliveTheStage) {
  Article a = MakeArticle({"Officials confirmed the report ."});
  { Run(a); }
  // The default models stay loaded, so the views are still valid.
  EXPECT_EQ(std::string(a.tokens[0].upos), "NOUN");
  EXPECT_EQ(std::string(a.tokens[4].deprel), "punct");
}

}  // namespace
}  // namespace sitrep::syntax
