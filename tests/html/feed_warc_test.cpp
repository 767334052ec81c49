#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "html/feed.h"
#include "html/metadata.h"
#include "ingest/decode.h"
#include "ingest/ingest.h"
#include "support/temp_dir.h"

namespace sitrep::ingest {
namespace {

using sitrep::testing::TempDir;
using sitrep::testing::WriteFile;

std::vector<Article> Analyze(const std::vector<std::string>& inputs) {
  Reader reader(inputs, IngestOptions{});
  std::vector<Article> out;
  reader.Run([&](RawDoc&& d) { out.push_back(Decode(std::move(d))); });
  return out;
}

TEST(Feed, RssItemsBecomeArticles) {
  TempDir dir;
  WriteFile(dir / "news.rss", R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Post</title>
<item><title>Ferry strike ends</title><link>https://example.org/ferry</link>
<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><dc:creator>Sam Lee</dc:creator>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>The ferry strike ended on Tuesday, the union said.</p><p>Services resume tomorrow.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://example.org/2</link><description>&lt;p&gt;Only a description here.&lt;/p&gt;</description></item>
<item><title>Empty</title></item>
</channel></rss>)");
  auto arts = Analyze({dir / "news.rss"});
  ASSERT_EQ(arts.size(), 3u);
  const Article& a = arts[0];
  ASSERT_TRUE(a.ok()) << a.reason;
  EXPECT_EQ(a.source, dir / "news.rss#1");
  EXPECT_EQ(a.input_format, "feed");
  EXPECT_EQ(a.title, "Ferry strike ends");
  EXPECT_EQ(a.url, "https://example.org/ferry");
  EXPECT_EQ(a.author, "Sam Lee");
  EXPECT_EQ(a.outlet, "Harbour Post");
  EXPECT_EQ(a.published, "Tue, 10 Jun 2003 04:00:00 GMT");  // the clean stage normalises it
  EXPECT_EQ(a.text, "The ferry strike ended on Tuesday, the union said.\n\nServices resume tomorrow.");
  ASSERT_TRUE(arts[1].ok()) << arts[1].reason;
  EXPECT_EQ(arts[1].text, "Only a description here.");
  EXPECT_FALSE(arts[2].ok());
  EXPECT_EQ(arts[2].reason, "feed item has no description or content");
}

// A channel title names the outlet and often its section too; the section
// is no part of the outlet's name.
TEST(Feed, ChannelSectionIsCutFromTheOutlet) {
  TempDir dir;
  WriteFile(dir / "world.rss", R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Lenhall Courier – World news</title><link>https://lenhallcourier.example/world</link>
<item><title>Talks resume</title><description>&lt;p&gt;Talks resumed on Monday.&lt;/p&gt;</description></item>
</channel></rss>)");
  auto arts = Analyze({dir / "world.rss"});
  ASSERT_EQ(arts.size(), 1u);
  ASSERT_TRUE(arts[0].ok()) << arts[0].reason;
  EXPECT_EQ(arts[0].outlet, "Lenhall Courier");
  // The host spells the name even when the section is capitalised.
  EXPECT_EQ(html::FeedOutletName("The Kessar Times | Politics", "https://www.kessartimes.example/"), "The Kessar Times");
  EXPECT_EQ(html::FeedOutletName("Odalys Post - Latest news", ""), "Odalys Post");
  // No name before the separator: the title stays whole.
  EXPECT_EQ(html::FeedOutletName("Crisis in Dravenia: Live updates", ""), "Crisis in Dravenia: Live updates");
  EXPECT_EQ(html::FeedOutletName("Lorvani Daily", "https://lorvani.example/"), "Lorvani Daily");
}

TEST(Feed, AtomEntriesBecomeArticles) {
  auto feed = html::ParseFeed(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>Lab notes</title>
<entry><title>Result</title><link rel="alternate" href="https://example.org/r"/><updated>2022-01-02T00:00:00Z</updated>
<published>2022-01-01T00:00:00Z</published><author><name>Kim</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>It worked.</p></div></content></entry>
<entry><title>Plain</title><summary type="text">a &lt; b</summary></entry></feed>)");
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed->title, "Lab notes");
  ASSERT_EQ(feed->items.size(), 2u);
  EXPECT_EQ(feed->items[0].link, "https://example.org/r");
  EXPECT_EQ(feed->items[0].published, "2022-01-01T00:00:00Z");
  EXPECT_EQ(feed->items[0].author, "Kim");
  EXPECT_NE(feed->items[0].html.find("<p>It worked.</p>"), std::string::npos);
  EXPECT_EQ(feed->items[1].html, "a &lt; b");
}

TEST(Feed, NotXmlIsSkippedNamingFileAndLine) {
  TempDir dir;
  WriteFile(dir / "broken.xml", "<rss><channel>\n<item><title>x</title>\n</chanel></rss>");
  WriteFile(dir / "page.xml", "<html><body>not a feed</body></html>");
  WriteFile(dir / "text.rss", "just some words, no markup at all");
  auto arts = Analyze({dir.path()});
  ASSERT_EQ(arts.size(), 3u);
  std::map<std::string, std::string> why;
  for (auto& a : arts) {
    EXPECT_FALSE(a.ok());
    why[a.source.substr(a.source.rfind('/') + 1)] = a.reason;
  }
  EXPECT_NE(why["broken.xml"].find("line 3"), std::string::npos) << why["broken.xml"];
  EXPECT_NE(why["broken.xml"].find("broken.xml"), std::string::npos) << why["broken.xml"];
  EXPECT_NE(why["page.xml"].find("root element is <html>"), std::string::npos) << why["page.xml"];
  EXPECT_NE(why["text.rss"].find("not a well-formed XML feed"), std::string::npos) << why["text.rss"];
}

std::string WarcRecord(const std::string& type, const std::string& uri, const std::string& block) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
                  "\r\nWARC-Date: 2021-05-06T07:08:09Z\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) +
                  ">\r\nContent-Type: application/http; msgtype=" + type +
                  "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

TEST(Warc, HtmlResponsesBecomeArticlesOthersAreSkipped) {
  TempDir dir;
  std::string page =
      "<html><head><title>Bridge reopens</title></head><body><article><p>The old bridge reopened on Friday, "
      "after two years of repairs, the city said.</p><p>Traffic was light, and drivers, mostly, were pleased.</p>"
      "</article></body></html>";
  std::string warc =
      WarcRecord("request", "http://example.org/bridge", "GET /bridge HTTP/1.1\r\nHost: example.org\r\n\r\n") +
      WarcRecord("response", "http://example.org/bridge",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page) +
      WarcRecord("response", "http://example.org/logo.png",
                 "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....") +
      WarcRecord("response", "http://example.org/gone", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\nNo.");
  WriteFile(dir / "crawl.warc", warc);
  auto arts = Analyze({dir / "crawl.warc"});
  ASSERT_EQ(arts.size(), 4u);  // every record is accounted for
  int ok = 0;
  for (const auto& a : arts) {
    if (a.ok()) {
      ++ok;
      EXPECT_EQ(a.input_format, "warc");
      EXPECT_EQ(a.url, "http://example.org/bridge");
      EXPECT_EQ(a.published, "2021-05-06T07:08:09Z");
      EXPECT_EQ(a.title, "Bridge reopens");
      EXPECT_NE(a.text.find("The old bridge reopened"), std::string::npos);
      EXPECT_NE(a.source.find("crawl.warc#"), std::string::npos);
    } else {
      bool png = a.reason.find("not HTML (Content-Type image/png)") != std::string::npos;
      bool gone = a.reason.find("HTTP status 404") != std::string::npos;
      bool request = a.reason.find("WARC request record, not a page") != std::string::npos;
      EXPECT_TRUE(png || gone || request) << a.reason;
    }
  }
  EXPECT_EQ(ok, 1);
}

TEST(Warc, DamagedArchiveIsReportedWithTheFile) {
  TempDir dir;
  WriteFile(dir / "bad.warc", "this is not a web archive at all\n");
  auto arts = Analyze({dir / "bad.warc"});
  ASSERT_FALSE(arts.empty());
  EXPECT_FALSE(arts.back().ok());
  EXPECT_NE(arts.back().reason.find("bad.warc"), std::string::npos) << arts.back().reason;
}

TEST(Html, PageFileIsReadWithItsMetadata) {
  TempDir dir;
  WriteFile(dir / "story.htm",
            "<html lang='fr'><head><meta charset='windows-1252'><title>Gr\xe8ve des ferries au port de Brest - Le Port</title></head>"
            "<body><div id='main'><p>La gr\xe8ve des ferries s'est termin\xe9" "e mardi, selon le syndicat, apr\xe8s "
            "trois jours.</p></div></body></html>");
  auto arts = Analyze({dir / "story.htm"});
  ASSERT_EQ(arts.size(), 1u);
  ASSERT_TRUE(arts[0].ok()) << arts[0].reason;
  EXPECT_EQ(arts[0].input_format, "html");
  EXPECT_EQ(arts[0].title, "Grève des ferries au port de Brest");  // the site name after the separator goes
  EXPECT_EQ(arts[0].language, "fr");
  EXPECT_NE(arts[0].text.find("La grève des ferries s'est terminée mardi"), std::string::npos) << arts[0].text;
}

}  // namespace
}  // namespace sitrep::ingest

