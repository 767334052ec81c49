// DescribeMentions on small articles built by hand: tokens with the tags,
// heads and relations a parser would give, and NER mentions. The names of
// people in these sentences are invented.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.h"

namespace sitrep::gazetteer {
namespace {

// One token: its text, UPOS, head (index within the sentence, -1 root)
// and relation. Empty upos/deprel leave the token unparsed.
struct Tok {
  const char* text;
  const char* upos = "";
  int head = -1;
  const char* deprel = "";
  const char* xpos = "";
};

struct Ment {
  int sentence;
  std::uint32_t first, last;  // token range within the sentence, inclusive
  const char* type;
};

Article Build(const std::vector<std::vector<Tok>>& sentences, const std::vector<Ment>& mentions) {
  Article a;
  for (const auto& s : sentences) {
    Sentence se;
    se.first_token = static_cast<std::uint32_t>(a.tokens.size());
    se.begin = static_cast<std::uint32_t>(a.text.size());
    for (const Tok& t : s) {
      Token tok;
      tok.begin = static_cast<std::uint32_t>(a.text.size());
      a.text += t.text;
      tok.end = static_cast<std::uint32_t>(a.text.size());
      a.text += ' ';
      tok.upos = t.upos;
      tok.head = t.head;
      tok.deprel = t.deprel;
      tok.xpos = t.xpos;
      a.tokens.push_back(tok);
    }
    se.end_token = static_cast<std::uint32_t>(a.tokens.size());
    se.end = a.tokens.back().end;
    a.sentences.push_back(se);
  }
  for (const Ment& m : mentions) {
    const Sentence& se = a.sentences[static_cast<std::size_t>(m.sentence)];
    Mention men;
    men.begin = a.tokens[se.first_token + m.first].begin;
    men.end = a.tokens[se.first_token + m.last].end;
    men.type = m.type;
    a.mentions.push_back(men);
  }
  return a;
}

Article Describe(const std::vector<std::vector<Tok>>& s, const std::vector<Ment>& m) {
  Article a = Build(s, m);
  DescribeMentions(Gazetteer::Default(), a);
  return a;
}

// The parser ran "X and House Speaker Y" together, with the title an
// apposition of X: unmarked by a comma, a dash or a bracket, it is no
// apposition, and X takes neither the title nor a country from Y's name
// ("Paul" is also a district of Cape Verde).
TEST(DescribeMentions, AnAppositionIsSetOff) {
  Article a = Describe({{{"Odal", "PROPN", -1, "root"}, {"Varnell", "PROPN", 0, "flat"}, {"and", "CCONJ", 3, "cc"},
                         {"House", "PROPN", 0, "conj"}, {"Speaker", "NOUN", 0, "appos"}, {"Paul", "PROPN", 7, "nsubj"},
                         {"Lenhall", "PROPN", 5, "flat"}, {"spoke", "VERB", 4, "acl:relcl"}, {".", "PUNCT", 0, "punct"}}},
                       {{0, 0, 1, "PERSON"}, {0, 5, 6, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "");
  EXPECT_EQ(a.mentions[0].country, "");
  EXPECT_EQ(a.mentions[1].role, "house speaker");
  // Set off by a comma, the apposition gives the role.
  Article b = Describe({{{"Odal", "PROPN", -1, "root"}, {"Varnell", "PROPN", 0, "flat"}, {",", "PUNCT", 4, "punct"},
                         {"the", "DET", 4, "det"}, {"Speaker", "NOUN", 0, "appos"}, {",", "PUNCT", 4, "punct"},
                         {"spoke", "VERB", 0, "acl"}, {".", "PUNCT", 0, "punct"}}},
                       {{0, 0, 1, "PERSON"}});
  EXPECT_EQ(b.mentions[0].role, "speaker");
}

// "leading" qualifies a title ("a leading economist") only as its
// modifier: heading a clause of its own, it gives the next name no title.
TEST(DescribeMentions, AQualifierThatIsAVerbGivesNoTitle) {
  Article a = Describe({{{"The", "DET", 1, "det"}, {"lawyer", "NOUN", 7, "nsubj"}, {"leading", "VERB", 1, "acl"},
                         {"Mrs.", "PROPN", 6, "nmod:poss"}, {"Kessar", "PROPN", 3, "flat"}, {"'s", "PART", 3, "case"},
                         {"search", "NOUN", 2, "obj"}, {"spoke", "VERB", -1, "root"}, {".", "PUNCT", 7, "punct"}}},
                       {{0, 4, 4, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "");
  Article b = Describe({{{"The", "DET", 3, "det"}, {"leading", "ADJ", 2, "amod"}, {"economist", "NOUN", 3, "compound"},
                         {"Kessar", "PROPN", 4, "nsubj"}, {"spoke", "VERB", -1, "root"}, {".", "PUNCT", 4, "punct"}}},
                       {{0, 3, 3, "PERSON"}});
  EXPECT_EQ(b.mentions[0].role, "economist");
}

// "According to X, the ambassador was told ...": the phrase after the comma runs on into a
// tensed verb with no comma to close it; it is the main clause's subject, not X's title.
TEST(DescribeMentions, ASubjectAfterAnOpeningPhraseIsNoApposition) {
  Article a = Describe({{{"According"}, {"to"}, {"Varnell"}, {","}, {"the"}, {"ambassador"},
                         {"was", "", -1, "", "VBD"}, {"told"}, {"to"}, {"leave"}, {"."}}},
                       {{0, 2, 2, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "");
  // Closed by a comma, it is the title.
  Article b = Describe({{{"Varnell"}, {","}, {"the"}, {"ambassador"}, {","}, {"was", "", -1, "", "VBD"}, {"told"},
                         {"to"}, {"leave"}, {"."}}},
                       {{0, 0, 0, "PERSON"}});
  EXPECT_EQ(b.mentions[0].role, "ambassador");
}

// "the ASEAN special representative, X, a former Thai deputy foreign minister,": the office
// held now wins over the one held before, which still tells the country.
TEST(DescribeMentions, TheOfficeHeldNowWinsOverAFormerOneAfterTheName) {
  Article a = Describe({{{"the"}, {"ASEAN"}, {"special"}, {"representative"}, {","}, {"Varnell"}, {"Kessar"}, {","},
                         {"a"}, {"former"}, {"Thai"}, {"deputy"}, {"foreign"}, {"minister"}, {","}, {"flew"}, {"."}}},
                       {{0, 5, 6, "PERSON"}});
  EXPECT_EQ(a.mentions[0].actor_code, "IGOSEAASN");
  EXPECT_EQ(a.mentions[0].country, "THA");
  // With no office before the name, the former one is what the text says.
  Article b = Describe({{{"Varnell"}, {"Kessar"}, {","}, {"a"}, {"former"}, {"Thai"}, {"deputy"}, {"foreign"},
                         {"minister"}, {","}, {"flew"}, {"."}}},
                       {{0, 0, 1, "PERSON"}});
  EXPECT_EQ(b.mentions[0].actor_code, "THAELI");
}

// "Foreign Ministers X and Y", "Senators X, Y and Z": a plural title before
// a list of names is each one's title, read as its singular; a plural that
// names no office ("Democrats") gives none, nor does a list's title reach a
// name after a verb.
TEST(DescribeMentions, APluralTitleIsTheTitleOfEachNameInItsList) {
  Article a = Describe({{{"Russian"}, {"Foreign"}, {"Ministers"}, {"Odal"}, {"Varnell"}, {"and"}, {"Tomas"}, {"Harlen"},
                         {"met"}, {"."}}},
                       {{0, 3, 4, "PERSON"}, {0, 6, 7, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "foreign minister");
  EXPECT_EQ(a.mentions[1].role, "foreign minister");
  EXPECT_EQ(a.mentions[1].country, "RUS");
  Article b = Describe({{{"Senators"}, {"Mira"}, {"Castell"}, {","}, {"Ana"}, {"Dresk"}, {"and"}, {"Jon"}, {"Obrey"},
                         {"voted"}, {"."}}},
                       {{0, 1, 2, "PERSON"}, {0, 4, 5, "PERSON"}, {0, 7, 8, "PERSON"}});
  for (const Mention& m : b.mentions) EXPECT_EQ(m.role, "senator") << m.begin;
  // "Senators X and Y and Z": Z follows the list.
  Article e = Describe({{{"Senators"}, {"Mira"}, {"Castell"}, {"and"}, {"Ana"}, {"Dresk"}, {"and"}, {"Jon"}, {"Obrey"},
                         {"voted"}, {"."}}},
                       {{0, 1, 2, "PERSON"}, {0, 4, 5, "PERSON"}, {0, 7, 8, "PERSON"}});
  EXPECT_EQ(e.mentions[1].role, "senator");
  EXPECT_EQ(e.mentions[2].role, "");
  Article c = Describe({{{"Democrats"}, {"Mira"}, {"Castell"}, {"and"}, {"Jon"}, {"Obrey"}, {"voted"}, {"."}}},
                       {{0, 1, 2, "PERSON"}, {0, 4, 5, "PERSON"}});
  EXPECT_EQ(c.mentions[0].role, "");
  EXPECT_EQ(c.mentions[1].role, "");
  Article d = Describe({{{"Senators"}, {"praised"}, {"Mira"}, {"Castell"}, {"and"}, {"Jon"}, {"Obrey"}, {"."}}},
                       {{0, 2, 3, "PERSON"}, {0, 5, 6, "PERSON"}});
  EXPECT_EQ(d.mentions[0].role, "");
  EXPECT_EQ(d.mentions[1].role, "");
}

// A US politician's party and state after the name, bracketed or set off
// by commas, in any of the forms US papers write the state, make the
// person American; a letter and a word that is no US state do not.
TEST(DescribeMentions, APartyAndStateAfterTheNameIsAmerican) {
  Article a = Describe({{{"Sen."}, {"Odal"}, {"Varnell"}, {"("}, {"I"}, {"-"}, {"Vt"}, {"."}, {")"}, {"voted"}, {"."}}},
                       {{0, 1, 2, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "senator");
  EXPECT_EQ(a.mentions[0].country, "USA");
  EXPECT_EQ(a.mentions[0].actor_code, "USALEG");
  for (const char* state : {"Texas", "TX", "Calif."}) {
    Article b = Describe({{{"Mira"}, {"Castell"}, {","}, {"R"}, {"-"}, {state}, {","}, {"spoke"}, {"."}}},
                         {{0, 0, 1, "PERSON"}});
    EXPECT_EQ(b.mentions[0].country, "USA") << state;
  }
  Article c = Describe({{{"Mira"}, {"Castell"}, {"("}, {"R"}, {"-"}, {"Lenhall"}, {")"}, {"spoke"}, {"."}}},
                       {{0, 0, 1, "PERSON"}});
  EXPECT_EQ(c.mentions[0].country, "");
}

// A person's name that is also a town's ("Harlow" is a town in England) is
// no place in a role phrase: the person is the owner of the role.
TEST(DescribeMentions, APersonsNameInARolePhraseIsItsOwnerNotAPlace) {
  Article a = Describe({{{"Odal"}, {"Varnell"}, {","}, {"a"}, {"former"}, {"Harlow"}, {"adviser"}, {","}, {"left"}, {"."}}},
                       {{0, 0, 1, "PERSON"}, {0, 5, 5, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "former adviser");
  EXPECT_EQ(a.mentions[0].country, "");
  EXPECT_EQ(a.mentions[0].actor_code, "");
}

// A town's name after another capitalised word of a place's name is no
// part of it ("Union" is a town in the United States); a city of millions
// is ("Greater London").
TEST(DescribeMentions, ATownAtTheEndOfALongerNameIsNoPartOfIt) {
  Article a = Describe({{{"The"}, {"Soviet"}, {"Union"}, {"fell"}, {"."}}, {{"Greater"}, {"London"}, {"grew"}, {"."}}},
                       {{0, 1, 2, "LOC"}, {1, 0, 1, "LOC"}});
  EXPECT_EQ(a.mentions[0].country, "");
  EXPECT_EQ(a.mentions[1].country, "GBR");
}

// A name both a country and a US state have is the state when the article
// names a town of that state, and the country otherwise.
TEST(DescribeMentions, AStateIsMeantBesideItsTowns) {
  Article a = Describe({{{"Ana"}, {"Kessar"}, {","}, {"a"}, {"businessman"}, {"from"}, {"Georgia"}, {","}, {"spoke"},
                         {"in"}, {"Atlanta"}, {"."}}},
                       {{0, 0, 1, "PERSON"}, {0, 6, 6, "LOC"}, {0, 10, 10, "LOC"}});
  EXPECT_EQ(a.mentions[0].country, "USA");
  EXPECT_EQ(a.mentions[1].country, "USA");
  Article b = Describe({{{"Ana"}, {"Kessar"}, {","}, {"a"}, {"businessman"}, {"from"}, {"Georgia"}, {","}, {"spoke"},
                         {"in"}, {"Tbilisi"}, {"."}}},
                       {{0, 0, 1, "PERSON"}, {0, 6, 6, "LOC"}, {0, 10, 10, "LOC"}});
  EXPECT_EQ(b.mentions[0].country, "GEO");
  EXPECT_EQ(b.mentions[1].country, "GEO");
}

TEST(DescribeMentions, TitleWithDemonymBeforeName) {
  Article a = Describe({{{"Russian"}, {"Deputy"}, {"Foreign"}, {"Minister"}, {"Ivan"}, {"Petrov"}, {"said"}, {"."}}},
                       {{0, 4, 5, "PERSON"}});
  const Mention& m = a.mentions[0];
  EXPECT_EQ(m.role, "deputy foreign minister");
  EXPECT_EQ(m.country, "RUS");
  EXPECT_EQ(m.actor_code, "RUSGOV");
  EXPECT_FALSE(m.as_actor);
}

TEST(DescribeMentions, AnOfficeNamedInFullBeforeItsCountryAndAFrenchTitle) {
  // "The Minister of Trade of Tessary, X, said": the whole office, not
  // "minister"; "the Minister of the Armed Forces, X," as the French title
  // reads in English.
  Article a = Describe({{{"The"}, {"Minister"}, {"of"}, {"Trade"}, {"of"}, {"Tessary"}, {","}, {"Omar"}, {"Lenhali"},
                         {","}, {"said"}, {"."}}},
                       {{0, 7, 8, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "minister of trade");
  Article b = Describe({{{"The"}, {"Minister"}, {"of"}, {"the"}, {"Armed"}, {"Forces"}, {","}, {"Oskar"}, {"Varnell"},
                         {","}, {"announced"}, {"it"}, {"."}}},
                       {{0, 7, 8, "PERSON"}});
  EXPECT_EQ(b.mentions[0].role, "armed forces minister");
}

TEST(DescribeMentions, TitleAfterAnUnknownDemonymIsCutFromTheName) {
  // "Ostrovan" names no place the gazetteer knows; the title after it is
  // still a title, and the mention becomes the name alone.
  Article a = Describe({{{"Ostrovan"}, {"Interior"}, {"Minister"}, {"Temur"}, {"Azimov"}, {"said"}, {"."}}},
                       {{0, 0, 4, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "interior minister");
  EXPECT_EQ(a.Text({a.mentions[0].begin, a.mentions[0].end}), "Temur Azimov");
  // A surname that is also a rank stays the name.
  a = Describe({{{"John"}, {"Major"}, {"said"}, {"."}}}, {{0, 0, 1, "PERSON"}});
  EXPECT_EQ(a.Text({a.mentions[0].begin, a.mentions[0].end}), "John Major");
}

TEST(DescribeMentions, TitleWithPossessiveCountry) {
  Article a = Describe({{{"Russia"}, {"'s"}, {"Foreign"}, {"Minister"}, {"Ivan"}, {"Petrov"}, {"said"}}},
                       {{0, 4, 5, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "foreign minister");
  EXPECT_EQ(a.mentions[0].country, "RUS");
  EXPECT_EQ(a.mentions[0].actor_code, "RUSGOV");
}

TEST(DescribeMentions, BodyBeforeRoleGivesItsCode) {
  Article a = Describe({{{"Kremlin"}, {"spokesman"}, {"Dmitri"}, {"Ivanov"}, {"told"}, {"reporters"}},
                        {{"Pentagon"}, {"spokeswoman"}, {"Jane"}, {"Roe"}, {"declined"}, {"to"}, {"comment"}}},
                       {{0, 2, 3, "PERSON"}, {1, 2, 3, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "spokesman");
  EXPECT_EQ(a.mentions[0].country, "RUS");
  EXPECT_EQ(a.mentions[0].actor_code, "RUSGOV");
  EXPECT_EQ(a.mentions[1].role, "spokeswoman");
  EXPECT_EQ(a.mentions[1].country, "USA");
  EXPECT_EQ(a.mentions[1].actor_code, "USAMIL");
}

TEST(DescribeMentions, MilitaryAndDefenceRoles) {
  Article a = Describe({{{"U.S."}, {"General"}, {"John"}, {"Smith"}, {"arrived"}},
                        {{"German"}, {"Defense"}, {"Minister"}, {"Hans"}, {"Weber"}, {"spoke"}}},
                       {{0, 2, 3, "PERSON"}, {1, 3, 4, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "general");
  EXPECT_EQ(a.mentions[0].country, "USA");
  EXPECT_EQ(a.mentions[0].actor_code, "USAMIL");
  EXPECT_EQ(a.mentions[1].role, "defence minister");  // canonical spelling
  EXPECT_EQ(a.mentions[1].country, "DEU");
  EXPECT_EQ(a.mentions[1].actor_code, "DEUGOVMIL");
}

// "General" opens a business title too: a club's or a company's general
// manager is no officer (MIL), and a conference's keynote speaker is no
// legislature's speaker (LEG).
TEST(DescribeMentions, AGeneralManagerAndAKeynoteSpeakerAreNoOfficersOfTheState) {
  Article a = Describe({{{"Canadian"}, {"General"}, {"Manager"}, {"Odal"}, {"Renn"}, {"spoke"}},
                        {{"Canadian"}, {"keynote"}, {"speaker"}, {"Tobin"}, {"Harlen"}, {"spoke"}}},
                       {{0, 3, 4, "PERSON"}, {1, 3, 4, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "general manager");
  EXPECT_EQ(a.mentions[0].actor_code, "CANBUS");
  EXPECT_EQ(a.mentions[1].role, "keynote speaker");
  EXPECT_EQ(a.mentions[1].actor_code, "CAN");
}

// A body of an international organisation is no one country's, whichever
// country its name holds; a national organisation's name keeps its country.
TEST(DescribeMentions, AnInternationalOrganisationsBodyIsNoCountrys) {
  Article a = Describe({{{"The"}, {"NATO"}, {"-"}, {"Russia"}, {"Council"}, {"met"}},
                        {{"The"}, {"Russian"}, {"Foreign"}, {"Ministry"}, {"said"}}},
                       {{0, 1, 5, "ORG"}, {1, 1, 4, "ORG"}});
  EXPECT_EQ(a.mentions[0].actor_code, "IGOWSTNAT");
  EXPECT_EQ(a.mentions[0].country, "");
  EXPECT_EQ(a.mentions[1].country, "RUS");
}

// An organisation right before "newspaper" or "magazine" in lower case is a
// news medium (CAMEO MED), of the country named with it when one is.
TEST(DescribeMentions, ANameBeforeANewspaperIsANewsMedium) {
  Article a = Describe({{{"the"}, {"Kessar"}, {"Ostrov"}, {"newspaper"}, {"said"}},
                        {{"the"}, {"Norwegian"}, {"Lenhall"}, {"magazine"}, {"said"}},
                        {{"the"}, {"Varnell"}, {"Ostrov"}, {"said"}}},
                       {{0, 1, 2, "ORG"}, {1, 2, 2, "ORG"}, {2, 1, 2, "ORG"}});
  EXPECT_EQ(a.mentions[0].actor_code, "MED");
  EXPECT_EQ(a.mentions[1].actor_code, "NORMED");
  EXPECT_EQ(a.mentions[1].country, "NOR");
  EXPECT_EQ(a.mentions[2].actor_code, "");
}

TEST(DescribeMentions, ABodyListedUnderItsOwnCountrysNameIsAnotherCountrysAfterItsDemonym) {
  // "Ministry of Defence" alone is listed as the British one; after
  // "Armenian" or "Armenia's" it is Armenia's, and alone it stays British.
  Article a = Describe({{{"the"}, {"Armenian"}, {"Ministry"}, {"of"}, {"Defence"}, {"said"}},
                        {{"Armenia"}, {"'s"}, {"Ministry"}, {"of"}, {"Defence"}, {"said"}},
                        {{"the"}, {"Ministry"}, {"of"}, {"Defence"}, {"said"}}},
                       {{0, 2, 4, "ORG"}, {1, 2, 4, "ORG"}, {2, 1, 3, "ORG"}});
  EXPECT_EQ(a.mentions[0].country, "ARM");
  EXPECT_EQ(a.mentions[0].actor_code, "ARMGOVMIL");
  EXPECT_EQ(a.mentions[1].country, "ARM");
  EXPECT_EQ(a.mentions[1].actor_code, "ARMGOVMIL");
  EXPECT_EQ(a.mentions[2].country, "GBR");
  EXPECT_EQ(a.mentions[2].actor_code, "GBRGOVMIL");
  // After a people or place the gazetteer does not know, the sector alone.
  Article b = Describe({{{"the"}, {"Lenhallian"}, {"Ministry"}, {"of"}, {"Defence"}, {"said"}}}, {{0, 2, 4, "ORG"}});
  EXPECT_EQ(b.mentions[0].country, "");
  EXPECT_EQ(b.mentions[0].actor_code, "GOVMIL");
}

TEST(DescribeMentions, AForeignMinistryByItsLongerOfficialNameIsOne) {
  // Several countries name theirs "Ministry of Foreign and European
  // Affairs" or "... Affairs and Trade": a foreign ministry, whose country
  // the possessive gives.
  Article a = Describe({{{"Slovenia"}, {"'s"}, {"Ministry"}, {"of"}, {"Foreign"}, {"and"}, {"European"}, {"Affairs"},
                         {"said"}},
                        {{"Hungary"}, {"'s"}, {"Ministry"}, {"of"}, {"Foreign"}, {"Affairs"}, {"and"}, {"Trade"},
                         {"said"}}},
                       {{0, 2, 8, "ORG"}, {1, 2, 8, "ORG"}});
  EXPECT_EQ(a.mentions[0].country, "SVN");
  EXPECT_EQ(a.mentions[0].actor_code, "SVNGOV");
  EXPECT_EQ(a.mentions[1].country, "HUN");
  EXPECT_EQ(a.mentions[1].actor_code, "HUNGOV");
}

TEST(DescribeMentions, ARankAfterARoleSetOffByACommaTakesTheRolesCountry) {
  // "An Armenian army spokeswoman, Major Ilse Harlen, said": the rank is
  // the title, the phrase before the comma says whose army.
  Article a = Describe({{{"An"}, {"Armenian"}, {"army"}, {"spokeswoman"}, {","}, {"Major"}, {"Ilse"}, {"Harlen"}, {","},
                         {"said"}}},
                       {{0, 6, 7, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "major");
  EXPECT_EQ(a.mentions[0].country, "ARM");
  EXPECT_EQ(a.mentions[0].actor_code, "ARMMIL");
}

TEST(DescribeMentions, ATitledPersonOfACountryIsOfThatCountry) {
  Article a = Describe({{{"President"}, {"Odal"}, {"Kessar"}, {"of"}, {"Armenia"}, {"arrived"}}}, {{0, 1, 2, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "president");
  EXPECT_EQ(a.mentions[0].country, "ARM");
  EXPECT_EQ(a.mentions[0].actor_code, "ARMGOV");
}

TEST(DescribeMentions, FormerHolderIsAnElite) {
  Article a = Describe({{{"former"}, {"U.S."}, {"President"}, {"John"}, {"Doe"}, {"said"}}}, {{0, 3, 4, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "former president");
  EXPECT_EQ(a.mentions[0].country, "USA");
  EXPECT_EQ(a.mentions[0].actor_code, "USAELI");
}

TEST(DescribeMentions, QualifiersAreNotPartOfTheRole) {
  Article a = Describe({{{"the"}, {"newly"}, {"appointed"}, {"acting"}, {"Interior"}, {"Minister"}, {"Olga"}, {"Sand"}}},
                       {{0, 6, 7, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "acting interior minister");
  EXPECT_EQ(a.mentions[0].actor_code, "");
}

TEST(DescribeMentions, OrganisationTitle) {
  Article a = Describe({{{"NATO"}, {"Secretary-General"}, {"Erik"}, {"Lund"}, {"said"}}}, {{0, 2, 3, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "secretary-general");
  EXPECT_EQ(a.mentions[0].country, "");
  EXPECT_EQ(a.mentions[0].actor_code, "IGOWSTNAT");
}

TEST(DescribeMentions, DemonymBeforeAnInternationalBodyNamesItsNationalBranch) {
  Article a = Describe({{{"the"}, {"Jordanian"}, {"Amnesty"}, {"International"}, {"said"}}}, {{0, 1, 3, "ORG"}});
  EXPECT_EQ(a.mentions[0].country, "JOR");
  EXPECT_EQ(a.mentions[0].actor_code, "JORNGOHRI");
  // Alone, the listed name is the listed body.
  a = Describe({{{"the"}, {"Amnesty"}, {"International"}, {"said"}}}, {{0, 1, 2, "ORG"}});
  EXPECT_EQ(a.mentions[0].actor_code, "NGOHRIAMN");
}

TEST(DescribeMentions, HonorificIsNoRole) {
  Article a = Describe({{{"Mr"}, {"John"}, {"Doe"}, {"said"}}}, {{0, 1, 2, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "");
  EXPECT_EQ(a.mentions[0].country, "");
  EXPECT_EQ(a.mentions[0].actor_code, "");
  // A title inside the mention works like one before it.
  a = Describe({{{"Prime"}, {"Minister"}, {"Anna"}, {"Berg"}, {"said"}}}, {{0, 0, 3, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "prime minister");
  EXPECT_EQ(a.mentions[0].actor_code, "");  // no country known
}

TEST(DescribeMentions, AppositionFromTheParse) {
  // Anna Kuznetsova , Russia 's deputy foreign minister , said .
  Article a = Describe({{{"Anna", "PROPN", 9, "nsubj"},
                         {"Kuznetsova", "PROPN", 0, "flat"},
                         {",", "PUNCT", 7, "punct"},
                         {"Russia", "PROPN", 7, "nmod:poss"},
                         {"'s", "PART", 3, "case"},
                         {"deputy", "ADJ", 7, "amod"},
                         {"foreign", "ADJ", 7, "amod"},
                         {"minister", "NOUN", 0, "appos"},
                         {",", "PUNCT", 7, "punct"},
                         {"said", "VERB", -1, "root"},
                         {".", "PUNCT", 9, "punct"}}},
                       {{0, 0, 1, "PERSON"}, {0, 3, 3, "LOC"}});
  EXPECT_EQ(a.mentions[0].role, "deputy foreign minister");
  EXPECT_EQ(a.mentions[0].country, "RUS");
  EXPECT_EQ(a.mentions[0].actor_code, "RUSGOV");
  // Russia here is a possessor of a person, not of an act.
  EXPECT_EQ(a.mentions[1].country, "RUS");
  EXPECT_FALSE(a.mentions[1].as_actor);
  EXPECT_EQ(a.mentions[1].actor_code, "RUS");  // a country always has its code
}

TEST(DescribeMentions, AppositionFromWordOrder) {
  // No parse: "X, a spokeswoman for the Pentagon, said".
  Article a = Describe({{{"Jane"}, {"Roe"}, {","}, {"a"}, {"spokeswoman"}, {"for"}, {"the"}, {"Pentagon"}, {","}, {"said"}}},
                       {{0, 0, 1, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "spokeswoman");
  EXPECT_EQ(a.mentions[0].country, "USA");
  EXPECT_EQ(a.mentions[0].actor_code, "USAMIL");

  a = Describe({{{"Ivan"}, {"Petrov"}, {","}, {"the"}, {"Kremlin"}, {"spokesman"}, {","}, {"said"}}},
               {{0, 0, 1, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "spokesman");
  EXPECT_EQ(a.mentions[0].actor_code, "RUSGOV");
}

TEST(DescribeMentions, AppositionAfterAnUnknownOwner) {
  // "X, Tamberlo Freight's chief executive, said" and "X, the company's
  // spokeswoman, said": the owner the gazetteer does not know is passed
  // over and the role read.
  Article a = Describe({{{"Ana"}, {"Quessel"}, {","}, {"Tamberlo", "PROPN"}, {"Freight", "PROPN"}, {"'s", "PART"},
                         {"chief"}, {"executive"}, {","}, {"said"}},
                        {{"Ivo"}, {"Marsk"}, {","}, {"the", "DET"}, {"company", "NOUN"}, {"'s", "PART"}, {"spokeswoman"}, {","},
                         {"said"}},
                        {{"Ivo"}, {"Marsk"}, {","}, {"his", "PRON"}, {"cousin", "NOUN"}, {","}, {"said"}}},
                       {{0, 0, 1, "PERSON"}, {1, 0, 1, "PERSON"}, {2, 0, 1, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "chief executive");
  EXPECT_EQ(a.mentions[1].role, "spokeswoman");
  EXPECT_EQ(a.mentions[2].role, "");
}

TEST(DescribeMentions, AppositionAfterACommonNounOwner) {
  // "X, a ministry spokeswoman, said", "X, the centre's legal director,
  // said" (a town is also called Centre): the role is read past the word
  // that says whose it is.
  Article a = Describe({{{"Ana"}, {"Quessel"}, {","}, {"a", "DET"}, {"ministry", "NOUN"}, {"spokeswoman", "NOUN"}, {","},
                         {"said"}},
                        {{"Ivo"}, {"Marsk"}, {","}, {"the", "DET"}, {"centre", "NOUN"}, {"'s", "PART"}, {"legal", "ADJ"},
                         {"director", "NOUN"}, {","}, {"said"}},
                        {{"Ivo"}, {"Marsk"}, {","}, {"a", "DET"}, {"farm", "NOUN"}, {"owner", "NOUN"}, {","}, {"said"}},
                        // The tagger may call the lower-case noun a proper one.
                        {{"Ana"}, {"Quessel"}, {","}, {"a", "DET"}, {"ministry", "PROPN"}, {"spokeswoman", "NOUN"}, {","},
                         {"said"}}},
                       {{0, 0, 1, "PERSON"}, {1, 0, 1, "PERSON"}, {2, 0, 1, "PERSON"}, {3, 0, 1, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "spokeswoman");
  EXPECT_EQ(a.mentions[1].role, "director");
  EXPECT_EQ(a.mentions[2].role, "");
  EXPECT_EQ(a.mentions[3].role, "spokeswoman");
}

TEST(DescribeMentions, AnOfficeOfAnUnknownOrganisationSetOffBeforeTheName) {
  // "The Governor of the Lenhall Reserve Bank, X, said": the role of an
  // organisation the gazetteer does not know, between "of" and the comma.
  Article a = Describe({{{"The"}, {"Governor"}, {"of"}, {"the"}, {"Tamberlo"}, {"Reserve"}, {"Bank"}, {","}, {"Ivo"},
                         {"Marsk"}, {","}, {"said"}},
                        {{"Residents"}, {"of"}, {"the"}, {"Tamberlo"}, {"Valley"}, {","}, {"Ana"}, {"Quessel"}, {","},
                         {"said"}}},
                       {{0, 8, 9, "PERSON"}, {1, 6, 7, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "governor");
  EXPECT_EQ(a.mentions[1].role, "");
}

TEST(DescribeMentions, TitleSetOffByCommas) {
  Article a = Describe({{{"The"}, {"Kremlin"}, {"spokesman"}, {","}, {"Ivan"}, {"Petrov"}, {","}, {"said"}}},
                       {{0, 4, 5, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "spokesman");
  EXPECT_EQ(a.mentions[0].country, "RUS");
  EXPECT_EQ(a.mentions[0].actor_code, "RUSGOV");
  // A list is not a title: "ministers, X and Y" has no role word before the comma.
  a = Describe({{{"Officials"}, {"met"}, {"Ivan"}, {"Petrov"}, {","}, {"Anna"}, {"Berg"}, {"and"}, {"others"}}},
               {{0, 5, 6, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "");
}

TEST(DescribeMentions, RoleSetOffBeforeTheNameAfterAPossessive) {
  // "led by its deputy foreign minister, Ivan Petrov." (the name closes the
  // sentence) and "The bank's president, Jane Roe, said": the role is set
  // off by a comma before the name and opened by a possessive.
  Article a = Describe({{{"led"}, {"by"}, {"its"}, {"deputy"}, {"foreign"}, {"minister"}, {","}, {"Ivan"}, {"Petrov"}, {"."}},
                        {{"The"}, {"bank"}, {"'s"}, {"president"}, {","}, {"Jane"}, {"Roe"}, {","}, {"said"}},
                        {{"They"}, {"met"}, {"his"}, {"cousin"}, {","}, {"Ana"}, {"Lee"}, {"."}}},
                       {{0, 7, 8, "PERSON"}, {1, 5, 6, "PERSON"}, {2, 5, 6, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "deputy foreign minister");
  EXPECT_EQ(a.mentions[1].role, "president");
  EXPECT_EQ(a.mentions[2].role, "");  // "cousin" is no role
}

TEST(DescribeMentions, AnUnlistedOrganisationTakesTheSectorItsLastWordSays) {
  // "Norway's Tamberlo Holdings" and "Quessel Freight Lines": CAMEO's BUS,
  // after the country when one is named right before; "Tamberlo Group"
  // (also an armed group's kind of name) is left uncoded.
  Article a = Describe({{{"Norway"}, {"'s"}, {"Tamberlo"}, {"Holdings"}, {"said"}},
                        {{"Quessel"}, {"Freight"}, {"Lines"}, {"said"}},
                        {{"Tamberlo"}, {"Group"}, {"said"}}},
                       {{0, 0, 0, "LOC"}, {0, 2, 3, "ORG"}, {1, 0, 2, "ORG"}, {2, 0, 1, "ORG"}});
  EXPECT_EQ(a.mentions[1].actor_code, "NORBUS");
  EXPECT_EQ(a.mentions[1].country, "NOR");
  EXPECT_EQ(a.mentions[2].actor_code, "BUS");
  EXPECT_EQ(a.mentions[3].actor_code, "");
  // A union is labour, an unlisted authority a government body.
  a = Describe({{{"Tamberlo"}, {"Dockers"}, {"Union"}, {"struck"}},
                {{"the"}, {"Norwegian"}, {"Water"}, {"Authority"}, {"said"}}},
               {{0, 0, 2, "ORG"}, {1, 1, 3, "ORG"}});
  EXPECT_EQ(a.mentions[0].actor_code, "LAB");
  EXPECT_EQ(a.mentions[1].actor_code, "NORGOV");
}

TEST(DescribeMentions, TitlesDoNotCrossSentences) {
  Article a = Describe({{{"He"}, {"met"}, {"the"}, {"president"}}, {{"John"}, {"Doe"}, {"left"}}},
                       {{1, 0, 1, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "");
}

TEST(DescribeMentions, Organisations) {
  Article a = Describe({{{"NATO"}, {"and"}, {"the"}, {"Ukrainian"}, {"Foreign"}, {"Ministry"}, {"and"}, {"Russia"}, {"'s"},
                         {"Foreign"}, {"Ministry"}, {"and"}, {"the"}, {"Kremlin"}}},
                       {{0, 0, 0, "ORG"}, {0, 3, 5, "ORG"}, {0, 9, 10, "ORG"}, {0, 13, 13, "ORG"}});
  EXPECT_EQ(a.mentions[0].actor_code, "IGOWSTNAT");
  EXPECT_EQ(a.mentions[0].country, "");
  EXPECT_EQ(a.mentions[1].country, "UKR");
  EXPECT_EQ(a.mentions[1].actor_code, "UKRGOV");
  EXPECT_EQ(a.mentions[2].country, "RUS");  // from the possessive before the mention
  EXPECT_EQ(a.mentions[2].actor_code, "RUSGOV");
  EXPECT_EQ(a.mentions[3].country, "RUS");
  EXPECT_EQ(a.mentions[3].actor_code, "RUSGOV");
}

TEST(DescribeMentions, PlacesAsActorsFromTheParse) {
  // Moscow said on Tuesday that it was ready .
  Article a = Describe({{{"Moscow", "PROPN", 1, "nsubj"}, {"said", "VERB", -1, "root"}, {"on", "ADP", 3, "case"},
                         {"Tuesday", "PROPN", 1, "obl"}}},
                       {{0, 0, 0, "LOC"}});
  EXPECT_TRUE(a.mentions[0].as_actor);
  EXPECT_EQ(a.mentions[0].country, "RUS");
  EXPECT_EQ(a.mentions[0].actor_code, "RUS");

  // Talks were held in Moscow .  (a place, not an actor)
  a = Describe({{{"Talks", "NOUN", 2, "nsubj:pass"}, {"were", "AUX", 2, "aux:pass"}, {"held", "VERB", -1, "root"},
                 {"in", "ADP", 4, "case"}, {"Moscow", "PROPN", 2, "obl"}}},
               {{0, 4, 4, "LOC"}});
  EXPECT_FALSE(a.mentions[0].as_actor);
  EXPECT_EQ(a.mentions[0].country, "RUS");
  EXPECT_EQ(a.mentions[0].actor_code, "");

  // Moscow and Beijing rejected the plan .
  a = Describe({{{"Moscow", "PROPN", 3, "nsubj"}, {"and", "CCONJ", 2, "cc"}, {"Beijing", "PROPN", 0, "conj"},
                 {"rejected", "VERB", -1, "root"}, {"the", "DET", 5, "det"}, {"plan", "NOUN", 3, "obj"}}},
               {{0, 0, 0, "LOC"}, {0, 2, 2, "LOC"}});
  EXPECT_TRUE(a.mentions[0].as_actor);
  EXPECT_TRUE(a.mentions[1].as_actor);
  EXPECT_EQ(a.mentions[1].country, "CHN");
  EXPECT_EQ(a.mentions[1].actor_code, "CHN");

  // Washington 's response was swift .
  a = Describe({{{"Washington", "PROPN", 2, "nmod:poss"}, {"'s", "PART", 0, "case"}, {"response", "NOUN", 4, "nsubj"},
                 {"was", "AUX", 4, "cop"}, {"swift", "ADJ", -1, "root"}}},
               {{0, 0, 0, "LOC"}});
  EXPECT_TRUE(a.mentions[0].as_actor);
  EXPECT_EQ(a.mentions[0].country, "USA");
  EXPECT_EQ(a.mentions[0].actor_code, "USA");

  // Washington 's streets were empty .  (a possessor, but not of an act)
  a = Describe({{{"Washington", "PROPN", 2, "nmod:poss"}, {"'s", "PART", 0, "case"}, {"streets", "NOUN", 4, "nsubj"},
                 {"were", "AUX", 4, "cop"}, {"empty", "ADJ", -1, "root"}}},
               {{0, 0, 0, "LOC"}});
  EXPECT_FALSE(a.mentions[0].as_actor);

  // Kyiv is calm .  (subject of an adjective, not a verb)
  a = Describe({{{"Kyiv", "PROPN", 2, "nsubj"}, {"is", "AUX", 2, "cop"}, {"calm", "ADJ", -1, "root"}}},
               {{0, 0, 0, "LOC"}});
  EXPECT_FALSE(a.mentions[0].as_actor);
  EXPECT_EQ(a.mentions[0].country, "UKR");
}

TEST(DescribeMentions, PlacesAsActorsFromWordOrder) {
  Article a = Describe({{{"Beijing"}, {"warned", "VERB"}, {"against"}, {"it"}}}, {{0, 0, 0, "LOC"}});
  EXPECT_TRUE(a.mentions[0].as_actor);
  EXPECT_EQ(a.mentions[0].actor_code, "CHN");
  a = Describe({{{"Tehran"}, {"'s"}, {"refusal"}, {"angered"}, {"them"}}}, {{0, 0, 0, "LOC"}});
  EXPECT_TRUE(a.mentions[0].as_actor);
  EXPECT_EQ(a.mentions[0].country, "IRN");
}

TEST(DescribeMentions, RegionsAndCities) {
  Article a = Describe({{{"fighting"}, {"in"}, {"southern"}, {"Russia"}, {"and"}, {"Bayern"}, {"and"}, {"Hyderabad"}}},
                       {{0, 2, 3, "LOC"}, {0, 5, 5, "LOC"}, {0, 7, 7, "LOC"}});
  EXPECT_EQ(a.mentions[0].country, "RUS");
  EXPECT_EQ(a.mentions[1].country, "DEU");
  EXPECT_EQ(a.mentions[1].actor_code, "");
  EXPECT_EQ(a.mentions[2].country, "");  // in India or Pakistan
}

TEST(DescribeMentions, APartOfAHyphenatedNameGivesNoCountry) {
  // "Rouge" folds to an Estonian municipality's name; "Villa-Rouge" is not in it.
  Article a = Describe({{{"the"}, {"village"}, {"of"}, {"Villa"}, {"-"}, {"Rouge"}}}, {{0, 3, 5, "LOC"}});
  EXPECT_EQ(a.mentions[0].country, "");
  Article b = Describe({{{"the"}, {"village"}, {"of"}, {"Rouge"}}}, {{0, 3, 3, "LOC"}});
  EXPECT_EQ(b.mentions[0].country, "EST");  // the word alone is the listed place
}

TEST(DescribeMentions, ASmallTownFirstInALongerNameGivesNoCountry) {
  // There is a town called University (Florida); "University Square"
  // names a square wherever the article is.
  Article a = Describe({{{"in"}, {"University"}, {"Square"}}}, {{0, 1, 2, "LOC"}});
  EXPECT_EQ(a.mentions[0].country, "");
  // A city of millions before the rest of the name is the one meant.
  Article b = Describe({{{"at"}, {"Kyiv"}, {"Central"}, {"Station"}}}, {{0, 1, 3, "LOC"}});
  EXPECT_EQ(b.mentions[0].country, "UKR");
}

TEST(DescribeMentions, AStateFormBeforeOfAndALowerCaseWordNameNoTown) {
  // There are towns called Republic and Of; "the Republic of Kessaria"
  // names neither, so an unknown country gets no country code.
  Article a = Describe({{{"the"}, {"Republic"}, {"of"}, {"Kessaria"}, {"voted"}}}, {{0, 1, 3, "LOC"}});
  EXPECT_EQ(a.mentions[0].country, "");
  // A listed country after "of" still gives its code.
  Article b = Describe({{{"the"}, {"Kingdom"}, {"of"}, {"Norway"}, {"voted"}}}, {{0, 1, 3, "LOC"}});
  EXPECT_EQ(b.mentions[0].country, "NOR");
}

TEST(DescribeMentions, WorldRegionsArePlacesWithoutACountry) {
  // "Asia" is also a town in the Philippines; the region wins. A region
  // the recogniser typed as a person is a place; as an actor it takes
  // CAMEO's region code.
  Article a = Describe({{{"Europe", "PROPN", 2, "nsubj"}, {"must"}, {"respond", "VERB"}, {"to"}, {"Asia"}}},
                       {{0, 0, 0, "PERSON"}, {0, 4, 4, "LOC"}});
  EXPECT_EQ(a.mentions[0].type, "LOC");
  EXPECT_EQ(a.mentions[0].country, "");
  EXPECT_TRUE(a.mentions[0].as_actor);
  EXPECT_EQ(a.mentions[0].actor_code, "EUR");
  EXPECT_EQ(a.mentions[1].country, "");
  EXPECT_EQ(a.mentions[1].actor_code, "");
  a = Describe({{{"the"}, {"Middle"}, {"East"}, {"and"}, {"European"}, {"envoys"}}}, {{0, 1, 2, "ORG"}, {0, 4, 4, "MISC"}});
  EXPECT_EQ(a.mentions[0].type, "LOC");
  EXPECT_EQ(a.mentions[1].type, "MISC");
  EXPECT_EQ(a.mentions[1].country, "");
  EXPECT_EQ(a.mentions[1].actor_code, "EUR");
}

TEST(DescribeMentions, ATownNamedLikeACommonWordNeedsItsCapital) {
  // "of" is also a town in Turkey: a role's "of the army" names no country.
  Article a = Describe({{{"Pavel"}, {"Orlov"}, {","}, {"a"}, {"deputy"}, {"chief"}, {"of"}, {"the"}, {"army"}}},
                       {{0, 0, 1, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "deputy chief");
  EXPECT_EQ(a.mentions[0].country, "");
}

TEST(DescribeMentions, Demonyms) {
  Article a = Describe({{{"the"}, {"Russians"}, {"and"}, {"French"}, {"troops"}}}, {{0, 1, 1, "MISC"}, {0, 3, 3, "MISC"}});
  EXPECT_EQ(a.mentions[0].country, "RUS");
  EXPECT_EQ(a.mentions[0].actor_code, "RUS");
  EXPECT_EQ(a.mentions[1].country, "FRA");
}

TEST(DescribeMentions, LeavesUnknownsAloneAndSurvivesOddInput) {
  Article a = Describe({{{"Zorblat"}, {"Quux"}, {"said"}}}, {{0, 0, 1, "PERSON"}, {0, 0, 0, "LOC"}, {0, 1, 1, "ORG"}});
  for (const Mention& m : a.mentions) {
    EXPECT_EQ(m.role, "");
    EXPECT_EQ(m.country, "");
    EXPECT_EQ(m.actor_code, "");
  }
  // A mention outside every token, a head pointing past the sentence.
  Article b = Build({{{"Moscow", "PROPN", 7, "nsubj"}, {"said", "VERB", -1, "root"}}}, {{0, 0, 0, "LOC"}});
  Mention stray;
  stray.begin = 1000;
  stray.end = 1004;
  stray.type = "LOC";
  b.mentions.push_back(stray);
  DescribeMentions(Gazetteer::Default(), b);
  EXPECT_EQ(b.mentions[0].country, "RUS");
  EXPECT_FALSE(b.mentions[0].as_actor);
  EXPECT_EQ(b.mentions[1].country, "");
}

TEST(DescribeMentions, IsFast) {
  // 300 parsed sentences with four mentions each.
  std::vector<std::vector<Tok>> sentences;
  std::vector<Ment> mentions;
  for (int i = 0; i < 300; ++i) {
    sentences.push_back({{"Russian", "ADJ", 4, "amod"},
                         {"Deputy", "PROPN", 3, "compound"},
                         {"Foreign", "PROPN", 3, "compound"},
                         {"Minister", "PROPN", 4, "compound"},
                         {"Ivan", "PROPN", 6, "nsubj"},
                         {"Petrov", "PROPN", 4, "flat"},
                         {"said", "VERB", -1, "root"},
                         {"that", "SCONJ", 9, "mark"},
                         {"Moscow", "PROPN", 9, "nsubj"},
                         {"rejected", "VERB", 6, "ccomp"},
                         {"the", "DET", 11, "det"},
                         {"proposal", "NOUN", 9, "obj"},
                         {"of", "ADP", 13, "case"},
                         {"NATO", "PROPN", 11, "nmod"},
                         {"and", "CCONJ", 16, "cc"},
                         {"the", "DET", 16, "det"},
                         {"Pentagon", "PROPN", 13, "conj"},
                         {"in", "ADP", 18, "case"},
                         {"Brussels", "PROPN", 9, "obl"},
                         {".", "PUNCT", 6, "punct"}});
    mentions.push_back({i, 4, 5, "PERSON"});
    mentions.push_back({i, 8, 8, "LOC"});
    mentions.push_back({i, 13, 13, "ORG"});
    mentions.push_back({i, 18, 18, "LOC"});
  }
  Article base = Build(sentences, mentions);
  DescribeMentions(Gazetteer::Default(), base);  // load the tables first
  EXPECT_EQ(base.mentions[0].actor_code, "RUSGOV");
  EXPECT_TRUE(base.mentions[1].as_actor);
  EXPECT_FALSE(base.mentions[3].as_actor);
  std::size_t tokens = 0;
  auto start = std::chrono::steady_clock::now();
  for (int round = 0; round < 20; ++round) {
    Article a = base;
    DescribeMentions(Gazetteer::Default(), a);
    tokens += a.tokens.size();
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double rate = static_cast<double>(tokens) / secs;
  RecordProperty("tokens_per_second", std::to_string(static_cast<long long>(rate)));
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
  EXPECT_GT(rate, 20000.0);
#else
  EXPECT_GT(rate, 500000.0);  // a small part of the entities stage's 150k tokens/s budget
#endif
}

// A college named after a town says nothing of the person's country: the
// town ("Harlow", in England) is part of the organisation's name.
TEST(DescribeMentions, ATownInsideAnOrganisationsNameGivesNoCountry) {
  Article a = Describe({{{"Odal"}, {"Kessar"}, {","}, {"a"}, {"former"}, {"president"}, {"of"}, {"Harlow"}, {"College"},
                         {","}, {"spoke"}, {"."}}},
                       {{0, 0, 1, "PERSON"}, {0, 7, 8, "ORG"}});
  EXPECT_EQ(a.mentions[0].role, "former president");
  EXPECT_EQ(a.mentions[0].country, "");
  // The town alone is where the office is.
  Article b = Describe({{{"Odal"}, {"Kessar"}, {","}, {"the"}, {"mayor"}, {"of"}, {"Harlow"}, {","}, {"spoke"}, {"."}}},
                       {{0, 0, 1, "PERSON"}, {0, 6, 6, "LOC"}});
  EXPECT_EQ(b.mentions[0].role, "mayor");
  EXPECT_EQ(b.mentions[0].country, "GBR");
}

// "X, a top aide said, is confident": the phrase between the commas is a
// clause about X, not X's title; a relative clause inside an apposition
// leaves the title ("X, the minister who resigned, ...").
TEST(DescribeMentions, ASpeechTagBetweenCommasIsNoApposition) {
  Article a = Describe({{{"Varnell"}, {","}, {"a"}, {"top"}, {"aide"}, {"said", "", -1, "", "VBD"}, {","},
                         {"is", "", -1, "", "VBZ"}, {"confident"}, {"."}}},
                       {{0, 0, 0, "PERSON"}});
  EXPECT_EQ(a.mentions[0].role, "");
  Article b = Describe({{{"Varnell"}, {","}, {"the"}, {"minister"}, {"who"}, {"resigned", "", -1, "", "VBD"}, {","},
                         {"spoke", "", -1, "", "VBD"}, {"."}}},
                       {{0, 0, 0, "PERSON"}});
  EXPECT_EQ(b.mentions[0].role, "minister");
}

}  // namespace
}  // namespace sitrep::gazetteer
