// Names as the whole pipeline finds them on scraped text.
#include <gtest/gtest.h>

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
  for (const Mention& m : a.mentions) {
    found[std::string(a.text.substr(m.begin, m.end - m.begin))] = {m.type, m.country};
  }
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
  std::map<std::string, std::string> found;
  for (const Mention& m : a.mentions) found[std::string(a.text.substr(m.begin, m.end - m.begin))] = m.type;
  EXPECT_EQ(found["Peace and Security Council"], "ORG");
  EXPECT_EQ(found["Russia"], "LOC");
  EXPECT_EQ(found.count("Russia and Security Council"), 0u);
}

// A US politician's party and state ("(R-Texas)", ", D-Calif.,") say the
// person is American; they are no name of their own.
TEST(Mentions, APartyAndStateTagIsNoNameButMakesThePersonAmerican) {
  Article a = RunText(
      "Sen. Odal Varnell (R-Texas) and Rep. Mira Castell, D-Calif., said on Monday that the bill would pass.\n");
  ASSERT_TRUE(a.ok());
  std::map<std::string, std::string> country;
  for (const Mention& m : a.mentions) country[std::string(a.text.substr(m.begin, m.end - m.begin))] = m.country;
  EXPECT_EQ(country.count("R-Texas"), 0u);
  EXPECT_EQ(country.count("D-Calif"), 0u);
  EXPECT_EQ(country.count("Texas"), 0u);
  EXPECT_EQ(country["Odal Varnell"], "USA");
  EXPECT_EQ(country["Mira Castell"], "USA");
}

}  // namespace
}  // namespace sitrep::pipeline
