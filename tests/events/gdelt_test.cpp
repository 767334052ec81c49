// GDELT 2.0 rows: 61 event columns in codebook order, 16 mention columns.
#include <gtest/gtest.h>

#include "events/gdelt.h"

namespace sitrep::events {
namespace {

TEST(Gdelt, EventRowHas61ColumnsInCodebookOrder) {
  std::unordered_map<std::string, GdeltArticle> articles;
  GdeltArticle a;
  a.url = "https://example.org/a";
  a.outlet = "Example Wire";
  a.published = "2024-01-17";
  a.sentence_starts = {0, 60};
  a.text_length = 120;
  articles["a1"] = a;
  std::string line =
      R"({"id":"v1","date":"2024-01-16","cameo":"0431","root":"04","quad_class":1,"goldstein":2.8,)"
      R"("source":{"entity":"e1","name":"Russian troops","actor_code":"RUSMIL"},"target":null,)"
      R"("location":{"name":"Nairobi","country":"KEN","entity":"e2"},"negated":false,"attributed":false,)"
      R"("mentions":[{"article":"a1","sentence":[60,110]},{"article":"a1","sentence":[0,50]}],"num_articles":1,"num_outlets":1})";
  std::vector<std::string> row;
  std::vector<std::vector<std::string>> mentions;
  ASSERT_TRUE(GdeltRows(line, 42, articles, &row, &mentions).ok());
  ASSERT_EQ(row.size(), kGdeltEventColumns);
  EXPECT_EQ(kGdeltEventColumns, 61u);
  EXPECT_EQ(row[0], "42");               // GLOBALEVENTID
  EXPECT_EQ(row[1], "20240116");         // SQLDATE
  EXPECT_EQ(row[2], "202401");           // MonthYear
  EXPECT_EQ(row[3], "2024");             // Year
  EXPECT_EQ(row[4], "2024.0438");        // FractionDate: day 16 of 365
  EXPECT_EQ(row[5], "RUSMIL");           // Actor1Code
  EXPECT_EQ(row[6], "RUSSIAN TROOPS");   // Actor1Name
  EXPECT_EQ(row[7], "RUS");              // Actor1CountryCode
  EXPECT_EQ(row[12], "MIL");             // Actor1Type1Code
  EXPECT_EQ(row[15], "");                // Actor2Code: no target
  EXPECT_EQ(row[25], "0");               // IsRootEvent: first report is not the first sentence
  EXPECT_EQ(row[26], "0431");            // EventCode, leading zero kept
  EXPECT_EQ(row[27], "043");             // EventBaseCode
  EXPECT_EQ(row[28], "04");              // EventRootCode
  EXPECT_EQ(row[29], "1");               // QuadClass
  EXPECT_EQ(row[31], "2");               // NumMentions
  EXPECT_EQ(row[32], "1");               // NumSources
  EXPECT_EQ(row[33], "1");               // NumArticles
  EXPECT_EQ(row[51], "4");               // ActionGeo_Type
  EXPECT_EQ(row[52], "Nairobi");         // ActionGeo_FullName
  EXPECT_EQ(row[53], "KEN");             // ActionGeo_CountryCode
  EXPECT_EQ(row[59], "20240117000000");  // DATEADDED
  EXPECT_EQ(row[60], "https://example.org/a");
  ASSERT_EQ(mentions.size(), 2u);
  for (const auto& m : mentions) EXPECT_EQ(m.size(), kGdeltMentionColumns);
  EXPECT_EQ(mentions[0][6], "2");  // SentenceID, 1-based
  EXPECT_EQ(mentions[1][6], "1");
  EXPECT_EQ(mentions[0][4], "Example Wire");
}

TEST(Gdelt, RejectsALineThatIsNotAnEvent) {
  std::unordered_map<std::string, GdeltArticle> none;
  std::vector<std::string> row;
  std::vector<std::vector<std::string>> mentions;
  EXPECT_FALSE(GdeltRows("{}", 1, none, &row, &mentions).ok());
  EXPECT_FALSE(GdeltRows("nope", 1, none, &row, &mentions).ok());
}

}  // namespace
}  // namespace sitrep::events
