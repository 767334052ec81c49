// GDELT 2.0 rows: 61 event columns in codebook order, 16 mention columns.
#include <gtest/gtest.h>

#include "events/gdelt.h"
#include "support/temp_dir.h"

namespace sitrep::events {
namespace {

TEST(Gdelt, EventRowHas61ColumnsInCodebookOrder) {
  GdeltInputs in;
  GdeltArticle a;
  a.url = "https://example.org/a";
  a.outlet = "Example Wire";
  a.published = "2024-01-17";
  a.sentence_starts = {0, 60};
  a.text_length = 120;
  a.lead_end = 50;
  in.articles["a1"] = a;
  std::string line =
      R"({"id":"v1","date":"2024-01-16","cameo":"0431","root":"04","quad_class":1,"goldstein":2.8,)"
      R"("source":{"entity":"e1","name":"Russian troops","actor_code":"RUSMIL"},"target":null,)"
      R"("location":{"name":"Nairobi","country":"KEN","entity":"e2"},"negated":false,"attributed":false,)"
      R"("mentions":[{"article":"a1","sentence":[60,110]},{"article":"a1","sentence":[0,50]}],"num_articles":1,"num_outlets":1})";
  std::vector<std::string> row;
  std::vector<std::vector<std::string>> mentions;
  ASSERT_TRUE(GdeltRows(line, 42, in, &row, &mentions).ok());
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
  EXPECT_EQ(row[25], "0");               // IsRootEvent: first report is after the lead paragraph
  EXPECT_EQ(row[26], "0431");            // EventCode, leading zero kept
  EXPECT_EQ(row[27], "043");             // EventBaseCode
  EXPECT_EQ(row[28], "04");              // EventRootCode
  EXPECT_EQ(row[29], "1");               // QuadClass
  EXPECT_EQ(row[31], "2");               // NumMentions
  EXPECT_EQ(row[32], "1");               // NumSources
  EXPECT_EQ(row[33], "1");               // NumArticles
  EXPECT_EQ(row[34], "0");               // AvgTone: the article has no tone
  EXPECT_EQ(row[51], "4");               // ActionGeo_Type: a world city
  EXPECT_EQ(row[52], "Nairobi, Kenya");  // ActionGeo_FullName
  EXPECT_EQ(row[53], "KE");              // ActionGeo_CountryCode: FIPS 10-4
  EXPECT_EQ(row[54], "KE05");            // ActionGeo_ADM1Code: Nairobi Area
  EXPECT_EQ(row[58], "184745");          // ActionGeo_FeatureID: GeoNames' Nairobi
  EXPECT_EQ(row[59], "20240117000000");  // DATEADDED
  EXPECT_EQ(row[60], "https://example.org/a");
  ASSERT_EQ(mentions.size(), 2u);
  for (const auto& m : mentions) EXPECT_EQ(m.size(), kGdeltMentionColumns);
  EXPECT_EQ(mentions[0][6], "2");  // SentenceID, 1-based
  EXPECT_EQ(mentions[1][6], "1");
  EXPECT_EQ(mentions[0][4], "Example Wire");
}

// One event line with the given actors and location (JSON values).
std::string EventLine(const std::string& source, const std::string& target, const std::string& location,
                      const std::string& mentions, const std::string& cameo = "0431") {
  return R"({"id":"v1","date":"2024-01-16","cameo":")" + cameo + R"(","root":")" + cameo.substr(0, 2) +
         R"(","quad_class":1,"goldstein":2.8,"source":)" + source + R"(,"target":)" + target +
         R"(,"location":)" + location + R"(,"negated":false,"attributed":false,"mentions":)" + mentions +
         R"(,"num_articles":1,"num_outlets":1})";
}

// Columns by the GDELT 2.0 codebook: Actor1Geo_ starts at 35, Actor2Geo_
// at 43, ActionGeo_ at 51.
constexpr std::size_t kActor1Geo = 35, kActor2Geo = 43, kActionGeo = 51;

std::vector<std::string> Geo(const std::vector<std::string>& row, std::size_t at) {
  return std::vector<std::string>(row.begin() + static_cast<std::ptrdiff_t>(at),
                                  row.begin() + static_cast<std::ptrdiff_t>(at + 8));
}

using V = std::vector<std::string>;

TEST(Gdelt, GeographyUsesFipsCodesAndCoordinates) {
  GdeltInputs in;
  in.entities["e1"] = {"Moscow", "LOC", "RUS"};
  in.entities["e2"] = {"Olaf Example", "PERSON", "DEU"};
  in.entities["e3"] = {"Berlin", "LOC", "DEU"};
  std::string line = EventLine(R"({"entity":"e1","name":"Moscow","actor_code":"RUS"})",
                               R"({"entity":"e2","name":"Example","actor_code":"DEUGOV"})",
                               R"({"name":"Berlin","country":"DEU","entity":"e3"})", "[]");
  std::vector<std::string> row;
  std::vector<std::vector<std::string>> mentions;
  ASSERT_TRUE(GdeltRows(line, 1, in, &row, &mentions).ok());
  ASSERT_EQ(row.size(), kGdeltEventColumns);
  // A city as actor: GeoNames' Moscow (524901), FIPS RS, division 48.
  EXPECT_EQ(Geo(row, kActor1Geo), (V{"4", "Moscow, Russia", "RS", "RS48", "", "55.75222", "37.61556", "524901"}));
  // A person with a country: the country's centre (Factbook 51 N, 9 E).
  EXPECT_EQ(Geo(row, kActor2Geo), (V{"1", "Germany", "GM", "GM", "", "51", "9", "GM"}));
  // Berlin: GeoNames 2950159 at 52.52437 N, 13.41053 E, in division 16.
  EXPECT_EQ(Geo(row, kActionGeo),
            (V{"4", "Berlin, Germany", "GM", "GM16", "", "52.52437", "13.41053", "2950159"}));
}

