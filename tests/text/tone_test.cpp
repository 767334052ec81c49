// Article tone, GDELT-style: (positive - negative words) / words x 100,
// with the words rated by data/text/tone.tsv (AFINN-165). Expected values
// are counted by hand from the shipped lexicon's ratings (quoted beside
// each case).
#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "text/text.h"
#include "text/tone.h"

namespace sitrep::text {
namespace {

Article Segmented(const std::string& s) {
  Article a;
  a.text = s;
  Segment(&a);
  return a;
}

TEST(Tone, CountsRatedWordsAmongAllWords) {
  // good +3, attack -1, terrible -3; "talks", "were", "but", "the", "was"
  // are unrated. 9 words (the full stop is not one): 1 positive, 2 negative.
  Article a = Segmented("The talks were good but the attack was terrible.");
  ToneCounts c = ScoreTone(a, ToneLexicon::Default());
  EXPECT_EQ(c.words, 9u);
  EXPECT_EQ(c.positive, 1u);
  EXPECT_EQ(c.negative, 2u);
  EXPECT_NEAR(c.PositivePercent(), 100.0 / 9, 1e-9);
  EXPECT_NEAR(c.NegativePercent(), 200.0 / 9, 1e-9);
  EXPECT_NEAR(c.Tone(), -100.0 / 9, 1e-9);  // -11.11
  EXPECT_NEAR(c.Polarity(), 300.0 / 9, 1e-9);
}

TEST(Tone, ANegatorReversesTheNextTwoWords) {
  // "not good": good (+3) counts as negative; 5 words.
  ToneCounts c = ScoreTone(Segmented("The plan is not good."), ToneLexicon::Default());
  EXPECT_EQ(c.words, 5u);
  EXPECT_EQ(c.positive, 0u);
  EXPECT_EQ(c.negative, 1u);
  EXPECT_NEAR(c.Tone(), -20.0, 1e-9);
  // "didn't help" is split "did" "n't" "help": help (+2) turns negative.
  c = ScoreTone(Segmented("Aid didn't help."), ToneLexicon::Default());
  EXPECT_EQ(c.words, 4u);  // Aid, did, n't, help
  EXPECT_EQ(c.negative, 1u);
  EXPECT_EQ(c.positive, 0u);
  // Three tokens away the negator no longer reaches: "not" ... "good".
  c = ScoreTone(Segmented("It was not at all good."), ToneLexicon::Default());
  EXPECT_EQ(c.positive, 1u);
  EXPECT_EQ(c.negative, 0u);
}

TEST(Tone, WordsInsideNamesAndFunctionWordsAreNotRated) {
  // "United" (+1) inside the mention "United Nations" is a name, not a
  // feeling; "failed" (-2) outside it counts.
  Article a = Segmented("United Nations talks failed.");
  Mention m;
  m.begin = 0;
  m.end = 14;
  m.type = "ORG";
  a.mentions.push_back(m);
  ToneCounts c = ScoreTone(a, ToneLexicon::Default());
  EXPECT_EQ(c.words, 4u);
  EXPECT_EQ(c.positive, 0u);
  EXPECT_EQ(c.negative, 1u);
  // "like" (+2) as a preposition (the parser's ADP) is not rated; as a
  // verb it is.
  a = Segmented("Cities like Kyiv like peace.");
  ASSERT_EQ(a.tokens.size(), 6u);
  const char* upos[] = {"NOUN", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"};
  for (std::size_t i = 0; i < 6; ++i) a.tokens[i].upos = upos[i];
  c = ScoreTone(a, ToneLexicon::Default());
  EXPECT_EQ(c.words, 5u);
  EXPECT_EQ(c.positive, 2u);  // the verb "like" (+2) and "peace" (+2)
  EXPECT_EQ(c.negative, 0u);
}

TEST(Tone, PunctuationIsNoWordButOtherScriptsAre) {
  // "—" and "€" are no words; "Kyiv", "Київ" and "25" are: 3 words.
  ToneCounts c = ScoreTone(Segmented("Kyiv \u2014 \u041a\u0438\u0457\u0432 \u20ac 25"), ToneLexicon::Default());
  EXPECT_EQ(c.words, 3u);
}

TEST(Tone, EmptyTextHasNoWordsAndZeroTone) {
  ToneCounts c = ScoreTone(Segmented(""), ToneLexicon::Default());
  EXPECT_EQ(c.words, 0u);
  EXPECT_EQ(c.Tone(), 0.0);
  EXPECT_EQ(c.Polarity(), 0.0);
}

TEST(Tone, LexiconFoldsCaseAndTypographicApostrophes) {
  ToneLexicon lex = ToneLexicon::FromText("# c\ngood\t3\nbad\t-2\ncan't stand\t-3\nzero\t0\n", "not\nn't\n");
  EXPECT_EQ(lex.Polarity("GOOD"), 1);
  EXPECT_EQ(lex.Polarity("Bad"), -1);
  EXPECT_EQ(lex.Polarity("zero"), 0);  // rated 0: not a tone word
  EXPECT_EQ(lex.Polarity("ugly"), 0);
  EXPECT_TRUE(lex.IsNegator("N\u2019T"));
  EXPECT_FALSE(lex.IsNegator("now"));
  EXPECT_THROW(ToneLexicon::FromText("good\tvery\n", ""), ConfigError);
  EXPECT_THROW(ToneLexicon::FromText("good 3\n", ""), ConfigError);
}

TEST(Tone, ShippedLexiconRatesNewsWords) {
  const ToneLexicon& lex = ToneLexicon::Default();
  EXPECT_EQ(lex.Polarity("killed"), -1);  // -3
  EXPECT_EQ(lex.Polarity("peace"), 1);    // +2
  EXPECT_EQ(lex.Polarity("ceasefire"), 0);
}

TEST(ToneStage, FillsTheArticlesTone) {
  Article a = Segmented("Peace is good.");
  ToneStage stage;
  stage.Process(a, nullptr);
  ASSERT_TRUE(a.tone.has_value());
  EXPECT_EQ(a.tone->words, 3u);
  EXPECT_EQ(a.tone->positive, 2u);  // peace +2, good +3
}

}  // namespace
}  // namespace sitrep::text
