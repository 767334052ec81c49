// The quotes rules on parses written by hand: the attachments parsers get
// wrong in more than one way (a subordinator read as a preposition, a
// relative clause hung on a verb, a gerund of saying made a subject, ...)
// must give the same quotes as the right parse, so that the rules do not
// depend on one parser's habits. Each sentence is given with the wrong
// parse a model produced for sentences like it.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "core/article.h"
#include "quotes/cues.h"
#include "quotes/parse_view.h"
#include "quotes/quotes.h"

namespace sitrep::quotes {
namespace {

// One token: form, UPOS, XPOS, lemma, 1-based head (0: root), relation.
struct Row {
  const char* form;
  const char* upos;
  const char* xpos;
  const char* lemma;
  int head;
  const char* deprel;
};

// An article of one sentence per row list, one sentence a line.
Article Build(const std::vector<std::vector<Row>>& sentences) {
  Article a;
  for (const auto& rows : sentences) {
    Sentence s;
    s.begin = static_cast<std::uint32_t>(a.text.size());
    s.first_token = static_cast<std::uint32_t>(a.tokens.size());
    for (const Row& r : rows) {
      if (a.text.size() > s.begin) a.text += ' ';
      const auto b = static_cast<std::uint32_t>(a.text.size());
      a.text += r.form;
      a.tokens.emplace_back(b, static_cast<std::uint32_t>(a.text.size()), true, r.lemma, r.upos, r.xpos, r.head - 1,
                            r.deprel);
    }
    s.end = static_cast<std::uint32_t>(a.text.size());
    s.end_token = static_cast<std::uint32_t>(a.tokens.size());
    a.sentences.push_back(s);
    a.text += '\n';
  }
  return a;
}

std::string Words(const Article& a, const Quote& q) {
  std::string s;
  for (const ByteSpan& p : q.parts) {
    if (!s.empty()) s += " | ";
    s += std::string(a.Text(p));
  }
  return s;
}

std::string Speaker(const Quote& q) { return !q.speaker_name.empty() ? q.speaker_name : q.speaker_description; }

const Quote* WithCue(const Article& a, std::string_view cue) {
  for (const Quote& q : a.quotes) {
    if (q.cue_text == cue) return &q;
  }
  return nullptr;
}

// The repaired tree as "form>head-form:relation" for the words asked.
std::string Arc(const internal::Doc& d, std::int32_t t) {
  std::ostringstream out;
  out << d.text(t) << '>' << (d.head(t) == internal::kNone ? std::string("ROOT") : std::string(d.text(d.head(t))))
      << ':' << d.deprel(t);
  return out.str();
}

TEST(ParseRepair, ASubordinatorReadAsAPrepositionOpensAClause) {
  Article a = Build({{{"The", "DET", "DT", "the", 2, "det"},
                      {"ferry", "NOUN", "NN", "ferry", 3, "nsubj"},
                      {"left", "VERB", "VBD", "leave", 0, "root"},
                      {"late", "ADV", "RB", "late", 3, "advmod"},
                      {"after", "ADP", "IN", "after", 7, "case"},
                      {"the", "DET", "DT", "the", 7, "det"},
                      {"crew", "NOUN", "NN", "crew", 8, "nsubj"},
                      {"complained", "VERB", "VBD", "complain", 3, "conj"},
                      {".", "PUNCT", ".", ".", 3, "punct"}}});
  internal::Doc d(a);
  EXPECT_EQ(Arc(d, 7), "complained>left:advcl");
  EXPECT_EQ(Arc(d, 4), "after>complained:mark");
  EXPECT_EQ(Arc(d, 6), "crew>complained:nsubj");
  // With a coordinator the conjunct stands: "left and the crew stayed".
  Article b = Build({{{"The", "DET", "DT", "the", 2, "det"},
                      {"ferry", "NOUN", "NN", "ferry", 3, "nsubj"},
                      {"left", "VERB", "VBD", "leave", 0, "root"},
                      {"and", "CCONJ", "CC", "and", 6, "cc"},
                      {"crews", "NOUN", "NNS", "crew", 6, "nsubj"},
                      {"stayed", "VERB", "VBD", "stay", 3, "conj"},
                      {".", "PUNCT", ".", ".", 3, "punct"}}});
  internal::Doc e(b);
  EXPECT_EQ(Arc(e, 5), "stayed>left:conj");
  // When the words before the subordinator hang below the verb, moving
  // the verb under them would make a cycle: the parse is left alone.
  Article c = Build({{{"Kessar", "PROPN", "NNP", "Kessar", 2, "nsubj"},
                      {"waited", "VERB", "VBD", "wait", 6, "advcl"},
                      {"until", "ADP", "IN", "until", 5, "case"},
                      {"the", "DET", "DT", "the", 5, "det"},
                      {"crew", "NOUN", "NN", "crew", 6, "nsubj"},
                      {"left", "VERB", "VBD", "leave", 0, "conj"},
                      {".", "PUNCT", ".", ".", 6, "punct"}}});
  internal::Doc f(c);
  EXPECT_EQ(Arc(f, 5), "left>ROOT:conj");
  EXPECT_EQ(Arc(f, 1), "waited>left:advcl");
}

TEST(ParseRepair, AnObjectAfterAConjoinedVerbIsThatVerbs) {
  Article a = Build({{{"Kessar", "PROPN", "NNP", "Kessar", 2, "nsubj"},
                      {"plans", "VERB", "VBZ", "plan", 0, "root"},
                      {"to", "PART", "TO", "to", 4, "mark"},
                      {"resign", "VERB", "VB", "resign", 2, "xcomp"},
                      {"and", "CCONJ", "CC", "and", 6, "cc"},
                      {"accuses", "VERB", "VBZ", "accuse", 4, "conj"},
                      {"the", "DET", "DT", "the", 8, "det"},
                      {"council", "NOUN", "NN", "council", 4, "obj"},
                      {".", "PUNCT", ".", ".", 2, "punct"}}});
  internal::Doc d(a);
  EXPECT_EQ(Arc(d, 7), "council>accuses:obj");
  EXPECT_EQ(Arc(d, 6), "the>council:det");
}

TEST(ParseRepair, ASubjectPronounReadAsAnObjectIsTheSubject) {
  // "..., said he to journalists": the inverted order of older or
  // translated prose.
  Article a = Build({{{"Kessar", "PROPN", "NNP", "Kessar", 2, "nsubj"},
                      {"agreed", "VERB", "VBD", "agree", 4, "ccomp"},
                      {",", "PUNCT", ",", ",", 2, "punct"},
                      {"said", "VERB", "VBD", "say", 0, "root"},
                      {"he", "PRON", "PRP", "he", 4, "obj"},
                      {"to", "ADP", "IN", "to", 7, "case"},
                      {"journalists", "NOUN", "NNS", "journalist", 4, "obl"},
                      {".", "PUNCT", ".", ".", 4, "punct"}}});
  internal::Doc d(a);
  EXPECT_EQ(Arc(d, 4), "he>said:nsubj");
  // An object pronoun stays, and so does a subject pronoun where the verb
  // has a subject already.
  Article b = Build({{{"Lenhall", "PROPN", "NNP", "Lenhall", 2, "nsubj"},
                      {"told", "VERB", "VBD", "tell", 0, "root"},
                      {"them", "PRON", "PRP", "they", 2, "obj"},
                      {"and", "CCONJ", "CC", "and", 5, "cc"},
                      {"we", "PRON", "PRP", "we", 2, "obj"},
                      {".", "PUNCT", ".", ".", 2, "punct"}}});
  internal::Doc e(b);
  EXPECT_EQ(Arc(e, 2), "them>told:obj");
  EXPECT_EQ(Arc(e, 4), "we>told:obj");
}

TEST(ParseRepair, APrepositionReadAsASubordinatorBeforeASecondSubjectIsItsNouns) {
  // "The council on Tuesday proposed a levy": "on" a marker and "Tuesday"
  // a second subject of "proposed".
  Article a = Build({{{"The", "DET", "DT", "the", 2, "det"},
                      {"council", "NOUN", "NN", "council", 5, "nsubj"},
                      {"on", "ADP", "IN", "on", 5, "mark"},
                      {"Tuesday", "PROPN", "NNP", "Tuesday", 5, "nsubj"},
                      {"proposed", "VERB", "VBN", "propose", 0, "root"},
                      {"a", "DET", "DT", "a", 7, "det"},
                      {"levy", "NOUN", "NN", "levy", 5, "obj"},
                      {".", "PUNCT", ".", ".", 5, "punct"}}});
  internal::Doc d(a);
  EXPECT_EQ(Arc(d, 2), "on>Tuesday:case");
  EXPECT_EQ(Arc(d, 3), "Tuesday>proposed:obl");
  EXPECT_EQ(Arc(d, 1), "council>proposed:nsubj");
}

TEST(ParseRepair, AParticipleWithoutASubjectAfterANounIsItsRelativeClause) {
  // "listing 31 firms accused of fraud, Kessar said": "accused" is no
  // clause "said" reports.
  Article a = Build({{{"Lenhall", "PROPN", "NNP", "Lenhall", 2, "nsubj"},
                      {"listed", "VERB", "VBD", "list", 9, "ccomp"},
                      {"31", "NUM", "CD", "31", 4, "nummod"},
                      {"firms", "NOUN", "NNS", "firm", 2, "obj"},
                      {"accused", "VERB", "VBN", "accuse", 9, "ccomp"},
                      {"of", "ADP", "IN", "of", 7, "case"},
                      {"fraud", "NOUN", "NN", "fraud", 5, "obl"},
                      {",", "PUNCT", ",", ",", 9, "punct"},
                      {"said", "VERB", "VBD", "say", 0, "root"},
                      {"Kessar", "PROPN", "NNP", "Kessar", 9, "nsubj"},
                      {".", "PUNCT", ".", ".", 9, "punct"}}});
  internal::Doc d(a);
  EXPECT_EQ(Arc(d, 4), "accused>firms:acl");
  // With an auxiliary of its own it is a clause and stays.
  Article b = Build({{{"Lenhall", "PROPN", "NNP", "Lenhall", 4, "nsubj"},
                      {"had", "AUX", "VBD", "have", 4, "aux"},
                      {"firms", "NOUN", "NNS", "firm", 4, "obj"},
                      {"accused", "VERB", "VBN", "accuse", 6, "ccomp"},
                      {",", "PUNCT", ",", ",", 6, "punct"},
                      {"said", "VERB", "VBD", "say", 0, "root"},
                      {".", "PUNCT", ".", ".", 6, "punct"}}});
  internal::Doc e(b);
  EXPECT_EQ(Arc(e, 3), "accused>said:ccomp");
}

TEST(ParseRepair, AClosingSpeakerReadAsAnAppositionIsTheSubject) {
  // "The union proposed a levy on Varnell, Trade Commissioner Odalys
  // Kessar said.": the name read as an apposition of "Varnell", and
  // "levy" as the subject of "said".
  std::vector<Row> rows = {{"The", "DET", "DT", "the", 2, "det"},
                           {"union", "NOUN", "NN", "union", 3, "nsubj"},
                           {"proposed", "VERB", "VBD", "propose", 13, "ccomp"},
                           {"a", "DET", "DT", "a", 5, "det"},
                           {"levy", "NOUN", "NN", "levy", 13, "nsubj"},
                           {"on", "ADP", "IN", "on", 7, "case"},
                           {"Varnell", "PROPN", "NNP", "Varnell", 5, "nmod"},
                           {",", "PUNCT", ",", ",", 9, "punct"},
                           {"Trade", "PROPN", "NNP", "Trade", 7, "appos"},
                           {"Commissioner", "PROPN", "NNP", "Commissioner", 9, "flat"},
                           {"Odalys", "PROPN", "NNP", "Odalys", 9, "flat"},
                           {"Kessar", "PROPN", "NNP", "Kessar", 9, "flat"},
                           {"said", "VERB", "VBD", "say", 0, "root"},
                           {".", "PUNCT", ".", ".", 13, "punct"}};
  auto speech = [](std::string_view lemma) { return lemma == "say"; };
  Article a = Build({rows});
  Mention m;
  m.begin = a.tokens[10].begin;
  m.end = a.tokens[11].end;
  m.type = "PERSON";
  a.mentions.push_back(m);
  internal::Doc d(a, speech);
  EXPECT_EQ(Arc(d, 8), "Trade>said:nsubj");
  EXPECT_EQ(Arc(d, 4), "levy>proposed:obj");
  EXPECT_EQ(Arc(d, 7), ",>said:punct");
  // Without a person's name there, or with the name already the subject,
  // the parse stays.
  Article b = Build({rows});
  internal::Doc e(b, speech);
  EXPECT_EQ(Arc(e, 8), "Trade>Varnell:appos");
  rows[8] = {"Trade", "PROPN", "NNP", "Trade", 13, "nsubj"};
  rows[4] = {"levy", "NOUN", "NN", "levy", 3, "obj"};
  Article c = Build({rows});
  c.mentions.push_back(m);
  internal::Doc f(c, speech);
  EXPECT_EQ(Arc(f, 8), "Trade>said:nsubj");
  EXPECT_EQ(Arc(f, 4), "levy>proposed:obj");
}

TEST(ParseRepair, AClosingSpeakerBeforeATimePhraseIsTheSubjectOfTheCue) {
  // "Nine people died in the fire near Harlow, Mayor Lenhall Varnell said
  // on Friday.": the name read as an apposition of "Harlow" and the cue,
  // followed by its time phrase, as a conjunct of "died" with no subject.
  std::vector<Row> rows = {{"Nine", "NUM", "CD", "nine", 2, "nummod"},
                           {"people", "NOUN", "NNS", "people", 3, "nsubj"},
                           {"died", "VERB", "VBD", "die", 0, "root"},
                           {"in", "ADP", "IN", "in", 6, "case"},
                           {"the", "DET", "DT", "the", 6, "det"},
                           {"fire", "NOUN", "NN", "fire", 3, "obl"},
                           {"near", "ADP", "IN", "near", 8, "case"},
                           {"Harlow", "PROPN", "NNP", "Harlow", 6, "nmod"},
                           {",", "PUNCT", ",", ",", 10, "punct"},
                           {"Mayor", "PROPN", "NNP", "Mayor", 8, "appos"},
                           {"Lenhall", "PROPN", "NNP", "Lenhall", 10, "flat"},
                           {"Varnell", "PROPN", "NNP", "Varnell", 10, "flat"},
                           {"said", "VERB", "VBD", "say", 3, "conj"},
                           {"on", "ADP", "IN", "on", 15, "case"},
                           {"Friday", "PROPN", "NNP", "Friday", 13, "obl"},
                           {".", "PUNCT", ".", ".", 3, "punct"}};
  auto speech = [](std::string_view lemma) { return lemma == "say"; };
  Article a = Build({rows});
  Mention m;
  m.begin = a.tokens[10].begin;
  m.end = a.tokens[11].end;
  m.type = "PERSON";
  a.mentions.push_back(m);
  internal::Doc d(a, speech);
  EXPECT_EQ(Arc(d, 12), "said>ROOT:root");
  EXPECT_EQ(Arc(d, 9), "Mayor>said:nsubj");
  EXPECT_EQ(Arc(d, 2), "died>said:ccomp");
  EXPECT_EQ(Arc(d, 8), ",>said:punct");
  // Without a person's name there the parse stays.
  Article b = Build({rows});
  internal::Doc e(b, speech);
  EXPECT_EQ(Arc(e, 9), "Mayor>Harlow:appos");
  EXPECT_EQ(Arc(e, 12), "said>died:conj");
  // "..., Mayor Lenhall Varnell said on Friday, more than police gave.":
  // the clause after the second comma, read as the cue's complement with
  // the time phrase in it, adds to the sentence; the time is the cue's.
  rows.pop_back();
  rows[14] = {"Friday", "PROPN", "NNP", "Friday", 20, "obl"};
  rows.push_back({",", "PUNCT", ",", ",", 17, "punct"});
  rows.push_back({"more", "ADJ", "JJR", "more", 20, "obj"});
  rows.push_back({"than", "ADP", "IN", "than", 19, "case"});
  rows.push_back({"police", "NOUN", "NNS", "police", 20, "nsubj"});
  rows.push_back({"gave", "VERB", "VBD", "give", 13, "ccomp"});
  rows.push_back({".", "PUNCT", ".", ".", 3, "punct"});
  Article c = Build({rows});
  c.mentions.push_back(m);
  internal::Doc f(c, speech);
  EXPECT_EQ(Arc(f, 9), "Mayor>said:nsubj");
  EXPECT_EQ(Arc(f, 2), "died>said:ccomp");
  EXPECT_EQ(Arc(f, 19), "gave>died:parataxis");
  EXPECT_EQ(Arc(f, 14), "Friday>said:obl");
}

TEST(ParseRepair, ATrailingGerundOfSayingIsTheMainClauses) {
  // "The mill denied that Varnell had lied, saying the report was late.":
  // "saying" hung on the denied clause; the mill says it.
  std::vector<Row> rows = {{"The", "DET", "DT", "the", 2, "det"},
                           {"mill", "NOUN", "NN", "mill", 3, "nsubj"},
                           {"denied", "VERB", "VBD", "deny", 0, "root"},
                           {"that", "SCONJ", "IN", "that", 7, "mark"},
                           {"Varnell", "PROPN", "NNP", "Varnell", 7, "nsubj"},
                           {"had", "AUX", "VBD", "have", 7, "aux"},
                           {"lied", "VERB", "VBN", "lie", 3, "ccomp"},
                           {",", "PUNCT", ",", ",", 9, "punct"},
                           {"saying", "VERB", "VBG", "say", 7, "advcl"},
                           {"the", "DET", "DT", "the", 11, "det"},
                           {"report", "NOUN", "NN", "report", 13, "nsubj"},
                           {"was", "AUX", "VBD", "be", 13, "cop"},
                           {"late", "ADJ", "JJ", "late", 9, "ccomp"},
                           {".", "PUNCT", ".", ".", 3, "punct"}};
  auto speech = [](std::string_view lemma) { return lemma == "say" || lemma == "deny"; };
  Article a = Build({rows});
  internal::Doc d(a, speech);
  EXPECT_EQ(Arc(d, 8), "saying>denied:advcl");
  // Under a clause no verb of saying reports, the gerund stays.
  rows[2] = {"lied", "VERB", "VBD", "lie", 0, "root"};
  rows[2].form = "hoped";
  rows[2].lemma = "hope";
  Article b = Build({rows});
  internal::Doc e(b, speech);
  EXPECT_EQ(Arc(e, 8), "saying>lied:advcl");
}

TEST(ParseRepair, ARelativeClauseHungOnAVerbIsTheNounsBeforeIt) {
  Article a = Build({{{"They", "PRON", "PRP", "they", 2, "nsubj"},
                      {"refuse", "VERB", "VBP", "refuse", 0, "root"},
                      {"to", "PART", "TO", "to", 4, "mark"},
                      {"hire", "VERB", "VB", "hire", 2, "xcomp"},
                      {"Odalys", "PROPN", "NNP", "Odalys", 4, "obj"},
                      {"Kessar", "PROPN", "NNP", "Kessar", 5, "flat"},
                      {",", "PUNCT", ",", ",", 9, "punct"},
                      {"who", "PRON", "WP", "who", 9, "nsubj"},
                      {"runs", "VERB", "VBZ", "run", 4, "acl:relcl"},
                      {"a", "DET", "DT", "a", 11, "det"},
                      {"bakery", "NOUN", "NN", "bakery", 9, "obj"},
                      {".", "PUNCT", ".", ".", 2, "punct"}}});
  internal::Doc d(a);
  EXPECT_EQ(Arc(d, 8), "runs>Odalys:acl:relcl");
}

TEST(ParseRepair, ATensedPredicateConjoinedToANounIsTheVerbsConjunct) {
  Article a = Build({{{"Plans", "NOUN", "NNS", "plan", 2, "nsubj"},
                      {"promise", "VERB", "VBP", "promise", 0, "root"},
                      {"to", "PART", "TO", "to", 4, "mark"},
                      {"cut", "VERB", "VB", "cut", 2, "xcomp"},
                      {"the", "DET", "DT", "the", 6, "det"},
                      {"costs", "NOUN", "NNS", "cost", 4, "obj"},
                      {"but", "CCONJ", "CC", "but", 9, "cc"},
                      {"are", "AUX", "VBP", "be", 9, "cop"},
                      {"likely", "ADJ", "JJ", "likely", 6, "conj"},
                      {"to", "PART", "TO", "to", 11, "mark"},
                      {"fail", "VERB", "VB", "fail", 9, "xcomp"},
                      {".", "PUNCT", ".", ".", 2, "punct"}}});
  internal::Doc d(a);
  EXPECT_EQ(Arc(d, 8), "likely>promise:conj");
}

TEST(ParseRepair, ARelativeClausesObjectReadAsASecondSubject) {
  Article a = Build({{{"One", "NUM", "CD", "one", 3, "nummod"},
                      {"foreign", "ADJ", "JJ", "foreign", 3, "amod"},
                      {"envoy", "NOUN", "NN", "envoy", 8, "nsubj"},
                      {"who", "PRON", "WP", "who", 5, "nsubj"},
                      {"watched", "VERB", "VBD", "watch", 3, "acl:relcl"},
                      {"the", "DET", "DT", "the", 7, "det"},
                      {"vote", "NOUN", "NN", "vote", 8, "nsubj"},
                      {"said", "VERB", "VBD", "say", 0, "root"},
                      {"the", "DET", "DT", "the", 10, "det"},
                      {"text", "NOUN", "NN", "text", 12, "nsubj"},
                      {"was", "AUX", "VBD", "be", 12, "cop"},
                      {"fair", "ADJ", "JJ", "fair", 8, "ccomp"},
                      {".", "PUNCT", ".", ".", 8, "punct"}}});
  internal::Doc d(a);
  EXPECT_EQ(Arc(d, 6), "vote>watched:obj");
  EXPECT_EQ(Arc(d, 2), "envoy>said:nsubj");
  FindQuotes(a, DefaultCueLexicon());
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Speaker(a.quotes[0]), "One foreign envoy");
}

TEST(ParseRepair, ATensedVerbConjoinedToAModifierIsTheVerbsConjunct) {
  Article a = Build({{{"An", "DET", "DT", "an", 2, "det"},
                      {"official", "NOUN", "NN", "official", 3, "nsubj"},
                      {"kept", "VERB", "VBD", "keep", 0, "root"},
                      {"the", "DET", "DT", "the", 5, "det"},
                      {"estimate", "NOUN", "NN", "estimate", 3, "obj"},
                      {"low", "ADJ", "JJ", "low", 3, "advmod"},
                      {"but", "CCONJ", "CC", "but", 8, "cc"},
                      {"said", "VERB", "VBD", "say", 6, "conj"},
                      {"the", "DET", "DT", "the", 10, "det"},
                      {"fleet", "NOUN", "NN", "fleet", 11, "nsubj"},
                      {"grew", "VERB", "VBD", "grow", 8, "ccomp"},
                      {".", "PUNCT", ".", ".", 3, "punct"}}});
  internal::Doc d(a);
  EXPECT_EQ(Arc(d, 7), "said>kept:conj");
  FindQuotes(a, DefaultCueLexicon());
  const Quote* said = WithCue(a, "said");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(Speaker(*said), "An official");
}

TEST(ParseRepair, AGerundOfSayingMadeASubjectTakesTheClause) {
  std::vector<Row> rows = {{"Mira", "PROPN", "NNP", "Mira", 3, "nsubj"},
                           {"Dravenia", "PROPN", "NNP", "Dravenia", 1, "flat"},
                           {"responded", "VERB", "VBD", "respond", 0, "root"},
                           {"saying", "VERB", "VBG", "say", 9, "csubj"},
                           {"the", "DET", "DT", "the", 6, "det"},
                           {"dam", "NOUN", "NN", "dam", 4, "obj"},
                           {"was", "AUX", "VBD", "be", 9, "cop"},
                           {"too", "ADV", "RB", "too", 9, "advmod"},
                           {"weak", "ADJ", "JJ", "weak", 3, "ccomp"},
                           {".", "PUNCT", ".", ".", 3, "punct"}};
  auto speech = [](std::string_view lemma) { return lemma == "say"; };
  Article a = Build({rows});
  internal::Doc d(a, speech);
  EXPECT_EQ(Arc(d, 3), "saying>responded:advcl");
  EXPECT_EQ(Arc(d, 8), "weak>saying:ccomp");
  EXPECT_EQ(Arc(d, 5), "dam>weak:nsubj");
  // A gerund that is not one of saying may well be the subject: "said
  // dredging the bay was costly".
  rows[3] = {"dredging", "VERB", "VBG", "dredge", 9, "csubj"};
  Article b = Build({rows});
  internal::Doc e(b, speech);
  EXPECT_EQ(Arc(e, 3), "dredging>weak:csubj");
  // With the lexicon, the quotes come out as from the right parse.
  Article c = Build({{{"Mira", "PROPN", "NNP", "Mira", 3, "nsubj"},
                      {"Dravenia", "PROPN", "NNP", "Dravenia", 1, "flat"},
                      {"responded", "VERB", "VBD", "respond", 0, "root"},
                      {"saying", "VERB", "VBG", "say", 9, "csubj"},
                      {"the", "DET", "DT", "the", 6, "det"},
                      {"dam", "NOUN", "NN", "dam", 4, "obj"},
                      {"was", "AUX", "VBD", "be", 9, "cop"},
                      {"too", "ADV", "RB", "too", 9, "advmod"},
                      {"weak", "ADJ", "JJ", "weak", 3, "ccomp"},
                      {".", "PUNCT", ".", ".", 3, "punct"}}});
  FindQuotes(c, DefaultCueLexicon());
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_EQ(c.quotes[0].cue_text, "saying");
  EXPECT_EQ(Words(c, c.quotes[0]), "the dam was too weak");
}

// Whatever the parse, the repaired heads still form trees: every word
// reaches a root. Random trees over words and relations the repairs look
// for.
TEST(ParseRepair, RandomParsesStayTrees) {
  const char* forms[] = {"after", "the", "crew", "said", "saying", "who", "lower", ",", "and", "costs", "is"};
  const char* upos[] = {"ADP", "DET", "NOUN", "VERB", "VERB", "PRON", "ADJ", "PUNCT", "CCONJ", "NOUN", "AUX"};
  const char* xpos[] = {"IN", "DT", "NN", "VBD", "VBG", "WP", "JJR", ",", "CC", "NNS", "VBZ"};
  const char* lemmas[] = {"after", "the", "crew", "say", "say", "who", "low", ",", "and", "cost", "be"};
  const char* rels[] = {"case", "det", "nsubj", "conj", "csubj", "acl:relcl", "obj", "advmod", "cc", "obl", "cop"};
  std::uint64_t seed = 7;
  auto next = [&](std::uint64_t m) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((seed >> 33) % m);
  };
  auto speech = [](std::string_view lemma) { return lemma == "say"; };
  for (int round = 0; round < 20000; ++round) {
    const int n = 3 + next(7);
    std::vector<Row> rows;
    const int root = next(static_cast<std::uint64_t>(n));
    for (int k = 0; k < n; ++k) {
      const int w = next(11);
      // A word before the root hangs on a later word up to the root, a
      // word after it on an earlier word down to the root: every chain
      // ends at the root, so the input is a tree.
      const int head = k == root ? -1
                       : k < root ? k + 1 + next(static_cast<std::uint64_t>(root - k))
                                  : root + next(static_cast<std::uint64_t>(k - root));
      rows.push_back({forms[w], upos[w], xpos[w], lemmas[w], head + 1, k == root ? "root" : rels[next(11)]});
    }
    Article a = Build({rows});
    internal::Doc d(a, speech);
    for (int k = 0; k < n; ++k) {
      std::int32_t x = k;
      int steps = 0;
      while (x != internal::kNone && steps <= n) {
        x = d.head(x);
        ++steps;
      }
      ASSERT_LE(steps, n) << "round " << round << ": word " << k << " is in a cycle";
    }
    FindQuotes(a, DefaultCueLexicon());
  }
}