TEST(Gdelt, GeographyOfStatesCodesAndUnknownPlaces) {
  GdeltInputs in;  // no entities: actors go by their CAMEO country block
  std::vector<std::string> row;
  std::vector<std::vector<std::string>> mentions;
  ASSERT_TRUE(GdeltRows(EventLine(R"({"entity":null,"name":"US officials","actor_code":"USAGOV"})",
                                  R"({"entity":null,"name":"NATO","actor_code":"IGOWSTNAT"})",
                                  R"({"name":"Texas","country":"USA","entity":null})", "[]"),
                        1, in, &row, &mentions)
                  .ok());
  EXPECT_EQ(Geo(row, kActor1Geo), (V{"1", "United States", "US", "US", "", "38", "-97", "US"}));
  EXPECT_EQ(Geo(row, kActor2Geo), (V{"0", "", "", "", "", "", "", ""}));  // an IGO has no country
  // A US state: type 2, ADM1 "US" + its postal code; no coordinates known.
  EXPECT_EQ(Geo(row, kActionGeo), (V{"2", "Texas, United States", "US", "USTX", "", "", "", "USTX"}));
  // NATO's code: IGO is a type, WST a region, NAT the known group.
  EXPECT_EQ(row[15], "IGOWSTNAT");
  EXPECT_EQ(row[17], "");     // Actor2CountryCode
  EXPECT_EQ(row[18], "NAT");  // Actor2KnownGroupCode
  EXPECT_EQ(row[22], "IGO");  // Actor2Type1Code
  EXPECT_EQ(row[23], "");
  EXPECT_EQ(row[7], "USA");   // Actor1CountryCode (CAMEO)
  EXPECT_EQ(row[12], "GOV");  // Actor1Type1Code

  // A region acting alone fills the country column, as GDELT writes it,
  // and has no geography of its own.
  ASSERT_TRUE(GdeltRows(EventLine(R"({"entity":null,"name":"Europe","actor_code":"EUR"})", "null", "null", "[]"), 1,
                        in, &row, &mentions)
                  .ok());
  EXPECT_EQ(row[5], "EUR");  // Actor1Code
  EXPECT_EQ(row[7], "EUR");  // Actor1CountryCode
  EXPECT_EQ(row[12], "");    // Actor1Type1Code
  EXPECT_EQ(Geo(row, kActor1Geo), (V{"0", "", "", "", "", "", "", ""}));

  // A place the gazetteer does not know: the country when known, else nothing.
  ASSERT_TRUE(GdeltRows(EventLine("null", "null", R"({"name":"Qwxzville","country":"KEN","entity":null})", "[]"), 1,
                        in, &row, &mentions)
                  .ok());
  EXPECT_EQ(Geo(row, kActionGeo), (V{"1", "Kenya", "KE", "KE", "", "1", "38", "KE"}));
  ASSERT_TRUE(GdeltRows(EventLine("null", "null", R"({"name":"Qwxzville","country":null,"entity":null})", "[]"), 1,
                        in, &row, &mentions)
                  .ok());
  EXPECT_EQ(Geo(row, kActionGeo), (V{"0", "", "", "", "", "", "", ""}));
  ASSERT_EQ(row.size(), kGdeltEventColumns);
}

