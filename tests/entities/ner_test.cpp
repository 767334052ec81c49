#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/error.h"
#include "entities/entities.h"
#include "entities/word_lex.h"
#include "text/text.h"
#include "time/time.h"

namespace sitrep::entities {
namespace {

// The stages the entities stage reads from, then the entities stage.
void RunTextSyntaxEntities(Article& a) {
  text::TextStage().Process(a, nullptr);
  syntax::SyntaxStage().Process(a, nullptr);
  EntitiesStage().Process(a, nullptr);
}

NerSentence Sentence(std::vector<std::string> words, std::vector<std::uint8_t> labels) {
  NerSentence s;
  s.words = std::move(words);
  s.labels = std::move(labels);
  s.new_doc = true;
  return s;
}

// A tiny corpus in which names follow honorifics and "in": enough for a
// model to learn something that the tests can check survives a round trip.
std::vector<NerSentence> ToyCorpus() {
  const std::uint8_t O = kOutside, BP = BeginLabel(0), IP = InsideLabel(0), BL = BeginLabel(2);
  std::vector<NerSentence> c;
  const char* firsts[] = {"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid"};
  const char* lasts[] = {"Voss", "Kerrin", "Madut", "Olsk", "Tamberg", "Quill"};
  const char* places[] = {"Tarvik", "Osmena", "Belgrove", "Kandor", "Lusk", "Pravin"};
  for (int i = 0; i < 6; ++i) {
    for (int j = 0; j < 6; ++j) {
      c.push_back(Sentence({firsts[i], lasts[j], "arrived", "in", places[(i + j) % 6], "today", "."},
                           {BP, IP, O, O, BL, O, O}));
    }
  }
  return c;
}

NerTrainOptions Epochs(int epochs) {
  NerTrainOptions o;
  o.epochs = epochs;
  return o;
}

TEST(NerModel, LearnsAndSurvivesSaveAndLoad) {
  syntax::SyntaxStage syntax;
  auto corpus = PrepareNerCorpus(ToyCorpus(), syntax);
  auto model = TrainNer(corpus.tokens, corpus.labels, {}, {}, Epochs(5));
  auto loaded = NerModel::Load(model->Save(), "toy");
  auto test = PrepareNerCorpus({Sentence({"Greta", "Holm", "arrived", "in", "Tarvik", "today", "."},
                                         std::vector<std::uint8_t>(7, kOutside))},
                               syntax);
  std::vector<std::uint8_t> a(7), b(7);
  model->Tag(test.tokens[0].data(), 7, a.data());
  loaded->Tag(test.tokens[0].data(), 7, b.data());
  EXPECT_EQ(a, b);
  EXPECT_EQ(LabelType(a[0]), 0);
  EXPECT_TRUE(IsBegin(a[0]));
  EXPECT_EQ(a[1], InsideLabel(0));
  EXPECT_EQ(a[2], kOutside);
  EXPECT_EQ(a[4], BeginLabel(2));
}

TEST(NerModel, OpenLabelsTeachNothingOnTheirOwn) {
  // The toy corpus labels its places after "in"; as many sentences write
  // them after "praised". With those left open (kUnknownLabel), training
  // keeps what the labelled sentences taught; read as outside, they teach
  // that a place after "praised" is no name.
  syntax::SyntaxStage syntax;
  const char* places[] = {"Tarvik", "Osmena", "Belgrove", "Kandor", "Lusk", "Pravin"};
  auto tag_after_praised = [&](std::uint8_t open_label) {
    std::vector<NerSentence> c = ToyCorpus();
    for (int k = 0; k < 36; ++k) {
      c.push_back(Sentence({"They", "praised", places[k % 6], "."}, {kOutside, kOutside, open_label, kOutside}));
    }
    auto corpus = PrepareNerCorpus(c, syntax);
    auto model = TrainNer(corpus.tokens, corpus.labels, {}, {}, Epochs(5));
    auto test = PrepareNerCorpus({Sentence({"They", "praised", "Kandor", "."}, std::vector<std::uint8_t>(4, kOutside))},
                                 syntax);
    std::vector<std::uint8_t> out(4);
    model->Tag(test.tokens[0].data(), 4, out.data());
    return out[2];
  };
  EXPECT_EQ(tag_after_praised(kUnknownLabel), BeginLabel(2));
  EXPECT_EQ(tag_after_praised(kOutside), kOutside);
}

TEST(NerModel, DamagedModelIsRejected) {
  syntax::SyntaxStage syntax;
  auto corpus = PrepareNerCorpus(ToyCorpus(), syntax);
  std::string bytes = TrainNer(corpus.tokens, corpus.labels, {}, {}, Epochs(1))->Save();
  bytes[bytes.size() / 2] ^= 0x55;
  EXPECT_THROW(NerModel::Load(bytes, "damaged.bin"), sitrep::Error);
  EXPECT_THROW(NerModel::Load(bytes.substr(0, 20), "short.bin"), sitrep::Error);
}

TEST(NerModel, NeverStartsAMentionWithAnInsideLabel) {
  // Whatever the words, the decoder only continues a mention of the same type.
  syntax::SyntaxStage syntax;
  auto model = LoadDefaultNer();
  std::vector<NerSentence> odd = {
      Sentence({"of", "the", "New", "and", "Old", "-", "UN", "'s", "Ms", "X", "Y", "Z", "Inc", "."},
               std::vector<std::uint8_t>(14, kOutside)),
      Sentence({"THE", "WORLD", "BANK", "AND", "THE", "IMF", "MET", "IN", "PARIS"},
               std::vector<std::uint8_t>(9, kOutside))};
  auto c = PrepareNerCorpus(odd, syntax);
  for (const auto& toks : c.tokens) {
    std::vector<std::uint8_t> out(toks.size());
    model->Tag(toks.data(), toks.size(), out.data());
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i] == kOutside || IsBegin(out[i])) continue;
      ASSERT_GT(i, 0u);
      EXPECT_EQ(LabelType(out[i - 1]), LabelType(out[i]));
    }
  }
}

