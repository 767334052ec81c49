// `sitrep report` as a user runs it: on the sample corpus analysed by
// `sitrep analyze`, on hand-made output folders with hostile text, and on
// broken input. Expected content comes from samples/README.md and
// samples/gold/story_facts.jsonl.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <simdjson.h>

#include <sstream>

#include "support/temp_dir.h"

namespace sitrep {
namespace {

using testing::ReadFile;
using testing::Sitrep;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// Runs a shell command line (gtest's Test::Run hides testing::Run in fixtures).
testing::CommandResult Cmd(const std::string& command) { return testing::Run(command); }

std::size_t Count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

// The same escaping the report promises, for looking up expected text.
std::string Html(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

struct Story {
  std::string id, title;
  std::vector<std::string> outlets;
};

std::vector<Story> ReadStories(const std::string& path) {
  std::vector<Story> out;
  std::istringstream in(ReadFile(path));
  std::string line;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    simdjson::dom::element e;
    if (parser.parse(line).get(e)) continue;
    Story s;
    s.id = std::string(std::string_view(e["id"]));
    std::string_view t;
    if (!e["title"].get_string().get(t)) s.title = std::string(t);
    for (auto o : e["outlets"].get_array()) s.outlets.emplace_back(std::string_view(o));
    out.push_back(std::move(s));
  }
  return out;
}

// Every <svg>...</svg> of the page parses as XML on its own.
void ExpectWellFormedSvg(const std::string& html) {
  std::size_t open = Count(html, "<svg"), close = Count(html, "</svg>");
  EXPECT_EQ(open, close);
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    std::size_t end = html.find("</svg>", at);
    ASSERT_NE(end, std::string::npos);
    std::string svg = html.substr(at, end + 6 - at);
    xmlDocPtr doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "chart.svg", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    EXPECT_NE(doc, nullptr) << svg.substr(0, 300);
    xmlFreeDoc(doc);
  }
}

// Nothing the page would fetch: no scheme URLs, no src=, links only to
// anchors of the page itself.
void ExpectSelfContained(const std::string& html) {
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // Every link stays in the page.
  const std::string href = "href=\"";
  for (std::size_t at = html.find(href); at != std::string::npos; at = html.find(href, at + 1)) {
    EXPECT_EQ(html.substr(at + href.size(), 1), "#") << html.substr(at, 60);
  }
}

class Report : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    auto r = Cmd(Sitrep() + " analyze " + Quote(SourceDir() + "/samples/articles") + " --out " +
                 Quote(*dir_ / "out") + " --quiet --no-db");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    auto rep = Cmd(Sitrep() + " report --in " + Quote(*dir_ / "out") + " --out " + Quote(*dir_ / "all.html"));
    ASSERT_EQ(rep.exit_code, 0) << rep.output;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Out() { return *dir_ / "out"; }
  static std::string AllHtml() { return ReadFile(*dir_ / "all.html"); }
  static TempDir* dir_;
};
TempDir* Report::dir_ = nullptr;

TEST_F(Report, EveryStoryWithItsTitleAndOutlets) {
  std::string html = AllHtml();
  auto stories = ReadStories(Out() + "/stories.jsonl");
  ASSERT_GE(stories.size(), 4u);  // the corpus has four happenings
  EXPECT_EQ(Count(html, "<article class=\"story\""), stories.size());
  for (const Story& s : stories) {
    SCOPED_TRACE(s.id);
    EXPECT_NE(html.find("id=\"" + s.id + "\""), std::string::npos);
    EXPECT_NE(html.find("<h2>" + Html(s.title) + "</h2>"), std::string::npos) << s.title;
    for (const auto& o : s.outlets) EXPECT_NE(html.find("<h4>" + Html(o) + "</h4>"), std::string::npos) << o;
  }
  // The six invented outlets of samples/README.md.
  for (const char* outlet : {"The Northern Ledger", "Radio Meridian", "The Continental Courier", "Morgenkompass",
                             "Atlas Monitor", "Harbour Wire Service"}) {
    EXPECT_NE(html.find(outlet), std::string::npos) << outlet;
  }
  EXPECT_NE(html.find("generated by sitrep "), std::string::npos);
}