TEST(Gdelt, ToneOffsetsAndTranslationFromTheArticles) {
  GdeltInputs in;
  GdeltArticle a;
  a.url = "https://example.org/a";
  a.published = "2024-01-17";
  a.sentence_starts = {0, 40, 90};
  a.text_length = 150;
  a.lead_end = 80;  // the first paragraph holds sentences 1 and 2
  a.has_tone = true;
  a.tone = -2.5;
  a.translated_from = "German";
  GdeltReport r;
  r.sentence_start = 40;
  r.cameo = "0431";
  r.action = 52;
  r.source = 40;
  r.target = 70;
  a.reports.push_back(r);
  in.articles["a1"] = a;
  GdeltArticle b;
  b.url = "https://example.org/b";
  b.sentence_starts = {0};
  b.text_length = 60;
  b.lead_end = 60;
  b.has_tone = true;
  b.tone = 4;
  in.articles["a2"] = b;
  // Two reports in a1 and one in a2: the average is over articles, (-2.5 + 4) / 2.
  std::string line = EventLine("null", "null", "null",
                               R"([{"article":"a1","sentence":[40,80]},{"article":"a1","sentence":[90,150]},)"
                               R"({"article":"a2","sentence":[0,60]}])");
  std::vector<std::string> row;
  std::vector<std::vector<std::string>> m;
  ASSERT_TRUE(GdeltRows(line, 7, in, &row, &m).ok());
  EXPECT_EQ(row[34], "0.75");  // AvgTone
  EXPECT_EQ(row[25], "1");     // IsRootEvent: first report in the lead paragraph
  ASSERT_EQ(m.size(), 3u);
  for (const auto& x : m) ASSERT_EQ(x.size(), kGdeltMentionColumns);
  // The report a1 gives of this event in sentence 2: offsets of its actors and trigger.
  EXPECT_EQ(m[0][6], "2");   // SentenceID
  EXPECT_EQ(m[0][7], "40");  // Actor1CharOffset
  EXPECT_EQ(m[0][8], "70");  // Actor2CharOffset
  EXPECT_EQ(m[0][9], "52");  // ActionCharOffset
  EXPECT_EQ(m[0][12], "150");  // MentionDocLen
  EXPECT_EQ(m[0][13], "-2.5");  // MentionDocTone
  EXPECT_EQ(m[0][14], "srclc:deu");  // MentionDocTranslationInfo: translated from German
  // No report of a1 in sentence 3: actors unknown, the action at the sentence.
  EXPECT_EQ(m[1][7], "-1");
  EXPECT_EQ(m[1][8], "-1");
  EXPECT_EQ(m[1][9], "90");
  EXPECT_EQ(m[2][13], "4");
  EXPECT_EQ(m[2][14], "");  // an article in its own language

  // The first report outside the lead paragraph is no root event.
  in.articles["a1"].lead_end = 30;
  ASSERT_TRUE(GdeltRows(line, 7, in, &row, &m).ok());
  EXPECT_EQ(row[25], "0");
}

TEST(Gdelt, ReadsToneLeadAndReportOffsetsFromArticles) {
  sitrep::testing::TempDir t;
  // "Café" is 4 code points in 5 bytes: offsets after it count code points.
  // Sentence 1 [0,22): "Café owners protested." Lead paragraph ends at 22.
  // Sentence 2 [24,56): "Police arrested them in Berlin." (with a mention of Berlin)
  // (As JSON: the paragraph break is written \\n\\n.)
  std::string text = "Caf\u00e9 owners protested.\\n\\nPolice arrested them in Berlin.";
  std::string line =
      R"({"id":"a1","source":"x.txt","url":null,"outlet":"O","published":"2024-01-02","translated_from":null,)"
      R"("text":")" + text + R"(","sentences":[[0,22],[24,55]],)"
      R"("mentions":[{"start":48,"end":54,"text":"Berlin","type":"LOC"}],)"
      R"("events":[{"sentence":[24,55],"trigger":{"start":31,"end":39,"text":"arrested"},"cameo":"173",)"
      R"("source":{"mention":null,"text":"Police","actor_code":"COP"},)"
      R"("target":{"mention":0,"text":"Berlin","actor_code":null},"location":null}],)"
      R"("tone":{"tone":-3.5,"positive":0,"negative":3.5,"polarity":3.5,"word_count":9}})";
  sitrep::testing::WriteFile(t / "articles.jsonl", line + "\n" + R"({"id":"a2","source":"y.txt","text":"One.","tone":null})" + "\n");
  auto read = ReadGdeltArticles(t / "articles.jsonl");
  ASSERT_TRUE(read.ok());
  const GdeltArticle& a = read.value().at("a1");
  EXPECT_EQ(a.url, "x.txt");
  EXPECT_EQ(a.text_length, 55u);
  EXPECT_EQ(a.lead_end, 22u);
  EXPECT_TRUE(a.has_tone);
  EXPECT_DOUBLE_EQ(a.tone, -3.5);
  EXPECT_EQ(a.sentence_starts, (std::vector<std::uint64_t>{0, 24}));
  ASSERT_EQ(a.reports.size(), 1u);
  EXPECT_EQ(a.reports[0].sentence_start, 24u);
  EXPECT_EQ(a.reports[0].cameo, "173");
  EXPECT_EQ(a.reports[0].action, 31);
  EXPECT_EQ(a.reports[0].source, 24);  // "Police", found in the sentence
  EXPECT_EQ(a.reports[0].target, 48);  // its mention
  const GdeltArticle& b = read.value().at("a2");
  EXPECT_FALSE(b.has_tone);
  EXPECT_EQ(b.lead_end, 4u);  // one paragraph: all of it
  EXPECT_FALSE(ReadGdeltArticles(t / "missing.jsonl").ok());
}

TEST(Gdelt, RejectsALineThatIsNotAnEvent) {
  GdeltInputs none;
  std::vector<std::string> row;
  std::vector<std::vector<std::string>> mentions;
  EXPECT_FALSE(GdeltRows("{}", 1, none, &row, &mentions).ok());
  EXPECT_FALSE(GdeltRows("nope", 1, none, &row, &mentions).ok());
}

}  // namespace
}  // namespace sitrep::events