// The committed model on a plain news sentence with invented names.
TEST(EntitiesStage, FindsPeoplePlacesAndOrganisations) {
  Article a;
  a.text =
      "Foreign Minister Irena Valchenko met NATO officials in Brussels on Monday. "
      "Valchenko said the talks with the European Union would continue.";
  RunTextSyntaxEntities(a);
  auto find = [&](std::string_view s) -> const Mention* {
    for (const auto& m : a.mentions) {
      if (a.text.substr(m.begin, m.end - m.begin) == s) return &m;
    }
    return nullptr;
  };
  const Mention* person = find("Irena Valchenko");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->type, "PERSON");
  const Mention* brussels = find("Brussels");
  ASSERT_NE(brussels, nullptr);
  EXPECT_EQ(brussels->type, "LOC");
  const Mention* surname = find("Valchenko");
  ASSERT_NE(surname, nullptr);
  // The surname alone is the same person as the full name.
  EXPECT_EQ(surname->local, person->local);
  EXPECT_EQ(a.local_entities[static_cast<std::size_t>(person->local)].name, "Irena Valchenko");
  EXPECT_EQ(a.local_entities[static_cast<std::size_t>(person->local)].mention_count, 2u);
  for (std::size_t i = 1; i < a.mentions.size(); ++i) EXPECT_LE(a.mentions[i - 1].end, a.mentions[i].begin);
}

// A form of address makes a person of the name after it, also when the
// model read that name as a place ("Lincoln" is a town) or took the form
// of address into an organisation's name.
TEST(EntitiesStage, AFormOfAddressMakesAPerson) {
  Article a;
  a.text = "Mrs. Lincoln's aides declined to comment. Mr. Paris said nothing.";
  RunTextSyntaxEntities(a);
  std::vector<std::string> people;
  for (const auto& m : a.mentions) {
    const std::string words(a.text.substr(m.begin, m.end - m.begin));
    EXPECT_EQ(words.find("Mr"), std::string::npos) << words << ": the form of address is no part of the name";
    if (m.type == "PERSON") people.push_back(words);
  }
  EXPECT_EQ(people, (std::vector<std::string>{"Lincoln", "Paris"}));
}

