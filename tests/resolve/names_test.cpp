// Name keys: folding, possessives, initials, transliteration variants.
#include <gtest/gtest.h>

#include "resolve/resolve.h"

namespace sitrep::resolve {
namespace {

using V = std::vector<std::string>;

TEST(NameTokens, FoldsCaseDiacriticsAndPunctuation) {
  EXPECT_EQ(NameTokens("Zoë Müller-Łaska"), (V{"zoe", "muller", "laska"}));
  EXPECT_EQ(NameTokens("O'Dare"), (V{"odare"}));
  EXPECT_EQ(NameTokens("Freedonia's"), (V{"freedonia"}));
  EXPECT_EQ(NameTokens("Freedonia\u2019s"), (V{"freedonia"}));
  EXPECT_EQ(NameTokens("Sam 's Diner"), (V{"sam", "diner"}));
  EXPECT_EQ(NameTokens("U.S."), (V{"us"}));
  EXPECT_EQ(NameTokens("U. S. Grain Board"), (V{"us", "grain", "board"}));
  EXPECT_EQ(NameTokens("Ada W. Penrose"), (V{"ada", "w", "penrose"}));
  EXPECT_EQ(NameTokens("Co-operation"), (V{"cooperation"}));
}

TEST(StripPossessive, RemovesClosingPossessive) {
  EXPECT_EQ(StripPossessive("Freedonia's"), "Freedonia");
  EXPECT_EQ(StripPossessive("Freedonia\u2019s"), "Freedonia");
  EXPECT_EQ(StripPossessive("the Okafors'"), "the Okafors");
  EXPECT_EQ(StripPossessive(" \"Karvena\" "), "Karvena");
  EXPECT_EQ(StripPossessive("'s"), "'s");
}

TEST(PersonTokens, DropsHonorificsSuffixesInitialsAndNicknames) {
  EXPECT_EQ(PersonTokens("Mr Volshinsky"), (V{"volshinsky"}));
  EXPECT_EQ(PersonTokens("Gen. Arkady Volshinsky Jr."), (V{"arkady", "volshinsky"}));
  EXPECT_EQ(PersonTokens("Ada W. Penrose"), (V{"ada", "penrose"}));
  EXPECT_EQ(PersonTokens("Tamsin (Tam) Ardley"), (V{"tamsin", "ardley"}));
  EXPECT_EQ(PersonTokens("Tamsin 'Tam' Ardley"), (V{"tamsin", "ardley"}));
  EXPECT_EQ(PersonTokens("President"), (V{"president"}));  // never empties a name
}

TEST(TranslitKey, FoldsCommonRomanisations) {
  EXPECT_EQ(TranslitKey("volshinskiy"), TranslitKey("wolschinsky"));
  EXPECT_EQ(TranslitKey("arkadii"), TranslitKey("arkady"));
  EXPECT_EQ(TranslitKey("tarkhov"), TranslitKey("tarhov"));
  EXPECT_EQ(TranslitKey("yevgeniy"), TranslitKey("evgeny"));
  // A final r bare, as -er or as -re (invented spellings of one name).
  EXPECT_EQ(TranslitKey("oleksandr"), TranslitKey("olexander"));
  EXPECT_EQ(TranslitKey("oleksandr"), TranslitKey("olexandre"));
  EXPECT_EQ(TranslitKey("dmitr"), TranslitKey("dmitre"));
  // A vowel before the r is a different name, and a short word is left as is.
  EXPECT_EQ(TranslitKey("moire"), "moire");
  EXPECT_EQ(TranslitKey("ober"), "ober");
  // German and South Slavic spellings: Je for Ye, sch for sh, w for v.
  EXPECT_EQ(TranslitKey("jelena"), TranslitKey("yelena"));
  EXPECT_EQ(TranslitKey("scharowa"), TranslitKey("sharova"));
  EXPECT_EQ(TranslitKey("dmitriev"), TranslitKey("dmitryev"));
  EXPECT_EQ(TranslitKey("pashchenko"), TranslitKey("pashenko"));
  EXPECT_EQ(TranslitKey("khrushchev"), TranslitKey("hrushev"));
  EXPECT_EQ(TranslitKey("oleksii"), TranslitKey("oleksiy"));
  EXPECT_EQ(TranslitKey("vortschenko"), TranslitKey("vorchenko"));
  // German shch is schtsch.
  EXPECT_EQ(TranslitKey("schtscholkin"), TranslitKey("shcholkin"));
  EXPECT_EQ(TranslitKey("boroschtschuk"), TranslitKey("boroshchuk"));
  EXPECT_EQ(TranslitKey("boroschtschuk"), TranslitKey("boroshuk"));
  EXPECT_NE(TranslitKey("boris"), TranslitKey("doris"));
}

TEST(IsAcronym, RecognisesAcronyms) {
  EXPECT_TRUE(IsAcronym("NFC"));
  EXPECT_TRUE(IsAcronym("U.S."));
  EXPECT_TRUE(IsAcronym("NFC's"));
  EXPECT_FALSE(IsAcronym("Nfc"));
  EXPECT_FALSE(IsAcronym("A"));
  EXPECT_FALSE(IsAcronym("NORTHERN FISHERIES"));
}

}  // namespace
}  // namespace sitrep::resolve
