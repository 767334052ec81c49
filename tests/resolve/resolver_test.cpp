// The cross-article resolver: one rule a test with invented names, ids and
// determinism, and a 200k-entity scaling check (correctness, not time).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "resolve/resolve.h"

namespace sitrep::resolve {
namespace {

LocalEntity E(std::string type, std::string name, std::vector<std::string> aliases = {}, std::uint32_t count = 1) {
  LocalEntity e;
  e.type = std::move(type);
  e.name = std::move(name);
  e.aliases = aliases.empty() ? std::vector<std::string>{e.name} : std::move(aliases);
  e.mention_count = count;
  return e;
}

// A person with its aliases and titles.
LocalEntity Person(std::string name, std::vector<std::string> aliases = {}, std::vector<std::string> roles = {}) {
  LocalEntity e = E("PERSON", std::move(name), std::move(aliases));
  e.roles = std::move(roles);
  return e;
}

// Adds one article per entity; returns the result index of each.
std::vector<std::uint32_t> Cluster(const std::vector<LocalEntity>& es, std::vector<Resolver::Entity>* out = nullptr,
                                   MergeOptions opts = {}) {
  Resolver r(std::move(opts));
  for (std::size_t i = 0; i < es.size(); ++i) {
    std::string id = "art";
    id += std::to_string(1000 + i);
    r.Add(id, {es[i]});
  }
  std::vector<std::vector<std::uint32_t>> assignment;
  auto entities = r.Finish(&assignment);
  std::vector<std::uint32_t> idx;
  for (const auto& a : assignment) idx.push_back(a.at(0));
  if (out) *out = std::move(entities);
  return idx;
}

TEST(Resolver, CaseVariantsMerge) {
  std::vector<Resolver::Entity> out;
  auto c = Cluster({E("ORG", "NATO", {}, 3), E("ORG", "Nato"), E("ORG", "nato")}, &out);
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].aliases, (std::vector<std::string>{"NATO", "Nato", "nato"}));
  EXPECT_EQ(out[0].mention_count, 5u);
  EXPECT_EQ(out[0].articles.size(), 3u);
}

// Two places of one name in two countries are two places ("Georgia" the
// US state and the country); one no article placed joins the one place
// of the name when there is one. A person's country from the article
// (Mention::country_from_article) gives way to one said with the name in
// any other article.
TEST(Resolver, PlacesOfOneNameInTwoCountriesStayApart) {
  auto place = [](std::string country) {
    LocalEntity e = E("LOC", "Lenhall");
    e.country = std::move(country);
    return e;
  };
  std::vector<Resolver::Entity> out;
  auto c = Cluster({place("USA"), place("GEO"), place("USA")}, &out);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_NE(c[0], c[1]);
  auto one = Cluster({place("USA"), place(""), place("USA")});
  EXPECT_EQ(one[0], one[1]);

  LocalEntity abroad = Person("Aldo Varnell");
  abroad.country = "LBY";
  abroad.actor_code = "LBYGOV";
  abroad.country_from_article = true;
  abroad.mention_count = 5;
  LocalEntity said = Person("Aldo Varnell");
  said.country = "USA";
  said.actor_code = "USALEG";
  Cluster({abroad, said}, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].country, "USA");
  EXPECT_EQ(out[0].actor_code, "USALEG");
}

// A body named without its country ("the Senate", "the Defence
// Ministry") that articles place in two countries is two bodies; in one
// country, or unplaced beside one placed, it is one.
TEST(Resolver, BodiesOfOneNameInTwoCountriesStayApart) {
  auto body = [](std::string country) {
    LocalEntity e = E("ORG", "Senate");
    e.country = std::move(country);
    e.actor_code = e.country.empty() ? std::string() : e.country + "LEG";
    e.country_from_article = true;
    return e;
  };
  std::vector<Resolver::Entity> out;
  auto c = Cluster({body("USA"), body("AUS"), body("USA")}, &out);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_NE(c[0], c[1]);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[c[0]].actor_code, "USALEG");
  EXPECT_EQ(out[c[1]].actor_code, "AUSLEG");
  auto one = Cluster({body("AUS"), body("")});
  EXPECT_EQ(one[0], one[1]);
}

// Between two spellings used equally often, the canonical name is the one
// an original article wrote, not a translation's ("Wolschinsky" follows
// German spelling), whatever the order the articles come in.
TEST(Resolver, CanonicalNamePrefersAnOriginalArticlesSpelling) {
  for (bool translated_first : {true, false}) {
    Resolver r;
    const LocalEntity german = E("PERSON", "Arkady Wolschinsky"), english = E("PERSON", "Arkady Volshinsky");
    if (translated_first) r.Add("art1", {german}, true);
    r.Add("art2", {english}, false);
    if (!translated_first) r.Add("art3", {german}, true);
    auto out = r.Finish(nullptr);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].name, "Arkady Volshinsky");
  }
}