// A country acting ("North Korea's claim") typed an organisation by the
// model is the place; a party word before a name does not make another
// person of it.
TEST(EntitiesStage, ACountryActingIsAPlaceAndAPartyWordATitle) {
  Article a;
  a.text =
      "Candidates condemned North Korea's claim to have conducted the test. China is concerned about what North "
      "Korea is doing. Democrat Mary Lenhall wants to see the district become a state. Mary Lenhall wrote to "
      "the governor.";
  RunTextSyntaxEntities(a);
  std::vector<std::string> places;
  std::vector<const Mention*> people;
  for (const auto& m : a.mentions) {
    const std::string words(a.text.substr(m.begin, m.end - m.begin));
    if (m.type == "LOC") places.push_back(words);
    if (m.type == "PERSON") people.push_back(&m);
  }
  EXPECT_EQ(places, (std::vector<std::string>{"North Korea", "China", "North Korea"}));
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0]->local, people[1]->local);
}

// A word whose people's adjective the article writes is marked, and so is
// the adjective; "-ian" adjectives of people's names are not read so.
TEST(EntitiesStage, PeopleFormsPairAPlaceWithItsAdjective) {
  Article a;
  a.text = "Tessaria and Morvath met. Tessarian and Morvathi envoys spoke. Darwin was cited as Darwinian.";
  RunTextSyntaxEntities(a);
  const std::vector<std::uint32_t> bits = PeopleForms(a);
  ASSERT_EQ(bits.size(), a.tokens.size());
  auto bits_of = [&](std::string_view w) {
    for (std::size_t k = 0; k < a.tokens.size(); ++k) {
      if (a.TokenText(a.tokens[k]) == w) return bits[k];
    }
    return ~0u;
  };
  EXPECT_EQ(bits_of("Tessaria"), static_cast<std::uint32_t>(kGazPeopleForm));
  EXPECT_EQ(bits_of("Morvath"), static_cast<std::uint32_t>(kGazPeopleForm));
  EXPECT_EQ(bits_of("Tessarian"), static_cast<std::uint32_t>(kGazPeopleAdjective));
  EXPECT_EQ(bits_of("Morvathi"), static_cast<std::uint32_t>(kGazPeopleAdjective));
  EXPECT_EQ(bits_of("Darwin"), 0u);
  EXPECT_EQ(bits_of("Darwinian"), 0u);
}

// The article's own outlet in its text is one organisation, whatever the
// model makes of its words ("Monitor" alone a person, "Kessar" a place).
TEST(EntitiesStage, TheArticlesOwnOutletIsOneOrganisation) {
  Article a;
  a.outlet = "The Kessar Monitor";
  a.text =
      "A senior official told Kessar Monitor that the talks would resume. "
      "Irena Valchenko spoke to the Kessar Monitor reporter in Brussels.";
  RunTextSyntaxEntities(a);
  int outlets = 0;
  for (const auto& m : a.mentions) {
    std::string_view s = std::string_view(a.text).substr(m.begin, m.end - m.begin);
    if (s == "Kessar Monitor") {
      ++outlets;
      EXPECT_EQ(m.type, "ORG");
    } else {
      EXPECT_EQ(s.find("Monitor"), std::string_view::npos) << s;
      EXPECT_NE(s, "Kessar");
    }
  }
  EXPECT_EQ(outlets, 2);
}

