// Names as the whole pipeline finds them on scraped text.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <utility>

#include "pipeline/pipeline.h"

namespace sitrep::pipeline {
namespace {

// The whole per-article pipeline on one plain-text article.
Article RunText(std::string text) {
  ArticlePipeline pipeline = ArticlePipeline::Standard(nullptr);
  auto scratch = pipeline.NewScratch();
  ingest::RawDoc doc;
  doc.source = "test";
  doc.format = ingest::Format::kText;
  doc.bytes = std::move(text);
  return pipeline.Run(std::move(doc), scratch);
}

// The whole per-article pipeline on one JSON article with a web address.
Article RunWithAddress(std::string url, std::string text) {
  ArticlePipeline pipeline = ArticlePipeline::Standard(nullptr);
  auto scratch = pipeline.NewScratch();
  ingest::RawDoc doc;
  doc.source = "test";
  doc.format = ingest::Format::kJson;
  std::string json = "{\"url\": \"" + url + "\", \"text\": \"";
  for (char c : text) {
    if (c == '\n') json += "\\n";
    else if (c == '"' || c == '\\') json += std::string("\\") + c;
    else json += c;
  }
  doc.bytes = json + "\"}";
  return pipeline.Run(std::move(doc), scratch);
}

// The article's mentions by their text (of two with one text, the last).
std::map<std::string, Mention, std::less<>> ByText(const Article& a) {
  std::map<std::string, Mention, std::less<>> out;
  for (const Mention& m : a.mentions) out[std::string(a.text.substr(m.begin, m.end - m.begin))] = m;
  return out;
}

// A page's reference list: the recogniser took the "^" that marks each
// reference into the name after it.
TEST(Mentions, NoNameStartsOrEndsWithAMarkWithoutLettersOrDigits) {
  Article a = RunText(
      "Notes on the Lenhall archive\n\n"
      "The archive was opened in 1990 by the council of Lenhall, and it holds the letters of the Kessar family.\n\n"
      "^ Kessar, Odalys (2001). A History of Lenhall. Dravel University Press. p. 52.\n\n"
      "^ Harlen, Tobin (September 26, 2017). The Lenhall Letters. Kessar & Company. p. 80.\n\n"
      "^ Varnell, Jakob (1996). \"Harbour notes\". Retrieved 2007-10-12.\n");
  ASSERT_TRUE(a.ok());
  bool varnell = false;
  for (const Mention& m : a.mentions) {
    std::string_view s = std::string_view(a.text).substr(m.begin, m.end - m.begin);
    ASSERT_FALSE(s.empty());
    EXPECT_NE(s.front(), '^') << s;
    EXPECT_NE(s.back(), '^') << s;
    varnell |= s == "Varnell";
  }
  EXPECT_TRUE(varnell);  // the name itself is still found
}

// US newswire copy abbreviates a state after its town ("Kessar Falls,
// Mont.") and after "of": the abbreviation is one token, which ends no
// sentence before a lower-case word, and both it and the town are places
// in the United States. Written out, or as a plain word ("miss"), nothing
// changes.
TEST(Mentions, ANewswiresStateAbbreviationAndItsTownArePlacesInTheUnitedStates) {
  Article a = RunText(
      "A storm knocked out power to 20,000 homes in Kessar Falls, Mont., on Wednesday, officials said.\n\n"
      "The governor of Pa. said crews would help. Residents should not miss the warnings, she said.\n\n"
      "Nev. opens its new border post.\n");
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a.sentences.size(), 4u);
  std::map<std::string, std::pair<std::string, std::string>> found;  // text -> type, country
  for (const auto& [text, m] : ByText(a)) found[text] = {m.type, m.country};
  EXPECT_EQ(found["Kessar Falls"], std::make_pair(std::string("LOC"), std::string("USA")));
  EXPECT_EQ(found["Mont."], std::make_pair(std::string("LOC"), std::string("USA")));
  EXPECT_EQ(found["Pa."], std::make_pair(std::string("LOC"), std::string("USA")));
  EXPECT_EQ(found["Nev."], std::make_pair(std::string("LOC"), std::string("USA")));
  EXPECT_EQ(found.count("miss"), 0u);
  bool one_token = false;
  for (const Token& t : a.tokens) one_token |= a.text.substr(t.begin, t.end - t.begin) == "Mont.";
  EXPECT_TRUE(one_token);
}

// "The Peace and Security Council": the model found the name's end only
// (a listed organisation's words); the capitalised word between "The" and
// "and" is part of it. A listed place there is a name of its own.
TEST(Mentions, AnOrganisationsNameWithAndIsOneName) {
  Article a = RunText(
      "The Peace and Security Council met in Lenhall on Tuesday to discuss the border clashes.\n\n"
      "The talks between Russia and Security Council members ended without a statement.\n");
  ASSERT_TRUE(a.ok());
  auto found = ByText(a);
  EXPECT_EQ(found["Peace and Security Council"].type, "ORG");
  EXPECT_EQ(found["Russia"].type, "LOC");
  EXPECT_EQ(found.count("Russia and Security Council"), 0u);
}

// A US politician's party and state ("(R-Texas)", ", D-Calif.,") say the
// person is American; they are no name of their own.
TEST(Mentions, APartyAndStateTagIsNoNameButMakesThePersonAmerican) {
  Article a = RunText(
      "Sen. Odal Varnell (R-Texas) and Rep. Mira Castell, D-Calif., said on Monday that the bill would pass.\n");
  ASSERT_TRUE(a.ok());
  auto found = ByText(a);
  EXPECT_EQ(found.count("R-Texas"), 0u);
  EXPECT_EQ(found.count("D-Calif"), 0u);
  EXPECT_EQ(found.count("Texas"), 0u);
  EXPECT_EQ(found["Odal Varnell"].country, "USA");
  EXPECT_EQ(found["Mira Castell"].country, "USA");
  // The model may find the state alone, and a later rule join the letter
  // before its hyphen to it.
  Article b = RunText("At the rally in Cleveland, Sen. Odal Varnell (D-Ohio), also part of the search, spoke first.\n");
  ASSERT_TRUE(b.ok());
  for (const Mention& m : b.mentions) {
    const std::string_view text = std::string_view(b.text).substr(m.begin, m.end - m.begin);
    EXPECT_EQ(text.find("Ohio"), std::string_view::npos) << text;
  }
}

// An office holder whom nothing near the name places ("former President
// X", "Governor Y") holds the office in the country the article is about:
// nearly all the places it names with a country are in it. Not when the
// person's sentence names another country, nor in an article about
// several countries.
TEST(Mentions, AnOfficeHolderWithoutACountryHoldsItInTheCountryTheArticleIsAbout) {
  auto country_of = [](const Article& a, std::string_view name) {
    const auto found = ByText(a);
    const auto it = found.find(name);
    return it == found.end() ? std::string("none") : it->second.country + "/" + it->second.actor_code;
  };
  Article home = RunText(
      "The race goes west\n\n"
      "Voters in Iowa, Ohio, Kansas, Nevada and Florida heard the candidates on Monday.\n\n"
      "Former President Aldo Varnell told a crowd in Des Moines that the race was close.\n\n"
      "Governor Tobin Harlen spoke later in Columbus, and the campaign moved on to Texas, Utah and Oregon.\n\n"
      "President Odalys Kessar met envoys from France on Tuesday.\n\n"
      "The club was sold, said Odal Renn, the team president.\n\n"
      "The Senate passed the farm bill on Wednesday.\n");
  ASSERT_TRUE(home.ok());
  EXPECT_EQ(country_of(home, "Aldo Varnell"), "USA/USAELI");
  EXPECT_EQ(country_of(home, "Tobin Harlen"), "USA/USAGOV");
  EXPECT_EQ(country_of(home, "Odal Renn"), "USA/USA");  // a president in lower case may be a team's
  const Mention senate = ByText(home)["Senate"];
  EXPECT_EQ(senate.type + "/" + senate.country + "/" + senate.actor_code, "ORG/USA/USALEG");
  EXPECT_EQ(country_of(home, "Odalys Kessar"), "/");  // her sentence names another country
  Article several = RunText(
      "Ministers on tour\n\n"
      "Ministers met in Paris and Berlin on Monday, then flew to Madrid and Rome.\n\n"
      "Former President Aldo Varnell told them that the talks would go on.\n\n"
      "The Senate will vote on the plan.\n");
  ASSERT_TRUE(several.ok());
  EXPECT_EQ(country_of(several, "Aldo Varnell"), "/");
  for (const Mention& m : several.mentions) EXPECT_EQ(m.country_from_article, false) << several.text.substr(m.begin, m.end - m.begin);
}

// The outlet's country, when its web address says it: an office holder
// whom nothing places, in a report whose places are all abroad, may be
// the outlet's own (a paper writes its own officials without the
// country), so no one is placed; in an article that names no place, the
// office is in the outlet's country. Without an address, or with a
// generic one, the places decide as before.
TEST(Mentions, TheOutletsCountryFromItsWebAddressOutweighsThePlaces) {
  auto country_of = [](const Article& a, std::string_view name) {
    const auto found = ByText(a);
    const auto it = found.find(name);
    return it == found.end() ? std::string("none") : it->second.country;
  };
  const std::string abroad =
      "Talks in the south\n\n"
      "Foreign Secretary Odal Renn arrived in Kyiv on Monday before visits to Odesa and Lviv.\n\n"
      "In Kharkiv, crews cleared the roads.\n";
  Article generic = RunWithAddress("https://www.kessar-news.com/world/talks", abroad);
  ASSERT_TRUE(generic.ok());
  EXPECT_EQ(country_of(generic, "Odal Renn"), "UKR");  // the places alone decide
  Article british = RunWithAddress("https://www.kessar-news.co.uk/world/talks", abroad);
  ASSERT_TRUE(british.ok());
  EXPECT_EQ(country_of(british, "Odal Renn"), "");
  Article local = RunWithAddress("https://www.kessar-news.com.ua/world/talks", abroad);
  ASSERT_TRUE(local.ok());
  EXPECT_EQ(country_of(local, "Odal Renn"), "UKR");
  const std::string nowhere =
      "A budget at last\n\n"
      "Prime Minister Tobin Harlen said on Monday that the budget would pass this week.\n";
  Article plain = RunWithAddress("https://www.kessar-news.com/politics/budget", nowhere);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(country_of(plain, "Tobin Harlen"), "");
  Article french = RunWithAddress("https://www.kessar-news.fr/politics/budget", nowhere);
  ASSERT_TRUE(french.ok());
  EXPECT_EQ(country_of(french, "Tobin Harlen"), "FRA");
  EXPECT_TRUE(ByText(french)["Tobin Harlen"].country_from_article);
}

// A place name that places of several countries share is the one in the
// country the article's other places are in: "Florida" (a US state, a
// Uruguayan department, towns in Cuba and Colombia) beside Iowa and Ohio;
// "Georgia" the US state in news of US states alone, the country beside
// its capital.
TEST(Mentions, APlaceNameSharedByCountriesIsTheOneInTheCountryOfTheArticlesOtherPlaces) {
  auto country_of = [](const Article& a, std::string_view name) {
    const auto found = ByText(a);
    const auto it = found.find(name);
    return it == found.end() ? std::string("none") : it->second.type + "/" + it->second.country;
  };
  Article us = RunText(
      "Storms move east\n\n"
      "Storms hit Iowa and Ohio on Monday, and the rain reached Florida by the evening.\n\n"
      "Crews from Kansas and Texas were sent to Georgia, officials said.\n");
  ASSERT_TRUE(us.ok());
  EXPECT_EQ(country_of(us, "Florida"), "LOC/USA");
  EXPECT_EQ(country_of(us, "Georgia"), "LOC/USA");
  Article abroad = RunText(
      "Talks in the Caucasus\n\n"
      "Envoys met in Tbilisi on Monday, and Georgia said the talks would go on.\n");
  ASSERT_TRUE(abroad.ok());
  EXPECT_EQ(country_of(abroad, "Georgia"), "LOC/GEO");
}

// A rebel leader whose country nothing says is still coded a rebel (CAMEO
// REB); a minister of no known country gets no code (GOV alone says
// nothing of whose).
TEST(Mentions, ARebelLeaderOfNoKnownCountryIsCodedARebel) {
  Article a = RunText(
      "Talks stall\n\n"
      "Rebel commander Odal Renn said his fighters would hold the pass.\n\n"
      "Interior Minister Tobin Harlen said the talks would go on.\n");
  ASSERT_TRUE(a.ok());
  auto found = ByText(a);
  EXPECT_EQ(found["Odal Renn"].actor_code, "REB");
  ASSERT_EQ(found.count("Tobin Harlen"), 1u);
  EXPECT_EQ(found["Tobin Harlen"].actor_code, "");
}

// A people's name that the recogniser read as a place is its country's,
// not a province's of the same name ("Somali" is also a region of
// Ethiopia): else one article's "Somali" and another's "Somalia" are two
// places.
TEST(Mentions, APeoplesNameReadAsAPlaceIsItsCountrys) {
  Article a = RunText("Markets reopen\n\nSomali traders reopened the old market on Monday.\n");
  ASSERT_TRUE(a.ok());
  bool found = false;
  for (const Mention& m : a.mentions) {
    if (a.text.substr(m.begin, m.end - m.begin) != "Somali") continue;
    found = true;
    if (m.type == "LOC") {
      EXPECT_EQ(m.country, "SOM");
    }
  }
  EXPECT_TRUE(found);
}

// An adverb in -ly opening a sentence without a comma is no part of the
// person's name the model ran it into; a first name ending so is.
TEST(Mentions, ASentenceOpeningAdverbIsNoPartOfTheName) {
  Article a = RunText("Notes\n\nInterestingly Odal Kessar did not vote.\n\nKelly Varnell won the seat.\n");
  ASSERT_TRUE(a.ok());
  auto found = ByText(a);
  EXPECT_EQ(found["Odal Kessar"].type, "PERSON");
  EXPECT_EQ(found.count("Interestingly Odal Kessar"), 0u);
  EXPECT_EQ(found["Kelly Varnell"].type, "PERSON");
}

}  // namespace
}  // namespace sitrep::pipeline