TEST_F(Report, KeyQuotesWithTheirSpeakersAndOutlets) {
  std::string html = AllHtml();
  // Shared quotes of gold/story_facts.jsonl, each carried by several outlets.
  EXPECT_NE(html.find("We did not come to Geneva to bargain over our own security"), std::string::npos);
  EXPECT_NE(html.find("Europe has a long memory"), std::string::npos);
  EXPECT_NE(html.find("not for the generals in the capital"), std::string::npos);
  EXPECT_NE(html.find("<h4>Grigory Ryabshenko"), std::string::npos);
  // The Geneva line is one quotation whose card names more than one outlet.
  std::size_t at = html.find("<q>We did not come to Geneva to bargain");
  ASSERT_NE(at, std::string::npos);
  std::string around = html.substr(at, 800);
  EXPECT_NE(around.find("Radio Meridian"), std::string::npos) << around;
  EXPECT_NE(around.find("The Northern Ledger"), std::string::npos) << around;
  EXPECT_NE(around.find("other wording"), std::string::npos) << around;
}

TEST_F(Report, AgreementsAndDisagreementsShowValuesAndOutlets) {
  std::string html = AllHtml();
  EXPECT_NE(html.find("Where they differ"), std::string::npos);
  EXPECT_NE(html.find("What they say alike"), std::string::npos);
  // The planted number disagreements: troops 100,000 vs 130,000 (the
  // Courier alone gives 130,000); displaced 250,000 vs 300,000.
  std::size_t at = html.find("<li><b>130,000</b>");
  ASSERT_NE(at, std::string::npos);
  std::string reading = html.substr(at, html.find("</li>", at) - at);
  EXPECT_NE(reading.find("The Continental Courier"), std::string::npos) << reading;
  EXPECT_EQ(reading.find("Radio Meridian"), std::string::npos) << reading;
  EXPECT_NE(html.find("<li><b>100,000</b>"), std::string::npos);
  EXPECT_NE(html.find("<li><b>250,000</b>"), std::string::npos);
  EXPECT_NE(html.find("<li><b>300,000</b>"), std::string::npos);
  // The cyclone pledges measure different things: not a disagreement.
  EXPECT_EQ(html.find("<li><b>$310m</b>"), std::string::npos);
}

TEST_F(Report, ChartsAreWellFormedAndThePageFetchesNothing) {
  std::string html = AllHtml();
  EXPECT_GE(Count(html, "<svg class=\"chart timeline\""), 4u);
  EXPECT_GE(Count(html, "<svg class=\"chart network\""), 4u);
  ExpectWellFormedSvg(html);
  ExpectSelfContained(html);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("break-before:page"), std::string::npos);
}