// A signature puts an address between a name and an employer; whatever the
// model makes of the line, no mention holds the address.
TEST(EntitiesStage, NoMentionHoldsAnAddress) {
  Article a;
  a.text =
      "Contact: Irena Valchenko irena.valchenko@lenhall-water.org Lenhall Water Board\n\n"
      "Details at www.lenhall-water.org Lenhall Water Board News.";
  RunTextSyntaxEntities(a);
  ASSERT_FALSE(a.mentions.empty());
  for (const auto& m : a.mentions) {
    std::string_view s = std::string_view(a.text).substr(m.begin, m.end - m.begin);
    EXPECT_EQ(s.find('@'), std::string_view::npos) << s;
    EXPECT_EQ(s.find("www."), std::string_view::npos) << s;
  }
}

// A name-like span inside a time expression is a date, not a mention, once
// the time stage has run (as it does first in the standard pipeline).
TEST(EntitiesStage, NoMentionInsideATimeExpression) {
  auto mentions_in_date = [](bool with_times) {
    Article a;
    a.text =
        "The ceasefire between the Lorvani army and the militia starts at midnight on Saturday, Jan 15. "
        "It allows aid convoys into Kessar.";
    text::TextStage().Process(a, nullptr);
    syntax::SyntaxStage().Process(a, nullptr);
    if (with_times) TimeStage().Process(a, nullptr);
    EntitiesStage().Process(a, nullptr);
    const auto date = a.text.find("Jan 15");
    int inside = 0;
    bool kessar = false;
    for (const auto& m : a.mentions) {
      inside += m.begin >= date && m.end <= date + 6;
      kessar = kessar || a.text.substr(m.begin, m.end - m.begin) == "Kessar";
    }
    EXPECT_TRUE(kessar);
    return inside;
  };
  ASSERT_EQ(mentions_in_date(false), 1);  // the model alone takes the date for a name
  EXPECT_EQ(mentions_in_date(true), 0);
}

// A name the model runs on from a date before it starts after the date and
// its possessive.
TEST(EntitiesStage, ANameStartsAfterTheDateItRanOnFrom) {
  Article a;
  a.text = "Voters said Tuesday's Lenhall Times poll was wrong.";
  text::TextStage().Process(a, nullptr);
  syntax::SyntaxStage().Process(a, nullptr);
  TimeStage().Process(a, nullptr);
  EntitiesStage().Process(a, nullptr);
  for (const auto& m : a.mentions) {
    const std::string_view s = std::string_view(a.text).substr(m.begin, m.end - m.begin);
    EXPECT_EQ(s.find("Tuesday"), std::string_view::npos) << s;
  }
}

// Titles before a name are left out, and a listed organisation with "and"
// inside is one mention (invented names).
TEST(EntitiesStage, LeavesTitlesOutAndKeepsListedNamesWhole) {
  Article a;
  a.text =
      "A spokesman, Col. Oskar Brenvik, said on Monday that Prime Minister Lidia Marovska had met "
      "the Office for Democratic Institutions and Human Rights. Mrs Hanne Tolvik-Sand agreed.";
  RunTextSyntaxEntities(a);
  std::vector<std::string> people, orgs;
  for (const auto& m : a.mentions) {
    std::string s(a.text.substr(m.begin, m.end - m.begin));
    if (m.type == "PERSON") people.push_back(s);
    if (m.type == "ORG") orgs.push_back(s);
  }
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  EXPECT_TRUE(has(people, "Oskar Brenvik")) << ::testing::PrintToString(people);
  EXPECT_TRUE(has(people, "Lidia Marovska")) << ::testing::PrintToString(people);
  EXPECT_TRUE(has(people, "Hanne Tolvik-Sand")) << ::testing::PrintToString(people);
  EXPECT_TRUE(has(orgs, "Office for Democratic Institutions and Human Rights")) << ::testing::PrintToString(orgs);
}