// Across articles too: one first name and surname with different
// initials after the first name are two people; the name written without
// initials joins only when it fits one of them alone.
// A name that is one of the articles' outlets is an organisation, though
// the articles that mention it read it as a place; a person of that name
// stays a person.
TEST(Resolver, AnOutletNamedInTheTextIsAnOrganisation) {
  Resolver r{MergeOptions{}};
  r.Add("a1", {E("LOC", "Lenhall Herald", {"@lenhallherald"}, 2)});
  r.Add("a2", {E("LOC", "Lenhall Herald", {}, 1), E("LOC", "Harlow")});
  r.Add("a3", {E("PERSON", "Odal Kessar")});
  r.AddOutlet("The Lenhall Herald");
  r.AddOutlet("Odal Kessar");
  auto entities = r.Finish();
  std::map<std::string, std::string> types;
  for (const auto& e : entities) types[e.name] = e.type;
  EXPECT_EQ(types["Lenhall Herald"], "ORG");
  EXPECT_EQ(types["Harlow"], "LOC");
  EXPECT_EQ(types["Odal Kessar"], "PERSON");
}

// An outlet is a news medium: CAMEO's MED, after its country when the
// articles give one; a code the articles gave (a state broadcaster's
// GOVMED) stays, and an entity that is no outlet gets none.
TEST(Resolver, AnOutletNamedInTheTextIsAMedium) {
  Resolver r{MergeOptions{}};
  LocalEntity herald = E("ORG", "Lenhall Herald"), radio = E("ORG", "Radio Kessar"), post = E("ORG", "Valley Post");
  radio.actor_code = "GOVMED";
  radio.country = "KSR";
  post.country = "GBR";
  r.Add("a1", {herald, radio, post, E("ORG", "Lenhall Dockers Union")});
  for (const char* o : {"The Lenhall Herald", "Radio Kessar", "Valley Post", "Morvia Times"}) r.AddOutlet(o);
  std::map<std::string, std::string> codes;
  for (const auto& e : r.Finish()) codes[e.name] = e.actor_code;
  EXPECT_EQ(codes["Lenhall Herald"], "MED");
  EXPECT_EQ(codes["Radio Kessar"], "GOVMED");
  EXPECT_EQ(codes["Valley Post"], "GBRMED");
  EXPECT_EQ(codes["Lenhall Dockers Union"], "");
}

