// The within-article merge, one rule a test, on hand-written articles with
// invented names.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "resolve/resolve.h"

namespace sitrep::resolve {
namespace {

// Builds an article from its text and the mentions in text order, each
// given by its surface (found left to right) and type.
Article Make(std::string text, const std::vector<std::pair<std::string, std::string>>& mentions) {
  Article a;
  a.text = std::move(text);
  std::size_t from = 0;
  for (const auto& [surface, type] : mentions) {
    std::size_t p = a.text.find(surface, from);
    EXPECT_NE(p, std::string::npos) << surface;
    if (p == std::string::npos) continue;
    Mention m;
    m.begin = static_cast<std::uint32_t>(p);
    m.end = static_cast<std::uint32_t>(p + surface.size());
    m.type = type;
    a.mentions.push_back(m);
    from = p + surface.size();
  }
  return a;
}

TEST(MergeWithinArticle, SurnameLinksToEarlierFullName) {
  Article a = Make("Arkady Volshinsky arrived on Monday. Volshinsky said the talks failed.",
                   {{"Arkady Volshinsky", "PERSON"}, {"Volshinsky", "PERSON"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 1u);
  EXPECT_EQ(a.mentions[0].local, 0);
  EXPECT_EQ(a.mentions[1].local, 0);
  const LocalEntity& e = a.local_entities[0];
  EXPECT_EQ(e.name, "Arkady Volshinsky");
  EXPECT_EQ(e.type, "PERSON");
  EXPECT_EQ(e.aliases, (std::vector<std::string>{"Arkady Volshinsky", "Volshinsky"}));
  EXPECT_EQ(e.mention_count, 2u);
}

// An acronym the recogniser read as a person is the organisation whose
// initials it spells, before or after the organisation is named; an
// acronym that spells no organisation of the article stays as it was.
TEST(MergeWithinArticle, AnAcronymReadAsAPersonIsTheOrganisationItSpells) {
  for (bool acronym_first : {true, false}) {
    Article a = acronym_first
                    ? Make("The PSC said it would send observers. The Peace and Security Council met in Lenhall. JKV spoke.",
                           {{"PSC", "PERSON"}, {"Peace and Security Council", "ORG"}, {"Lenhall", "LOC"}, {"JKV", "PERSON"}})
                    : Make("The Peace and Security Council met in Lenhall. The PSC said it would send observers. JKV spoke.",
                           {{"Peace and Security Council", "ORG"}, {"Lenhall", "LOC"}, {"PSC", "PERSON"}, {"JKV", "PERSON"}});
    MergeWithinArticle(a);
    const std::size_t psc = acronym_first ? 0 : 2, council = acronym_first ? 1 : 0;
    EXPECT_EQ(a.mentions[psc].type, "ORG");
    EXPECT_EQ(a.mentions[psc].local, a.mentions[council].local);
    EXPECT_EQ(a.local_entities[static_cast<std::size_t>(a.mentions[council].local)].name, "Peace and Security Council");
    EXPECT_EQ(a.mentions[3].type, "PERSON");
  }
}

// "the Herald" in the Lenhall Herald's own article is the outlet: it takes
// the outlet's full name; the outlet's first word alone is the place.
TEST(MergeWithinArticle, AnOutletsShortNameInItsOwnArticleIsTheOutlet) {
  Article a = Make("The mayor of Lenhall told the Herald on Monday that the Gazette was wrong.",
                   {{"Lenhall", "LOC"}, {"Herald", "ORG"}, {"Gazette", "ORG"}});
  a.outlet = "The Lenhall Herald";
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 3u);
  EXPECT_EQ(a.local_entities[0].name, "Lenhall");
  EXPECT_EQ(a.local_entities[1].name, "Lenhall Herald");
  EXPECT_EQ(a.local_entities[1].aliases, (std::vector<std::string>{"Herald"}));
  EXPECT_EQ(a.local_entities[2].name, "Gazette");
}

// A surname under a title that names another office than the full name's
// is another person, whether it comes before or after the full name.
// A son named after his father: "Jr." parts them, and a surname alone
// goes to the one of its own generation, or to the only one there is.
TEST(MergeWithinArticle, AGenerationalSuffixIsAnotherPerson) {
  Article a = Make(
      "Odalys Kessar Jr. met donors on Monday. His father, Odalys Kessar, spoke later. Kessar Jr. said the event "
      "raised money. Kessar said he was proud.",
      {{"Odalys Kessar Jr.", "PERSON"}, {"Odalys Kessar", "PERSON"}, {"Kessar Jr.", "PERSON"}, {"Kessar", "PERSON"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 2u);
  EXPECT_EQ(a.mentions[0].local, a.mentions[2].local);
  EXPECT_EQ(a.mentions[1].local, a.mentions[3].local);
  EXPECT_NE(a.mentions[0].local, a.mentions[1].local);
  Article b = Make("Odalys Kessar Jr. met donors on Monday. Kessar said the event raised money.",
                   {{"Odalys Kessar Jr.", "PERSON"}, {"Kessar", "PERSON"}});
  MergeWithinArticle(b);
  EXPECT_EQ(b.local_entities.size(), 1u);
}

// A form of address that gives another sex than the full name's first
// name: "Mrs. Kessar" is not "Peter Kessar" (a man's name in the lists),
// "Mr. Kessar" is.
TEST(MergeWithinArticle, AFormOfAddressOfTheOtherSexIsAnotherPerson) {
  Article a = Make("Peter Kessar spoke on Monday. Mrs. Kessar said she would decide soon. Mr. Kessar said nothing.",
                   {{"Peter Kessar", "PERSON"}, {"Kessar", "PERSON"}, {"Kessar", "PERSON"}});
  MergeWithinArticle(a);
  EXPECT_NE(a.mentions[1].local, a.mentions[0].local);
  EXPECT_EQ(a.mentions[2].local, a.mentions[0].local);
}

TEST(MergeWithinArticle, ASurnameUnderAnotherOfficeIsAnotherPerson) {
  Article a = Make(
      "As President Volshinsky spoke, the first lady, Mira Volshinsky, smiled. President Volshinsky left. "
      "Volshinsky waved.",
      {{"Volshinsky", "PERSON"}, {"Mira Volshinsky", "PERSON"}, {"Volshinsky", "PERSON"}, {"Volshinsky", "PERSON"}});
  a.mentions[0].role = "president";
  a.mentions[1].role = "first lady";
  a.mentions[2].role = "president";
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 2u);
  EXPECT_EQ(a.mentions[0].local, a.mentions[2].local);
  EXPECT_NE(a.mentions[0].local, a.mentions[1].local);
  // With no title, the surname goes to the one named in full.
  EXPECT_EQ(a.mentions[3].local, a.mentions[1].local);
}

// Two people of one surname named in full, one of them with an office:
// the surname under that office is that person's, though the other was
// named last ("her and former President Kessar").
TEST(MergeWithinArticle, ASurnameUnderAnOfficeGoesToTheOneWhoHoldsIt) {
  Article a = Make(
      "President Odal Kessar spoke first. Odalys Kessar spoke next. Her campaign said she would not be distracted "
      "by attacks on her and former President Kessar.",
      {{"Odal Kessar", "PERSON"}, {"Odalys Kessar", "PERSON"}, {"Kessar", "PERSON"}});
  a.mentions[0].role = "president";
  a.mentions[2].role = "former president";
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 2u);
  EXPECT_EQ(a.mentions[2].local, a.mentions[0].local);
}

// A first name that is also the first word of a title ("Lance Corporal")
// stays in the name the entity is given.
TEST(MergeWithinArticle, AFirstNameThatOpensATitleStaysInTheName) {
  Article a = Make("The speaker Lance Varnell spoke. Varnell left. Varnell returned.",
                   {{"Lance Varnell", "PERSON"}, {"Varnell", "PERSON"}, {"Varnell", "PERSON"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 1u);
  EXPECT_EQ(a.local_entities[0].name, "Lance Varnell");
  Article b = Make("Lance Cpl. Odal Varnell spoke.", {{"Lance Cpl. Odal Varnell", "PERSON"}});
  MergeWithinArticle(b);
  ASSERT_EQ(b.local_entities.size(), 1u);
  EXPECT_EQ(b.local_entities[0].name, "Odal Varnell");
}

TEST(MergeWithinArticle, HonorificFormLinks) {
  Article a = Make("Arkady Volshinsky spoke. Mr Volshinsky left. Gen. Arkady Volshinsky returned.",
                   {{"Arkady Volshinsky", "PERSON"}, {"Mr Volshinsky", "PERSON"}, {"Gen. Arkady Volshinsky", "PERSON"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 1u);
  EXPECT_EQ(a.local_entities[0].name, "Arkady Volshinsky");
}

// Malaysian news names a minister "Datuk Seri" and then by his given name alone.
TEST(MergeWithinArticle, AGivenNameAfterAMalayHonorificLinks) {
  Article a = Make("Foreign Minister Datuk Seri Varnell Odalys spoke in Kessar. Varnell said the door was open.",
                   {{"Datuk Seri Varnell Odalys", "PERSON"}, {"Kessar", "LOC"}, {"Varnell", "PERSON"}});
  MergeWithinArticle(a);
  EXPECT_EQ(a.mentions[0].local, a.mentions[2].local);
}

TEST(MergeWithinArticle, PeopleSharingASurnameStayApart) {
  Article a = Make(
      "Mara Teplitz and Oren Teplitz arrived. Oren Teplitz spoke first. Teplitz said it was over. "
      "Mara Teplitz disagreed.",
      {{"Mara Teplitz", "PERSON"}, {"Oren Teplitz", "PERSON"}, {"Oren Teplitz", "PERSON"}, {"Teplitz", "PERSON"},
       {"Mara Teplitz", "PERSON"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 2u);
  EXPECT_EQ(a.mentions[0].local, a.mentions[4].local);
  EXPECT_EQ(a.mentions[1].local, a.mentions[2].local);
  EXPECT_NE(a.mentions[0].local, a.mentions[1].local);
  // A bare surname goes to the most recently named of the two.
  EXPECT_EQ(a.mentions[3].local, a.mentions[2].local);
}

TEST(MergeWithinArticle, SurnameBeforeTheFullName) {
  Article a = Make("Volshinsky resigns\nArkady Volshinsky resigned on Monday.",
                   {{"Volshinsky", "PERSON"}, {"Arkady Volshinsky", "PERSON"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 1u);
  EXPECT_EQ(a.local_entities[0].name, "Arkady Volshinsky");
}

TEST(MergeWithinArticle, GivenNameOnlyWhenUnambiguous) {
  Article a = Make("Tuya Baatar met Odval Chuluun. Tuya said yes.",
                   {{"Tuya Baatar", "PERSON"}, {"Odval Chuluun", "PERSON"}, {"Tuya", "PERSON"}});
  MergeWithinArticle(a);
  EXPECT_EQ(a.mentions[2].local, a.mentions[0].local);
}

TEST(MergeWithinArticle, AcronymDefinedInParentheses) {
  Article a = Make("The Northern Fisheries Compact (NFC) met. The NFC said quotas would fall.",
                   {{"Northern Fisheries Compact", "ORG"}, {"NFC", "ORG"}, {"NFC", "ORG"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 1u);
  EXPECT_EQ(a.local_entities[0].name, "Northern Fisheries Compact");
  EXPECT_EQ(a.local_entities[0].aliases, (std::vector<std::string>{"Northern Fisheries Compact", "NFC"}));
}

// A place right before a bracketed acronym of something else is not what
// the acronym stands for.
TEST(MergeWithinArticle, BracketedAcronymMustFitTheNameBeforeIt) {
  Article a = Make("The monitoring mission in Tarvelia (MOMIS) will report. The MOMIS said more.",
                   {{"Tarvelia", "LOC"}, {"MOMIS", "ORG"}, {"MOMIS", "ORG"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 2u);
  EXPECT_NE(a.mentions[0].local, a.mentions[1].local);
  EXPECT_EQ(a.mentions[1].local, a.mentions[2].local);
}

TEST(MergeWithinArticle, AcronymFromInitialsSkippingFunctionWords) {
  Article a = Make("The Council for the Protection of Alpine Rivers warned. Later the CPAR said more.",
                   {{"Council for the Protection of Alpine Rivers", "ORG"}, {"CPAR", "ORG"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 1u);
  // An acronym that comes first still finds its expansion.
  Article b = Make("LGB statement\nThe Lowland Grain Board said.", {{"LGB", "ORG"}, {"Lowland Grain Board", "ORG"}});
  MergeWithinArticle(b);
  ASSERT_EQ(b.local_entities.size(), 1u);
  EXPECT_EQ(b.local_entities[0].name, "Lowland Grain Board");
}

// An acronym often leaves out the "of <place>" that ends the name; a
// two-letter one does not find such a name by chance.
TEST(MergeWithinArticle, AcronymOfTheNameBeforeItsOfPlace) {
  Article a = Make("The Federal Tariff Board of Morvia ruled. The FTB said more.",
                   {{"Federal Tariff Board of Morvia", "ORG"}, {"FTB", "ORG"}});
  MergeWithinArticle(a);
  EXPECT_EQ(a.local_entities.size(), 1u);
  Article b = Make("The Tariff Board of Morvia ruled. The TB clinic said more.",
                   {{"Tariff Board of Morvia", "ORG"}, {"TB", "ORG"}});
  MergeWithinArticle(b);
  EXPECT_EQ(b.local_entities.size(), 2u);
}

// Two people with one first name and surname but different initials after
// the first name are two people; the name without initials joins the one
// it fits, and the surname alone the latest.
TEST(MergeWithinArticle, DifferentMiddleInitialsAreDifferentPeople) {
  Article a = Make("Former presidents Odal H. W. Varnell and Odal W. Varnell stayed away. Odal W. Varnell said so.",
                   {{"Odal H. W. Varnell", "PERSON"}, {"Odal W. Varnell", "PERSON"}, {"Odal W. Varnell", "PERSON"}});
  MergeWithinArticle(a);
  EXPECT_NE(a.mentions[0].local, a.mentions[1].local);
  EXPECT_EQ(a.mentions[1].local, a.mentions[2].local);
  Article b = Make("Odal Varnell spoke. Later Odal K. Varnell left.", {{"Odal Varnell", "PERSON"}, {"Odal K. Varnell", "PERSON"}});
  MergeWithinArticle(b);
  EXPECT_EQ(b.mentions[0].local, b.mentions[1].local);
}

TEST(MergeWithinArticle, PossessiveAndCaseVariants) {
  Article a = Make("Freedonia's army moved. NATO met. Nato said Freedonia must stop.",
                   {{"Freedonia's", "LOC"}, {"NATO", "ORG"}, {"Nato", "ORG"}, {"Freedonia", "LOC"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 2u);
  EXPECT_EQ(a.mentions[0].local, a.mentions[3].local);
  EXPECT_EQ(a.mentions[1].local, a.mentions[2].local);
  EXPECT_EQ(a.local_entities[static_cast<std::size_t>(a.mentions[0].local)].aliases,
            (std::vector<std::string>{"Freedonia"}));
  EXPECT_EQ(a.local_entities[static_cast<std::size_t>(a.mentions[1].local)].aliases,
            (std::vector<std::string>{"NATO", "Nato"}));
}

TEST(MergeWithinArticle, TypeClashTakesTheMajorityButPersonsStayApart) {
  Article a = Make("Nato met. Nato agreed. Nato left. Lena Veskara flew to Veskara. Veskara said hello.",
                   {{"Nato", "ORG"}, {"Nato", "LOC"}, {"Nato", "ORG"}, {"Lena Veskara", "PERSON"}, {"Veskara", "LOC"},
                    {"Veskara", "PERSON"}});
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 3u);
  EXPECT_EQ(a.local_entities[0].type, "ORG");
  EXPECT_EQ(a.local_entities[0].mention_count, 3u);
  EXPECT_EQ(a.mentions[5].local, a.mentions[3].local);  // the person
  EXPECT_NE(a.mentions[4].local, a.mentions[3].local);  // the country
  EXPECT_EQ(a.local_entities[static_cast<std::size_t>(a.mentions[4].local)].type, "LOC");
}

TEST(MergeWithinArticle, CityAndItsGovernmentStayApart) {
  Article a = Make("Karvena said the Karvena city government would not comment on Karvena.",
                   {{"Karvena", "LOC"}, {"Karvena city government", "ORG"}, {"Karvena", "LOC"}});
  a.mentions[0].as_actor = true;
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 2u);
  EXPECT_EQ(a.mentions[0].local, a.mentions[2].local);
  EXPECT_EQ(a.local_entities[0].type, "LOC");
  EXPECT_TRUE(a.mentions[0].as_actor);
}

TEST(MergeWithinArticle, FacilityNamedAgainWithoutItsDesignator) {
  Article a = Make("She entered the Harlow Crest Clinic on Monday. Staff at Harlow Crest said she was well. "
                   "A prison in Harlow Crest was closed.",
                   {{"Harlow Crest Clinic", "LOC"}, {"Harlow Crest", "LOC"}, {"Harlow Crest", "LOC"}});
  MergeWithinArticle(a);
  EXPECT_EQ(a.mentions[0].local, a.mentions[1].local);
  // "in Harlow Crest" reads as the place, but an exact repeat still joins.
  EXPECT_EQ(a.mentions[2].local, a.mentions[1].local);
  Article b = Make("A prison in Dunmere was closed. The Dunmere Unit holds 300.",
                   {{"Dunmere", "LOC"}, {"Dunmere Unit", "LOC"}});
  MergeWithinArticle(b);
  EXPECT_NE(b.mentions[0].local, b.mentions[1].local);
}

TEST(MergeWithinArticle, AnOrganisationNamedByTheFirstWordsOfOneLongerName) {
  Article a = Make("Tamberlo Freight Lines was fined. Tamberlo said it would appeal. Tamberlo Freight shares fell.",
                   {{"Tamberlo Freight Lines", "ORG"}, {"Tamberlo", "ORG"}, {"Tamberlo Freight", "ORG"}});
  MergeWithinArticle(a);
  EXPECT_EQ(a.mentions[0].local, a.mentions[1].local);
  EXPECT_EQ(a.mentions[0].local, a.mentions[2].local);
  EXPECT_EQ(a.local_entities[0].name, "Tamberlo Freight Lines");
  // Two organisations that start with the word: no telling which.
  Article b = Make("Quessel Cargo and Quessel Bank merged. Quessel said so.",
                   {{"Quessel Cargo", "ORG"}, {"Quessel Bank", "ORG"}, {"Quessel", "ORG"}});
  MergeWithinArticle(b);
  EXPECT_NE(b.mentions[2].local, b.mentions[0].local);
  EXPECT_NE(b.mentions[2].local, b.mentions[1].local);
  // A name that goes on with "of" or a possessive is not the short form's.
  Article c = Make("Vornic's Ministry of Trade objected. The Bank of Vornic agreed. Vornic protested. Bank said no.",
                   {{"Vornic's Ministry of Trade", "ORG"}, {"Bank of Vornic", "ORG"}, {"Vornic", "ORG"}, {"Bank", "ORG"}});
  MergeWithinArticle(c);
  EXPECT_NE(c.mentions[2].local, c.mentions[0].local);
  EXPECT_NE(c.mentions[3].local, c.mentions[1].local);
  // Only a name closed by a designator is shortened so: a body and its
  // council ("the Tessary Union" and "the Tessary Union Security Council")
  // are two organisations.
  Article d = Make("The Tessary Union said the Tessary Union Security Council met. The Tessary Union agreed.",
                   {{"Tessary Union", "ORG"}, {"Tessary Union Security Council", "ORG"}, {"Tessary Union", "ORG"}});
  MergeWithinArticle(d);
  EXPECT_NE(d.mentions[0].local, d.mentions[1].local);
  EXPECT_EQ(d.mentions[0].local, d.mentions[2].local);
  // A business's word closes the name ("Airlines"), but a place named
  // like the company is no short form of it.
  Article e = Make("Morvia Airlines cancelled flights. Morvia Airlines said snow had closed roads across Morvia.",
                   {{"Morvia Airlines", "ORG"}, {"Morvia Airlines", "ORG"}, {"Morvia", "LOC"}});
  MergeWithinArticle(e);
  EXPECT_EQ(e.mentions[0].local, e.mentions[1].local);
  EXPECT_NE(e.mentions[0].local, e.mentions[2].local);
}

TEST(MergeWithinArticle, CountryIsNotTheShortFormOfWhatIsNamedAfterIt) {
  MergeOptions opts;
  opts.canonical_country = [](std::string_view s) -> std::string {
    if (s == "Lenhall" || s == "LH") return "LNH";
    return "";
  };
  // Either order: the company first, or the country first.
  for (bool company_first : {true, false}) {
    Article a = company_first
                    ? Make("The Lenhall Company bought land. Lenhall has five ports.",
                           {{"Lenhall Company", "ORG"}, {"Lenhall", "LOC"}})
                    : Make("Lenhall has five ports. The Lenhall Company bought land.",
                           {{"Lenhall", "LOC"}, {"Lenhall Company", "ORG"}});
    MergeWithinArticle(a, opts);
    EXPECT_NE(a.mentions[0].local, a.mentions[1].local) << company_first;
    // Without knowing the country, the bare name the recogniser read as a
    // place is still no short form of an organisation ("Indiana" and
    // "Indiana University"); read as an organisation, it is.
    Article b = a;
    MergeWithinArticle(b);
    EXPECT_NE(b.mentions[0].local, b.mentions[1].local) << company_first;
    Article c = a;
    for (Mention& m : c.mentions) m.type = "ORG";
    MergeWithinArticle(c);
    EXPECT_EQ(c.mentions[0].local, c.mentions[1].local) << company_first;
  }
  // The country's abbreviation, even typed as an organisation, does not
  // join an organisation whose initials it happens to be.
  Article c = Make("The Lenhall Harriers won. LH voted. The LH government agreed.",
                   {{"The Lenhall Harriers", "ORG"}, {"LH", "ORG"}, {"LH", "LOC"}});
  MergeWithinArticle(c, opts);
  EXPECT_NE(c.mentions[0].local, c.mentions[1].local);
  EXPECT_EQ(c.mentions[1].local, c.mentions[2].local);
  Article d = c;
  MergeWithinArticle(d);
  EXPECT_EQ(d.mentions[0].local, d.mentions[1].local);
}

TEST(MergeWithinArticle, ListedOrganisationHook) {
  MergeOptions opts;
  opts.canonical_organisation = [](std::string_view s) -> std::string {
    return s == "Lenhall Relief Council" || s == "Relief Council" ? "Lenhall Relief Council" : "";
  };
  Article a = Make("The Lenhall Relief Council sent trucks. The Relief Council said more would follow.",
                   {{"Lenhall Relief Council", "ORG"}, {"Relief Council", "ORG"}});
  Article b = a;
  MergeWithinArticle(a, opts);
  EXPECT_EQ(a.mentions[0].local, a.mentions[1].local);
  MergeWithinArticle(b);
  EXPECT_NE(b.mentions[0].local, b.mentions[1].local);
}

TEST(MergeWithinArticle, RolesCountryAndActorCodeFromMembers) {
  Article a = Make("Deputy minister Arkady Volshinsky said Volshinsky would resign. Volshinsky left.",
                   {{"Arkady Volshinsky", "PERSON"}, {"Volshinsky", "PERSON"}, {"Volshinsky", "PERSON"}});
  a.mentions[0].role = "deputy minister";
  a.mentions[0].country = "RUS";
  a.mentions[1].country = "UKR";
  a.mentions[2].country = "UKR";
  a.mentions[2].actor_code = "RUSGOV";
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 1u);
  EXPECT_EQ(a.local_entities[0].roles, (std::vector<std::string>{"deputy minister"}));
  EXPECT_EQ(a.local_entities[0].country, "UKR");
  EXPECT_EQ(a.local_entities[0].actor_code, "RUSGOV");
}

TEST(MergeWithinArticle, CountryHook) {
  MergeOptions opts;
  opts.canonical_country = [](std::string_view s) -> std::string {
    if (s == "US" || s == "United States" || s == "U.S.") return "USA";
    return "";
  };
  Article a = Make("The United States said the US would act.", {{"United States", "LOC"}, {"US", "LOC"}});
  MergeWithinArticle(a, opts);
  EXPECT_EQ(a.local_entities.size(), 1u);
  Article b = Make("The United States said the US would act.", {{"United States", "LOC"}, {"US", "LOC"}});
  MergeWithinArticle(b);
  EXPECT_EQ(b.local_entities.size(), 2u);
}

TEST(MergeWithinArticle, EmptyAndBadOffsets) {
  Article a;
  MergeWithinArticle(a);
  EXPECT_TRUE(a.local_entities.empty());
  a.text = "Short.";
  Mention m;
  m.begin = 3;
  m.end = 99;
  m.type = "ORG";
  a.mentions.push_back(m);
  a.mentions.push_back(m);
  MergeWithinArticle(a);
  ASSERT_EQ(a.local_entities.size(), 2u);
  EXPECT_EQ(a.mentions[0].local, 0);
  EXPECT_EQ(a.mentions[1].local, 1);
}

}  // namespace
}  // namespace sitrep::resolve