namespace sitrep::ingest {
namespace {

TEST(Cli, AnalyzeReadsPagesAndJsonHtmlFields) {
  TempDir dir;
  std::string page =
      "<html><head><title>New dam opens on the river - River News</title><meta property='article:published_time' "
      "content='2019-04-05T06:00:00Z'></head><body><nav><a href='/'>Home</a> <a href='/w'>Weather</a></nav>"
      "<article><p>The new dam opened on Friday, officials said, after six years of work and many delays.</p>"
      "<p>Farmers downstream, who had opposed it, said they would watch the water levels closely.</p></article>"
      "<footer>Contact us</footer></body></html>";
  WriteFile(dir / "in/page.html", page);
  std::string escaped;
  for (char c : page) escaped += c == '"' ? std::string("\\\"") : std::string(1, c);
  WriteFile(dir / "in/pages.jsonl", "{\"url\": \"https://example.org/dam\", \"html\": \"" + escaped + "\"}\n");
  auto r = sitrep::testing::Run(sitrep::testing::Sitrep() + " analyze " + dir / "in" + " --out " + dir / "out" +
                                " --no-db --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string out = sitrep::testing::ReadFile(dir / "out/articles.jsonl");
  // Both records give the same article body and metadata (the body's
  // opening, comma included: a quote's text may open with the same words).
  std::size_t n = 0;
  for (std::size_t p = 0; (p = out.find("\"text\":\"The new dam opened on Friday, officials said", p)) != std::string::npos;
       ++p)
    ++n;
  EXPECT_EQ(n, 2u) << out;
  EXPECT_NE(out.find("\"published\":\"2019-04-05\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"title\":\"New dam opens on the river\""), std::string::npos) << out;
  EXPECT_NE(out.find("{\"text\":\"Home Weather\",\"why\":\"navigation\"}"), std::string::npos) << out;
  EXPECT_NE(out.find("{\"text\":\"Contact us\",\"why\":\"footer\"}"), std::string::npos) << out;
  EXPECT_EQ(out.find("Contact us\\n"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::ingest