TEST(QuotesOnHandParses, ACueBetweenCommasWithTheRestHungOnTheComma) {
  Article a = Build({{{"The", "DET", "DT", "the", 2, "det"},
                      {"deal", "NOUN", "NN", "deal", 0, "root"},
                      {"was", "AUX", "VBD", "be", 2, "cop"},
                      {",", "PUNCT", ",", ",", 2, "punct"},
                      {"she", "PRON", "PRP", "she", 6, "nsubj"},
                      {"said", "VERB", "VBD", "say", 2, "parataxis"},
                      {",", "PUNCT", ",", ",", 6, "punct"},
                      {"the", "DET", "DT", "the", 10, "det"},
                      {"hardest", "ADJ", "JJS", "hard", 10, "amod"},
                      {"part", "NOUN", "NN", "part", 7, "appos"},
                      {"of", "ADP", "IN", "of", 13, "case"},
                      {"her", "PRON", "PRP$", "she", 13, "nmod:poss"},
                      {"year", "NOUN", "NN", "year", 10, "nmod"},
                      {".", "PUNCT", ".", ".", 6, "punct"}}});
  FindQuotes(a, DefaultCueLexicon());
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "The deal was | the hardest part of her year");
}

TEST(QuotesOnHandParses, TheHearerOfToldIsNotTheClausesSubject) {
  Article a = Build({{{"The", "DET", "DT", "the", 2, "det"},
                      {"mayor", "NOUN", "NN", "mayor", 3, "nsubj"},
                      {"told", "VERB", "VBD", "tell", 0, "root"},
                      {"the", "DET", "DT", "the", 5, "det"},
                      {"crowd", "NOUN", "NN", "crowd", 11, "nsubj"},
                      {"that", "PRON", "WDT", "that", 7, "nsubj"},
                      {"rebuilding", "VERB", "VBG", "rebuild", 5, "acl:relcl"},
                      {"the", "DET", "DT", "the", 9, "det"},
                      {"pier", "NOUN", "NN", "pier", 7, "obj"},
                      {"was", "AUX", "VBD", "be", 11, "cop"},
                      {"hard", "ADJ", "JJ", "hard", 3, "ccomp"},
                      {".", "PUNCT", ".", ".", 3, "punct"}}});
  FindQuotes(a, DefaultCueLexicon());
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "rebuilding the pier was hard");
}