TEST_F(Report, OneStoryOnly) {
  auto stories = ReadStories(Out() + "/stories.jsonl");
  ASSERT_GE(stories.size(), 2u);
  TempDir tmp;
  auto r = Cmd(Sitrep() + " report --in " + Quote(Out()) + " --story " + stories[1].id + " --out " +
               Quote(tmp / "one.html"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string html = ReadFile(tmp / "one.html");
  EXPECT_EQ(Count(html, "<article class=\"story\""), 1u);
  EXPECT_NE(html.find("<h2>" + Html(stories[1].title) + "</h2>"), std::string::npos);
  EXPECT_EQ(html.find("<h2>" + Html(stories[0].title) + "</h2>"), std::string::npos);
  EXPECT_NE(html.find("1 story of " + std::to_string(stories.size())), std::string::npos);
}

TEST_F(Report, UnknownStoryIsAUsageError) {
  TempDir tmp;
  auto r = Cmd(Sitrep() + " report --in " + Quote(Out()) + " --story s0000000000000000 --out " +
               Quote(tmp / "x.html"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("s0000000000000000"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(tmp / "x.html"));
}

TEST_F(Report, UnwritableOutputExitsTwo) {
  TempDir tmp;
  WriteFile(tmp / "file", "x");
  auto r = Cmd(Sitrep() + " report --in " + Quote(Out()) + " --out " + Quote(tmp / "file/report.html"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("report.html"), std::string::npos) << r.output;
}

TEST(ReportInput, MissingFolderOrStoriesFileIsNamed) {
  TempDir tmp;
  auto r = Cmd(Sitrep() + " report --in " + Quote(tmp / "nowhere") + " --out " + Quote(tmp / "x.html"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("nowhere"), std::string::npos) << r.output;
  std::filesystem::create_directories(tmp / "empty");
  r = Cmd(Sitrep() + " report --in " + Quote(tmp / "empty") + " --out " + Quote(tmp / "x.html"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("stories.jsonl"), std::string::npos) << r.output;
}

TEST(ReportInput, MalformedLineIsNamedByFileAndLine) {
  TempDir tmp;
  WriteFile(tmp / "in/stories.jsonl", "{\"id\":\"s1\",\"title\":\"A\",\"articles\":[\"a1\"]}\n");
  WriteFile(tmp / "in/articles.jsonl", "{\"id\":\"a1\",\"title\":\"A\"}\n{\"id\": \"a2\", \"title\": \n");
  auto r = Cmd(Sitrep() + " report --in " + Quote(tmp / "in") + " --out " + Quote(tmp / "x.html"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("articles.jsonl:2"), std::string::npos) << r.output;
  WriteFile(tmp / "in/articles.jsonl", "[1,2]\n");
  r = Cmd(Sitrep() + " report --in " + Quote(tmp / "in") + " --out " + Quote(tmp / "x.html"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("articles.jsonl:1"), std::string::npos) << r.output;
}

// A hand-made output folder whose every text field carries markup: the
// report must show it as text.
TEST(ReportInput, ArticleTextIsEscapedEverywhere) {
  TempDir tmp;
  const std::string evil = "<script>alert(1)</script> \\\"quoted\\\" & 'single'";
  WriteFile(tmp / "in/stories.jsonl",
            "{\"id\":\"s1\",\"title\":\"" + evil + "\",\"articles\":[\"a1\",\"a2\"],\"outlets\":[\"" + evil +
                "\"],\"first_seen\":\"2022-01-10\",\"last_seen\":\"2022-01-11\",\"timeline\":[{\"date\":\"2022-01-10\","
                "\"event\":\"v1\"}],\"summary\":[{\"article\":\"a1\",\"start\":0,\"end\":5,\"text\":\"" + evil +
                "\"}],\"agreements\":[],\"disagreements\":[{\"claim\":\"" + evil +
                "\",\"kind\":\"number\",\"articles\":[\"a1\",\"a2\"],\"values\":[\"1\",\"2\"],\"readings\":[{\"value\":\"" +
                evil + "\",\"texts\":[\"" + evil + "\"],\"articles\":[\"a1\"]}]}],\"unique_by_outlet\":[{\"outlet\":\"" +
                evil + "\",\"entities\":[\"e1\"],\"events\":[\"v1\"],\"quotes\":[\"q1\"]}]}\n");
  WriteFile(tmp / "in/articles.jsonl",
            "{\"id\":\"a1\",\"outlet\":\"" + evil + "\",\"published\":\"2022-01-10\",\"title\":\"" + evil +
                "\"}\n{\"id\":\"a2\",\"outlet\":null,\"published\":\"<b>\",\"title\":\"" + evil + "\"}\n");
  WriteFile(tmp / "in/quotes.jsonl",
            "{\"id\":\"q1\",\"article\":\"a1\",\"text\":\"" + evil + "\",\"kind\":\"direct\",\"cue\":\"" + evil +
                "\",\"speaker\":{\"entity\":\"e1\",\"name\":\"" + evil + "\",\"description\":null},\"same_as\":[]}\n");
  WriteFile(tmp / "in/entities.jsonl",
            "{\"id\":\"e1\",\"name\":\"" + evil + "\",\"type\":\"PERSON\",\"roles\":[\"" + evil + "\"],\"country\":\"" +
                evil + "\",\"actor_code\":\"" + evil + "\",\"articles\":[\"a1\"],\"mention_count\":1}\n");
  WriteFile(tmp / "in/events.jsonl",
            "{\"id\":\"v1\",\"date\":\"2022-01-10\",\"cameo\":\"" + evil +
                "\",\"goldstein\":-4,\"source\":{\"entity\":\"e1\",\"name\":\"" + evil + "\",\"actor_code\":\"" + evil +
                "\"},\"target\":{\"entity\":null,\"name\":\"" + evil +
                "\",\"actor_code\":null},\"location\":{\"name\":\"" + evil +
                "\"},\"negated\":false,\"mentions\":[{\"article\":\"a1\",\"sentence\":[0,5]}]}\n");
  auto r = Cmd(Sitrep() + " report --in " + Quote(tmp / "in") + " --out " + Quote(tmp / "x.html"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string html = ReadFile(tmp / "x.html");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("\"quoted\""), std::string::npos);
  EXPECT_EQ(html.find("'single'"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;"), std::string::npos);
  EXPECT_GE(Count(html, "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;"), 10u);
  ExpectWellFormedSvg(html);
  ExpectSelfContained(html);
}

// An outlet's card shows a disputed figure in that outlet's own words, not
// in the words of the first outlet that gave the same figure.
TEST(ReportInput, OutletCardShowsItsOwnWordingOfAFigure) {
  TempDir tmp;
  WriteFile(tmp / "in/stories.jsonl",
            "{\"id\":\"s1\",\"title\":\"Mine collapse\",\"articles\":[\"a1\",\"a2\",\"a3\"],\"outlets\":[\"Kessar "
            "Post\",\"Lorvani Times\",\"Odalys Wire\"],\"first_seen\":\"2022-01-10\",\"last_seen\":\"2022-01-11\","
            "\"timeline\":[],\"summary\":[],\"agreements\":[],\"disagreements\":[{\"claim\":\"people killed\",\"kind\":"
            "\"number\",\"articles\":[\"a1\",\"a2\",\"a3\"],\"values\":[\"12\",\"15\"],\"readings\":[{\"value\":\"12\","
            "\"texts\":[\"At least 12\",\"Twelve\"],\"articles\":[\"a1\",\"a2\"],\"article_texts\":[\"At least 12\","
            "\"Twelve\"]},{\"value\":\"15\",\"texts\":[\"15\"],\"articles\":[\"a3\"],\"article_texts\":[\"15\"]}]}],"
            "\"unique_by_outlet\":[]}\n");
  WriteFile(tmp / "in/articles.jsonl",
            "{\"id\":\"a1\",\"outlet\":\"Kessar Post\",\"published\":\"2022-01-10\",\"title\":\"t1\"}\n"
            "{\"id\":\"a2\",\"outlet\":\"Lorvani Times\",\"published\":\"2022-01-10\",\"title\":\"t2\"}\n"
            "{\"id\":\"a3\",\"outlet\":\"Odalys Wire\",\"published\":\"2022-01-11\",\"title\":\"t3\"}\n");
  WriteFile(tmp / "in/quotes.jsonl", "");
  WriteFile(tmp / "in/entities.jsonl", "");
  WriteFile(tmp / "in/events.jsonl", "");
  auto r = Cmd(Sitrep() + " report --in " + Quote(tmp / "in") + " --out " + Quote(tmp / "x.html"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string html = ReadFile(tmp / "x.html");
  auto card = [&](const std::string& outlet) {
    const std::size_t at = html.find("<h4>" + outlet + "</h4>");
    if (at == std::string::npos) return std::string();
    return html.substr(at, html.find("<div class=\"card\">", at) - at);
  };
  const std::string kessar = card("Kessar Post"), lorvani = card("Lorvani Times");
  ASSERT_FALSE(lorvani.empty()) << html;
  EXPECT_NE(kessar.find("<b>At least 12</b>"), std::string::npos) << kessar;
  EXPECT_NE(lorvani.find("<b>Twelve</b>"), std::string::npos) << lorvani;
  EXPECT_EQ(lorvani.find("At least 12"), std::string::npos) << lorvani;
}

// A toll that grew from day to day is shown with the day of each figure
// and said to be an update, so a reader does not take it for a dispute.
TEST(ReportInput, RisingFigureShowsItsDaysAndSaysItWasUpdated) {
  TempDir tmp;
  auto story = [](const std::string& trend) {
    return "{\"id\":\"s1\",\"title\":\"Mine collapse\",\"articles\":[\"a1\",\"a3\"],\"outlets\":[\"Kessar Post\","
           "\"Odalys Wire\"],\"first_seen\":\"2022-01-10\",\"last_seen\":\"2022-01-11\",\"timeline\":[],\"summary\":[],"
           "\"agreements\":[],\"disagreements\":[{\"claim\":\"people killed\",\"kind\":\"number\",\"articles\":[\"a1\","
           "\"a3\"],\"values\":[\"12\",\"15\"],\"readings\":[{\"value\":\"12\",\"texts\":[\"12\"],\"articles\":[\"a1\"],"
           "\"first_reported\":\"2022-01-10\"},{\"value\":\"15\",\"texts\":[\"15\"],\"articles\":[\"a3\"],"
           "\"first_reported\":\"2022-01-11\"}]" + trend + "}],\"unique_by_outlet\":[]}\n";
  };
  WriteFile(tmp / "in/articles.jsonl",
            "{\"id\":\"a1\",\"outlet\":\"Kessar Post\",\"published\":\"2022-01-10\",\"title\":\"t1\"}\n"
            "{\"id\":\"a3\",\"outlet\":\"Odalys Wire\",\"published\":\"2022-01-11\",\"title\":\"t3\"}\n");
  WriteFile(tmp / "in/quotes.jsonl", "");
  WriteFile(tmp / "in/entities.jsonl", "");
  WriteFile(tmp / "in/events.jsonl", "");
  WriteFile(tmp / "in/stories.jsonl", story(",\"trend\":\"rising\""));
  auto r = Cmd(Sitrep() + " report --in " + Quote(tmp / "in") + " --out " + Quote(tmp / "x.html"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string html = ReadFile(tmp / "x.html");
  EXPECT_NE(html.find("from 2022-01-11"), std::string::npos) << html;
  EXPECT_NE(html.find("an update over time"), std::string::npos) << html;
  EXPECT_EQ(html.find("a dispute:"), std::string::npos) << html;
  // A day on which outlets differed is named as a dispute within the update.
  WriteFile(tmp / "in/stories.jsonl", story(",\"trend\":\"rising\",\"disputed_on\":[\"2022-01-11\"]"));
  r = Cmd(Sitrep() + " report --in " + Quote(tmp / "in") + " --out " + Quote(tmp / "x.html"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  html = ReadFile(tmp / "x.html");
  EXPECT_NE(html.find("on the same day, a dispute: 2022-01-11"), std::string::npos) << html;
  // Without a trend the figures are a dispute, and nothing says otherwise.
  WriteFile(tmp / "in/stories.jsonl", story(""));
  r = Cmd(Sitrep() + " report --in " + Quote(tmp / "in") + " --out " + Quote(tmp / "x.html"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  html = ReadFile(tmp / "x.html");
  EXPECT_EQ(html.find("an update over time"), std::string::npos);
}

TEST(ReportInput, HelpDescribesTheCommand) {
  auto r = Cmd(Sitrep() + " help report");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("--story"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--out"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace sitrep
