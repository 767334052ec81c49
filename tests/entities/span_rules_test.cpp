// The recogniser's span corrections (src/entities/span_rules.h), on tokens
// built by hand: the words' gazetteer bits and tags are set as the
// gazetteer and tagger would set them, so each rule is checked on its own,
// whatever the model would have labelled.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/hash.h"
#include "entities/span_rules.h"
#include "entities/word_lex.h"

namespace sitrep::entities {
namespace {

constexpr int kPer = 0, kOrg = 1, kLoc = 2, kMisc = 3;

struct Word {
  std::string form;
  std::uint32_t gaz = 0;
  std::string xpos = "NNP";
};

std::vector<NerToken> Tokens(const std::vector<Word>& words) {
  std::vector<NerToken> out;
  for (const Word& w : words) {
    NerToken t;
    std::string lower;
    syntax::ComputeTokenFeatures(w.form, lower, &t.f);
    t.xpos = Hash64(w.xpos);
    t.upos = Hash64(w.xpos == "IN" ? "ADP" : w.xpos == "DT" ? "DET" : w.xpos == "NNP" ? "PROPN" : "X");
    t.gaz = w.gaz;
    for (std::size_t c = 0; c < w.form.size() && c < t.head.size(); ++c) t.head[c] = w.form[c];
    out.push_back(t);
  }
  return out;
}

// Labels as "type:begin-end" spans, for readable failures.
std::string Spans(const std::vector<std::uint8_t>& labels) {
  std::string s;
  for (std::size_t b = 0; b < labels.size();) {
    if (labels[b] == kOutside) {
      ++b;
      continue;
    }
    EXPECT_TRUE(IsBegin(labels[b])) << "inside label without a start at " << b;
    const int type = LabelType(labels[b]);
    std::size_t e = b + 1;
    while (e < labels.size() && labels[e] == InsideLabel(type)) ++e;
    s += std::string(kNerTypes[type]) + ":" + std::to_string(b) + "-" + std::to_string(e) + " ";
    b = e;
  }
  return s;
}

std::vector<std::uint8_t> Span(std::size_t n, std::size_t b, std::size_t e, int type) {
  std::vector<std::uint8_t> l(n, kOutside);
  l[b] = BeginLabel(type);
  for (std::size_t k = b + 1; k < e; ++k) l[k] = InsideLabel(type);
  return l;
}

TEST(SpanRules, PossessiveAfterACountrySeparatesItFromThePerson) {
  // "Norway 's Ilse Marholm said": labelled as one place by the model.
  auto t = Tokens({{"Norway", kGazCountryB}, {"'s", 0, "POS"}, {"Ilse"}, {"Marholm"}, {"said", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 4, kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:0-1 PERSON:2-4 ");
}

// "on Founders Day": capitalised words before "Day" with no first name
// among them name a day, not a person; with a first name before "Day" it
// is a surname ("Mira Day").
TEST(SpanRules, AnXDayWithoutAFirstNameIsADayNotAPerson) {
  auto t = Tokens({{"on", 0, "IN"}, {"Founders"}, {"Day"}, {",", 0, ","}});
  auto labels = Span(t.size(), 1, 3, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:1-3 ");
  auto u = Tokens({{"singer", 0, "NN"}, {"Mira"}, {"Day"}, {"sang", 0, "VBD"}});
  u[1].lex |= kLexFirstName;
  auto lu = Span(u.size(), 1, 3, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:1-3 ");
}

TEST(SpanRules, TitleWordsAfterAPossessiveNameNoPerson) {
  // "Tessary's Interior Minister, Ana Quessel, refused": typed one person.
  auto t = Tokens({{"Tessary"}, {"'s", 0, "POS"}, {"Interior", kGazRole}, {"Minister", kGazRole}, {",", 0, ","},
                   {"Ana"}, {"Quessel"}, {",", 0, ","}, {"refused", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 4, kPer);
  labels[5] = BeginLabel(kPer);
  labels[6] = InsideLabel(kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:0-1 PERSON:5-7 ");
  // A name after the title stays the person's ("Tessary's Ana Quessel").
  auto u = Tokens({{"Tessary"}, {"'s", 0, "POS"}, {"Ana"}, {"Quessel"}, {"said", 0, "VBD"}});
  auto lu = Span(u.size(), 2, 4, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:2-4 ");
}

TEST(SpanRules, NoNameEndsInAFunctionWord) {
  auto t = Tokens({{"accused", 0, "VBD"}, {"Sweden", kGazCountryB}, {"of", 0, "IN"}, {"stalling", 0, "VBG"}});
  auto labels = Span(t.size(), 1, 3, kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:1-2 ");
  // Inside a name it stays: "Bank of England".
  auto u = Tokens({{"Bank"}, {"of", 0, "IN"}, {"England", kGazCountryB}});
  auto l2 = Span(u.size(), 0, 3, kOrg);
  ApplySpanRules(u.data(), u.size(), l2.data());
  EXPECT_EQ(Spans(l2), "ORG:0-3 ");
}

TEST(SpanRules, CountryPossessiveEndsTheName) {
  auto t = Tokens({{"Mali", kGazCountryB}, {"'s", 0, "POS"}, {"government", 0, "NN"}});
  auto labels = Span(t.size(), 0, 2, kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:0-1 ");
}

TEST(SpanRules, TheWordThatEndsANameTypesIt) {
  auto t = Tokens({{"the", 0, "DT"}, {"Sahel"}, {"Security"}, {"Institute"}, {"said", 0, "VBD"}});
  auto labels = Span(t.size(), 1, 4, kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-4 ");
  // A newspaper named after its town, typed a person ("Odal" a first name).
  auto u = Tokens({{"the", 0, "DT"}, {"Odal"}, {"Sentinel"}, {"reported", 0, "VBD"}});
  auto lu = Span(u.size(), 1, 3, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:1-3 ");
}

// "spoke to the UN Secretary-General": a listed body and its office name no one.
TEST(SpanRules, ABodyAndItsOfficeAfterTheAreTheBodyAlone) {
  auto t = Tokens({{"to", 0, "IN"}, {"the", 0, "DT"}, {"UN", kGazOrgB}, {"Secretary-General", kGazRole},
                   {"on", 0, "IN"}, {"Monday"}});
  auto labels = Span(t.size(), 2, 4, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:2-3 ");
  // With a name after it, the name is the person's (the title stays out of it).
  auto u = Tokens({{"the", 0, "DT"}, {"UN", kGazOrgB}, {"Secretary-General", kGazRole}, {"Ana"}, {"Lenhall"}});
  auto lu = Span(u.size(), 1, 5, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_NE(Spans(lu).find("PERSON:"), std::string::npos) << Spans(lu);
}

// A public body's name ending in "Board" is an organisation, however the model typed it.
TEST(SpanRules, ANameEndingInBoardIsAnOrganisation) {
  auto t = Tokens({{"Lorvani", kGazDemonym}, {"Maritime"}, {"Security"}, {"Board"}, {"said", 0, "VBD"}});
  auto labels = Span(t.size(), 1, 4, kMisc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-4 ");
}

// "killed Second Sergeant Harlen Tess of Lenhall's navy": the place owns the next noun, so it is no part of
// the name; a title inside the span keeps the rule for "Idris Kone of Niger" from splitting it.
TEST(SpanRules, APersonRunOnOverOfAndAPlaceThatOwnsTheNextNounIsSplit) {
  auto t = Tokens({{"killed", 0, "VBD"}, {"Second"}, {"Sergeant", kGazRole}, {"Harlen"}, {"Tess"}, {"of", 0, "IN"},
                   {"Lenhall", kGazCountryB}, {"'s", 0, "POS"}, {"navy", 0, "NN"}});
  auto labels = Span(t.size(), 1, 7, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:1-5 LOC:6-7 ");
}

TEST(SpanRules, APartysNameLeftInTurkishIsAnOrganisation) {
  // "Lorvani Yenilik Partisi (...) leader" in translated news, typed a
  // person by the model.
  auto t = Tokens({{"Lorvani"}, {"Yenilik"}, {"Partisi"}, {"leader", 0, "NN"}});
  auto labels = Span(t.size(), 0, 3, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:0-3 ");
}

TEST(SpanRules, AMiscNameOfThreeWordsEndingInCentreIsAnOrganisation) {
  // "the Tessary Civil Liberties Centre said" typed MISC by the model.
  auto t = Tokens({{"the", 0, "DT"}, {"Tessary"}, {"Civil"}, {"Liberties"}, {"Centre"}, {"said", 0, "VBD"}});
  auto labels = Span(t.size(), 1, 5, kMisc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-5 ");
  // Two words stay as typed: such names are as often fronts and places.
  auto u = Tokens({{"the", 0, "DT"}, {"Varnell"}, {"Centre"}, {"opened", 0, "VBD"}});
  auto lu = Span(u.size(), 1, 3, kMisc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "MISC:1-3 ");
}

TEST(SpanRules, AKindWordThatStartsANameTypesIt) {
  // The storm's name typed a person, with or without its kind word.
  auto t = Tokens({{"Hurricane"}, {"Odalys"}, {"hit", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 2, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:0-2 ");
  labels = Span(t.size(), 1, 2, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:0-2 ");
  // Lower case, it is no kind word of a name ("the storm Odalys" stays).
  auto u = Tokens({{"the", 0, "DT"}, {"storm", 0, "NN"}, {"Odalys"}});
  auto l2 = Span(u.size(), 2, 3, kPer);
  ApplySpanRules(u.data(), u.size(), l2.data());
  EXPECT_EQ(Spans(l2), "PERSON:2-3 ");
  // A word that ends the name wins.
  auto v = Tokens({{"Hurricane"}, {"Relief"}, {"Fund"}});
  auto l3 = Span(v.size(), 0, 3, kLoc);
  ApplySpanRules(v.data(), v.size(), l3.data());
  EXPECT_EQ(Spans(l3), "ORG:0-3 ");
  // A broadcaster named after a town: "told Radio [Harwick]".
  auto w = Tokens({{"told", 0, "VBD"}, {"Radio"}, {"Harwick"}});
  auto l4 = Span(w.size(), 2, 3, kLoc);
  ApplySpanRules(w.data(), w.size(), l4.data());
  EXPECT_EQ(Spans(l4), "ORG:1-3 ");
}

TEST(SpanRules, TownOfNameIsAPlace) {
  // Labelled a person by the model, and left out by it.
  auto t = Tokens({{"the", 0, "DT"}, {"town", 0, "NN"}, {"of", 0, "IN"}, {"Tessit"}, {"and", 0, "CC"},
                   {"the", 0, "DT"}, {"village", 0, "NN"}, {"of", 0, "IN"}, {"Oumbari"}});
  auto labels = Span(t.size(), 3, 4, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:3-4 LOC:8-9 ");
}

TEST(SpanRules, StraitOfNameTakenWholeIsAPlace) {
  // "the Strait of Varnell" typed MISC or ORG by the model is a place.
  auto t = Tokens({{"in", 0, "IN"}, {"the", 0, "DT"}, {"Strait"}, {"of", 0, "IN"}, {"Varnell"}, {"on", 0, "IN"}});
  auto labels = Span(t.size(), 2, 5, kMisc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:2-5 ");
}

// "the Gulf of Varnell" with the kind word typed alone or left out by the
// model: one place. A kind word that makes no such name ("the President
// of Varnell") stays out of it.
TEST(SpanRules, AKindWordBeforeOfJoinsTheNameAfterIt) {
  auto t = Tokens({{"in", 0, "IN"}, {"the", 0, "DT"}, {"Gulf"}, {"of", 0, "IN"}, {"Varnell"}, {"on", 0, "IN"}});
  auto labels = Span(t.size(), 4, 5, kLoc);
  labels[2] = BeginLabel(kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:2-5 ");
  auto left_out = Span(t.size(), 4, 5, kPer);
  ApplySpanRules(t.data(), t.size(), left_out.data());
  EXPECT_EQ(Spans(left_out), "LOC:2-5 ");
  auto u = Tokens({{"the", 0, "DT"}, {"Envoy"}, {"of", 0, "IN"}, {"Varnell"}, {"spoke", 0, "VBD"}});
  auto other = Span(u.size(), 3, 4, kLoc);
  ApplySpanRules(u.data(), u.size(), other.data());
  EXPECT_EQ(Spans(other), "LOC:3-4 ");
}

// "Lenhall and Varnell" is one listed province: a court the model found
// from its second word on, and the first word typed a place of its own,
// is the province's court. Not across a comma ("Kessar, Varnell").
TEST(SpanRules, ANameStartedInsideAListedPlaceStartsWhereThePlaceDoes) {
  constexpr std::uint32_t kCase = kGazCaseMatch;
  auto t = Tokens({{"the", 0, "DT"}, {"Lenhall", kGazRegionB | kCase}, {"and", kGazRegionI | kCase, "CC"},
                   {"Varnell", kGazRegionI | kGazRegionB | kCase}, {"Court"}, {"ruled", 0, "VBD"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  labels[1] = BeginLabel(kLoc);
  labels[3] = BeginLabel(kOrg);
  labels[4] = InsideLabel(kOrg);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-5 ");
  auto u = Tokens({{"in", 0, "IN"}, {"Kessar", kGazCityB | kCase}, {",", kGazCityI | kCase, ","},
                   {"Varnell", kGazCityI | kGazRegionB | kCase}, {"on", 0, "IN"}});
  std::vector<std::uint8_t> lu(u.size(), kOutside);
  lu[1] = BeginLabel(kLoc);
  lu[3] = BeginLabel(kLoc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "LOC:1-2 LOC:3-4 ");
}

// "the Lenhall Ostrov newspaper said", "told Kessar magazine": the words
// before a media noun that ends its phrase are the paper's name. Not a
// people's adjective ("An Aldovian newspaper"), a weekday ("a Sunday
// newspaper"), nor before another noun ("Kessar daily life").
TEST(SpanRules, CapitalisedWordsBeforeAMediaNounNameAPaper) {
  auto t = Tokens({{"the", 0, "DT"}, {"Lenhall"}, {"Ostrov"}, {"newspaper", 0, "NN"}, {"said", 0, "VBD"}});
  t[3].upos = Hash64("NOUN");
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  labels[1] = BeginLabel(kPer);
  labels[2] = InsideLabel(kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-3 ");
  auto left_out = Tokens({{"told", 0, "VBD"}, {"Kessar"}, {"magazine", 0, "NN"}, {".", 0, "."}});
  std::vector<std::uint8_t> ll(left_out.size(), kOutside);
  ApplySpanRules(left_out.data(), left_out.size(), ll.data());
  EXPECT_EQ(Spans(ll), "ORG:1-2 ");
  auto u = Tokens({{"An"}, {"Aldovian"}, {"newspaper", 0, "NN"}, {"said", 0, "VBD"}});
  std::vector<std::uint8_t> lu(u.size(), kOutside);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "");
  auto v = Tokens({{"in", 0, "IN"}, {"a"}, {"Sunday"}, {"newspaper", 0, "NN"}});
  std::vector<std::uint8_t> lv(v.size(), kOutside);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "");
  auto w = Tokens({{"of", 0, "IN"}, {"Kessar"}, {"daily", 0, "JJ"}, {"life", 0, "NN"}});
  w[3].upos = Hash64("NOUN");
  std::vector<std::uint8_t> lw(w.size(), kOutside);
  ApplySpanRules(w.data(), w.size(), lw.data());
  EXPECT_EQ(Spans(lw), "");
}

TEST(SpanRules, ALowerCaseWordAfterTheIsNoName) {
  // "ships sailed through the strait on Monday" with "strait" typed a
  // place; a lower-case name alone ("bought it on ebay") stays.
  auto t = Tokens({{"ships", 0, "NNS"}, {"sailed", 0, "VBD"}, {"through", 0, "IN"}, {"the", 0, "DT"}, {"strait", 0, "NN"},
                   {"on", 0, "IN"}});
  t[4].lex = std::uint64_t{4} << 18;  // however often the word table saw it capitalised
  auto labels = Span(t.size(), 4, 5, kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "");
  auto w = Tokens({{"on", 0, "IN"}, {"the", 0, "DT"}, {"ebay", 0, "NN"}, {"app", 0, "NN"}});
  w[3].upos = Hash64("NOUN");
  auto l3 = Span(w.size(), 2, 3, kOrg);
  ApplySpanRules(w.data(), w.size(), l3.data());
  EXPECT_EQ(Spans(l3), "ORG:2-3 ");
  auto u = Tokens({{"bought", 0, "VBD"}, {"it", 0, "PRP"}, {"on", 0, "IN"}, {"ebay", 0, "NN"}, {"today", 0, "NN"}});
  auto l2 = Span(u.size(), 3, 4, kOrg);
  ApplySpanRules(u.data(), u.size(), l2.data());
  EXPECT_EQ(Spans(l2), "ORG:3-4 ");
}

TEST(SpanRules, AnOrganisationWordLeftOutAfterANameEndsThatOrganisation) {
  // "Harlen Shipping says" with "Harlen" typed a person and "Shipping"
  // left out; at a sentence start the word stays out.
  auto t = Tokens({{"Harlen"}, {"Shipping"}, {"says", 0, "VBZ"}, {"it", 0, "PRP"}, {"waited", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 1, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:0-2 ");
  auto u = Tokens({{"Shipping"}, {"has", 0, "VBZ"}, {"not", 0, "RB"}, {"stopped", 0, "VBN"}});
  std::vector<std::uint8_t> l2(u.size(), kOutside);
  ApplySpanRules(u.data(), u.size(), l2.data());
  EXPECT_EQ(Spans(l2), "");
}

TEST(SpanRules, ANumberWordAloneIsNoName) {
  // "Twelve of the miners" with the capitalised number typed a person; a
  // name with a number word in it stays.
  auto t = Tokens({{"Twelve"}, {"of", 0, "IN"}, {"the", 0, "DT"}, {"miners", 0, "NNS"}});
  auto labels = Span(t.size(), 0, 1, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "");
  auto u = Tokens({{"the", 0, "DT"}, {"Seven"}, {"Oaks"}, {"Trust"}});
  auto l2 = Span(u.size(), 1, 4, kOrg);
  ApplySpanRules(u.data(), u.size(), l2.data());
  EXPECT_EQ(Spans(l2), "ORG:1-4 ");
}

TEST(SpanRules, ANameTheModelFoundBeforeACompanysClosingWordIsTheCompany) {
  // "Odalys Shipowners Mutual said" with "Odalys Shipowners" typed a
  // person and "Mutual" left out.
  auto t = Tokens({{"the", 0, "DT"}, {"insurer", 0, "NN"}, {"Odalys"}, {"Shipowners"}, {"Mutual"}, {"said", 0, "VBD"}});
  auto labels = Span(t.size(), 2, 4, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:2-5 ");
}

TEST(SpanRules, DemonymBeforeAListedOrganisationIsPartOfIt) {
  auto t = Tokens({{"the", 0, "DT"}, {"Lorvanian", kGazDemonym, "JJ"}, {"Relief", kGazOrgB}, {"Council", kGazOrgI},
                   {"helped", 0, "VBD"}});
  auto labels = Span(t.size(), 2, 4, kOrg);
  labels[1] = BeginLabel(kMisc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-4 ");
  // Not before a lower-case word of the name ("Lorvanian relief council").
  auto u = Tokens({{"the", 0, "DT"}, {"Lorvanian", kGazDemonym, "JJ"}, {"Relief", kGazOrgB}, {"council", kGazOrgI, "NN"},
                   {"helped", 0, "VBD"}});
  auto l2 = Span(u.size(), 2, 4, kOrg);
  l2[1] = BeginLabel(kMisc);
  ApplySpanRules(u.data(), u.size(), l2.data());
  EXPECT_EQ(Spans(l2), "MISC:1-2 ORG:2-4 ");
}

TEST(SpanRules, AnUnlistedNameBeforeABodyOfCommonWordsIsPartOfIt) {
  // "the Tessarian Coast Guard said": the model typed "Tessarian" apart
  // and "Coast Guard" (words mostly written in lower case) an organisation.
  constexpr std::uint64_t kMostlyLower = std::uint64_t{1} << 18;
  auto t = Tokens({{"the", 0, "DT"}, {"Tessarian", 0, "JJ"}, {"Coast"}, {"Guard"}, {"said", 0, "VBD"}});
  t[2].lex = t[3].lex = kMostlyLower;
  auto labels = Span(t.size(), 2, 4, kOrg);
  labels[1] = BeginLabel(kMisc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-4 ");
  // A listed country before it stays the place; an organisation with a
  // name of its own ("Varnell Shipping") does not take the word before.
  auto u = Tokens({{"the", 0, "DT"}, {"Lorvania", kGazCountryB}, {"Coast"}, {"Guard"}, {"said", 0, "VBD"}});
  u[2].lex = u[3].lex = kMostlyLower;
  auto l2 = Span(u.size(), 2, 4, kOrg);
  l2[1] = BeginLabel(kLoc);
  ApplySpanRules(u.data(), u.size(), l2.data());
  EXPECT_EQ(Spans(l2), "LOC:1-2 ORG:2-4 ");
  auto v = Tokens({{"the", 0, "DT"}, {"Tessarian", 0, "JJ"}, {"Varnell"}, {"Shipping"}, {"said", 0, "VBD"}});
  v[3].lex = kMostlyLower;
  auto l3 = Span(v.size(), 2, 4, kOrg);
  l3[1] = BeginLabel(kMisc);
  ApplySpanRules(v.data(), v.size(), l3.data());
  EXPECT_EQ(Spans(l3), "MISC:1-2 ORG:2-4 ");
  // A people's adjective the model left out joins too; another capitalised
  // word it left out ("On Monday Coast Guard officials") does not.
  auto w = Tokens({{"the", 0, "DT"}, {"Tessarian", 0, "JJ"}, {"Coast"}, {"Guard"}, {"said", 0, "VBD"}});
  w[2].lex = w[3].lex = kMostlyLower;
  auto l4 = Span(w.size(), 2, 4, kOrg);
  ApplySpanRules(w.data(), w.size(), l4.data());
  EXPECT_EQ(Spans(l4), "ORG:1-4 ");
  auto x = Tokens({{"On", 0, "IN"}, {"Monday"}, {"Coast"}, {"Guard"}, {"officials", 0, "NNS"}});
  x[2].lex = x[3].lex = kMostlyLower;
  auto l5 = Span(x.size(), 2, 4, kOrg);
  ApplySpanRules(x.data(), x.size(), l5.data());
  EXPECT_EQ(Spans(l5), "ORG:2-4 ");
}

TEST(SpanRules, ADescribingNounInsideAPersonsSpanEndsTheDescription) {
  // "Harlow billionaire Odal Kessar" typed one person: the person is the
  // name after the common noun; the listed town before it is a place.
  auto t = Tokens({{"Harlow", kGazCityB}, {"billionaire", 0, "NNP"}, {"Odal"}, {"Kessar"}, {"agreed", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 4, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:0-1 PERSON:2-4 ");
  // Name particles are no such noun.
  auto u = Tokens({{"Odal"}, {"van", 0, "NNP"}, {"der"}, {"Kessar"}, {"agreed", 0, "VBD"}});
  auto lu = Span(u.size(), 0, 4, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:0-4 ");
}

TEST(SpanRules, PersonOfAListedPlaceIsTwoNames) {
  auto t = Tokens({{"Idris"}, {"Kone"}, {"of", 0, "IN"}, {"Niger", kGazCountryB}, {"met", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 4, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:0-2 LOC:3-4 ");
  // A title "of" a place stays whole ("Duke of Edinburgh": one word before "of").
  auto u = Tokens({{"Duke"}, {"of", 0, "IN"}, {"Edinburgh", kGazCityB}});
  auto l2 = Span(u.size(), 0, 3, kPer);
  ApplySpanRules(u.data(), u.size(), l2.data());
  EXPECT_EQ(Spans(l2), "PERSON:0-3 ");
  // After a title, a surname alone before "of" ("President [Kessar of Niger]").
  auto p = Tokens({{"President", kGazRole}, {"Kessar"}, {"of", 0, "IN"}, {"Niger", kGazCountryB}, {"met", 0, "VBD"}});
  auto lp = Span(p.size(), 1, 4, kPer);
  ApplySpanRules(p.data(), p.size(), lp.data());
  EXPECT_EQ(Spans(lp), "PERSON:1-2 LOC:3-4 ");
  // A surname that is also a listed town's name ("Odal Lenhall of Niger").
  auto v = Tokens({{"Odal"}, {"Lenhall", kGazCityB}, {"of", 0, "IN"}, {"Niger", kGazCountryB}, {"met", 0, "VBD"}});
  auto l3 = Span(v.size(), 0, 4, kPer);
  ApplySpanRules(v.data(), v.size(), l3.data());
  EXPECT_EQ(Spans(l3), "PERSON:0-2 LOC:3-4 ");
  // A middle initial in the name ("Mayor [Odal G. Kessar of Niger]").
  auto m = Tokens({{"Mayor", kGazRole}, {"Odal"}, {"G."}, {"Kessar"}, {"of", 0, "IN"}, {"Niger", kGazCountryB},
                   {"met", 0, "VBD"}});
  auto lm = Span(m.size(), 1, 6, kPer);
  ApplySpanRules(m.data(), m.size(), lm.data());
  EXPECT_EQ(Spans(lm), "PERSON:1-4 LOC:5-6 ");
  // But not a role or a demonym there ("Odal Minister of Niger" is no name and place).
  auto w = Tokens({{"Odal"}, {"Minister", kGazRole}, {"of", 0, "IN"}, {"Niger", kGazCountryB}, {"met", 0, "VBD"}});
  auto l4 = Span(w.size(), 0, 4, kPer);
  ApplySpanRules(w.data(), w.size(), l4.data());
  EXPECT_NE(Spans(l4), "PERSON:0-2 LOC:3-4 ");
}

TEST(SpanRules, TheStartOfATitleIsNotPartOfTheNameBeforeIt) {
  // "Lorvani Foreign Minister Odal Kessar": the model typed "Lorvani Foreign".
  auto t = Tokens({{"Lorvani", kGazDemonym}, {"Foreign", kGazRole}, {"Minister", kGazRole}, {"Odal"}, {"Kessar"},
                   {"said", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 2, kMisc);
  labels[3] = BeginLabel(kPer);
  labels[4] = InsideLabel(kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:0-1 PERSON:3-5 ");
  // A name that ends in such a word, with no title after it, keeps it.
  auto u = Tokens({{"Lenhall"}, {"Foreign", kGazRole}, {"said", 0, "VBD"}});
  auto lu = Span(u.size(), 0, 2, kOrg);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:0-2 ");
}

TEST(SpanRules, TitleAloneBeforeANameTheModelLeftOutGivesWayToTheName) {
  // "said spokesman Colonel Odal Lenhall": the model typed only the title.
  auto t = Tokens({{"said", 0, "VBD"}, {"spokesman", kGazRole, "NN"}, {"Colonel", kGazRole}, {"Odal"}, {"Lenhall"},
                   {".", 0, "."}});
  auto labels = Span(t.size(), 2, 3, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:3-5 ");
  // A title-like word alone may be a surname ("King said"): kept.
  auto u = Tokens({{"King", kGazRole}, {"said", 0, "VBD"}});
  auto lu = Span(u.size(), 0, 1, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:0-1 ");
}

TEST(SpanRules, FirstNameAndSurnameOfSomethingAreAPersonAndTheirEmployer) {
  // "Ana Ruiz of Kessar Holdings Ltd said": one person span to the model.
  auto t = Tokens({{"Ana"}, {"Ruiz"}, {"of", 0, "IN"}, {"Kessar"}, {"Holdings"}, {"Ltd"}, {"said", 0, "VBD"}});
  t[0].lex = kLexFirstName;
  auto labels = Span(t.size(), 0, 6, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:0-2 ORG:3-6 ");
  // Nothing types what follows "of": the person alone remains.
  auto u = Tokens({{"Ana"}, {"Ruiz"}, {"of", 0, "IN"}, {"Morrow"}, {"Lane"}});
  u[0].lex = kLexFirstName;
  auto lu = Span(u.size(), 0, 5, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:0-2 ");
  // Without a listed first name it stays whole ("Lord Kessar of Morrow Lane").
  auto v = Tokens({{"Halvard"}, {"Kessar"}, {"of", 0, "IN"}, {"Morrow"}, {"Lane"}});
  auto lv = Span(v.size(), 0, 5, kPer);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "PERSON:0-5 ");
}

TEST(SpanRules, AFirstNameTheModelLeftOutStartsThePerson) {
  // "talks with Drew Kessar": only the surname found.
  auto t = Tokens({{"talks", 0, "NNS"}, {"with", 0, "IN"}, {"Drew"}, {"Kessar"}});
  t[2].lex = kLexFirstName;
  auto labels = Span(t.size(), 3, 4, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:2-4 ");
  // Not a sentence's first word, not a listed place, not a word the
  // first-name list lacks.
  auto u = Tokens({{"Drew"}, {"Kessar"}});
  u[0].lex = kLexFirstName;
  auto lu = Span(u.size(), 1, 2, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:1-2 ");
  auto v = Tokens({{"in", 0, "IN"}, {"Lenhall", kGazCityB}, {"Kessar"}});
  v[1].lex = kLexFirstName;
  auto lv = Span(v.size(), 2, 3, kPer);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "PERSON:2-3 ");
  auto w = Tokens({{"in", 0, "IN"}, {"Quarry"}, {"Kessar"}});
  auto lw = Span(w.size(), 2, 3, kPer);
  ApplySpanRules(w.data(), w.size(), lw.data());
  EXPECT_EQ(Spans(lw), "PERSON:2-3 ");
}

TEST(SpanRules, AnAddressSplitsTheNameAroundIt) {
  // A signature: "Ana Ruiz ana@lenhall.org Lenhall Water Board", one person
  // span to the model.
  auto t = Tokens({{"Ana"}, {"Ruiz"}, {"ana@lenhall.org", 0, "NN"}, {"Lenhall"}, {"Water"}, {"Board"}});
  t[2].web = true;
  auto labels = Span(t.size(), 0, 6, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  // The part after the address is typed by its own last word ("Board").
  EXPECT_EQ(Spans(labels), "PERSON:0-2 ORG:3-6 ");
}

TEST(SpanRules, CompanyAndNewspaperWordsEndAnOrganisation) {
  for (const char* last : {"College", "Club", "Herald", "Ltd"}) {
    auto t = Tokens({{"the", 0, "DT"}, {"Kessar"}, {last}, {"said", 0, "VBD"}});
    auto labels = Span(t.size(), 1, 3, kLoc);
    ApplySpanRules(t.data(), t.size(), labels.data());
    EXPECT_EQ(Spans(labels), "ORG:1-3 ") << last;
  }
  // A company's closing word takes no "of": "Kessar Ltd of Lenhall" is a
  // company and a place, where "the College of Lenhall" is one name.
  auto u = Tokens({{"Kessar"}, {"Ltd"}, {"of", 0, "IN"}, {"Lenhall"}});
  std::vector<std::uint8_t> lu(u.size(), kOutside);
  lu[0] = BeginLabel(kOrg);
  lu[1] = InsideLabel(kOrg);
  lu[3] = BeginLabel(kLoc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:0-2 LOC:3-4 ");
  auto v = Tokens({{"the", 0, "DT"}, {"College"}, {"of", 0, "IN"}, {"Lenhall"}});
  auto lv = Span(v.size(), 3, 4, kLoc);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "ORG:1-4 ");
}

TEST(SpanRules, AnOrganisationWordTakesTheWordsAfterOfThe) {
  // "Dravenia's Ministry of the Interior said": the model stopped at
  // "Ministry" and took "Interior" for a place.
  // Listed as a body or not, the words after "of the" are the body's.
  auto t = Tokens({{"Dravenia"}, {"'s", 0, "POS"}, {"Ministry", kGazBodyB}, {"of", kGazBodyI, "IN"},
                   {"the", kGazBodyI, "DT"}, {"Interior", kGazBodyI}, {"said", 0, "VBD"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  labels[0] = BeginLabel(kLoc);
  labels[2] = BeginLabel(kOrg);
  labels[5] = BeginLabel(kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:0-1 ORG:2-6 ");
  auto v = Tokens({{"the", 0, "DT"}, {"Department"}, {"of", 0, "IN"}, {"the", 0, "DT"}, {"Harbour"}, {"Master"},
                   {"said", 0, "VBD"}});
  auto lv = Span(v.size(), 1, 2, kOrg);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "ORG:1-6 ");
  // A listed body after "of the" is a body of its own.
  auto u = Tokens({{"the", 0, "DT"}, {"Council"}, {"of", 0, "IN"}, {"the", 0, "DT"}, {"Lorvani", kGazOrgB},
                   {"Union", kGazOrgI}, {"met", 0, "VBD"}});
  std::vector<std::uint8_t> lu(u.size(), kOutside);
  lu[1] = BeginLabel(kOrg);
  lu[4] = BeginLabel(kOrg);
  lu[5] = InsideLabel(kOrg);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:1-2 ORG:4-6 ");
}

TEST(SpanRules, TheWordsOfATitleAfterItsOfAreNoName) {
  // "The Minister of Interior, Odalys Kessar, said": "Interior" is the
  // title's, not a place.
  auto t = Tokens({{"The", 0, "DT"}, {"Minister", kGazRole}, {"of", kGazRole, "IN"}, {"Interior", kGazRole},
                   {",", 0, ","}, {"Odalys"}, {"Kessar"}, {"said", 0, "VBD"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  labels[3] = BeginLabel(kLoc);
  labels[5] = BeginLabel(kPer);
  labels[6] = InsideLabel(kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:5-7 ");
  // Nor a person, as the model may read it.
  labels[3] = BeginLabel(kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:5-7 ");
  // A listed place after a title's "of" stays a place ("President of Lorvania").
  auto u = Tokens({{"The", 0, "DT"}, {"President", kGazRole}, {"of", kGazRole, "IN"}, {"Lorvania", kGazCountryB},
                   {"said", 0, "VBD"}});
  std::vector<std::uint8_t> lu(u.size(), kOutside);
  lu[3] = BeginLabel(kLoc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "LOC:3-4 ");
}

TEST(SpanRules, ATitleBeforeACommaAndAPersonIsNoPerson) {
  // "The Interior Minister, Odalys Kessar, said": the model typed
  // "Minister" a person of its own.
  auto t = Tokens({{"The", 0, "DT"}, {"Interior"}, {"Minister", kGazRole}, {",", 0, ","}, {"Odalys"}, {"Kessar"},
                   {",", 0, ","}, {"said", 0, "VBD"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  labels[2] = BeginLabel(kPer);
  labels[4] = BeginLabel(kPer);
  labels[5] = InsideLabel(kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:4-6 ");
  // A surname alone before a comma and a person is still a person ("King,
  // Kessar and Varnell"): only a title word goes.
  auto u = Tokens({{"Harlen"}, {",", 0, ","}, {"Odalys"}, {"Kessar"}, {"and", 0, "CC"}, {"Varnell"}});
  std::vector<std::uint8_t> lu(u.size(), kOutside);
  lu[0] = BeginLabel(kPer);
  lu[2] = BeginLabel(kPer);
  lu[3] = InsideLabel(kPer);
  lu[5] = BeginLabel(kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:0-1 PERSON:2-4 PERSON:5-6 ");
}

// "the Harlow senator said": a title in lower case names no one, though
// the model typed it a person after a place.
TEST(SpanRules, ATitleInLowerCaseIsNoName) {
  auto t = Tokens({{"the", 0, "DT"}, {"Harlow", kGazCityB}, {"senator", kGazRole}, {"said", 0, "VBD"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  labels[1] = BeginLabel(kLoc);
  labels[2] = BeginLabel(kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:1-2 ");
  // Capitalised, before a name, it is left to the title rules.
  auto u = Tokens({{"Senator", kGazRole}, {"Odalys"}, {"Kessar"}, {"said", 0, "VBD"}});
  auto lu = Span(u.size(), 0, 3, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:0-3 ");
}

TEST(SpanRules, ANameInCapitalsAloneWithAFullStopIsADatelinePlace) {
  // "VILLA KESSAR." opening a Spanish-language article, read as a person.
  auto t = Tokens({{"VILLA"}, {"KESSAR"}, {".", 0, "."}});
  auto labels = Span(t.size(), 0, 2, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:0-2 ");
  // Not a name in ordinary letters, nor an organisation's acronym.
  auto u = Tokens({{"Odalys"}, {"Kessar"}, {".", 0, "."}});
  auto lu = Span(u.size(), 0, 2, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:0-2 ");
  auto v = Tokens({{"LRA"}, {".", 0, "."}});
  auto lv = Span(v.size(), 0, 1, kOrg);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "ORG:0-1 ");
}

TEST(SpanRules, TheAgencyInAWireDatelineIsAnOrganisation) {
  // "KESSAR, Jan 14 (Harbour Wire) -": the model took "Harbour" for a place.
  auto t = Tokens({{"KESSAR"}, {",", 0, ","}, {"Jan"}, {"14", 0, "CD"}, {"(", 0, "-LRB-"}, {"Harbour"}, {"Wire"},
                   {")", 0, "-RRB-"}, {"-", 0, "HYPH"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  labels[0] = BeginLabel(kLoc);
  labels[5] = BeginLabel(kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:0-1 ORG:5-7 ");
  // Brackets inside an ordinary sentence are left as the model read them.
  auto u = Tokens({{"Talks"}, {"in"}, {"Lenhall"}, {"(", 0, "-LRB-"}, {"Dravenia"}, {")", 0, "-RRB-"}, {"ended"}});
  std::vector<std::uint8_t> lu(u.size(), kOutside);
  lu[2] = BeginLabel(kLoc);
  lu[4] = BeginLabel(kLoc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "LOC:2-3 LOC:4-5 ");
}

TEST(SpanRules, AnOrganisationWordTakesTheCapitalisedWordsAfterOf) {
  // "the Department of Fisheries and Coastal Affairs said": the model
  // stopped at "Department".
  auto t = Tokens({{"the", 0, "DT"}, {"Department"}, {"of", 0, "IN"}, {"Fisheries"}, {"and", 0, "CC"}, {"Coastal"},
                   {"Affairs"}, {"said", 0, "VBD"}});
  auto labels = Span(t.size(), 1, 2, kOrg);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-7 ");
  // A second organisation after "and" stays apart.
  auto u = Tokens({{"the", 0, "DT"}, {"Ministry"}, {"of", 0, "IN"}, {"Defence"}, {"and", 0, "CC"}, {"Foreign"},
                   {"Ministry"}});
  std::vector<std::uint8_t> lu(u.size(), kOutside);
  lu[1] = BeginLabel(kOrg);
  lu[5] = BeginLabel(kOrg);
  lu[6] = InsideLabel(kOrg);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:1-4 ORG:5-7 ");
  // "on" names the subject of a commission or a committee, not of a
  // department ("the Department on Thursday").
  auto w = Tokens({{"the", 0, "DT"}, {"Joint"}, {"Commission"}, {"on", 0, "IN"}, {"Water"}, {"Rights"}, {"met", 0, "VBD"}});
  auto lw = Span(w.size(), 1, 3, kOrg);
  ApplySpanRules(w.data(), w.size(), lw.data());
  EXPECT_EQ(Spans(lw), "ORG:1-6 ");
  auto d = Tokens({{"the", 0, "DT"}, {"Lenhall"}, {"Department"}, {"on", 0, "IN"}, {"Thursday"}, {"said", 0, "VBD"}});
  auto ld = Span(d.size(), 1, 3, kOrg);
  ApplySpanRules(d.data(), d.size(), ld.data());
  EXPECT_EQ(Spans(ld), "ORG:1-3 ");
  // A company's closing word takes nothing after it.
  auto v = Tokens({{"Kessar"}, {"Ltd"}, {"of", 0, "IN"}, {"Morrow"}, {"Lane"}});
  auto lv = Span(v.size(), 0, 2, kOrg);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "ORG:0-2 ");
}

TEST(SpanRules, CapitalisedWordsBeforeACompanysClosingWordAreACompany) {
  auto t = Tokens({{"shares", 0, "NNS"}, {"of", 0, "IN"}, {"Odalys"}, {"Freight"}, {"Corp."}, {"fell", 0, "VBD"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:2-5 ");
  // The closing word alone names nothing, whether the model left it out
  // or typed it on its own ("Odalys Freight Corporation, [Inc.]").
  auto u = Tokens({{"the", 0, "DT"}, {"Inc."}, {"list", 0, "NN"}});
  std::vector<std::uint8_t> lu(u.size(), kOutside);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "");
  auto v = Tokens({{"Odalys"}, {"Freight"}, {"Corporation"}, {",", 0, ","}, {"Inc."}});
  std::vector<std::uint8_t> lv(v.size(), kOutside);
  lv[0] = BeginLabel(kOrg);
  lv[1] = InsideLabel(kOrg);
  lv[2] = InsideLabel(kOrg);
  lv[4] = BeginLabel(kPer);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "ORG:0-3 ");
}

// Legal forms of other countries close a company's name as "Ltd" does.
TEST(SpanRules, ForeignLegalFormsCloseACompanysName) {
  auto t = Tokens({{"suppliers", 0, "NNS"}, {",", 0, ","}, {"Kessar"}, {"Maschinenbau"}, {"GmbH"}, {"and", 0, "CC"},
                   {"Lenhall"}, {"Optik"}, {"AG"}, {",", 0, ","}, {"and", 0, "CC"}, {"Odalys"}, {"Freight"}, {"PJSC"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:2-5 ORG:6-9 ORG:11-14 ");
  // The model's person before the legal form is that company.
  auto u = Tokens({{"the", 0, "DT"}, {"Tessary"}, {"Varnell"}, {"JSC"}, {"said", 0, "VBD"}});
  auto lu = Span(u.size(), 1, 3, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:1-4 ");
  // The model's person is the company's first word only; a sentence's
  // "The" stays out.
  auto v = Tokens({{"include", 0, "VBP"}, {"Kessar"}, {"Shipping"}, {"PJSC"}, {",", 0, ","}});
  auto lv = Span(v.size(), 1, 2, kPer);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "ORG:1-4 ");
  auto w = Tokens({{"The", 0, "DT"}, {"Lenhall"}, {"Optik"}, {"AG"}, {"said", 0, "VBD"}});
  std::vector<std::uint8_t> lw(w.size(), kOutside);
  ApplySpanRules(w.data(), w.size(), lw.data());
  EXPECT_EQ(Spans(lw), "ORG:1-4 ");
}

TEST(SpanRules, AnAcronymInBracketsAfterANameIsOfItsType) {
  auto t = Tokens({{"the", 0, "DT"}, {"Gulf"}, {"News"}, {"Agency"}, {"(", 0, "-LRB-"}, {"GNA"}, {")", 0, "-RRB-"}});
  auto labels = Span(t.size(), 1, 4, kOrg);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-4 ORG:5-6 ");
  // The acronym's first letter is the initial of the capitalised word the
  // model left out before the name: that word belongs to it.
  auto v = Tokens({{"the", 0, "DT"}, {"rebel", 0, "NN"}, {"Free"}, {"Coastal"}, {"Front"}, {"(", 0, "-LRB-"},
                   {"FCF"}, {")", 0, "-RRB-"}});
  auto lv = Span(v.size(), 3, 5, kOrg);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "ORG:2-5 ORG:6-7 ");
  // Letters that are not the name's initials: a credit, not an acronym.
  auto u = Tokens({{"Ana"}, {"Ruiz"}, {"(", 0, "-LRB-"}, {"AP"}, {")", 0, "-RRB-"}});
  auto lu = Span(u.size(), 0, 2, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:0-2 ");
}

TEST(SpanRules, MunicipalityOfNameTakenWholeIsAPlace) {
  auto t = Tokens({{"the", 0, "DT"}, {"Municipality"}, {"of"}, {"Tessit"}});
  auto labels = Span(t.size(), 1, 4, kOrg);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:1-4 ");
  // "City of Tessit" names the town's government as often: left as found.
  auto u = Tokens({{"the", 0, "DT"}, {"City"}, {"of"}, {"Tessit"}});
  auto lu = Span(u.size(), 1, 4, kOrg);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:1-4 ");
  // A country's formal name is a place, as its short name is.
  auto v = Tokens({{"the", 0, "DT"}, {"Republic"}, {"of"}, {"Lorvania"}});
  auto lv = Span(v.size(), 1, 4, kOrg);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "LOC:1-4 ");
  // With a capitalised "The" in the span, and a capitalised common word
  // before it ("Yesterday The Republic of Lorvania"): still a place, and
  // the organisation rules no longer take it for one and extend it.
  auto caps = Tokens({{"Yesterday"}, {"The"}, {"Republic"}, {"of"}, {"Lorvania"}});
  caps[0].lex = std::uint64_t{2} << 18;  // mostly written in lower case
  auto lc = Span(caps.size(), 1, 5, kOrg);
  ApplySpanRules(caps.data(), caps.size(), lc.data());
  EXPECT_EQ(Spans(lc), "LOC:1-5 ");
}

TEST(SpanRules, AnOrganisationWordBeforeOfTypesTheName) {
  // "the Dravenian-Lorvani Chamber of Commerce" typed MISC by its demonyms.
  auto t = Tokens({{"the", 0, "DT"}, {"Dravenian-Lorvani"}, {"Chamber"}, {"of"}, {"Commerce"}});
  auto l = Span(t.size(), 1, 5, kMisc);
  ApplySpanRules(t.data(), t.size(), l.data());
  EXPECT_EQ(Spans(l), "ORG:1-5 ");
  // A word that is no organisation word before "of" changes nothing.
  auto u = Tokens({{"the", 0, "DT"}, {"Battle"}, {"of"}, {"Kessar"}});
  auto lu = Span(u.size(), 1, 4, kMisc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "MISC:1-4 ");
}

TEST(SpanRules, ListedOrganisationIsAnOrganisation) {
  auto t = Tokens({{"UN", kGazOrgB | kGazCaseMatch}, {"Secretary-General", kGazRole}});
  auto labels = Span(t.size(), 0, 1, kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:0-1 ");
}

TEST(SpanRules, PossessiveInsideAnUnlistedNameStays) {
  // "Platt 's Music Hall": not a listed place or organisation before the 's.
  auto t = Tokens({{"Platt"}, {"'s", 0, "POS"}, {"Music"}, {"Hall"}});
  auto labels = Span(t.size(), 0, 4, kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:0-4 ");
}

TEST(SpanRules, APersonsNameEndsBeforeAPossessiveAndALowerCaseWord) {
  auto t = Tokens({{"Odalys"}, {"'s", 0, "POS"}, {"fix", 0, "NN"}, {"worked", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 3, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:0-1 ");
  // A business may ("Kessar 's pizza" as web text writes it).
  auto u = Tokens({{"Kessar"}, {"'s", 0, "POS"}, {"pizza", 0, "NN"}});
  auto lu = Span(u.size(), 0, 3, kOrg);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:0-3 ");
  // Before a capitalised word it ends too: what follows is the person's
  // ("Varnell's Lenhall Odyssey"), a name of its own, typed by the
  // gazetteer when it lists it.
  auto v = Tokens({{"Varnell"}, {"'s", 0, "POS"}, {"Lenhall"}, {"Odyssey"}, {"sold", 0, "VBD"}});
  auto lv = Span(v.size(), 0, 4, kPer);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "PERSON:0-1 MISC:2-4 ");
  auto w = Tokens({{"Varnell"}, {"'s", 0, "POS"}, {"Lenhall", kGazCountryB}, {"won", 0, "VBD"}});
  auto lw = Span(w.size(), 0, 3, kPer);
  ApplySpanRules(w.data(), w.size(), lw.data());
  EXPECT_EQ(Spans(lw), "PERSON:0-1 LOC:2-3 ");
}

TEST(SpanRules, ALawsuitNamedAfterItsPartiesIsMisc) {
  auto t = Tokens({{"Kessar"}, {"v.", 0, "IN"}, {"Lenhall"}, {"changed", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 3, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:0-3 ");
  // A capital "V." is an initial ("Ana V. Kessar").
  auto u = Tokens({{"Ana"}, {"V."}, {"Kessar"}, {"said", 0, "VBD"}});
  auto lu = Span(u.size(), 0, 3, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:0-3 ");
}

TEST(SpanRules, NoNameStartsWithAPossessive) {
  auto t = Tokens({{"EU"}, {"'s", 0, "POS"}, {"Rule"}, {"of", 0, "IN"}, {"Law"}, {"Mission"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  labels[0] = BeginLabel(kOrg);
  labels[1] = BeginLabel(kOrg);
  for (std::size_t k = 2; k < t.size(); ++k) labels[k] = InsideLabel(kOrg);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:0-1 ORG:2-6 ");
}

TEST(SpanRules, TitleBetweenAnOrganisationAndANameSeparatesThem) {
  // "NATO Secretary General Jens | Albrecht said": the model ran the
  // organisation into the title and half the name.
  auto t = Tokens({{"NATO", kGazOrgB | kGazCaseMatch},
                   {"Secretary", kGazRole},
                   {"General", kGazRole},
                   {"Jens"},
                   {"Albrecht"},
                   {"said", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 4, kOrg);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:0-1 PERSON:3-5 ");
}

TEST(SpanRules, WhatStandsBeforeATitleThatLeadsIntoANameIsWhoseTitleItIs) {
  // "[Varosi Prime] Minister [Ana Quessel]" and "[Varosi Prime Minister]
  // [Ana Quessel]": the people's adjective, the title, the person.
  auto t = Tokens({{"Varosi"}, {"Prime", kGazRole}, {"Minister", kGazRole}, {"Ana"}, {"Quessel"}, {"spoke", 0, "VBD"}});
  auto l = Span(t.size(), 0, 2, kPer);
  l[3] = BeginLabel(kPer);
  l[4] = InsideLabel(kPer);
  ApplySpanRules(t.data(), t.size(), l.data());
  EXPECT_EQ(Spans(l), "MISC:0-1 PERSON:3-5 ");
  auto u = Span(t.size(), 0, 3, kPer);
  u[3] = BeginLabel(kPer);
  u[4] = InsideLabel(kPer);
  ApplySpanRules(t.data(), t.size(), u.data());
  EXPECT_EQ(Spans(u), "MISC:0-1 PERSON:3-5 ");
  // A company's name there is the company's.
  auto v = Tokens({{"Tamberlo"}, {"Chairman", kGazRole}, {"Ana"}, {"Quessel"}, {"spoke", 0, "VBD"}});
  auto lv = Span(v.size(), 0, 2, kPer);
  lv[2] = BeginLabel(kPer);
  lv[3] = InsideLabel(kPer);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "ORG:0-1 PERSON:2-4 ");
}

TEST(SpanRules, LowerCaseTitleInsideTheSpanSeparatesToo) {
  // "UN envoy Pedro Salinas told": a lower-case title the model took in.
  // "UN" and "Salinas" are also towns' names.
  auto t = Tokens({{"UN", kGazOrgB | kGazCaseMatch | kGazCityB},
                   {"envoy", kGazRole, "NN"},
                   {"Pedro"},
                   {"Salinas", kGazCityB},
                   {"told", 0, "VBD"}});
  auto labels = Span(t.size(), 0, 4, kOrg);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:0-1 PERSON:2-4 ");
}

TEST(SpanRules, CapitalisedWordsAfterARoleTheModelLeftOutAreAName) {
  // "union leader Agnes Whitfield told" and "his deputy, Ray Osei." with no
  // span from the model; not "the minister, Hong Kong" (both words listed).
  auto t = Tokens({{"leader", kGazRole, "NN"}, {"Agnes"}, {"Whitfield"}, {"told", 0, "VBD"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:1-3 ");
  auto c = Tokens({{"deputy", kGazRole, "NN"}, {",", 0, ","}, {"Ray"}, {"Osei"}, {".", 0, "."}});
  std::vector<std::uint8_t> lc(c.size(), kOutside);
  ApplySpanRules(c.data(), c.size(), lc.data());
  EXPECT_EQ(Spans(lc), "PERSON:2-4 ");
  auto p = Tokens({{"minister", kGazRole, "NN"}, {",", 0, ","}, {"Hong", kGazCityB}, {"Kong", kGazCityI}});
  std::vector<std::uint8_t> lp(p.size(), kOutside);
  ApplySpanRules(p.data(), p.size(), lp.data());
  EXPECT_EQ(Spans(lp), "");
}

TEST(SpanRules, DemonymAloneIsMisc) {
  auto t = Tokens({{"Kosovan", kGazDemonym}, {"negotiators", 0, "NNS"}});
  auto labels = Span(t.size(), 0, 1, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:0-1 ");
}

TEST(SpanRules, AnUnlistedDemonymBeforeANounIsMisc) {
  // "Dravenian forces": a place to the model.
  auto t = Tokens({{"Dravenian"}, {"forces", 0, "NNS"}, {"crossed", 0, "VBD"}});
  t[1].upos = Hash64("NOUN");
  auto labels = Span(t.size(), 0, 1, kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:0-1 ");
  // Not a place name with another ending, nor one before a verb.
  auto u = Tokens({{"Dravenia"}, {"forces", 0, "NNS"}});
  u[1].upos = Hash64("NOUN");
  auto lu = Span(u.size(), 0, 1, kLoc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "LOC:0-1 ");
  auto v = Tokens({{"in", 0, "IN"}, {"Lorvan"}, {"said", 0, "VBD"}});
  v[2].upos = Hash64("VERB");
  auto lv = Span(v.size(), 1, 2, kLoc);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "LOC:1-2 ");
}

// "Hispanic voters", "the Democratic nominee": a people's or faith's
// adjective, or one the tagger reads as an adjective where the model saw an
// organisation, before a common noun is no name of a body or place.
TEST(SpanRules, AGroupAdjectiveBeforeANounIsMisc) {
  auto t = Tokens({{"registered", 0, "VBN"}, {"Hispanic"}, {"voters", 0, "NNS"}, {"agree", 0, "VBP"}});
  t[2].upos = Hash64("NOUN");
  auto labels = Span(t.size(), 1, 2, kOrg);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:1-2 ");
  auto u = Tokens({{"the", 0, "DT"}, {"Lenhallist", 0, "JJ"}, {"nominee", 0, "NN"}, {"spoke", 0, "VBD"}});
  u[1].upos = Hash64("ADJ");
  u[2].upos = Hash64("NOUN");
  auto lu = Span(u.size(), 1, 2, kOrg);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "MISC:1-2 ");
  // A proper noun the model reads as an organisation stays one ("Kessar
  // officials"), and so does the adjective before a verb.
  auto v = Tokens({{"Kessar"}, {"officials", 0, "NNS"}, {"said", 0, "VBD"}});
  v[1].upos = Hash64("NOUN");
  auto lv = Span(v.size(), 0, 1, kOrg);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "ORG:0-1 ");
  auto w = Tokens({{"Hispanic"}, {"said", 0, "VBD"}});
  w[1].upos = Hash64("VERB");
  auto lw = Span(w.size(), 0, 1, kOrg);
  ApplySpanRules(w.data(), w.size(), lw.data());
  EXPECT_EQ(Spans(lw), "ORG:0-1 ");
}

TEST(SpanRules, AnOrganisationWordTakesTheForPhraseAfterIt) {
  // "[Relief Headquarters] for the Care of Coastal [Towns]" to the model.
  auto t = Tokens({{"the", 0, "DT"}, {"Relief"}, {"Headquarters"}, {"for", 0, "IN"}, {"the", 0, "DT"}, {"Care"},
                   {"of", 0, "IN"}, {"Coastal"}, {"Towns"}, {"said", 0, "VBD"}});
  auto labels = Span(t.size(), 1, 3, kOrg);
  labels[8] = BeginLabel(kMisc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-9 ");
  // No capitalised words after "for": the name ends where it did.
  auto u = Tokens({{"the"}, {"Relief"}, {"Agency"}, {"for", 0, "IN"}, {"the", 0, "DT"}, {"region", 0, "NN"}});
  auto lu = Span(u.size(), 1, 3, kOrg);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:1-3 ");
}

TEST(SpanRules, APlacesPossessiveBeforeAListedBodyIsThePlace) {
  // "Lenhall's Constitutional Court" as one organisation to the model.
  auto t = Tokens({{"Lenhall"}, {"'s", 0, "POS"}, {"Constitutional", kGazBodyB}, {"Court", kGazBodyI}, {"ruled"}});
  auto labels = Span(t.size(), 0, 4, kOrg);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:0-1 ORG:2-4 ");
  // A company's own possessive names no listed body.
  auto u = Tokens({{"Kessar"}, {"'s", 0, "POS"}, {"Bakeries"}, {"closed"}});
  auto lu = Span(u.size(), 0, 3, kOrg);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:0-3 ");
}

TEST(SpanRules, LowerCaseWordsInQuotationMarksAreNoName) {
  // "described as “candid”": a scare quote the model took for a name.
  auto t = Tokens({{"described", 0, "VBN"}, {"as", 0, "IN"}, {"\xE2\x80\x9C"}, {"candid"}, {"\xE2\x80\x9D"}});
  auto labels = Span(t.size(), 3, 4, kMisc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "");
  // A name written in lower case outside marks stays (web text writes
  // "ebay"), and so does an address in marks or a word with a capital.
  auto u = Tokens({{"bought"}, {"on"}, {"ebay"}});
  auto lu = Span(u.size(), 2, 3, kOrg);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:2-3 ");
  auto v = Tokens({{"\""}, {"lenhall.com"}, {"\""}, {"noted"}});
  auto lv = Span(v.size(), 1, 2, kOrg);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "ORG:1-2 ");
  auto w = Tokens({{"\""}, {"eBay"}, {"\""}, {"noted"}});
  auto lw = Span(w.size(), 1, 2, kOrg);
  ApplySpanRules(w.data(), w.size(), lw.data());
  EXPECT_EQ(Spans(lw), "ORG:1-2 ");
}

TEST(SpanRules, AnUnlistedDemonymBeforeACommonPhraseIsNoPerson) {
  // "the Dravenian interior ministry": a one-word person to the model.
  auto t = Tokens({{"the", 0, "DT"}, {"Dravenian"}, {"interior", 0, "JJ"}, {"ministry", 0, "NN"}});
  t[2].upos = Hash64("ADJ");
  t[3].upos = Hash64("NOUN");
  auto labels = Span(t.size(), 1, 2, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:1-2 ");
  // A person with another ending stays a person ("the Kessar family").
  auto u = Tokens({{"the", 0, "DT"}, {"Kessar"}, {"family", 0, "NN"}});
  u[2].upos = Hash64("NOUN");
  auto lu = Span(u.size(), 1, 2, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:1-2 ");
}

TEST(SpanRules, AnUnlistedDemonymRightBeforeATitleIsMiscWhoeverFollows) {
  // "since Lorvanian President Tomas Varnell met": the model's one-word
  // person before the title.
  auto t = Tokens({{"since", 0, "IN"}, {"Lorvanian"}, {"President", kGazRole}, {"Tomas"}, {"Varnell"}});
  auto labels = Span(t.size(), 1, 2, kPer);
  labels[3] = BeginLabel(kPer);
  labels[4] = InsideLabel(kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:1-2 PERSON:3-5 ");
}

TEST(SpanRules, AnUnlistedDemonymBeforeATitleAloneIsMisc) {
  // "the Vastmarkian Foreign Minister, ...": one place to the model.
  auto t = Tokens({{"the", 0, "DT"}, {"Vastmarkian"}, {"Foreign", kGazRole}, {"Minister", kGazRole}, {",", 0, ","}});
  auto labels = Span(t.size(), 1, 4, kLoc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:1-2 ");
  // A place name before a title stays a place.
  auto u = Tokens({{"Vastmark"}, {"Minister", kGazRole}});
  auto lu = Span(u.size(), 0, 2, kLoc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "LOC:0-2 ");
}

TEST(SpanRules, WhatAnOfficeIsOfIsAPlaceAndNoNameStartsWithOf) {
  // "The President of Vastmark, ...": "of Vastmark" a person to the model.
  auto t = Tokens({{"The", 0, "DT"}, {"President", kGazRole}, {"of", 0, "IN"}, {"Vastmark"}, {",", 0, ","}});
  auto labels = Span(t.size(), 2, 4, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "LOC:3-4 ");
  // Not after a word that is no title ("the wife of Tomas Vell").
  auto u = Tokens({{"the", 0, "DT"}, {"wife", 0, "NN"}, {"of", 0, "IN"}, {"Tomas"}, {"Vell"}});
  auto lu = Span(u.size(), 3, 5, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:3-5 ");
  // A leading "the" is no preposition: "the Lenhall Institute" keeps it.
  auto w = Tokens({{"the", 0, "DT"}, {"Lenhall"}, {"Institute"}});
  auto lw = Span(w.size(), 0, 3, kOrg);
  ApplySpanRules(w.data(), w.size(), lw.data());
  EXPECT_EQ(Spans(lw), "ORG:0-3 ");
  // Nor when the span holds a listed first name ("Secretary of State Anna Berg").
  auto v = Tokens({{"Secretary", kGazRole}, {"of", 0, "IN"}, {"State"}, {"Anna"}, {"Berg"}});
  v[3].lex = kLexFirstName;
  auto lv = Span(v.size(), 2, 5, kPer);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "PERSON:2-5 ");
}

TEST(SpanRules, TitleAloneAfterADeterminerNamesNoOne) {
  // "the Secretary acted": a holder referred to, no name.
  auto t = Tokens({{"the", 0, "DT"}, {"Secretary", kGazRole}, {"acted", 0, "VBD"}});
  auto labels = Span(t.size(), 1, 2, kOrg);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "");
  // Without the determiner ("Secretary Ilves"), or when the title is part
  // of a listed organisation's name, the span stays.
  auto named = Tokens({{"Secretary", kGazRole}, {"Ilves", 0}, {"acted", 0, "VBD"}});
  auto ln = Span(named.size(), 0, 2, kPer);
  ApplySpanRules(named.data(), named.size(), ln.data());
  EXPECT_EQ(Spans(ln), "PERSON:0-2 ");
  auto listed = Tokens({{"the", 0, "DT"}, {"Commission", kGazRole | kGazOrgB}, {"acted", 0, "VBD"}});
  auto ll = Span(listed.size(), 1, 2, kOrg);
  ApplySpanRules(listed.data(), listed.size(), ll.data());
  EXPECT_EQ(Spans(ll), "ORG:1-2 ");
  // "The Governor of the Lenhall Reserve Bank, ..." opening the sentence:
  // the capitalised determiner is one too, in the span or before it.
  auto opening = Tokens({{"The", 0, "DT"}, {"Governor", kGazRole}, {"of", 0, "IN"}, {"Lenhall"}});
  auto lo = Span(opening.size(), 1, 2, kPer);
  ApplySpanRules(opening.data(), opening.size(), lo.data());
  EXPECT_EQ(Spans(lo), "");
  auto li = Span(opening.size(), 0, 2, kPer);
  ApplySpanRules(opening.data(), opening.size(), li.data());
  EXPECT_EQ(Spans(li), "");
}

TEST(SpanRules, APluralPossessiveInsideAnOrganisationsNameJoinsIt) {
  // "the Tamberlo Dockworkers' Union", cut at the apostrophe or stopped
  // there by the model: one organisation.
  auto t = Tokens({{"the", 0, "DT"}, {"Tamberlo"}, {"Dockworkers"}, {"'", 0, "POS"}, {"Union"}, {"struck", 0, "VBD"}});
  auto cut = Span(t.size(), 1, 3, kOrg);
  cut[4] = BeginLabel(kOrg);
  ApplySpanRules(t.data(), t.size(), cut.data());
  EXPECT_EQ(Spans(cut), "ORG:1-5 ");
  auto stopped = Span(t.size(), 1, 3, kOrg);
  ApplySpanRules(t.data(), t.size(), stopped.data());
  EXPECT_EQ(Spans(stopped), "ORG:1-5 ");
  // A person after an organisation's possessive stays apart.
  auto u = Tokens({{"Tamberlo"}, {"Dockworkers"}, {"'", 0, "POS"}, {"Ana"}, {"Quessel"}, {"spoke", 0, "VBD"}});
  auto lu = Span(u.size(), 0, 2, kOrg);
  lu[3] = BeginLabel(kPer);
  lu[4] = InsideLabel(kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "ORG:0-2 PERSON:3-5 ");
}

TEST(SpanRules, APluralPossessiveAfterAMiscPartJoinsTheOrganisationAfterIt) {
  // "the Tamberlo Veterans' Association" typed MISC up to the apostrophe
  // and an organisation after it: one organisation.
  auto t = Tokens({{"the", 0, "DT"}, {"Tamberlo"}, {"Veterans"}, {"'", 0, "POS"}, {"Association"}, {"met", 0, "VBD"}});
  auto cut = Span(t.size(), 1, 3, kMisc);
  cut[4] = BeginLabel(kOrg);
  ApplySpanRules(t.data(), t.size(), cut.data());
  EXPECT_EQ(Spans(cut), "ORG:1-5 ");
  // The same with the apostrophe tagged a closing quotation mark, which
  // closes nothing here.
  auto q = Tokens({{"the", 0, "DT"}, {"Tamberlo"}, {"Veterans"}, {"'", 0, "''"}, {"Association"}, {"met", 0, "VBD"}});
  auto lq = Span(q.size(), 1, 3, kMisc);
  lq[4] = BeginLabel(kOrg);
  ApplySpanRules(q.data(), q.size(), lq.data());
  EXPECT_EQ(Spans(lq), "ORG:1-5 ");
  // A people's plural with nothing of an organisation after it stays.
  auto u = Tokens({{"the", 0, "DT"}, {"Varnellis"}, {"'", 0, "POS"}, {"Odalys"}, {"home", 0, "NN"}});
  auto lu = Span(u.size(), 1, 2, kMisc);
  lu[3] = BeginLabel(kLoc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "MISC:1-2 LOC:3-4 ");
}

TEST(SpanRules, AWordBeforeALowerCaseKindOfPlaceIsThatPlace) {
  // "the Tamberlo port" typed an organisation: the port's town.
  auto t = Tokens({{"the", 0, "DT"}, {"Tamberlo"}, {"port", 0, "NN"}, {"closed", 0, "VBD"}});
  auto l = Span(t.size(), 1, 2, kOrg);
  ApplySpanRules(t.data(), t.size(), l.data());
  EXPECT_EQ(Spans(l), "LOC:1-2 ");
  // A people's adjective there stays what it was.
  auto u = Tokens({{"the", 0, "DT"}, {"Varosian"}, {"region", 0, "NN"}});
  auto lu = Span(u.size(), 1, 2, kMisc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "MISC:1-2 ");
}

TEST(SpanRules, OrganisationNamesWithAndOrHeadForAreWhole) {
  auto apply = [](const std::vector<NerToken>& t, std::vector<std::uint8_t> labels) {
    ApplySpanRules(t.data(), t.size(), labels.data());
    return Spans(labels);
  };
  // "the Council for [Coastal Trade and Fisheries]"
  auto a = Tokens({{"by", 0, "IN"}, {"the", 0, "DT"}, {"Council"}, {"for", 0, "IN"}, {"Coastal"}, {"Trade"},
                   {"and", 0, "CC"}, {"Fisheries"}, {",", 0, ","}});
  EXPECT_EQ(apply(a, Span(a.size(), 4, 8, kOrg)), "ORG:2-8 ");
  // "[Lenhall Water] and [Sanitation Authority]", the first part typed a place.
  auto b = Tokens({{"the", 0, "DT"}, {"Lenhall"}, {"Water"}, {"and", 0, "CC"}, {"Sanitation"}, {"Authority"},
                   {"said", 0, "VBD"}});
  auto lb = Span(b.size(), 1, 3, kLoc);
  lb[4] = BeginLabel(kOrg);
  lb[5] = InsideLabel(kOrg);
  EXPECT_EQ(apply(b, lb), "ORG:1-6 ");
  // "[Ministry for Fisheries] and Ocean Affairs"
  auto c = Tokens({{"the", 0, "DT"}, {"Ministry"}, {"for", 0, "IN"}, {"Fisheries"}, {"and", 0, "CC"}, {"Ocean"},
                   {"Affairs"}, {"said", 0, "VBD"}});
  EXPECT_EQ(apply(c, Span(c.size(), 1, 4, kOrg)), "ORG:1-7 ");
  // Two organisations stay two: "[Ministry of Defence] and Foreign Ministry officials".
  auto d = Tokens({{"the", 0, "DT"}, {"Ministry"}, {"of", 0, "IN"}, {"Defence"}, {"and", 0, "CC"}, {"Foreign"},
                   {"Ministry"}, {"officials", 0, "NNS"}});
  EXPECT_EQ(apply(d, Span(d.size(), 1, 4, kOrg)), "ORG:1-4 ");
  // A person's name is never the first part.
  auto e = Tokens({{"Anna"}, {"Berg"}, {"and", 0, "CC"}, {"Harbour"}, {"Authority"}, {"staff", 0, "NN"}});
  EXPECT_EQ(apply(e, Span(e.size(), 0, 2, kPer)), "PERSON:0-2 ");
  // "[Civic Rights] and Elections Office": "Office" ends an organisation
  // where "and" joins it to a name ...
  auto f = Tokens({{"the", 0, "DT"}, {"Civic"}, {"Rights"}, {"and", 0, "CC"}, {"Elections"}, {"Office"},
                   {"said", 0, "VBD"}});
  EXPECT_EQ(apply(f, Span(f.size(), 1, 3, kOrg)), "ORG:1-6 ");
  // ... but types nothing alone: "the [Oval Office]" stays a place.
  auto g = Tokens({{"in", 0, "IN"}, {"the", 0, "DT"}, {"Oval"}, {"Office"}});
  EXPECT_EQ(apply(g, Span(g.size(), 2, 4, kLoc)), "LOC:2-4 ");
}

TEST(SpanRules, ACapitalisedCommonWordBeforeAnOrganisationStartsIt) {
  auto caps = [](std::vector<NerToken> t, std::size_t i, std::uint64_t bucket) {
    t[i].lex = bucket << 18;  // word_lex.h: 1-2 mostly lower case, 4 nearly always capitalised
    return t;
  };
  // "the rebel Free [Coastal Front]"
  auto a = caps(Tokens({{"the", 0, "DT"}, {"rebel", 0, "NN"}, {"Free"}, {"Coastal"}, {"Front"}}), 2, 2);
  auto la = Span(a.size(), 3, 5, kOrg);
  ApplySpanRules(a.data(), a.size(), la.data());
  EXPECT_EQ(Spans(la), "ORG:2-5 ");
  // "on Monday [Oxfam]": a word always capitalised is no part of the name.
  auto b = caps(Tokens({{"said", 0, "VBD"}, {"on", 0, "IN"}, {"Monday"}, {"Oxfam"}}), 2, 4);
  auto lb = Span(b.size(), 3, 4, kOrg);
  ApplySpanRules(b.data(), b.size(), lb.data());
  EXPECT_EQ(Spans(lb), "ORG:3-4 ");
}

// "analysts at Lorvani Capital", an investment firm the model typed a
// place: the word ends firms' names, never a place's own.
TEST(SpanRules, AnUnlistedPlaceEndingInCapitalIsAFirm) {
  auto c = Tokens({{"at", 0, "IN"}, {"Lorvani"}, {"Capital"}, {",", 0, ","}});
  auto lc = Span(c.size(), 1, 3, kLoc);
  ApplySpanRules(c.data(), c.size(), lc.data());
  EXPECT_EQ(Spans(lc), "ORG:1-3 ");
}

TEST(SpanRules, MiscNameStartingWithAFirstNameIsAPerson) {
  auto t = Tokens({{"TOM"}, {"LEE"}, {":", 0, ":"}, {"Yes"}});
  t[0].lex = kLexFirstName;
  auto labels = Span(t.size(), 0, 2, kMisc);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "PERSON:0-2 ");
  // Not when the first word is no listed first name, nor when a word is a
  // listed place ("Tom Kandor" with Kandor a city), nor for one word.
  auto u = Tokens({{"Orbit"}, {"Lee"}});
  auto lu = Span(u.size(), 0, 2, kMisc);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "MISC:0-2 ");
  auto v = Tokens({{"Tom"}, {"Kandor", kGazCityB}});
  v[0].lex = kLexFirstName;
  auto lv = Span(v.size(), 0, 2, kMisc);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "MISC:0-2 ");
  // "Kessar Bank" typed a person is an organisation, and so is it typed a
  // place that no table lists; a listed area ("West Bank") stays a place.
  auto k = Tokens({{"Kessar"}, {"Bank"}, {"fell", 0, "VBD"}});
  auto lk = Span(k.size(), 0, 2, kPer);
  ApplySpanRules(k.data(), k.size(), lk.data());
  EXPECT_EQ(Spans(lk), "ORG:0-2 ");
  auto kl = Span(k.size(), 0, 2, kLoc);
  ApplySpanRules(k.data(), k.size(), kl.data());
  EXPECT_EQ(Spans(kl), "ORG:0-2 ");
  auto a = Tokens({{"Tessary", kGazArea}, {"Bank", kGazArea}, {"fell", 0, "VBD"}});
  auto la = Span(a.size(), 0, 2, kLoc);
  ApplySpanRules(a.data(), a.size(), la.data());
  EXPECT_EQ(Spans(la), "LOC:0-2 ");
  // Nor does an organisation word that also ends places ("Union") retype one.
  auto u2 = Tokens({{"Tessary"}, {"Union"}, {"fell", 0, "VBD"}});
  auto lu2 = Span(u2.size(), 0, 2, kLoc);
  ApplySpanRules(u2.data(), u2.size(), lu2.data());
  EXPECT_EQ(Spans(lu2), "LOC:0-2 ");
  // A name its last word makes an organisation stays one ("Harlen Energy Group").
  auto g = Tokens({{"Harlen"}, {"Energy"}, {"Group"}, {"fell", 0, "VBD"}});
  g[0].lex = kLexFirstName;
  auto lg = Span(g.size(), 0, 3, kMisc);
  ApplySpanRules(g.data(), g.size(), lg.data());
  EXPECT_EQ(Spans(lg), "ORG:0-3 ");
  auto w = Tokens({{"Tom"}, {"said", 0, "VBD"}});
  w[0].lex = kLexFirstName;
  auto lw = Span(w.size(), 0, 1, kMisc);
  ApplySpanRules(w.data(), w.size(), lw.data());
  EXPECT_EQ(Spans(lw), "MISC:0-1 ");
}

TEST(SpanRules, ListedAcronymInCapitalsIsAnOrganisation) {
  auto t = Tokens({{"NATO", kGazOrgB | kGazCaseMatch}, {",", 0, ","}, {"which", 0, "WDT"}, {"leads"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:0-1 ");
  // Not two letters, and not in a line written in capitals.
  auto two = Tokens({{"AP", kGazOrgB | kGazCaseMatch}, {"English"}});
  std::vector<std::uint8_t> l2(two.size(), kOutside);
  ApplySpanRules(two.data(), two.size(), l2.data());
  EXPECT_EQ(Spans(l2), "");
  auto caps = Tokens({{"WHO", kGazOrgB | kGazCaseMatch}, {"CARES"}, {"NOW"}});
  std::vector<std::uint8_t> l3(caps.size(), kOutside);
  ApplySpanRules(caps.data(), caps.size(), l3.data());
  EXPECT_EQ(Spans(l3), "");
}

TEST(SpanRules, ListedNameOfSeveralWordsInItsCapitalsIsAnOrganisation) {
  // "The Varnell Union appealed for calm", the model having read "Union"
  // as a common noun and left the listed name out.
  auto t = Tokens({{"The", 0, "DT"}, {"Varnell", kGazOrgB | kGazCaseMatch, "JJ"}, {"Union", kGazOrgI, "NN"},
                   {"appealed", 0, "VBD"}, {"for", 0, "IN"}, {"calm", 0, "NN"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:1-3 ");
  // Not in other capitals ("the varnell union"), nor a listed name's first
  // words alone.
  auto lower = Tokens({{"the", 0, "DT"}, {"varnell", kGazOrgB, "JJ"}, {"union", kGazOrgI, "NN"}, {"met", 0, "VBD"}});
  std::vector<std::uint8_t> l1(lower.size(), kOutside);
  ApplySpanRules(lower.data(), lower.size(), l1.data());
  EXPECT_EQ(Spans(l1), "");
  // Read as proper nouns and still left out, the model's choice stands.
  auto proper = Tokens({{"The", 0, "DT"}, {"Varnell", kGazOrgB | kGazCaseMatch, "NNP"}, {"Union", kGazOrgI, "NNP"},
                        {"met", 0, "VBD"}});
  std::vector<std::uint8_t> l2(proper.size(), kOutside);
  ApplySpanRules(proper.data(), proper.size(), l2.data());
  EXPECT_EQ(Spans(l2), "");
}

TEST(SpanRules, ListedShortFormInTitleCaseIsAnOrganisation) {
  // "talks hosted by Lorf in the capital", Lorf the short form of a listed
  // organisation of several words (written LORF in the list).
  auto t = Tokens({{"talks", 0, "NNS"}, {"hosted", 0, "VBN"}, {"by", 0, "IN"},
                   {"Lorf", kGazOrgB | kGazOrgShortForm}, {"in", 0, "IN"}, {"the", 0, "DT"}, {"capital", 0, "NN"}});
  std::vector<std::uint8_t> labels(t.size(), kOutside);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "ORG:3-4 ");
  // Not a listed organisation's one-word name, not at a sentence start,
  // and not in a headline where every word is capitalised.
  auto one = Tokens({{"talks", 0, "NNS"}, {"hosted", 0, "VBN"}, {"by", 0, "IN"}, {"Lorf", kGazOrgB}});
  std::vector<std::uint8_t> l1(one.size(), kOutside);
  ApplySpanRules(one.data(), one.size(), l1.data());
  EXPECT_EQ(Spans(l1), "");
  auto first = Tokens({{"Lorf", kGazOrgB | kGazOrgShortForm}, {"hosted", 0, "VBD"}, {"talks", 0, "NNS"}});
  std::vector<std::uint8_t> l2(first.size(), kOutside);
  ApplySpanRules(first.data(), first.size(), l2.data());
  EXPECT_EQ(Spans(l2), "");
  auto head = Tokens({{"Talks"}, {"Hosted"}, {"By"}, {"Lorf", kGazOrgB | kGazOrgShortForm}, {"End"}});
  std::vector<std::uint8_t> l3(head.size(), kOutside);
  ApplySpanRules(head.data(), head.size(), l3.data());
  EXPECT_EQ(Spans(l3), "");
}

TEST(SpanRules, APersonNamedByOnePluralProperNounIsAGroup) {
  // "the Lenhallites voted against it": a group, not a person.
  auto t = Tokens({{"the", 0, "DT"}, {"Lenhallites", 0, "NNPS"}, {"voted", 0, "VBD"}});
  auto labels = Span(t.size(), 1, 2, kPer);
  ApplySpanRules(t.data(), t.size(), labels.data());
  EXPECT_EQ(Spans(labels), "MISC:1-2 ");
  // A singular name stays a person's, and so does a longer name.
  auto u = Tokens({{"Kessar", 0, "NNP"}, {"voted", 0, "VBD"}});
  auto lu = Span(u.size(), 0, 1, kPer);
  ApplySpanRules(u.data(), u.size(), lu.data());
  EXPECT_EQ(Spans(lu), "PERSON:0-1 ");
  auto v = Tokens({{"Odalys", 0, "NNP"}, {"Lenhallites", 0, "NNPS"}, {"voted", 0, "VBD"}});
  auto lv = Span(v.size(), 0, 2, kPer);
  ApplySpanRules(v.data(), v.size(), lv.data());
  EXPECT_EQ(Spans(lv), "PERSON:0-2 ");
}

TEST(DocumentRules, ACommonWordOpeningASentenceIsNoName) {
  // The word table's capitals bucket: 1 = rarely capitalised inside a
  // sentence, 2 = sometimes, 4 = nearly always (word_lex.h).
  auto caps = [](std::vector<NerToken> t, std::size_t i, std::uint64_t bucket) {
    t[i].lex = bucket << 18;
    return t;
  };
  // "Aid reached the town": a person to the model.
  auto s1 = caps(Tokens({{"Aid"}, {"reached", 0, "VBD"}, {"Lenhall"}}), 0, 2);
  auto l1 = Span(s1.size(), 0, 1, kPer);
  l1[2] = BeginLabel(kLoc);
  // "Grant Osei spoke" then "Grant said": the word is a name in this article.
  auto s2 = caps(Tokens({{"Grant"}, {"Osei"}, {"spoke", 0, "VBD"}}), 0, 2);
  auto l2 = Span(s2.size(), 0, 2, kPer);
  auto s3 = caps(Tokens({{"Grant"}, {"said", 0, "VBD"}}), 0, 2);
  auto l3 = Span(s3.size(), 0, 1, kPer);
  // A word mostly capitalised ("Odalys said") stays a name.
  auto s4 = caps(Tokens({{"Odalys"}, {"said", 0, "VBD"}}), 0, 4);
  auto l4 = Span(s4.size(), 0, 1, kPer);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()},
                                      {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()},
                                      {s4.data(), l4.data(), s4.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l1), "LOC:2-3 ");
  EXPECT_EQ(Spans(l2), "PERSON:0-2 ");
  EXPECT_EQ(Spans(l3), "PERSON:0-1 ");
  EXPECT_EQ(Spans(l4), "PERSON:0-1 ");
}

TEST(DocumentRules, AOneWordPersonTheArticleNamesAsAPlaceIsThePlace) {
  // "Dravenia's economy grew" (a place) and "What has Dravenia said?" (a
  // person to the model): the same word, one sense in the article.
  auto s1 = Tokens({{"Dravenia"}, {"'s", 0, "POS"}, {"economy", 0, "NN"}});
  auto l1 = Span(s1.size(), 0, 1, kLoc);
  auto s2 = Tokens({{"What", 0, "WP"}, {"has", 0, "VBZ"}, {"Dravenia"}, {"said", 0, "VBN"}});
  auto l2 = Span(s2.size(), 2, 3, kPer);
  // "Jordan" named twice as a person and once as a place stays a person.
  auto s3 = Tokens({{"Jordan"}, {"said", 0, "VBD"}});
  auto l3 = Span(s3.size(), 0, 1, kPer);
  auto s4 = Tokens({{"Jordan"}, {"agreed", 0, "VBD"}});
  auto l4 = Span(s4.size(), 0, 1, kPer);
  auto s5 = Tokens({{"in", 0, "IN"}, {"Jordan"}});
  auto l5 = Span(s5.size(), 1, 2, kLoc);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()},
                                      {s5.data(), l5.data(), s5.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l2), "LOC:2-3 ");
  EXPECT_EQ(Spans(l3), "PERSON:0-1 ");
  EXPECT_EQ(Spans(l4), "PERSON:0-1 ");
}

TEST(DocumentRules, CapitalAsASpeakerIsAPlaceUnlessPartOfAName) {
  // Sentence 1: "Belgrade would not accept" with Belgrade labelled a person.
  auto s1 = Tokens({{"Belgrade", kGazCityB | kGazBigCity}, {"would", 0, "MD"}, {"not", 0, "RB"}});
  auto l1 = Span(s1.size(), 0, 1, kPer);
  // Sentence 2: "Jordan Peters said" and sentence 3: "Jordan said": the
  // country's name is also this person's first name.
  auto s2 = Tokens({{"Jordan", kGazCountryB}, {"Peters"}, {"said", 0, "VBD"}});
  auto l2 = Span(s2.size(), 0, 2, kPer);
  auto s3 = Tokens({{"Jordan", kGazCountryB}, {"said", 0, "VBD"}});
  auto l3 = Span(s3.size(), 0, 1, kPer);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()},
                                      {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l1), "LOC:0-1 ");
  EXPECT_EQ(Spans(l2), "PERSON:0-2 ");
  EXPECT_EQ(Spans(l3), "PERSON:0-1 ");
}

TEST(DocumentRules, AOneWordPlaceThatIsAWordOfAPersonsNameIsThePerson) {
  // "Marisol Okafor spoke" and "Marisol said" with Marisol also a small
  // town's and a province's name (listed, not a major city): the person.
  auto s1 = Tokens({{"Marisol", kGazCityB | kGazRegionB}, {"Okafor"}, {"spoke", 0, "VBD"}});
  s1[0].lex = kLexFirstName;
  auto l1 = Span(s1.size(), 0, 2, kPer);
  auto s2 = Tokens({{"Marisol", kGazCityB | kGazRegionB}, {"said", 0, "VBD"}});
  s2[0].lex = kLexFirstName;
  auto l2 = Span(s2.size(), 0, 1, kLoc);
  // A country keeps its sense ("Jordan Peters ... in Jordan"), and a place
  // name the model misread as a person's ("Port Kessar", no first name)
  // turns no place into a person.
  auto s3 = Tokens({{"Jordan", kGazCountryB}, {"Peters"}});
  s3[0].lex = kLexFirstName;
  auto l3 = Span(s3.size(), 0, 2, kPer);
  auto s4 = Tokens({{"in", 0, "IN"}, {"Jordan", kGazCountryB}});
  auto l4 = Span(s4.size(), 1, 2, kLoc);
  auto s5 = Tokens({{"Port"}, {"Kessar"}});
  auto l5 = Span(s5.size(), 0, 2, kPer);
  auto s6 = Tokens({{"near", 0, "IN"}, {"Kessar"}});
  auto l6 = Span(s6.size(), 1, 2, kLoc);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()},
                                      {s5.data(), l5.data(), s5.size()}, {s6.data(), l6.data(), s6.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l2), "PERSON:0-1 ");
  EXPECT_EQ(Spans(l4), "LOC:1-2 ");
  EXPECT_EQ(Spans(l6), "LOC:1-2 ");
}

TEST(DocumentRules, TheSurnameOfAFullNameWithAnUnlistedFirstNameWrittenAloneAsAPersonIsThePerson) {
  // "Vuk Lenhall resigned", "Lenhall said" and "with both Lenhall and
  // Kessar", where the model typed the last one a place: no list holds
  // the first name, but the article writes the surname alone as a person
  // at least as often as as a place.
  auto s1 = Tokens({{"Vuk"}, {"Lenhall"}, {"resigned", 0, "VBD"}});
  auto l1 = Span(s1.size(), 0, 2, kPer);
  auto s2 = Tokens({{"Lenhall"}, {"said", 0, "VBD"}});
  auto l2 = Span(s2.size(), 0, 1, kPer);
  auto s3 = Tokens({{"with", 0, "IN"}, {"both", 0, "DT"}, {"Lenhall"}});
  auto l3 = Span(s3.size(), 2, 3, kLoc);
  // "Port Tessary" misread as a person's name, and "near Tessary": the
  // surname is never alone a person, so the place stays.
  auto s4 = Tokens({{"Port"}, {"Tessary"}});
  auto l4 = Span(s4.size(), 0, 2, kPer);
  auto s5 = Tokens({{"near", 0, "IN"}, {"Tessary"}});
  auto l5 = Span(s5.size(), 1, 2, kLoc);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()},
                                      {s5.data(), l5.data(), s5.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l3), "PERSON:2-3 ");
  EXPECT_EQ(Spans(l5), "LOC:1-2 ");
}

TEST(DocumentRules, ATitleAndASurnameOfAPersonNamedInFullTypedAnOrganisationAreThePerson) {
  // "Odalys Varnell ... Secretary Varnell's email", the second typed an
  // organisation: the person, with the title left outside the name.
  auto s1 = Tokens({{"Odalys"}, {"Varnell"}, {"spoke", 0, "VBD"}});
  s1[0].lex = kLexFirstName;
  auto l1 = Span(s1.size(), 0, 2, kPer);
  auto s2 = Tokens({{"with", 0, "IN"}, {"Secretary", kGazRole}, {"Varnell"}});
  auto l2 = Span(s2.size(), 1, 3, kOrg);
  // A surname no full name in the article has stays as typed.
  auto s3 = Tokens({{"with", 0, "IN"}, {"Secretary", kGazRole}, {"Harlen"}});
  auto l3 = Span(s3.size(), 1, 3, kOrg);
  std::vector<NerSentenceRef> refs = {
      {s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()}, {s3.data(), l3.data(), s3.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l2), "PERSON:2-3 ");
  EXPECT_EQ(Spans(l3), "ORG:1-3 ");
}

TEST(DocumentRules, TheSurnameOfATitledFullNameTypedAPlaceOnceIsThePerson) {
  // "deputy minister Odalys Varnell" (no list holds either word) and
  // "according to Varnell", typed a place: the person. Also when the title
  // stands in an apposition after the name.
  auto s1 = Tokens({{"minister", kGazRole, "NN"}, {"Odalys", kGazRoleBefore}, {"Varnell"}, {"spoke", 0, "VBD"}});
  auto l1 = Span(s1.size(), 1, 3, kPer);
  auto s2 = Tokens({{"according", 0, "VBG"}, {"to", 0, "IN"}, {"Varnell"}});
  auto l2 = Span(s2.size(), 2, 3, kLoc);
  auto s3 = Tokens({{"Harlen"}, {"Tessary"}, {",", 0, ","}, {"the", 0, "DT"}, {"trade", kGazRole, "NN"},
                    {"minister", kGazRole, "NN"}});
  auto l3 = Span(s3.size(), 0, 2, kPer);
  auto s4 = Tokens({{"so", 0, "RB"}, {"Tessary"}});
  auto l4 = Span(s4.size(), 1, 2, kLoc);
  // An untitled name ("Lorvani Kessar" may be a misread place) and a word
  // the article writes alone as a place more often than the full name.
  auto s5 = Tokens({{"Lorvani"}, {"Kessar"}});
  auto l5 = Span(s5.size(), 0, 2, kPer);
  auto s6 = Tokens({{"near", 0, "IN"}, {"Kessar"}});
  auto l6 = Span(s6.size(), 1, 2, kLoc);
  auto s7 = Tokens({{"mayor", kGazRole, "NN"}, {"Morvia", kGazRoleBefore}, {"Harlen"}});
  auto l7 = Span(s7.size(), 1, 3, kPer);
  auto s8 = Tokens({{"in", 0, "IN"}, {"Harlen"}});
  auto l8 = Span(s8.size(), 1, 2, kLoc);
  auto s9 = Tokens({{"from", 0, "IN"}, {"Harlen"}});
  auto l9 = Span(s9.size(), 1, 2, kLoc);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()},
                                      {s5.data(), l5.data(), s5.size()}, {s6.data(), l6.data(), s6.size()},
                                      {s7.data(), l7.data(), s7.size()}, {s8.data(), l8.data(), s8.size()},
                                      {s9.data(), l9.data(), s9.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l2), "PERSON:2-3 ");
  EXPECT_EQ(Spans(l4), "PERSON:1-2 ");
  EXPECT_EQ(Spans(l6), "LOC:1-2 ");
  EXPECT_EQ(Spans(l8), "LOC:1-2 ");
  EXPECT_EQ(Spans(l9), "LOC:1-2 ");
}

TEST(DocumentRules, AnAcronymTheArticleDefinesIsOfTheNamesTypeEverywhere) {
  auto s1 = Tokens({{"the", 0, "DT"}, {"Office"}, {"of", 0, "IN"}, {"Budget"}, {"Review"}, {"(", 0, "-LRB-"},
                    {"OBR"}, {")", 0, "-RRB-"}});
  auto l1 = Span(s1.size(), 1, 5, kOrg);
  l1[6] = BeginLabel(kOrg);
  // "OBR said" missed by the model, and "OBR" typed a person.
  auto s2 = Tokens({{"OBR"}, {"said", 0, "VBD"}});
  std::vector<std::uint8_t> l2(s2.size(), kOutside);
  auto s3 = Tokens({{"asked", 0, "VBD"}, {"OBR"}});
  auto l3 = Span(s3.size(), 1, 2, kPer);
  // Another word in capitals is left alone.
  auto s4 = Tokens({{"OBS"}, {"said", 0, "VBD"}});
  std::vector<std::uint8_t> l4(s4.size(), kOutside);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()},
                                      {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()},
                                      {s4.data(), l4.data(), s4.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l2), "ORG:0-1 ");
  EXPECT_EQ(Spans(l3), "ORG:1-2 ");
  EXPECT_EQ(Spans(l4), "");
}


TEST(DocumentRules, ASurnameTypedAnOrganisationIsThePersonNamedInFull) {
  // "Marisol Okafor spoke", then "fired Okafor" typed ORG and "Okafor
  // agreed" typed MISC: the person. "Marisol" alone typed ORG is not a
  // surname, and a one-word organisation that is no one's surname stays.
  auto s1 = Tokens({{"Marisol"}, {"Okafor"}, {"spoke", 0, "VBD"}});
  s1[0].lex = kLexFirstName;
  auto l1 = Span(s1.size(), 0, 2, kPer);
  auto s2 = Tokens({{"fired", 0, "VBD"}, {"Okafor"}});
  auto l2 = Span(s2.size(), 1, 2, kOrg);
  auto s3 = Tokens({{"Okafor"}, {"agreed", 0, "VBD"}});
  auto l3 = Span(s3.size(), 0, 1, kMisc);
  auto s4 = Tokens({{"joined", 0, "VBD"}, {"Marisol"}});
  auto l4 = Span(s4.size(), 1, 2, kOrg);
  auto s5 = Tokens({{"joined", 0, "VBD"}, {"Lenhall"}});
  auto l5 = Span(s5.size(), 1, 2, kOrg);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()},
                                      {s5.data(), l5.data(), s5.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l2), "PERSON:1-2 ");
  EXPECT_EQ(Spans(l3), "PERSON:0-1 ");
  EXPECT_EQ(Spans(l4), "ORG:1-2 ");
  EXPECT_EQ(Spans(l5), "ORG:1-2 ");
}

TEST(SpanRules, AGenerationalSuffixEndsAPersonsName) {
  // "Arlen Voss Jr. escaped" typed MISC (name_heads.tsv: "jr." ends a person's name).
  auto t = Tokens({{"Arlen"}, {"Voss"}, {"Jr."}, {"escaped", 0, "VBD"}});
  auto l = Span(t.size(), 0, 3, kMisc);
  ApplySpanRules(t.data(), t.size(), l.data());
  EXPECT_EQ(Spans(l), "PERSON:0-3 ");
}


TEST(SpanRules, AListedAreaTheModelMissedIsAPlace) {
  // "shelling in the Lorvan Basin" with "Lorvan Basin" an area of
  // areas.tsv (kGazArea), missed by the model; "Odalys" typed a person
  // where the area list has it is a place too; an area inside a longer
  // organisation stays part of it.
  auto t = Tokens({{"shelling", 0, "NN"}, {"in", 0, "IN"}, {"the", 0, "DT"}, {"Lorvan", kGazArea}, {"Basin", kGazArea},
                   {"and", 0, "CC"}, {"Odalys", kGazArea}, {"hit", 0, "VBD"}, {"the", 0, "DT"}, {"Odalys", kGazArea},
                   {"Front"}});
  std::vector<std::uint8_t> l(t.size(), kOutside);
  l[6] = BeginLabel(kPer);
  l[9] = BeginLabel(kOrg);
  l[10] = InsideLabel(kOrg);
  ApplySpanRules(t.data(), t.size(), l.data());
  EXPECT_EQ(Spans(l), "LOC:3-5 LOC:6-7 ORG:9-11 ");
}


TEST(DocumentRules, ANameFoundOnceIsTheSameNameWhereTheModelMissedIt) {
  // "Lenhall Water Board" found in one sentence and missed in another is
  // the organisation there too; inside a longer capitalised run ("Lenhall
  // Water Board Trust") it is left alone.
  auto s1 = Tokens({{"the", 0, "DT"}, {"Lenhall"}, {"Water"}, {"Board"}, {"said", 0, "VBD"}});
  auto l1 = Span(s1.size(), 1, 4, kOrg);
  auto s2 = Tokens({{"fined", 0, "VBD"}, {"Lenhall"}, {"Water"}, {"Board"}, {"again", 0, "RB"}});
  std::vector<std::uint8_t> l2(s2.size(), kOutside);
  auto s3 = Tokens({{"the", 0, "DT"}, {"Lenhall"}, {"Water"}, {"Board"}, {"Trust"}});
  std::vector<std::uint8_t> l3(s3.size(), kOutside);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l2), "ORG:1-4 ");
  EXPECT_EQ(Spans(l3), "");
}

TEST(DocumentRules, ANameEndingInASurnameTheArticleAddressesIsThePerson) {
  // "Ana Quessel" typed a place after "Speaking in Lenhall,", and "Ms
  // Quessel said": the person. A listed word keeps the place ("Port
  // Quessel" when "Port" is listed), and no honorific, no person.
  auto s1 = Tokens({{"Speaking", 0, "VBG"}, {"in", 0, "IN"}, {"Lenhall"}, {","}, {"Ana"}, {"Quessel"}, {"said", 0, "VBD"}});
  auto l1 = Span(s1.size(), 4, 6, kLoc);
  l1[2] = BeginLabel(kLoc);
  auto s2 = Tokens({{"Ms", kGazHonorific}, {"Quessel", kGazHonorificBefore}, {"said", 0, "VBD"}});
  auto l2 = Span(s2.size(), 1, 2, kPer);
  auto s3 = Tokens({{"near", 0, "IN"}, {"Port", kGazCityB}, {"Quessel"}});
  auto l3 = Span(s3.size(), 1, 3, kLoc);
  auto s4 = Tokens({{"in", 0, "IN"}, {"Ivo"}, {"Marsk"}});
  auto l4 = Span(s4.size(), 1, 3, kLoc);
  auto s5 = Tokens({{"Marsk"}, {"said", 0, "VBD"}});
  auto l5 = Span(s5.size(), 0, 1, kPer);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()},
                                      {s5.data(), l5.data(), s5.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l1), "LOC:2-3 PERSON:4-6 ");
  EXPECT_EQ(Spans(l3), "LOC:1-3 ");
  EXPECT_EQ(Spans(l4), "LOC:1-3 ");
}

TEST(DocumentRules, APlaceWhosePeoplesAdjectiveTheArticleWritesIsAPlace) {
  // "Tessaria imposed sanctions" (a person to the model) beside "Tessarian
  // officials": the unlisted country; the adjective alone is MISC. A word
  // of a person's name stays the person's.
  auto s1 = Tokens({{"Tessaria", kGazPeopleForm}, {"imposed", 0, "VBD"}, {"sanctions", 0, "NNS"}});
  auto l1 = Span(s1.size(), 0, 1, kPer);
  auto s2 = Tokens({{"the", 0, "DT"}, {"Tessarian", kGazPeopleAdjective}, {"said", 0, "VBD"}});
  auto l2 = Span(s2.size(), 1, 2, kPer);
  auto s3 = Tokens({{"Ana"}, {"Morvath", kGazPeopleForm}, {"spoke", 0, "VBD"}});
  auto l3 = Span(s3.size(), 0, 2, kPer);
  auto s4 = Tokens({{"Morvath", kGazPeopleForm}, {"agreed", 0, "VBD"}});
  auto l4 = Span(s4.size(), 0, 1, kPer);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l1), "LOC:0-1 ");
  EXPECT_EQ(Spans(l2), "MISC:1-2 ");
  EXPECT_EQ(Spans(l4), "PERSON:0-1 ");
}

TEST(DocumentRules, TheFirstWordsOfACompanyNamedInFullAreTheCompany) {
  // "Tamberlo Freight Lines" named in full, then "Tamberlo said" and
  // "Tamberlo Freight shares" typed people: the company.
  auto s1 = Tokens({{"Tamberlo"}, {"Freight"}, {"Lines"}, {"was", 0, "VBD"}, {"fined", 0, "VBN"}});
  auto l1 = Span(s1.size(), 0, 3, kOrg);
  auto s2 = Tokens({{"Tamberlo"}, {"said", 0, "VBD"}});
  auto l2 = Span(s2.size(), 0, 1, kPer);
  auto s3 = Tokens({{"Tamberlo"}, {"Freight"}, {"shares", 0, "NNS"}});
  auto l3 = Span(s3.size(), 0, 2, kPer);
  // The founder "Ana Quessel" of "Quessel Cargo": "Quessel said" is hers,
  // but "Quessel Cargo" typed a person is the company.
  auto s4 = Tokens({{"Ana"}, {"Quessel"}, {"founded", 0, "VBD"}, {"Quessel"}, {"Cargo"}});
  s4[0].lex = kLexFirstName;
  auto l4 = Span(s4.size(), 0, 2, kPer);
  l4[3] = BeginLabel(kOrg);
  l4[4] = InsideLabel(kOrg);
  auto s5 = Tokens({{"Quessel"}, {"said", 0, "VBD"}});
  auto l5 = Span(s5.size(), 0, 1, kPer);
  auto s6 = Tokens({{"Quessel"}, {"Cargo"}, {"employs", 0, "VBZ"}});
  auto l6 = Span(s6.size(), 0, 2, kPer);
  // "Vornic's Ministry of Trade": the country before its possessive is not
  // the ministry.
  auto s7 = Tokens({{"Vornic"}, {"'s", 0, "POS"}, {"Ministry"}, {"of"}, {"Trade"}});
  auto l7 = Span(s7.size(), 0, 5, kOrg);
  auto s8 = Tokens({{"Vornic"}, {"protested", 0, "VBD"}});
  auto l8 = Span(s8.size(), 0, 1, kPer);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()},
                                      {s5.data(), l5.data(), s5.size()}, {s6.data(), l6.data(), s6.size()},
                                      {s7.data(), l7.data(), s7.size()}, {s8.data(), l8.data(), s8.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l2), "ORG:0-1 ");
  EXPECT_EQ(Spans(l3), "ORG:0-2 ");
  EXPECT_EQ(Spans(l5), "PERSON:0-1 ");
  EXPECT_EQ(Spans(l6), "ORG:0-2 ");
  EXPECT_EQ(Spans(l8), "PERSON:0-1 ");
}

TEST(SpanRules, AnOrganisationWordOfThePersonListBeforeOfTypesAPerson) {
  // "State Bank of Vornic" typed a person: no person's name has "Bank of".
  auto t = Tokens({{"the", 0, "DT"}, {"State"}, {"Bank"}, {"of"}, {"Vornic"}});
  auto l = Span(t.size(), 1, 5, kPer);
  ApplySpanRules(t.data(), t.size(), l.data());
  EXPECT_EQ(Spans(l), "ORG:1-5 ");
}

TEST(DocumentRules, ANameOfTwoWordsTheArticleNamesAsAPlaceIsThePlace) {
  // "the port of Cape Varnell" (a place) and "arrived in Cape Varnell" (a
  // person to the model): one sense; "Ana Varnell" (a listed first name)
  // stays a person even where a place of that name is written.
  auto s1 = Tokens({{"port", 0, "NN"}, {"of", 0, "IN"}, {"Cape"}, {"Varnell"}});
  auto l1 = Span(s1.size(), 2, 4, kLoc);
  auto s2 = Tokens({{"in", 0, "IN"}, {"Cape"}, {"Varnell"}, {".", 0, "."}});
  auto l2 = Span(s2.size(), 1, 3, kPer);
  auto s3 = Tokens({{"Ana"}, {"Kessar"}, {"said", 0, "VBD"}});
  s3[0].lex = kLexFirstName;
  auto l3 = Span(s3.size(), 0, 2, kPer);
  auto s4 = Tokens({{"in", 0, "IN"}, {"Ana"}, {"Kessar"}});
  s4[1].lex = kLexFirstName;
  auto l4 = Span(s4.size(), 1, 3, kLoc);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l2), "LOC:1-3 ");
  EXPECT_EQ(Spans(l3), "PERSON:0-2 ");
}

TEST(DocumentRules, AFirstNameAndASurnameNamedAloneAsAPersonAreThatPerson) {
  // "Mary Lenhall wants ..." typed an organisation, "Lenhall wrote" a
  // person: the full name is the person. "Morgan Varnell Bank" keeps its
  // type: "Varnell" is nowhere a person alone.
  auto s1 = Tokens({{"Mary"}, {"Lenhall"}, {"wants", 0, "VBZ"}});
  s1[0].lex = kLexFirstName;
  auto l1 = Span(s1.size(), 0, 2, kOrg);
  auto s2 = Tokens({{"Lenhall"}, {"wrote", 0, "VBD"}});
  auto l2 = Span(s2.size(), 0, 1, kPer);
  auto s3 = Tokens({{"Morgan"}, {"Varnell"}, {"Bank"}, {"said", 0, "VBD"}});
  s3[0].lex = kLexFirstName;
  auto l3 = Span(s3.size(), 0, 3, kOrg);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l1), "PERSON:0-2 ");
  EXPECT_EQ(Spans(l3), "ORG:0-3 ");
}

TEST(DocumentRules, ASurnameThatIsASmallTownsNameIsStillTheSurname) {
  // "Ana Lincoln ... the Lincoln campaign", with "Lincoln" typed an
  // organisation: a town's name (not a large city's or a country's) does
  // not keep the surname from being the person's.
  auto s1 = Tokens({{"Ana"}, {"Lincoln", kGazCityB}, {"spoke", 0, "VBD"}});
  s1[0].lex = kLexFirstName;
  auto l1 = Span(s1.size(), 0, 2, kPer);
  auto s2 = Tokens({{"the", 0, "DT"}, {"Lincoln", kGazCityB}, {"campaign", 0, "NN"}});
  auto l2 = Span(s2.size(), 1, 2, kOrg);
  auto s3 = Tokens({{"Ana"}, {"Jordan", kGazCountryB}, {"spoke", 0, "VBD"}});
  s3[0].lex = kLexFirstName;
  auto l3 = Span(s3.size(), 0, 2, kPer);
  auto s4 = Tokens({{"the", 0, "DT"}, {"Jordan", kGazCountryB}, {"embassy", 0, "NN"}});
  auto l4 = Span(s4.size(), 1, 2, kOrg);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l2), "PERSON:1-2 ");
  EXPECT_EQ(Spans(l4), "ORG:1-2 ");
}

TEST(DocumentRules, AShipNamedAfterAVesselWordIsMiscThroughoutTheArticle) {
  // "the tanker Odalys Varn" typed a person, "The Odalys Varn was" a place,
  // "the frigate, the Harlen Tess," a person: all three are ships.
  auto s1 = Tokens({{"the", 0, "DT"}, {"tanker", 0, "NN"}, {"Odalys"}, {"Varn"}});
  auto l1 = Span(s1.size(), 2, 4, kPer);
  auto s2 = Tokens({{"The", 0, "DT"}, {"Odalys"}, {"Varn"}, {"was", 0, "VBD"}});
  auto l2 = Span(s2.size(), 1, 3, kLoc);
  auto s3 = Tokens({{"The", 0, "DT"}, {"frigate", 0, "NN"}, {",", 0, ","}, {"the", 0, "DT"}, {"Harlen"}, {"Tess"}});
  auto l3 = Span(s3.size(), 4, 6, kPer);
  // "the vessel Lorvania seized": a listed country after the word stays a
  // place, and a person named elsewhere is untouched.
  auto s4 = Tokens({{"the", 0, "DT"}, {"vessel", 0, "NN"}, {"Lorvania", kGazCountryB}, {"seized", 0, "VBD"}});
  auto l4 = Span(s4.size(), 2, 3, kLoc);
  auto s5 = Tokens({{"Ana"}, {"Varn"}, {"said", 0, "VBD"}});
  auto l5 = Span(s5.size(), 0, 2, kPer);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()},
                                      {s5.data(), l5.data(), s5.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l1), "MISC:2-4 ");
  EXPECT_EQ(Spans(l2), "MISC:1-3 ");
  EXPECT_EQ(Spans(l3), "MISC:4-6 ");
  EXPECT_EQ(Spans(l4), "LOC:2-3 ");
  EXPECT_EQ(Spans(l5), "PERSON:0-2 ");
}

TEST(DocumentRules, AShipsPrefixOrABoatMakesItsNameMiscAndTheNameWithoutThePrefixToo) {
  // "The CGS Odalys Varn, operated by ..." typed a person; "the Odalys Varn" later is the same ship.
  auto s1 = Tokens({{"The", 0, "DT"}, {"CGS"}, {"Odalys"}, {"Varn"}, {",", 0, ","}});
  auto l1 = Span(s1.size(), 1, 4, kPer);
  auto s2 = Tokens({{"the", 0, "DT"}, {"Odalys"}, {"Varn"}, {"would", 0, "MD"}});
  auto l2 = Span(s2.size(), 1, 3, kPer);
  // "the fishing boat, the Harlen Tess": a boat is a vessel word.
  auto s3 = Tokens({{"the", 0, "DT"}, {"boat", 0, "NN"}, {",", 0, ","}, {"the", 0, "DT"}, {"Harlen"}, {"Tess"}});
  auto l3 = Span(s3.size(), 4, 6, kPer);
  // "the navy ship Teluk Kessar": a ship named after a place keeps the place's word in a longer name.
  auto s4 = Tokens({{"the", 0, "DT"}, {"ship", 0, "NN"}, {"Lenhall", kGazCityB}, {"Kessar"}});
  auto l4 = Span(s4.size(), 2, 4, kLoc);
  // A prefix that is also a person's initials written so stays out: "KD" alone is no name.
  auto s5 = Tokens({{"KD"}, {"said", 0, "VBD"}});
  auto l5 = Span(s5.size(), 0, 1, kPer);
  std::vector<NerSentenceRef> refs = {{s1.data(), l1.data(), s1.size()}, {s2.data(), l2.data(), s2.size()},
                                      {s3.data(), l3.data(), s3.size()}, {s4.data(), l4.data(), s4.size()},
                                      {s5.data(), l5.data(), s5.size()}};
  ApplyDocumentRules(refs.data(), refs.size());
  EXPECT_EQ(Spans(l1), "MISC:1-4 ");
  EXPECT_EQ(Spans(l2), "MISC:1-3 ");
  EXPECT_EQ(Spans(l3), "MISC:4-6 ");
  EXPECT_EQ(Spans(l4), "MISC:2-4 ");
  EXPECT_EQ(Spans(l5), "PERSON:0-1 ");
}

}  // namespace
}  // namespace sitrep::entities
