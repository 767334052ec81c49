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

TEST(MiddleInitials, TheInitialsAfterTheFirstName) {
  EXPECT_EQ(MiddleInitials("Odal H. W. Varnell"), "hw");
  EXPECT_EQ(MiddleInitials("Odal H.W. Varnell"), "hw");
  EXPECT_EQ(MiddleInitials("Odal HW Varnell"), "hw");  // undotted, in some outlets' style
  EXPECT_EQ(MiddleInitials("Odal W Varnell"), "w");
  EXPECT_EQ(MiddleInitials("Odal Kessar Varnell"), "");
  EXPECT_EQ(MiddleInitials("ODAL KIM VARNELL"), "");  // a headline's middle name
  EXPECT_EQ(MiddleInitials("Gen. Odal W. Varnell Jr."), "w");
  EXPECT_EQ(MiddleInitials("Odal Varnell"), "");
  EXPECT_EQ(MiddleInitials("O. Varnell"), "");  // an initial for the first name is no middle one
}

TEST(Generation, TheSuffixThatClosesAName) {
  EXPECT_EQ(Generation("Odal Varnell Jr."), "jr");
  EXPECT_EQ(Generation("Odal Varnell, Jr"), "jr");
  EXPECT_EQ(Generation("Odal Varnell Jnr"), "jr");
  EXPECT_EQ(Generation("Odal Varnell Sr."), "sr");
  EXPECT_EQ(Generation("Odal Varnell III"), "iii");
  EXPECT_EQ(Generation("Varnell Jr."), "jr");
  EXPECT_EQ(Generation("Odal Varnell"), "");
  EXPECT_EQ(Generation("Jr."), "");  // a suffix closes a name; alone it is none
  EXPECT_EQ(Generation("Odal Varnell PhD"), "");
}

TEST(PersonTokens, DropsHonorificsSuffixesInitialsAndNicknames) {
  EXPECT_EQ(PersonTokens("Mr Volshinsky"), (V{"volshinsky"}));
  EXPECT_EQ(PersonTokens("Gen. Arkady Volshinsky Jr."), (V{"arkady", "volshinsky"}));
  EXPECT_EQ(PersonTokens("Ada W. Penrose"), (V{"ada", "penrose"}));
  // "Lance" is a title only before another ("Lance Corporal"), else a first name.
  EXPECT_EQ(PersonTokens("Lance Cpl. Arkady Volshinsky"), (V{"arkady", "volshinsky"}));
  EXPECT_EQ(PersonTokens("Lance Volshinsky"), (V{"lance", "volshinsky"}));
  EXPECT_EQ(PersonTokens("Staff Sgt. Ada Penrose"), (V{"ada", "penrose"}));
  EXPECT_EQ(PersonTokens("Tamsin (Tam) Ardley"), (V{"tamsin", "ardley"}));
  EXPECT_EQ(PersonTokens("Tamsin 'Tam' Ardley"), (V{"tamsin", "ardley"}));
  EXPECT_EQ(PersonTokens("President"), (V{"president"}));  // never empties a name
  // Malay honorifics and compound ranks go as the titles they are.
  EXPECT_EQ(PersonTokens("Datuk Seri Varnell Odalys"), (V{"varnell", "odalys"}));
  EXPECT_EQ(PersonTokens("Dato' Varnell Odalys"), (V{"varnell", "odalys"}));
  EXPECT_EQ(PersonTokens("Second Sergeant Harlen Tessary"), (V{"harlen", "tessary"}));
  EXPECT_EQ(PersonTokens("Petty Officer Tessary"), (V{"tessary"}));
}

TEST(PersonTokens, DropsTheArabicArticleBeforeASurname) {
  EXPECT_EQ(PersonTokens("Odal al-Kessar"), (V{"odal", "kessar"}));
  EXPECT_EQ(PersonTokens("Odal El-Kessar"), (V{"odal", "kessar"}));
  EXPECT_EQ(PersonTokens("Odal Al Kessar"), (V{"odal", "kessar"}));
  EXPECT_EQ(PersonTokens("al-Kessar"), (V{"kessar"}));
  // "Al" first is a given name, last it is the surname; inside a word it is
  // part of the word.
  EXPECT_EQ(PersonTokens("Al Kessar"), (V{"al", "kessar"}));
  EXPECT_EQ(PersonTokens("Odal El"), (V{"odal", "el"}));
  EXPECT_EQ(PersonTokens("Odal Alkessar"), (V{"odal", "alkessar"}));
  EXPECT_EQ(PersonTokens("Odal Bal-Kessar"), (V{"odal", "balkessar"}));
}