TEST(QuotesOnHandParses, AGerundAfterItsCueAndAnAboutPhraseOnTheCuesOblique) {
  Article a = Build({{{"The", "DET", "DT", "the", 2, "det"},
                      {"campaign", "NOUN", "NN", "campaign", 3, "nsubj"},
                      {"reported", "VERB", "VBD", "report", 0, "root"},
                      {"spending", "VERB", "VBG", "spend", 3, "advcl"},
                      {"two", "NUM", "CD", "two", 6, "nummod"},
                      {"millions", "NOUN", "NNS", "million", 4, "obj"},
                      {".", "PUNCT", ".", ".", 3, "punct"}},
                     {{"The", "DET", "DT", "the", 2, "det"},
                      {"candidate", "NOUN", "NN", "candidate", 3, "nsubj"},
                      {"bragged", "VERB", "VBD", "brag", 0, "root"},
                      {"at", "ADP", "IN", "at", 5, "case"},
                      {"length", "NOUN", "NN", "length", 3, "obl"},
                      {"about", "ADP", "IN", "about", 8, "case"},
                      {"his", "PRON", "PRP$", "he", 8, "nmod:poss"},
                      {"record", "NOUN", "NN", "record", 5, "nmod"},
                      {".", "PUNCT", ".", ".", 3, "punct"}}});
  FindQuotes(a, DefaultCueLexicon());
  const Quote* reported = WithCue(a, "reported");
  const Quote* bragged = WithCue(a, "bragged");
  ASSERT_NE(reported, nullptr);
  ASSERT_NE(bragged, nullptr);
  EXPECT_EQ(Words(a, *reported), "spending two millions");
  EXPECT_EQ(Words(a, *bragged), "his record");
}