TEST(Resolver, DifferentMiddleInitialsAreDifferentPeople) {
  auto c = Cluster({E("PERSON", "Odal H.W. Varnell"), E("PERSON", "Odal W. Varnell"), E("PERSON", "Odal H. W. Varnell"),
                    E("PERSON", "Odal W. Varnell"), E("PERSON", "Odal Varnell")});
  EXPECT_NE(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_EQ(c[1], c[3]);
  EXPECT_NE(c[4], c[0]);
  EXPECT_NE(c[4], c[1]);
  // With one of them only, the name without initials is that person.
  auto d = Cluster({E("PERSON", "Odal Varnell"), E("PERSON", "Odal K. Varnell"), E("PERSON", "Odal Varnell")});
  EXPECT_EQ(d[0], d[1]);
  EXPECT_EQ(d[1], d[2]);
}

TEST(Resolver, AGenerationalSuffixIsAnotherPerson) {
  auto c = Cluster({Person("Odal Varnell"), Person("Odal Varnell Jr."), Person("Odal Varnell, Jr."),
                    Person("Odal Varnell Sr."), Person("Odal Varnell III"), Person("Odal Varnell")});
  EXPECT_EQ(c[1], c[2]);
  EXPECT_EQ(c[0], c[5]);
  EXPECT_EQ((std::set<std::uint32_t>{c[0], c[1], c[3], c[4]}).size(), 4u);
  // With one person of the name known by "Jr.", outlets that drop it name
  // that person ...
  auto d = Cluster({Person("Odal Varnell Jr."), Person("Odal Varnell"), Person("Odal Varnell Jr.")});
  EXPECT_EQ(d[0], d[1]);
  EXPECT_EQ(d[1], d[2]);
  // ... unless an article names both: then they are father and son.
  Resolver r;
  r.Add("art1", {Person("Odal Varnell Jr."), Person("Odal Varnell")});
  r.Add("art2", {Person("Odal Varnell")});
  r.Add("art3", {Person("Odal Varnell Jr.")});
  std::vector<std::vector<std::uint32_t>> assignment;
  r.Finish(&assignment);
  EXPECT_NE(assignment[0][0], assignment[0][1]);
  EXPECT_EQ(assignment[1][0], assignment[0][1]);
  EXPECT_EQ(assignment[2][0], assignment[0][0]);
}

// Outlets' styles: one writes the short given name a person goes by, another
// the full one with initials and a generation ("Joseph R. Varnell Jr."). A
// short form that stands for several names ("Chris") or a surname that is
// also a short form ("Will") joins nothing by it.
TEST(Resolver, AnEnglishShortGivenNameIsTheFullOne) {
  auto c = Cluster({Person("Joe Varnell"), Person("Joseph R. Varnell Jr."), Person("Bill Kessar"),
                    Person("William Kessar"), Person("Chris Lenhall"), Person("Christopher Lenhall"),
                    Person("Christine Lenhall"), Person("Odal Will"), Person("Odal William")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[2], c[3]);
  EXPECT_NE(c[4], c[5]);
  EXPECT_NE(c[4], c[6]);
  EXPECT_NE(c[7], c[8]);
  EXPECT_NE(c[0], c[2]);
}

// A surname two people share, with no title: the one the articles name in
// full five times as often as the other, in five or more, is meant.
TEST(Resolver, ASharedSurnameAloneIsTheFarMoreNamedPerson) {
  std::vector<LocalEntity> es(6, Person("Odal Kessar"));
  es.push_back(Person("Ana Kessar"));
  es.push_back(Person("Kessar"));
  auto c = Cluster(es);
  EXPECT_EQ(c[7], c[0]);
  EXPECT_NE(c[6], c[0]);
  // Four articles are too few to tell; so is a lead of less than five to one.
  std::vector<LocalEntity> few(4, Person("Odal Kessar"));
  few.push_back(Person("Ana Kessar"));
  few.push_back(Person("Kessar"));
  auto d = Cluster(few);
  EXPECT_NE(d[5], d[0]);
  EXPECT_NE(d[5], d[4]);
  std::vector<LocalEntity> close(6, Person("Odal Kessar"));
  close.push_back(Person("Ana Kessar"));
  close.push_back(Person("Ana Kessar"));
  close.push_back(Person("Kessar"));
  auto e = Cluster(close);
  EXPECT_NE(e[8], e[0]);
  EXPECT_NE(e[8], e[6]);
}

// An acronym beside a name whose initials spell it may stand for another
// name with the same initials: it links no two such names. Beside a name
// it does not spell, the text defined it, and it links.
TEST(Resolver, AnAcronymTwoSpeltOutNamesShareLinksNeither) {
  auto c = Cluster({E("ORG", "Lenhall National Committee", {"LNC", "Lenhall National Committee"}),
                    E("ORG", "Lenhall National Convention", {"LNC", "Lenhall National Convention"}),
                    E("ORG", "Kessar Islamic Front", {"KIFL", "Kessar Islamic Front"}),
                    E("ORG", "Kessar Front", {"KIFL", "Kessar Front"})});
  EXPECT_NE(c[0], c[1]);
  EXPECT_EQ(c[2], c[3]);
}

TEST(Resolver, TransliterationVariantsOfOnePerson) {
  auto c = Cluster({E("PERSON", "Arkadiy Volshinskiy"), E("PERSON", "Arkady Wolschinsky"),
                    E("PERSON", "Arkadii Volshinsky"), E("PERSON", "Mikhail Tarkhov"), E("PERSON", "Mihail Tarhov"),
                    E("PERSON", "Yevgeniy Dmitriev"), E("PERSON", "Evgeny Dmitryev"), E("PERSON", "Dr. Evgeny Dmitryev")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_EQ(c[3], c[4]);
  EXPECT_EQ(c[5], c[6]);
  EXPECT_EQ(c[5], c[7]);
  EXPECT_NE(c[0], c[3]);
  EXPECT_NE(c[3], c[5]);
}

TEST(Resolver, UmlautSpellingsOfOnePerson) {
  auto c = Cluster({E("PERSON", "Greta M\u00FCltrand"), E("PERSON", "Greta Mueltrand"), E("PERSON", "Greta Multrand"),
                    E("PERSON", "Gerda Multrand"), E("PERSON", "Greta Maltrand")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_NE(c[0], c[3]);
  EXPECT_NE(c[0], c[4]);
}

TEST(Resolver, OffAndOvSpellingsOfOnePerson) {
  auto c = Cluster({E("PERSON", "Ivan Lenhaloff"), E("PERSON", "Ivan Lenhalov"), E("PERSON", "Ivan Lenhalev"),
                    E("PERSON", "Pyotr Lenhaloff")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_NE(c[0], c[2]);
  EXPECT_NE(c[0], c[3]);
}

TEST(Resolver, RomanisationsOfAnArabicGivenName) {
  auto c = Cluster({E("PERSON", "Mohammed Kessar"), E("PERSON", "Muhammad Kessar"), E("PERSON", "Mohamed Kessar"),
                    E("PERSON", "Mohammad Kessar"), E("PERSON", "Mahmoud Kessar"), E("PERSON", "Muhammad Varnol")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_EQ(c[0], c[3]);
  EXPECT_NE(c[0], c[4]);  // another given name
  EXPECT_NE(c[0], c[5]);  // another surname
}

TEST(Resolver, TheArabicArticleWrittenOrDropped) {
  auto c = Cluster({E("PERSON", "Odal al-Kessar"), E("PERSON", "Odal el-Kessar"), E("PERSON", "Odal Al Kessar"),
                    E("PERSON", "Odal Kessar"), E("PERSON", "Tamir al-Kessar"), E("PERSON", "Odal al-Varnol")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_EQ(c[0], c[3]);
  EXPECT_NE(c[0], c[4]);  // the same family name, another person
  EXPECT_NE(c[0], c[5]);
}

// An Arabic surname's diphthong and "ou" are romanised differently too, as
// is "Tarek"/"Tariq"; a non-Arabic given name keeps its surname's vowels
// apart (invented names).
TEST(Resolver, ArabicSurnameVowelsRomanisedDifferently) {
  auto c = Cluster({E("PERSON", "Mohammed al-Varneiri"), E("PERSON", "Muhammad al-Varnairi"),
                    E("PERSON", "Tarek el-Lenhouri"), E("PERSON", "Tariq al-Lenhuri"), E("PERSON", "Tarik Lenhuri"),
                    E("PERSON", "Sofia Kessein"), E("PERSON", "Sofia Kessain"), E("PERSON", "Muhammad al-Varnori")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[2], c[3]);
  EXPECT_EQ(c[2], c[4]);
  EXPECT_NE(c[5], c[6]);  // not an Arabic given name: two surnames
  EXPECT_NE(c[0], c[7]);  // another vowel, another surname
}

TEST(Resolver, AbdAlCompoundNamesWrittenEveryWay) {
  auto c = Cluster({E("PERSON", "Abdel Odal Kessar"), E("PERSON", "Abdul Odal Kessar"), E("PERSON", "Abd al-Odal Kessar"),
                    E("PERSON", "Abdelodal Kessar"), E("PERSON", "Abdel Tamir Kessar"), E("PERSON", "Abdel Kessar"),
                    E("PERSON", "Abdul Kessar")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_EQ(c[0], c[3]);
  EXPECT_NE(c[0], c[4]);  // the second part tells two people apart
  EXPECT_NE(c[0], c[5]);
  EXPECT_EQ(c[5], c[6]);
}

TEST(Resolver, AHyphenatedGivenNameWrittenWithASpace) {
  auto c = Cluster({E("PERSON", "Jean-Odal Varenne"), E("PERSON", "Jean Odal Varenne"), E("PERSON", "Jeanodal Varenne"),
                    E("PERSON", "Jean-Tamir Varenne"), E("PERSON", "Odal Varenne")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_NE(c[0], c[3]);  // another compound with the same first part
  EXPECT_NE(c[0], c[4]);
  // The first part alone is not the compound. (A spaced "Jean Odal Varenne"
  // also keys "Jean Varenne", as any middle name does, so it is left out here.)
  auto d = Cluster({E("PERSON", "Jean-Odal Varenne"), E("PERSON", "Jean Varenne"), E("PERSON", "Jean-Tamir Varenne")});
  EXPECT_NE(d[0], d[1]);
  EXPECT_NE(d[0], d[2]);
  EXPECT_NE(d[1], d[2]);
}

TEST(Resolver, DifferentFirstNamesNeverMerge) {
  auto c = Cluster({E("PERSON", "Arkady Volshinsky"), E("PERSON", "Boris Volshinsky"), E("PERSON", "Arkady Penrose"),
                    E("PERSON", "Volshinsky"), E("PERSON", "Arkady Volshinsky", {"Arkady Volshinsky", "Volshinsky"})});
  EXPECT_NE(c[0], c[1]);
  EXPECT_NE(c[0], c[2]);
  EXPECT_EQ(c[0], c[4]);
  // A bare surname shared by two people joins neither.
  EXPECT_NE(c[3], c[0]);
  EXPECT_NE(c[3], c[1]);
}

TEST(Resolver, SurnameOnlyJoinsTheOneFullName) {
  auto c = Cluster({E("PERSON", "Ada Penrose"), E("PERSON", "Penrose"), E("PERSON", "Ada W. Penrose"),
                    E("PERSON", "Zamfir"), E("PERSON", "Zamfir"), E("ORG", "Penrose")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_EQ(c[3], c[4]);  // a mononym
  EXPECT_NE(c[5], c[0]);  // an organisation is not the person
}

TEST(Resolver, ATwoWordNameTypedAnOrganisationMeetsThePersonOfThatName) {
  // "Odal Kessar" typed an organisation in one article and a person in two:
  // one entity, a person. Three-word names sharing a first and a last word
  // ("National Security Council", "National Economic Council") stay apart.
  std::vector<Resolver::Entity> out;
  auto c = Cluster({E("PERSON", "Odal Kessar", {}, 5), E("PERSON", "Odal Kessar", {}, 4), E("ORG", "Odal Kessar", {}, 1),
                    E("ORG", "National Security Council"), E("ORG", "National Economic Council")},
                   &out);
  EXPECT_EQ(c[2], c[0]);
  EXPECT_EQ(c[1], c[0]);
  EXPECT_EQ(out[c[0]].type, "PERSON");
  EXPECT_NE(c[3], c[4]);
}

TEST(Resolver, ARoleOneNameHoldsInMostArticlesSettlesASharedSurname) {
  // Three articles name Odal Kessar president; one gave the title to Mira
  // Kessar in passing. "President Kessar" alone is Odal. With two articles
  // against one, it stays apart.
  auto c = Cluster({Person("Odal Kessar", {"Odal Kessar"}, {"president"}),
                    Person("Odal Kessar", {"Odal Kessar"}, {"president"}),
                    Person("Odal Kessar", {"Odal Kessar"}, {"president"}),
                    Person("Mira Kessar", {"Mira Kessar"}, {"president", "first lady"}),
                    Person("Kessar", {}, {"president"})});
  EXPECT_EQ(c[4], c[0]);
  EXPECT_NE(c[3], c[0]);
  c = Cluster({Person("Odal Kessar", {"Odal Kessar"}, {"president"}),
               Person("Odal Kessar", {"Odal Kessar"}, {"president"}),
               Person("Mira Kessar", {"Mira Kessar"}, {"president"}),
               Person("Kessar", {}, {"president"})});
  EXPECT_NE(c[3], c[0]);
  EXPECT_NE(c[3], c[2]);
}

TEST(Resolver, ASurnameWithATitleJoinsNoOneWhoseTitlesNameAnotherOffice) {
  // The only full name with the surname is the first lady; the president
  // named by surname alone is someone else. Without a title, or with the
  // same office, the surname joins her.
  auto c = Cluster({Person("Mira Kessar", {"Mira Kessar"}, {"first lady"}),
                    Person("Kessar", {}, {"president"}),
                    Person("Kessar", {}, {}),
                    Person("Kessar", {}, {"former first lady"})});
  EXPECT_NE(c[1], c[0]);
  EXPECT_EQ(c[2], c[0]);
  EXPECT_EQ(c[3], c[0]);
}

TEST(Resolver, ATaskInTalksIsNoOtherOffice) {
  // An interior minister leads his side's delegation: "the negotiator Mr.
  // Kessar" of another article is he, and so the other way round. A
  // title of another office still keeps a surname apart.
  auto c = Cluster({Person("Odal Kessar", {"Odal Kessar"}, {"interior minister"}),
                    Person("Kessar", {}, {"negotiator"}),
                    Person("Kessar", {}, {"chief mediator"}),
                    Person("Kessar", {}, {"mayor"})});
  EXPECT_EQ(c[1], c[0]);
  EXPECT_EQ(c[2], c[0]);
  EXPECT_NE(c[3], c[0]);
  c = Cluster({Person("Mira Varnell", {"Mira Varnell"}, {"chief negotiator"}),
               Person("Varnell", {}, {"finance minister"})});
  EXPECT_EQ(c[1], c[0]);
}

TEST(Resolver, ASharedSurnameIsSettledByARoleOnlyOneHolds) {
  auto c = Cluster({Person("Odal Kessar", {"Odal Kessar", "Kessar"}, {"president"}),
                    Person("Mira Kessar", {"Mira Kessar", "Kessar"}, {"lawyer"}),
                    Person("Kessar", {}, {"president"}),             // the president: Odal
                    Person("Kessar", {}, {}),                        // either: apart
                    Person("Kessar", {}, {"president", "lawyer"})});  // both roles: apart
  EXPECT_EQ(c[2], c[0]);
  EXPECT_NE(c[0], c[1]);
  EXPECT_NE(c[3], c[0]);
  EXPECT_NE(c[3], c[1]);
  EXPECT_NE(c[4], c[0]);
  EXPECT_NE(c[4], c[1]);
}

TEST(Resolver, ADoubleBarrelledSurnameAloneJoinsItsFullName) {
  // "Okafor-Lind" alone is the surname of "Ruth Okafor-Lind", not a person
  // with the first name Okafor; a different Lind stays apart.
  auto c = Cluster({E("PERSON", "Ruth Okafor-Lind"), E("PERSON", "Okafor-Lind"), E("PERSON", "Tom Lind"),
                    E("PERSON", "Lind")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_NE(c[0], c[2]);
  EXPECT_EQ(c[2], c[3]);
}

TEST(Resolver, ASpanishNameWithAndWithoutItsSecondSurnameIsOnePerson) {
  // Given name and first surname, the form most outlets use; the two
  // surnames alone with the title the full name has.
  auto c = Cluster({Person("Odalys Kessar Varnell", {}, {"regional governor"}), Person("Odalys Kessar"),
                    Person("Kessar Varnell", {}, {"governor"}), Person("Ódalys Kessar")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_EQ(c[0], c[3]);
  // The surnames alone without a shared title may be another person whose
  // given name looks like a surname.
  c = Cluster({Person("Lenhall Kessar Varnell", {}, {"minister"}), Person("Kessar Varnell", {}, {"goalkeeper"}),
               Person("Kessar Varnell")});
  EXPECT_NE(c[0], c[1]);
  EXPECT_NE(c[0], c[2]);
  // Two long names with the same short form: the short one stays apart.
  c = Cluster({Person("Tessa Harlen Morvia"), Person("Tessa Harlen Dravo"), Person("Tessa Harlen")});
  EXPECT_NE(c[0], c[1]);
  EXPECT_NE(c[2], c[0]);
  EXPECT_NE(c[2], c[1]);
}

TEST(Resolver, OrganisationWordOrderSpellingAndAcronym) {
  std::vector<Resolver::Entity> out;
  auto c = Cluster({E("ORG", "Organization for Security and Co-operation in Europe"),
                    E("ORG", "Organisation for Security and Cooperation in Europe"),
                    E("ORG", "Ministry of Fisheries of Freedonia"), E("ORG", "Freedonia Fisheries Ministry"),
                    E("ORG", "Northern Fisheries Compact", {"Northern Fisheries Compact", "NFC"}), E("ORG", "NFC", {}, 4),
                    E("ORG", "Baltic Grain Council"), E("ORG", "BGC")},
                   &out);
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[2], c[3]);
  EXPECT_EQ(c[4], c[5]);
  EXPECT_EQ(c[6], c[7]);  // initials, one candidate
  EXPECT_NE(c[0], c[2]);
  // The canonical name is a full form even where the acronym is more frequent.
  EXPECT_EQ(out[c[5]].name, "Northern Fisheries Compact");
}

TEST(Resolver, AnOrganisationWithoutItsPlaceJoinsTheOneNamedWithIt) {
  auto c = Cluster({E("ORG", "Central Electoral Commission of Lenhall"), E("ORG", "Central Electoral Commission"),
                    E("ORG", "Central Election Commission"), E("LOC", "Lenhall")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);  // "electoral" and "election" (data/resolve/spellings.tsv)
  // Two places' bodies of that name: the one without a place stays apart.
  c = Cluster({E("ORG", "Central Electoral Commission of Lenhall"), E("ORG", "Central Electoral Commission of Kessaria"),
               E("ORG", "Central Electoral Commission"), E("LOC", "Lenhall"), E("LOC", "Kessaria")});
  EXPECT_NE(c[0], c[1]);
  EXPECT_NE(c[2], c[0]);
  EXPECT_NE(c[2], c[1]);
  // What follows "of" must be a place the articles name ("Ministry of
  // Fisheries" is no ministry of a place called Fisheries).
  c = Cluster({E("ORG", "Northern Ministry of Fisheries"), E("ORG", "Northern Ministry")});
  EXPECT_NE(c[0], c[1]);
}

TEST(Resolver, ASurnameWithAndWithoutAFinalEIsOnePersonWhenTheRoleIsTheSame) {
  auto with_role = [](std::string name, std::string role) {
    LocalEntity e = E("PERSON", std::move(name));
    e.roles = {std::move(role)};
    return e;
  };
  auto c = Cluster({with_role("Odalys Kessar", "foreign secretary"), with_role("Odalys Kessare", "foreign secretary")});
  EXPECT_EQ(c[0], c[1]);
  c = Cluster({with_role("Odalys Kessar", "foreign secretary"), with_role("Odalys Kessare", "goalkeeper")});
  EXPECT_NE(c[0], c[1]) << "another role: another person";
  c = Cluster({with_role("Odalys Kessar", "foreign secretary"), with_role("Tobias Kessare", "foreign secretary")});
  EXPECT_NE(c[0], c[1]) << "another first name";
  c = Cluster({E("PERSON", "Tobias Kessare"), with_role("Tobias Kessar", "foreign secretary")});
  EXPECT_NE(c[0], c[1]) << "no role to share";
  // A father and son of one name and office, told apart by their initials:
  // the shared role joins neither to the other, nor through a third.
  c = Cluster({with_role("Odal Varnell", "president"), with_role("Odal H.W. Varnell", "president"),
               with_role("Odal W. Varnell", "president"), with_role("Odal W. Varnell", "president")});
  EXPECT_NE(c[1], c[2]) << "other initials";
  EXPECT_EQ(c[2], c[3]);
}

TEST(Resolver, AmbiguousInitialsStayApart) {
  auto c = Cluster({E("ORG", "Baltic Grain Council"), E("ORG", "Bureau of Geodetic Charts"), E("ORG", "BGC")});
  EXPECT_NE(c[2], c[0]);
  EXPECT_NE(c[2], c[1]);
}

TEST(Resolver, CountryShortFormsThroughTheHook) {
  MergeOptions opts;
  opts.canonical_country = [](std::string_view s) -> std::string {
    if (s == "US" || s == "United States" || s == "U.S." || s == "United States of America") return "USA";
    return "";
  };
  auto with = Cluster({E("LOC", "United States"), E("LOC", "US"), E("LOC", "United States of America")}, nullptr, opts);
  EXPECT_EQ(with[0], with[1]);
  EXPECT_EQ(with[0], with[2]);
  auto without = Cluster({E("LOC", "United States"), E("LOC", "US"), E("LOC", "U.S.")});
  EXPECT_NE(without[0], without[1]);
  EXPECT_EQ(without[1], without[2]);  // dotted and plain acronym fold together anyway
}

TEST(Resolver, ListedOrganisationNamesThroughTheHook) {
  MergeOptions opts;
  opts.canonical_organisation = [](std::string_view s) -> std::string {
    if (s == "Lenhall Relief Council" || s == "Relief Council" || s == "LRC") return "Lenhall Relief Council";
    return "";
  };
  auto with = Cluster({E("ORG", "Lenhall Relief Council"), E("ORG", "Relief Council"), E("ORG", "LRC"),
                       E("ORG", "Kessar Relief Council")},
                      nullptr, opts);
  EXPECT_EQ(with[0], with[1]);
  EXPECT_EQ(with[0], with[2]);
  EXPECT_NE(with[0], with[3]);
  auto without = Cluster({E("ORG", "Lenhall Relief Council"), E("ORG", "Relief Council")});
  EXPECT_NE(without[0], without[1]);
}

TEST(Resolver, APlaceNamedByItsFormOfStateIsThePlace) {
  // No gazetteer hook: an unlisted country written in full and short.
  auto c = Cluster({E("LOC", "Lenhall"), E("LOC", "the Republic of Lenhall"), E("LOC", "Federal Republic of Lenhall"),
                    E("LOC", "Grand Duchy of Lenhall"), E("LOC", "Province of Lenhall")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_EQ(c[0], c[3]);
  EXPECT_NE(c[0], c[4]);  // a province of that name is not the country
}

TEST(Resolver, ABodyOfWaterNamedInEitherWordOrderIsOnePlace) {
  // "the Strait of Tessary" and "the Tessary Strait", even typed MISC by
  // one outlet's recogniser; the strait is not the land it is named after.
  auto c = Cluster({E("LOC", "the Strait of Tessary"), E("LOC", "Tessary Strait"), E("MISC", "Strait of Tessary"),
                    E("LOC", "Sea of Morvia"), E("LOC", "Morvia Sea"), E("LOC", "Tessary"),
                    E("LOC", "Bay of Morvia"), E("LOC", "Morvia Bay")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_EQ(c[3], c[4]);
  EXPECT_NE(c[0], c[5]);
  EXPECT_NE(c[3], c[0]);
  EXPECT_NE(c[6], c[7]);  // a bay and a town named after it may be two places
}

TEST(Resolver, ABodyNamedByItsCountrysAdjectiveOrItsCountryIsOneBody) {
  auto c = Cluster({E("ORG", "Tessarian Coast Guard"), E("ORG", "Tessaria Coast Guard"), E("ORG", "Morvati Navy"),
                    E("ORG", "Morvat Navy"), E("ORG", "Morvati Coast Guard"), E("ORG", "Tessarian Navy")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[2], c[3]);
  EXPECT_NE(c[0], c[4]);  // another country's coast guard
  EXPECT_NE(c[2], c[5]);  // another country's navy
  EXPECT_NE(c[0], c[2]);
}

TEST(Resolver, AOneWordPersonNamedAsAPlaceElsewhereIsThatPlace) {
  // One article's model took the village for a person; the others name it
  // as a place, more often: one place.
  std::vector<Resolver::Entity> out;
  auto c = Cluster({E("LOC", "Kessarovo", {}, 3), E("LOC", "Kessarovo", {}, 2), E("PERSON", "Kessarovo")}, &out);
  EXPECT_EQ(c[0], c[2]);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].type, "LOC");
  // Not when the word is someone's surname elsewhere ("Odal Lenhall"),
  // nor when the person has a role, nor towards a place named less often.
  LocalEntity with_role = E("PERSON", "Varnell");
  with_role.roles = {"colonel"};
  auto d = Cluster({E("LOC", "Lenhall", {}, 3), E("PERSON", "Odal Lenhall", {"Odal Lenhall", "Lenhall"}), E("PERSON", "Lenhall"),
                    E("LOC", "Varnell", {}, 3), with_role, E("LOC", "Harlen"), E("PERSON", "Harlen", {}, 2)});
  EXPECT_NE(d[0], d[2]);
  EXPECT_EQ(d[1], d[2]);
  EXPECT_NE(d[3], d[4]);
  EXPECT_NE(d[5], d[6]);
}

TEST(Resolver, CityStaysApartFromItsGovernment) {
  std::vector<Resolver::Entity> out;
  auto c = Cluster({E("LOC", "Karvena", {}, 5), E("ORG", "Karvena city government"), E("ORG", "Karvena"),
                    E("PERSON", "Lena Karvena")},
                   &out);
  EXPECT_NE(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);  // a mistagged ORG joins the place, which stays a LOC
  EXPECT_EQ(out[c[0]].type, "LOC");
  EXPECT_NE(c[3], c[0]);
}

TEST(Resolver, FacilityDesignatorVariants) {
  auto c = Cluster({E("LOC", "Harlow Crest Clinic"), E("LOC", "Harlow Crest Centre"), E("LOC", "Harlow Crest Center"),
                    E("LOC", "Harlow Crest")});
  EXPECT_EQ(c[0], c[1]);
  EXPECT_EQ(c[0], c[2]);
  EXPECT_NE(c[0], c[3]);  // the bare name may be the town the clinic is named after
}

TEST(Resolver, IdsAreStableAndIndependentOfAddOrder) {
  std::vector<std::pair<std::string, std::vector<LocalEntity>>> articles = {
      {"a1", {E("PERSON", "Arkady Volshinsky", {"Arkady Volshinsky", "Volshinsky"}, 2), E("ORG", "NFC")}},
      {"a2", {E("PERSON", "Arkadiy Volshinskiy"), E("LOC", "Karvena"), E("PERSON", "Zamfir")}},
      {"a3", {E("ORG", "Northern Fisheries Compact", {"Northern Fisheries Compact", "NFC"}), E("PERSON", "Zamfir")}},
  };
  auto run = [&](bool reverse) {
    Resolver r;
    auto order = articles;
    if (reverse) std::reverse(order.begin(), order.end());
    for (const auto& [id, es] : order) r.Add(id, es);
    std::vector<std::vector<std::uint32_t>> assignment;
    auto out = r.Finish(&assignment);
    // id of each (article, local) pair
    std::map<std::pair<std::string, std::size_t>, std::string> ids;
    for (std::size_t a = 0; a < order.size(); ++a)
      for (std::size_t l = 0; l < order[a].second.size(); ++l) ids[{order[a].first, l}] = out[assignment[a][l]].id;
    return std::make_pair(out, ids);
  };
  auto [out1, ids1] = run(false);
  auto [out2, ids2] = run(false);
  auto [out3, ids3] = run(true);
  ASSERT_EQ(out1.size(), 4u);
  EXPECT_EQ(ids1, ids2);
  EXPECT_EQ(ids1, ids3);
  for (std::size_t i = 0; i < out1.size(); ++i) {
    EXPECT_EQ(out1[i].id, out3[i].id);
    EXPECT_EQ(out1[i].name, out3[i].name);
    EXPECT_EQ(out1[i].aliases, out3[i].aliases);
    EXPECT_EQ(out1[i].articles, out3[i].articles);
    EXPECT_EQ(out1[i].id.size(), 17u);
    EXPECT_EQ(out1[i].id[0], 'e');
    if (i > 0) {
      EXPECT_LT(out1[i - 1].id, out1[i].id);
    }
  }
  EXPECT_EQ(ids1[std::make_pair(std::string("a1"), std::size_t{0})], ids1[std::make_pair(std::string("a2"), std::size_t{0})]);
  EXPECT_EQ(ids1[std::make_pair(std::string("a1"), std::size_t{1})], ids1[std::make_pair(std::string("a3"), std::size_t{0})]);
}

TEST(Resolver, FinishLeavesItEmpty) {
  Resolver r;
  r.Add("a", {E("ORG", "NATO")});
  EXPECT_EQ(r.size(), 1u);
  EXPECT_EQ(r.Finish().size(), 1u);
  EXPECT_EQ(r.size(), 0u);
  EXPECT_TRUE(r.Finish().empty());
}

// Letters that no transliteration rule touches and that never double, so
// every generated name is its own key.
std::string Word(std::uint32_t v, std::uint32_t syllables) {
  static const char kCons[] = "bdfglmnprtvz";
  static const char kVow[] = "aou";
  std::string s;
  for (std::uint32_t i = 0; i < syllables; ++i) {
    s += kCons[v % 12];
    v /= 12;
    s += kVow[v % 3];
    v /= 3;
  }
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

TEST(Resolver, ScalesTo200kLocalEntities) {
  // 40,000 people in 3 articles each (full name, with a title, surname
  // with the full name as alias) and 20,000 organisations in 4 (two word
  // orders, the acronym with its expansion, the acronym alone).
  const std::uint32_t kPeople = 40000, kOrgs = 20000;
  Resolver r;
  std::vector<std::uint32_t> truth;  // per added entity, its real thing
  std::uint32_t article = 0;
  std::vector<LocalEntity> batch;
  auto flush = [&] {
    std::string id = "a";
    id += std::to_string(article++);
    r.Add(id, batch);
    batch.clear();
  };
  for (std::uint32_t p = 0; p < kPeople; ++p) {
    std::string first = Word(p % 500, 2), last = Word(p, 5);
    batch.push_back(E("PERSON", first + " " + last));
    truth.push_back(p);
    batch.push_back(E("PERSON", "Dr. " + first + " " + last));
    truth.push_back(p);
    batch.push_back(E("PERSON", first + " " + last, {first + " " + last, last}, 3));
    truth.push_back(p);
    if (batch.size() >= 30) flush();
  }
  for (std::uint32_t o = 0; o < kOrgs; ++o) {
    std::string a = Word(o, 3) + "x", b = Word(o * 7 + 1, 3) + "q", c = Word(o * 13 + 5, 3) + "k";
    std::string acr = std::string("X") + static_cast<char>('A' + o % 26) + static_cast<char>('A' + o / 26 % 26) +
                      static_cast<char>('A' + o / 676 % 26) + static_cast<char>('A' + o / 17576 % 26);
    batch.push_back(E("ORG", a + " " + b + " Council of " + c));
    truth.push_back(kPeople + o);
    batch.push_back(E("ORG", c + " " + a + " " + b + " Council"));
    truth.push_back(kPeople + o);
    batch.push_back(E("ORG", a + " " + b + " Council of " + c, {a + " " + b + " Council of " + c, acr}));
    truth.push_back(kPeople + o);
    batch.push_back(E("ORG", acr));
    truth.push_back(kPeople + o);
    if (batch.size() >= 30) flush();
  }
  if (!batch.empty()) flush();
  ASSERT_EQ(r.size(), truth.size());
  ASSERT_GE(truth.size(), 200000u);
  std::vector<std::vector<std::uint32_t>> assignment;
  auto out = r.Finish(&assignment);
  EXPECT_EQ(out.size(), kPeople + kOrgs);
  std::vector<std::uint32_t> flat;
  for (const auto& a : assignment) flat.insert(flat.end(), a.begin(), a.end());
  ASSERT_EQ(flat.size(), truth.size());
  std::vector<std::int64_t> entity_of_truth(kPeople + kOrgs, -1);
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < flat.size(); ++i) {
    auto& e = entity_of_truth[truth[i]];
    if (e < 0) e = flat[i];
    wrong += e != flat[i];
  }
  EXPECT_EQ(wrong, 0u);
  std::set<std::string> ids;
  for (const auto& e : out) ids.insert(e.id);
  EXPECT_EQ(ids.size(), out.size());
}

}  // namespace
}  // namespace sitrep::resolve