// A romanised Arabic surname with its lower-case article ("al-", "el-") is
// one name with the given name before it: the model, which learned few of
// them, stops at the hyphen or before the article (invented names).
TEST(EntitiesStage, ArabicArticleBeforeASurnameStaysInTheName) {
  Article a;
  a.text =
      "Brigadier Hassan al-Varnelli said the boat had crossed the line. "
      "The envoy, Tarik el-Odalyri, was called in on Friday. "
      "Minister Samir al-Kessari told reporters that the talks would go on.";
  RunTextSyntaxEntities(a);
  std::vector<std::string> people;
  for (const auto& m : a.mentions) {
    if (m.type == "PERSON") people.emplace_back(a.text.substr(m.begin, m.end - m.begin));
  }
  auto has = [&](const std::string& s) { return std::find(people.begin(), people.end(), s) != people.end(); };
  EXPECT_TRUE(has("Hassan al-Varnelli")) << ::testing::PrintToString(people);
  EXPECT_TRUE(has("Tarik el-Odalyri")) << ::testing::PrintToString(people);
  EXPECT_TRUE(has("Samir al-Kessari")) << ::testing::PrintToString(people);
}

// The article's own outlet called by the last word of its name ("told the
// Courier") is an organisation; "the Courier Building" is not the outlet
// (invented names).
TEST(EntitiesStage, TheOutletsShortNameIsAnOrganisation) {
  auto short_names = [](const std::string& outlet, const std::string& text, std::string_view word) {
    Article a;
    a.outlet = outlet;
    a.text = text;
    RunTextSyntaxEntities(a);
    int found = 0;
    for (const auto& m : a.mentions) {
      if (std::string_view(a.text).substr(m.begin, m.end - m.begin) != word) continue;
      ++found;
      EXPECT_EQ(m.type, "ORG") << word;  // the model alone: a place, a person
      EXPECT_LT(m.begin, a.text.find("Protesters"));
    }
    return found;
  };
  EXPECT_EQ(short_names("Lenhall Herald",
                        "\"We expect answers,\" Ms Varnell told the Herald by telephone. "
                        "Protesters gathered outside the Herald Building in Kessar.",
                        "Herald"),
            1);
  EXPECT_EQ(short_names("Kessar Gazette",
                        "The minister told the Gazette that talks would resume. Protesters left.", "Gazette"),
            1);
}

// The article's own outlet named in its text is an organisation, even when
// its words read like a place (invented outlet).
TEST(EntitiesStage, OwnOutletIsAnOrganisation) {
  Article a;
  a.outlet = "Saltby Courier";
  a.text = "A trader told the Saltby Courier by telephone that the market was full.";
  RunTextSyntaxEntities(a);
  bool found = false;
  for (const auto& m : a.mentions) {
    if (a.text.substr(m.begin, m.end - m.begin) != "Saltby Courier") continue;
    found = true;
    EXPECT_EQ(m.type, "ORG");
  }
  EXPECT_TRUE(found);
}

// A role alone ("the secretary-general") stands for the one person named
// with that role earlier (invented names).
TEST(EntitiesStage, RoleAloneLinksToThePersonWhoHoldsIt) {
  Article a;
  a.text =
      "Secretary-General Ana Moreira urged both sides to return to talks on Friday. "
      "The secretary-general said the fighting had displaced a million people. "
      "The foreign minister did not comment.";
  RunTextSyntaxEntities(a);
  const Mention* person = nullptr;
  const Mention* role = nullptr;
  for (const auto& m : a.mentions) {
    std::string_view s = std::string_view(a.text).substr(m.begin, m.end - m.begin);
    if (s == "Ana Moreira") person = &m;
    if (s == "secretary-general") role = &m;
    // No one was named foreign minister: that role stays unlinked.
    EXPECT_NE(s, "foreign minister");
  }
  ASSERT_NE(person, nullptr);
  ASSERT_NE(role, nullptr);
  EXPECT_TRUE(role->nominal);
  EXPECT_FALSE(person->nominal);
  EXPECT_EQ(role->local, person->local);
  EXPECT_EQ(role->type, "PERSON");
  EXPECT_EQ(a.local_entities[static_cast<std::size_t>(person->local)].mention_count, 2u);
  for (std::size_t i = 1; i < a.mentions.size(); ++i) EXPECT_LE(a.mentions[i - 1].end, a.mentions[i].begin);
}