TEST(QuotesOnHandParses, ThePersonBeforeWhoSpeaksWhereverTheClauseHangs) {
  Article a = Build({{{"That", "PRON", "DT", "that", 4, "nsubj"},
                      {"was", "AUX", "VBD", "be", 4, "cop"},
                      {"the", "DET", "DT", "the", 4, "det"},
                      {"view", "NOUN", "NN", "view", 0, "root"},
                      {"of", "ADP", "IN", "of", 7, "case"},
                      {"one", "NUM", "CD", "one", 7, "nummod"},
                      {"envoy", "NOUN", "NN", "envoy", 4, "nmod"},
                      {"on", "ADP", "IN", "on", 9, "case"},
                      {"talks", "NOUN", "NNS", "talk", 7, "nmod"},
                      {",", "PUNCT", ",", ",", 12, "punct"},
                      {"who", "PRON", "WP", "who", 12, "nsubj"},
                      {"told", "VERB", "VBD", "tell", 4, "acl:relcl"},
                      {"reporters", "NOUN", "NNS", "reporter", 12, "iobj"},
                      {"that", "SCONJ", "IN", "that", 17, "mark"},
                      {"the", "DET", "DT", "the", 16, "det"},
                      {"side", "NOUN", "NN", "side", 17, "nsubj"},
                      {"stalled", "VERB", "VBD", "stall", 12, "ccomp"},
                      {".", "PUNCT", ".", ".", 4, "punct"}}});
  FindQuotes(a, DefaultCueLexicon());
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Speaker(a.quotes[0]).find("one envoy"), 0u) << Speaker(a.quotes[0]);
}

