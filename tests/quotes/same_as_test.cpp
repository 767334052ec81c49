// Linking one quotation across articles.
#include <gtest/gtest.h>

#include "quotes/same_as.h"

namespace sitrep::quotes {
namespace {

TEST(NormalizedWords, IgnoresCaseAndPunctuation) {
  EXPECT_EQ(NormalizedWords("“We don’t bargain — ever,” she said."),
            (std::vector<std::string>{"we", "dont", "bargain", "ever", "she", "said"}));
}

TEST(QuoteLinker, SameWordsAcrossArticlesDespitePunctuationAndEllipsis) {
  QuoteLinker l;
  l.Add("We did not come to Geneva to bargain over our own security. For us this is a necessity.", 0, "e1");
  l.Add("We did not come to Geneva to bargain over our own security... for us, this is a necessity", 1, "e1");
  l.Add("We did not come to Geneva to bargain over our own security", 2, "");  // shortened, speaker unknown
  l.Add("The price of bread has doubled since the spring in every market we visited", 3, "e1");
  auto same = l.Finish();
  EXPECT_EQ(same[0], (std::vector<std::uint32_t>{1, 2}));
  EXPECT_EQ(same[1], (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(same[2], (std::vector<std::uint32_t>{0, 1}));
  EXPECT_TRUE(same[3].empty());
}

TEST(QuoteLinker, NeverWithinOneArticleNorAcrossDifferentSpeakers) {
  QuoteLinker l;
  l.Add("We will not accept any veto over who may join the alliance", 0, "e1");
  l.Add("We will not accept any veto over who may join the alliance", 0, "e1");
  l.Add("We will not accept any veto over who may join the alliance", 1, "e2");
  auto same = l.Finish();
  EXPECT_TRUE(same[0].empty());
  EXPECT_TRUE(same[1].empty());
  EXPECT_TRUE(same[2].empty());
}

TEST(QuoteLinker, TranslationVariantsNeedTheSameKnownSpeaker) {
  QuoteLinker a;
  a.Add("In one night we lost what it took us twenty years to build", 0, "e7");
  a.Add("In a single night we lost what took us 20 years to build", 1, "e7");
  EXPECT_EQ(a.Finish()[0], std::vector<std::uint32_t>{1});
  QuoteLinker b;
  b.Add("In one night we lost what it took us twenty years to build", 0, "e7");
  b.Add("In a single night we lost what took us 20 years to build", 1, "");
  EXPECT_TRUE(b.Finish()[0].empty());
}

TEST(QuoteLinker, ShortFragmentsOnlyWordForWordFromOneSpeaker) {
  QuoteLinker l;
  l.Add("a side dish", 0, "e3");
  l.Add("A side dish!", 1, "e3");
  l.Add("a side dish", 2, "e4");
  l.Add("a side dish", 3, "");
  auto same = l.Finish();
  EXPECT_EQ(same[0], std::vector<std::uint32_t>{1});
  EXPECT_TRUE(same[2].empty());
  EXPECT_TRUE(same[3].empty());
}

}  // namespace
}  // namespace sitrep::quotes