// A person named in full by a listed first name keeps their surname when
// the article also names a university after them: "Varnell" alone is the
// person, not the university's short form.
TEST(EntitiesStage, ASurnameAloneIsThePersonBesideAnOrganisationNamedAfterThem) {
  Article a;
  a.text = "Afonso Varnell held a rally on Monday. Varnell had to defend Varnell University. "
           "Later, Varnell said the polls were wrong.";
  RunTextSyntaxEntities(a);
  int people = 0;
  for (const auto& m : a.mentions) {
    const std::string_view s = std::string_view(a.text).substr(m.begin, m.end - m.begin);
    if (s == "Varnell University") {
      EXPECT_EQ(m.type, "ORG");
    }
    if (s == "Varnell") {
      EXPECT_EQ(m.type, "PERSON") << m.begin;
      people += m.type == "PERSON";
    }
  }
  EXPECT_EQ(people, 2);
}

// "Gov." is a governor's title: "Oregon Gov. Ana Kessar" is a place and a
// person who is its governor, not one person's name.
TEST(EntitiesStage, AnAbbreviatedGovernorsTitleIsCutFromTheName) {
  Article a;
  a.text = "Oregon Gov. Ana Kessar met the mayor on Monday.";
  RunTextSyntaxEntities(a);
  bool person = false;
  for (const auto& m : a.mentions) {
    const std::string_view s = std::string_view(a.text).substr(m.begin, m.end - m.begin);
    EXPECT_NE(s, "Oregon Gov. Ana Kessar");
    if (s == "Ana Kessar") {
      person = true;
      EXPECT_EQ(m.type, "PERSON");
      EXPECT_EQ(m.role, "governor");
    }
  }
  EXPECT_TRUE(person);
}

// A ministry's name of two words is one title with its rank: "Deputy
// Economic Development Minister" is no "development minister", which would
// read as another office than the "deputy minister" other outlets write;
// a commissioner's portfolio stays in the title, not in an organisation.
TEST(EntitiesStage, TwoWordPortfolioTitlesKeepTheirRank) {
  Article a;
  a.text =
      "Deputy Economic Development Minister Odalys Varnell met EU Trade Commissioner Harlen Tessary in Lenhall on "
      "Monday.";
  RunTextSyntaxEntities(a);
  std::map<std::string, std::string> roles;
  for (const auto& m : a.mentions) {
    const std::string s(a.text.substr(m.begin, m.end - m.begin));
    if (m.type == "PERSON") roles[s] = m.role;
    EXPECT_NE(s, "EU Trade");
  }
  EXPECT_EQ(roles["Odalys Varnell"], "deputy economic development minister");
  EXPECT_EQ(roles["Harlen Tessary"], "trade commissioner");
}

TEST(WordLex, LearnsParsesAndLooksUp) {
  std::vector<LexSentence> corpus;
  for (int i = 0; i < 20; ++i) {
    corpus.push_back({{"Yesterday", "Anna", "met", "Boris", "in", "Tarvik", "."},
                      {"NOUN", "PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"}});
    corpus.push_back({{"the", "talks", "in", "Osmena", "ended", "."}, {}});
  }
  LexOptions opt;
  opt.fine_clusters = 4;
  opt.coarse_clusters = 2;
  const std::string table = LearnWordLex(corpus, opt);
  EXPECT_EQ(table, LearnWordLex(corpus, opt));  // deterministic
  WordLex lex = WordLex::Parse(table, "toy");
  EXPECT_GT(lex.size(), 5u);
  std::string scratch;
  syntax::TokenFeatures tf;
  syntax::ComputeTokenFeatures("BORIS", scratch, &tf);
  const std::uint64_t v = lex.Get(tf.lower);
  ASSERT_NE(v, kUnknownWord);
  EXPECT_EQ(LexPropn(v), 4u);  // always a proper noun
  EXPECT_EQ(LexCaps(v), 4u);   // always capitalised away from a sentence start
  syntax::ComputeTokenFeatures("Zzyzx", scratch, &tf);
  EXPECT_EQ(lex.Get(tf.lower), kUnknownWord);
  EXPECT_THROW(WordLex::Parse("word\t1\t2\n", "bad.tsv"), sitrep::Error);
}