TEST(QuotesOnHandParses, AClauseAfterTheCuesOwnWordsParsedAsARelativeClause) {
  Article a = Build({{{"The", "DET", "DT", "the", 2, "det"},
                      {"ministry", "NOUN", "NN", "ministry", 3, "nsubj"},
                      {"said", "VERB", "VBD", "say", 0, "root"},
                      {"in", "ADP", "IN", "in", 6, "case"},
                      {"a", "DET", "DT", "a", 6, "det"},
                      {"statement", "NOUN", "NN", "statement", 3, "obl"},
                      {"the", "DET", "DT", "the", 8, "det"},
                      {"gate", "NOUN", "NN", "gate", 10, "nsubj"},
                      {"would", "AUX", "MD", "would", 10, "aux"},
                      {"stay", "VERB", "VB", "stay", 6, "acl:relcl"},
                      {"shut", "ADJ", "JJ", "shut", 10, "xcomp"},
                      {".", "PUNCT", ".", ".", 3, "punct"}}});
  FindQuotes(a, DefaultCueLexicon());
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the gate would stay shut");
}

TEST(QuotesOnHandParses, AVerbTaggedAsANounBeforeAnAdverbInLy) {
  Article a = Build({{{"Amsel", "PROPN", "NNP", "Amsel", 2, "nsubj"},
                      {"said", "VERB", "VBD", "say", 0, "root"},
                      {"the", "DET", "DT", "the", 5, "det"},
                      {"turnout", "NOUN", "NN", "turnout", 5, "compound"},
                      {"rose", "NOUN", "NN", "rose", 2, "obj"},
                      {"sharply", "ADV", "RB", "sharply", 5, "advmod"},
                      {".", "PUNCT", ".", ".", 2, "punct"}}});
  FindQuotes(a, DefaultCueLexicon());
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(Words(a, a.quotes[0]), "the turnout rose sharply");
}

