// Unit tests of the report stage: escaping, dates, colours and the SVG
// charts, without the CLI.
#include <gtest/gtest.h>
#include <libxml/parser.h>

#include "report/html.h"
#include "report/svg.h"

namespace sitrep::report {
namespace {

// True if `fragment` parses as one well-formed XML element.
bool WellFormed(const std::string& fragment) {
  xmlDocPtr doc = xmlReadMemory(fragment.data(), static_cast<int>(fragment.size()), "chart.svg", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  bool ok = doc != nullptr;
  xmlFreeDoc(doc);
  return ok;
}

TEST(Escape, MarkupAndQuotesBecomeText) {
  EXPECT_EQ(Escape("<script>alert(\"x\")</script>"), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  EXPECT_EQ(Escape("Tom & Jerry's"), "Tom &amp; Jerry&#39;s");
  EXPECT_EQ(Escape("caf\u00e9 \u201cquoted\u201d"), "caf\u00e9 \u201cquoted\u201d");
}

TEST(Escape, ControlCharactersAndBrokenUtf8AreReplaced) {
  EXPECT_EQ(Escape(std::string("a\0b", 3)), "a\uFFFDb");
  EXPECT_EQ(Escape("a\xC3"), "a\uFFFD");
  EXPECT_EQ(Escape("line\nnext\ttab"), "line\nnext\ttab");
}

TEST(Shorten, CutsAtAWordAndMarksTheCut) {
  EXPECT_EQ(Shorten("short", 10), "short");
  EXPECT_EQ(Shorten("one two three four", 10), "one two\u2026");
  EXPECT_EQ(Shorten("\u00e9\u00e9\u00e9\u00e9", 2), "\u00e9\u00e9\u2026");
}

TEST(DayNumber, ReadsEveryPrecisionOfIsoDates) {
  long d = 0;
  ASSERT_TRUE(DayNumber("1970-01-01", &d));
  EXPECT_EQ(d, 0);
  ASSERT_TRUE(DayNumber("2022-01-12", &d));
  EXPECT_EQ(d, 19004);
  ASSERT_TRUE(DayNumber("2022-01", &d));
  EXPECT_EQ(d, 18993);  // 1 January 2022
  ASSERT_TRUE(DayNumber("2022-W02", &d));
  EXPECT_EQ(d, 19002);  // Monday 10 January 2022
  ASSERT_TRUE(DayNumber("2021-W52", &d));
  EXPECT_EQ(d, 18988);  // Monday 27 December 2021
  EXPECT_FALSE(DayNumber("", &d));
  EXPECT_FALSE(DayNumber("soon", &d));
  EXPECT_FALSE(DayNumber("2022-13", &d));
}

TEST(GoldsteinColour, RunsFromRedThroughGreyToGreen) {
  EXPECT_EQ(GoldsteinColour(-10), "#c0392b");
  EXPECT_EQ(GoldsteinColour(10), "#279a5e");
  EXPECT_EQ(GoldsteinColour(0), "#959ba1");
  EXPECT_EQ(GoldsteinColour(-40), GoldsteinColour(-10));
  EXPECT_NE(GoldsteinColour(-2), GoldsteinColour(2));
}

TEST(TimelineSvg, OneMarkPerEventEscapedAndWellFormed) {
  std::vector<TimelineItem> items = {
      {"2022-01-10", "A \u2192 B: meet", "2022-01-10\nA & B", 4.0},
      {"2022-01-12", "<script>alert(1)</script>", "tip \"quoted\"", -5.0},
      {"", "undated thing", "undated", 0.0},
  };
  std::string svg = TimelineSvg(items);
  EXPECT_TRUE(WellFormed(svg)) << svg;
  std::size_t marks = 0;
  for (std::size_t at = svg.find("<circle"); at != std::string::npos; at = svg.find("<circle", at + 1)) ++marks;
  EXPECT_EQ(marks, 3u);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(svg.find(">undated<"), std::string::npos);
  EXPECT_NE(svg.find("Jan 10 2022"), std::string::npos);
  EXPECT_NE(svg.find(GoldsteinColour(-5.0)), std::string::npos);
  EXPECT_EQ(TimelineSvg({}), "");
}

TEST(TimelineSvg, SaysHowManyItemsItLeftOut) {
  std::vector<TimelineItem> items(50, TimelineItem{"2022-01-10", "x", "x", 1.0});
  std::string svg = TimelineSvg(items, 40);
  EXPECT_TRUE(WellFormed(svg));
  EXPECT_NE(svg.find("10 more events not drawn"), std::string::npos);
}

TEST(NetworkSvg, OneArrowPerOrderedPairAndDeterministic) {
  std::vector<NetworkEdge> edges = {
      {"e:a", "Alpha", "e:b", "Beta", 4.0},
      {"e:a", "Alpha", "e:b", "Beta", 2.0},
      {"e:b", "Beta", "e:a", "Alpha", -6.0},
      {"e:c", "Gamma <&>", "", "", 1.0},  // no target: a node, no arrow
  };
  std::string svg = NetworkSvg(edges);
  EXPECT_TRUE(WellFormed(svg)) << svg;
  std::size_t arrows = 0, nodes = 0;
  for (std::size_t at = svg.find("<polygon"); at != std::string::npos; at = svg.find("<polygon", at + 1)) ++arrows;
  for (std::size_t at = svg.find("<g class=\"node"); at != std::string::npos; at = svg.find("<g class=\"node", at + 1))
    ++nodes;
  EXPECT_EQ(arrows, 2u);
  EXPECT_EQ(nodes, 3u);
  // Gamma acts on no one: drawn apart from the actors that are linked.
  std::size_t alone = svg.find("<g class=\"node alone\">");
  ASSERT_NE(alone, std::string::npos);
  EXPECT_NE(svg.find("Gamma", alone), std::string::npos);
  EXPECT_EQ(svg.find("<g class=\"node alone\">", alone + 1), std::string::npos);
  EXPECT_NE(svg.find("Alpha \u2192 Beta: 2 events, mean Goldstein 3.0"), std::string::npos);
  EXPECT_NE(svg.find("Gamma &lt;&amp;&gt;"), std::string::npos);
  EXPECT_EQ(svg, NetworkSvg(edges));
  EXPECT_EQ(NetworkSvg({}), "");
}

}  // namespace
}  // namespace sitrep::report