// The shipped first-name tables: the model's English list, and the
// rules' longer one of several languages (human-names), which names no
// place the gazetteer lists.
TEST(WordLex, ShippedFirstNamesSpanLanguagesButNoListedPlace) {
  const WordLex& lex = WordLex::Default();
  std::string scratch;
  auto get = [&](std::string_view w) {
    syntax::TokenFeatures tf;
    syntax::ComputeTokenFeatures(w, scratch, &tf);
    return lex.Get(tf.lower);
  };
  EXPECT_TRUE(LexFirstName(get("Irena")));
  for (const char* name : {"Afonso", "Adnan", "Achille"}) {
    EXPECT_FALSE(LexFirstName(get(name))) << name << ": not a feature the model was trained with";
    EXPECT_TRUE(LexAnyFirstName(get(name))) << name;
  }
  for (const char* place : {"Albany", "Aden"}) EXPECT_FALSE(LexAnyFirstName(get(place))) << place;
}

TEST(WordLex, AddsVectorClustersAndFirstNames) {
  WordLex lex = WordLex::Parse("tarvik\t3\t1\t4\t4\n", "toy");
  // Fine clusters 0 and 1 under middle clusters 5 and 6, coarse 2 and 2.
  lex.AddVectorClusters("# comment\ntarvik\t1\nosmena\t0\nOsmena\t1\n", "0\t5\t2\n1\t6\t2\n", "toy");
  lex.AddFirstNames("# names\nIrena\n");
  std::string scratch;
  auto get = [&](std::string_view w) {
    syntax::TokenFeatures tf;
    syntax::ComputeTokenFeatures(w, scratch, &tf);
    return lex.Get(tf.lower);
  };
  const std::uint64_t t = get("Tarvik");
  EXPECT_EQ(LexFine(t), 4u);  // the corpus columns stay
  EXPECT_EQ(LexPropn(t), 4u);
  EXPECT_EQ(LexVecFine(t), 2u);  // cluster + 1
  EXPECT_EQ(LexVecMid(t), 7u);
  EXPECT_EQ(LexVecCoarse(t), 3u);
  EXPECT_FALSE(LexFirstName(t));
  const std::uint64_t o = get("OSMENA");
  EXPECT_EQ(LexFine(o), 0u);     // not in the corpus table
  EXPECT_EQ(LexVecFine(o), 1u);  // the first (most frequent) spelling wins
  EXPECT_EQ(LexVecMid(o), 6u);
  const std::uint64_t i = get("irena");
  EXPECT_TRUE(LexFirstName(i));
  EXPECT_EQ(LexVecFine(i), 0u);
  EXPECT_THROW(lex.AddVectorClusters("word\t7\n", "0\t1\t1\n", "bad.tsv"), sitrep::Error);  // no such fine cluster
  EXPECT_THROW(lex.AddVectorClusters("word\t0\n", "1\t1\t1\n", "bad.tsv"), sitrep::Error);  // tree out of order
  EXPECT_THROW(lex.AddVectorClusters("word\n", "0\t1\t1\n", "bad.tsv"), sitrep::Error);
}