TEST(QuotesOnHandParses, ASecondActOfSpeechHungInsideTheObjectIsNotPartOfIt) {
  // ", saying ..." after the object, hung inside it as a relative clause:
  // the source's next act of speech.
  Article a = Build({{{"Lorvani", "PROPN", "NNP", "Lorvani", 3, "nsubj"},
                      {"is", "AUX", "VBZ", "be", 3, "aux"},
                      {"defending", "VERB", "VBG", "defend", 0, "root"},
                      {"his", "PRON", "PRP$", "he", 5, "nmod:poss"},
                      {"posts", "NOUN", "NNS", "post", 3, "obj"},
                      {"about", "ADP", "IN", "about", 8, "case"},
                      {"the", "DET", "DT", "the", 8, "det"},
                      {"mayor", "NOUN", "NN", "mayor", 5, "nmod"},
                      {",", "PUNCT", ",", ",", 10, "punct"},
                      {"saying", "VERB", "VBG", "say", 8, "acl:relcl"},
                      {"they", "PRON", "PRP", "they", 12, "nsubj"},
                      {"helped", "VERB", "VBD", "help", 10, "ccomp"},
                      {".", "PUNCT", ".", ".", 3, "punct"}}});
  FindQuotes(a, DefaultCueLexicon());
  const Quote* defending = WithCue(a, "defending");
  ASSERT_NE(defending, nullptr);
  EXPECT_EQ(Words(a, *defending), "his posts about the mayor");
}