TEST(PersonTokens, AbdAlCompoundIsOneGivenName) {
  EXPECT_EQ(PersonTokens("Abdel Odal Kessar"), (V{"abdalodal", "kessar"}));
  EXPECT_EQ(PersonTokens("Abdul-Odal Kessar"), (V{"abdalodal", "kessar"}));
  EXPECT_EQ(PersonTokens("Abd al-Odal Kessar"), (V{"abdalodal", "kessar"}));
  EXPECT_EQ(PersonTokens("Abdelodal Kessar"), (V{"abdalodal", "kessar"}));
  // With no surname after it, the second word is the surname.
  EXPECT_EQ(PersonTokens("Abdul Kessar"), (V{"abdul", "kessar"}));
}

TEST(TranslitKey, FoldsCommonRomanisations) {
  EXPECT_EQ(TranslitKey("volshinskiy"), TranslitKey("wolschinsky"));
  EXPECT_EQ(TranslitKey("arkadii"), TranslitKey("arkady"));
  EXPECT_EQ(TranslitKey("tarkhov"), TranslitKey("tarhov"));
  EXPECT_EQ(TranslitKey("odalyswardhani"), TranslitKey("odalyswardani"));  // dh and d
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

TEST(TranslitKey, UmlautWrittenWithEOrBare) {
  // Invented surnames: the umlaut, its German ue/oe spelling and the bare vowel.
  EXPECT_EQ(TranslitKey("mueltrand"), TranslitKey("multrand"));
  EXPECT_EQ(TranslitKey(NameTokens("M\u00FCltrand")[0]), TranslitKey("mueltrand"));
  EXPECT_EQ(TranslitKey("koerbach"), TranslitKey("korbach"));
  // Not ae (a vowel pair in given names), not at a word's end, not the
  // silent u of gue/que.
  EXPECT_NE(TranslitKey("raphael"), TranslitKey("rafal"));
  EXPECT_NE(TranslitKey("joe"), TranslitKey("jo"));
  EXPECT_NE(TranslitKey("miguel"), TranslitKey("migel"));
  EXPECT_NE(TranslitKey("mueltrand"), TranslitKey("maltrand"));
}

TEST(TranslitKey, FrenchRomanisationOffEff) {
  EXPECT_EQ(TranslitKey("lenhaloff"), TranslitKey("lenhalov"));
  EXPECT_EQ(TranslitKey("dorgacheff"), TranslitKey("dorgachev"));
  EXPECT_EQ(TranslitKey("dorgacheff"), TranslitKey("dorgachew"));
  // A single final f is a German -hof, and -ov and -ev stay apart.
  EXPECT_NE(TranslitKey("lenhalhof"), TranslitKey("lenhalhov"));
  EXPECT_NE(TranslitKey("lenhaloff"), TranslitKey("lenhalev"));
}

TEST(TranslitKey, RussianZhAndTheGermanSch) {
  EXPECT_EQ(TranslitKey("zharenkovsky"), TranslitKey("scharenkowski"));
  EXPECT_EQ(TranslitKey("zhenya"), TranslitKey("schenja"));
}

TEST(TranslitKey, SouthSlavicIcIchItch) {
  // NameTokens folds the diacritic of -ić first.
  EXPECT_EQ(TranslitKey(NameTokens("Lenhalić")[0]), TranslitKey("lenhalich"));
  EXPECT_EQ(TranslitKey("lenhalic"), TranslitKey("lenhalitch"));
  EXPECT_EQ(TranslitKey("lenhalitsch"), TranslitKey("lenhalic"));
  // Not a short word, and -ik stays apart.
  EXPECT_NE(TranslitKey("rich"), TranslitKey("ric"));
  EXPECT_NE(TranslitKey("lenhalich"), TranslitKey("lenhalik"));
}

TEST(TranslitKey, RomanisationsOfAGivenName) {
  EXPECT_EQ(TranslitKey("mohammed"), TranslitKey("muhammad"));
  EXPECT_EQ(TranslitKey("mohamed"), TranslitKey("muhammad"));
  EXPECT_EQ(TranslitKey("mohammad"), TranslitKey("muhammad"));
  EXPECT_EQ(TranslitKey("mokhtar"), TranslitKey("mukhtar"));
  EXPECT_EQ(TranslitKey("moukhtar"), TranslitKey("mukhtar"));
  EXPECT_EQ(TranslitKey("youssef"), TranslitKey("yusuf"));
  EXPECT_EQ(TranslitKey("hussain"), TranslitKey("hussein"));
  EXPECT_NE(TranslitKey("muhammad"), TranslitKey("mahmoud"));
  EXPECT_NE(TranslitKey("hussein"), TranslitKey("hassan"));
  EXPECT_NE(TranslitKey("omar"), TranslitKey("amir"));
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