TEST(NerModel, GreedyAndViterbiDecodersBothLearnAndRoundTrip) {
  syntax::SyntaxStage syntax;
  auto corpus = PrepareNerCorpus(ToyCorpus(), syntax);
  auto test = PrepareNerCorpus({Sentence({"Greta", "Holm", "arrived", "in", "Tarvik", "today", "."},
                                         std::vector<std::uint8_t>(7, kOutside))},
                               syntax);
  for (bool viterbi : {false, true}) {
    NerTrainOptions o = Epochs(5);
    o.viterbi = viterbi;
    auto model = TrainNer(corpus.tokens, corpus.labels, {}, {}, o);
    auto loaded = NerModel::Load(model->Save(), "toy");
    std::vector<std::uint8_t> a(7), b(7);
    model->Tag(test.tokens[0].data(), 7, a.data());
    loaded->Tag(test.tokens[0].data(), 7, b.data());
    EXPECT_EQ(a, b) << viterbi;
    EXPECT_EQ(a, (std::vector<std::uint8_t>{BeginLabel(0), InsideLabel(0), kOutside, kOutside, BeginLabel(2), kOutside,
                                            kOutside}))
        << viterbi;
  }
}

TEST(NerModel, ViterbiDecodesSentencesLongerThanOnePiece) {
  // 700 tokens: the decoder works in pieces of 256 and must join them with
  // valid labels, and still find the names in every piece.
  syntax::SyntaxStage syntax;
  auto corpus = PrepareNerCorpus(ToyCorpus(), syntax);
  auto model = TrainNer(corpus.tokens, corpus.labels, {}, {}, Epochs(5));
  std::vector<std::string> words;
  for (int i = 0; i < 100; ++i) {
    for (const char* w : {"Greta", "Holm", "arrived", "in", "Tarvik", "today", ","}) words.push_back(w);
  }
  auto test = PrepareNerCorpus({Sentence(words, std::vector<std::uint8_t>(words.size(), kOutside))}, syntax);
  ASSERT_EQ(test.tokens.size(), 1u);
  std::vector<std::uint8_t> out(words.size());
  model->Tag(test.tokens[0].data(), out.size(), out.data());
  std::size_t places = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] != kOutside && !IsBegin(out[i])) {
      ASSERT_GT(i, 0u);
      EXPECT_EQ(LabelType(out[i - 1]), LabelType(out[i]));
    }
    places += out[i] == BeginLabel(2) && words[i] == "Tarvik";
  }
  EXPECT_GE(places, 90u);
}

TEST(NerModel, TwoPassModelSurvivesSaveAndLoad) {
  syntax::SyntaxStage syntax;
  auto corpus = PrepareNerCorpus(ToyCorpus(), syntax);
  auto model = TrainNer(corpus.tokens, corpus.labels, {}, {}, Epochs(3), &corpus.docs, nullptr);
  ASSERT_TRUE(model->two_pass());
  auto loaded = NerModel::Load(model->Save(), "toy2");
  EXPECT_TRUE(loaded->two_pass());
  auto test = PrepareNerCorpus({Sentence({"Greta", "Holm", "arrived", "in", "Tarvik", "today", "."},
                                         std::vector<std::uint8_t>(7, kOutside))},
                               syntax);
  std::vector<std::uint8_t> a(7), b(7);
  DocLabelScratch scratch;
  NerSentenceRef ra{test.tokens[0].data(), a.data(), 7};
  model->TagDocument(&ra, 1, scratch);
  NerSentenceRef rb{test.tokens[0].data(), b.data(), 7};
  loaded->TagDocument(&rb, 1, scratch);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a[4], BeginLabel(2));
}

// A plural title before names ("Senators X and Y", "Governors X and Y")
// is a title as its singular is, not the first word of a person's name.
TEST(EntitiesStage, APluralTitleIsCutFromTheName) {
  Article a;
  a.text =
      "The new bill drew fire from both parties. Together, Senators Varnell and Kessar, of Ohio and Texas, "
      "represent a new wing of the party.";
  RunTextSyntaxEntities(a);
  bool person = false;
  for (const auto& m : a.mentions) {
    const std::string_view s = std::string_view(a.text).substr(m.begin, m.end - m.begin);
    EXPECT_EQ(s.find("Senators"), std::string_view::npos) << s << " " << m.type;
    if (s == "Varnell") person = m.type == "PERSON";
  }
  EXPECT_TRUE(person);
}

}  // namespace
}  // namespace sitrep::entities