TEST(QuotesOnHandParses, AFiniteVerbTaggedAsTheBaseFormSharesTheSubjectAbove) {
  Article a = Build({{{"Kessar", "PROPN", "NNP", "Kessar", 2, "nsubj"},
                      {"insists", "VERB", "VBZ", "insist", 0, "root"},
                      {"the", "DET", "DT", "the", 4, "det"},
                      {"firm", "NOUN", "NN", "firm", 5, "nsubj"},
                      {"has", "VERB", "VBZ", "have", 2, "ccomp"},
                      {"no", "DET", "DT", "no", 7, "det"},
                      {"plans", "NOUN", "NNS", "plan", 5, "obj"},
                      {"to", "PART", "TO", "to", 9, "mark"},
                      {"sell", "VERB", "VB", "sell", 7, "acl"},
                      {"and", "CCONJ", "CC", "and", 11, "cc"},
                      {"accuses", "VERB", "VB", "accuse", 9, "conj"},
                      {"the", "DET", "DT", "the", 13, "det"},
                      {"board", "NOUN", "NN", "board", 11, "obj"},
                      {"of", "SCONJ", "IN", "of", 15, "mark"},
                      {"lying", "VERB", "VBG", "lie", 13, "acl"},
                      {".", "PUNCT", ".", ".", 2, "punct"}}});
  FindQuotes(a, DefaultCueLexicon());
  const Quote* accuses = WithCue(a, "accuses");
  ASSERT_NE(accuses, nullptr);
  EXPECT_EQ(Speaker(*accuses), "the firm");
}

// "Neighbouring Lorvani's foreign ministry said ... and urged ...": the
// opening participle read as a verb taking the subject as its object;
// the ministry is the subject of both verbs of saying.
TEST(QuotesOnHandParses, AnOpeningParticipleWithTheSubjectAsItsObjectModifiesIt) {
  Article a = Build({{{"Neighbouring", "VERB", "VBG", "neighbour", 6, "advcl"},
                      {"Lorvani", "PROPN", "NNP", "Lorvani", 5, "nmod:poss"},
                      {"'s", "PART", "POS", "'s", 2, "case"},
                      {"foreign", "ADJ", "JJ", "foreign", 5, "amod"},
                      {"ministry", "NOUN", "NN", "ministry", 1, "obj"},
                      {"said", "VERB", "VBD", "say", 0, "root"},
                      {"it", "PRON", "PRP", "it", 9, "nsubj"},
                      {"was", "AUX", "VBD", "be", 9, "aux"},
                      {"concerned", "ADJ", "JJ", "concerned", 6, "ccomp"},
                      {"and", "CCONJ", "CC", "and", 11, "cc"},
                      {"urged", "VERB", "VBD", "urge", 6, "conj"},
                      {"all", "DET", "DT", "all", 13, "det"},
                      {"sides", "NOUN", "NNS", "side", 11, "obj"},
                      {"to", "PART", "TO", "to", 15, "mark"},
                      {"refrain", "VERB", "VB", "refrain", 11, "xcomp"},
                      {"from", "ADP", "IN", "from", 17, "case"},
                      {"violence", "NOUN", "NN", "violence", 15, "obl"},
                      {".", "PUNCT", ".", ".", 6, "punct"}}});
  FindQuotes(a, DefaultCueLexicon());
  const Quote* said = WithCue(a, "said");
  const Quote* urged = WithCue(a, "urged");
  ASSERT_NE(said, nullptr);
  ASSERT_NE(urged, nullptr);
  EXPECT_EQ(Speaker(*said), "Neighbouring Lorvani 's foreign ministry");  // the builder spaces every token
  EXPECT_EQ(Speaker(*urged), "Neighbouring Lorvani 's foreign ministry");
}

}  // namespace
}  // namespace sitrep::quotes
