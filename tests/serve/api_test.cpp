// The JSON API of `sitrep serve`, on the sample corpus: every answer is
// checked against the JSON Lines files analyze wrote (an independent
// reading of the same output), and every error path answers 4xx.
#include <httplib.h>
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "serve/api.h"
#include "serve/server.h"
#include "serve/static_files.h"
#include "store/database.h"
#include "support/temp_dir.h"

namespace sitrep::serve {
namespace {

using sitrep::testing::ReadFile;
using sitrep::testing::Run;
using sitrep::testing::Sitrep;
using sitrep::testing::SourceDir;
using sitrep::testing::TempDir;
using sitrep::testing::WriteFile;

// The sample corpus analyzed once (by the ctest fixture, or here when the
// binary runs alone).
const std::string& SampleDir() {
  static const std::string dir = [] {
    std::string d = SITREP_SERVE_SAMPLE;
    if (!std::filesystem::exists(d + "/sitrep.db")) {
      Run(Sitrep() + " analyze " + SourceDir() + "/samples/articles --out " + d + " --force --quiet");
    }
    return d;
  }();
  return dir;
}

// Each line of a JSON Lines file, parsed.
class Lines {
 public:
  explicit Lines(const std::string& path) {
    std::istringstream in(ReadFile(path));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      docs_.emplace_back();
      simdjson::dom::element e;
      EXPECT_EQ(parser_.parse_into_document(docs_.back(), line).get(e), simdjson::SUCCESS) << path;
    }
  }
  std::size_t size() const { return docs_.size(); }
  simdjson::dom::element operator[](std::size_t i) const { return docs_[i].root(); }

 private:
  simdjson::dom::parser parser_;
  std::vector<simdjson::dom::document> docs_;
};

std::string Str(simdjson::simdjson_result<simdjson::dom::element> e) {
  std::string_view v;
  if (e.get_string().get(v)) return {};
  return std::string(v);
}
std::string Str(simdjson::dom::element e) {
  std::string_view v;
  if (e.get_string().get(v)) return {};
  return std::string(v);
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto api = Api::Open(SampleDir() + "/sitrep.db");
    ASSERT_TRUE(api.ok()) << api.status().message();
    api_ = std::move(api).value().release();
  }
  static void TearDownTestSuite() {
    delete api_;
    api_ = nullptr;
  }

  // GET path?query; the body parsed as JSON into doc_.
  Response Get(const std::string& path, std::multimap<std::string, std::string> params = {}) {
    Request r;
    r.path = path;
    r.params = std::move(params);
    Response res = api_->Handle(r);
    if (res.content_type.rfind("application/json", 0) == 0) {
      EXPECT_EQ(parser_.parse(res.body).get(json_), simdjson::SUCCESS) << path << ": " << res.body.substr(0, 200);
    }
    return res;
  }
  std::set<std::string> ItemIds() {
    std::set<std::string> ids;
    for (auto item : json_["items"].get_array()) ids.insert(Str(item["id"]));
    return ids;
  }
  std::int64_t Total() { return json_["total"].get_int64().value_unsafe(); }

  static Api* api_;
  simdjson::dom::parser parser_;
  simdjson::dom::element json_;
};
Api* ApiTest::api_ = nullptr;

TEST_F(ApiTest, SummaryCountsWhatTheFilesHold) {
  ASSERT_NE(api_, nullptr);
  ASSERT_EQ(Get("/api/summary").status, 200);
  Lines stories(SampleDir() + "/stories.jsonl"), quotes(SampleDir() + "/quotes.jsonl");
  Lines events(SampleDir() + "/events.jsonl"), entities(SampleDir() + "/entities.jsonl");
  EXPECT_EQ(json_["stories"].get_int64().value(), static_cast<std::int64_t>(stories.size()));
  EXPECT_EQ(json_["quotes"].get_int64().value(), static_cast<std::int64_t>(quotes.size()));
  EXPECT_EQ(json_["events"].get_int64().value(), static_cast<std::int64_t>(events.size()));
  EXPECT_EQ(json_["entities"].get_int64().value(), static_cast<std::int64_t>(entities.size()));
  // samples/README.md: 20 articles, all readable.
  EXPECT_EQ(json_["articles"].get_int64().value(), 20);
  EXPECT_EQ(json_["skipped"].get_int64().value(), 0);
}

TEST_F(ApiTest, StoriesPageThroughEveryStoryOnce) {
  ASSERT_NE(api_, nullptr);
  Lines stories(SampleDir() + "/stories.jsonl");
  std::set<std::string> expected, seen;
  for (std::size_t i = 0; i < stories.size(); ++i) expected.insert(Str(stories[i]["id"]));
  ASSERT_GE(expected.size(), 3u);  // the samples tell 3-5 happenings
  for (std::size_t off = 0; off < expected.size() + 1; ++off) {
    ASSERT_EQ(Get("/api/stories", {{"limit", "1"}, {"offset", std::to_string(off)}}).status, 200);
    EXPECT_EQ(Total(), static_cast<std::int64_t>(expected.size()));
    for (const auto& id : ItemIds()) EXPECT_TRUE(seen.insert(id).second) << "page repeats " << id;
  }
  EXPECT_EQ(seen, expected);
}

TEST_F(ApiTest, AStoryComesWithItsArticlesEventsAndQuotes) {
  ASSERT_NE(api_, nullptr);
  Lines stories(SampleDir() + "/stories.jsonl"), quotes(SampleDir() + "/quotes.jsonl");
  for (std::size_t i = 0; i < stories.size(); ++i) {
    auto s = stories[i];
    std::string id = Str(s["id"]);
    ASSERT_EQ(Get("/api/stories/" + id).status, 200) << id;
    EXPECT_EQ(Str(json_["story"]["title"]), Str(s["title"]));
    std::set<std::string> want, got;
    for (auto a : s["articles"].get_array()) want.insert(Str(a));
    for (auto a : json_["articles"].get_array()) {
      got.insert(Str(a["id"]));
      EXPECT_FALSE(Str(a["outlet"]).empty());
    }
    EXPECT_EQ(got, want);
    EXPECT_EQ(json_["events"].get_array().size(), s["timeline"].get_array().size());
    std::size_t story_quotes = 0;
    for (std::size_t q = 0; q < quotes.size(); ++q) story_quotes += want.count(Str(quotes[q]["article"]));
    EXPECT_EQ(json_["quotes"].get_array().size(), story_quotes);
    EXPECT_GT(json_["entities"].get_array().size(), 0u);
  }
  EXPECT_EQ(Get("/api/stories/s0000000000000000").status, 404);
  EXPECT_EQ(Get("/api/stories/../../etc").status, 404);
  EXPECT_EQ(Get("/api/stories/" + Str(stories[0]["id"]), {{"x", "1"}}).status, 400);
}

TEST_F(ApiTest, AnArticleHasItsTextAndRemovedLinesWithReasons) {
  ASSERT_NE(api_, nullptr);
  Lines articles(SampleDir() + "/articles.jsonl");
  std::size_t checked = 0;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    auto a = articles[i];
    ASSERT_EQ(Get("/api/articles/" + Str(a["id"])).status, 200);
    EXPECT_EQ(Str(json_["article"]["text"]), Str(a["text"]));
    EXPECT_EQ(json_["removed"].get_array().size(), a["removed"].get_array().size());
    EXPECT_EQ(json_["mentions"].get_array().size(), a["mentions"].get_array().size());
    EXPECT_EQ(json_["times"].get_array().size(), a["times"].get_array().size());
    for (auto r : json_["removed"].get_array()) EXPECT_FALSE(Str(r["why"]).empty());
    ++checked;
  }
  EXPECT_EQ(checked, 20u);
  ASSERT_EQ(Get("/api/articles", {{"limit", "500"}}).status, 200);
  EXPECT_EQ(Total(), 20);
  EXPECT_EQ(Get("/api/articles", {{"status", "maybe"}}).status, 400);
}

TEST_F(ApiTest, EntitiesAreFoundByAnySpelling) {
  ASSERT_NE(api_, nullptr);
  Lines entities(SampleDir() + "/entities.jsonl");
  std::size_t checked = 0;
  for (std::size_t i = 0; i < entities.size(); ++i) {
    auto e = entities[i];
    auto aliases = e["aliases"].get_array();
    if (aliases.size() < 2) continue;
    // Each alias finds the entity, the ones unlike its name included.
    for (auto alias : aliases) {
      ASSERT_EQ(Get("/api/entities", {{"q", Str(alias)}, {"limit", "500"}}).status, 200);
      EXPECT_TRUE(ItemIds().count(Str(e["id"]))) << Str(alias);
    }
    ASSERT_EQ(Get("/api/entities/" + Str(e["id"])).status, 200);
    EXPECT_EQ(Str(json_["entity"]["name"]), Str(e["name"]));
    // Its articles map covers every article the entity is in.
    for (auto a : e["articles"].get_array()) EXPECT_FALSE(json_["articles"][Str(a)].error()) << Str(a);
    ++checked;
  }
  EXPECT_GT(checked, 3u);  // the samples spell several names two ways
  EXPECT_EQ(Get("/api/entities", {{"type", "ANIMAL"}}).status, 400);
  EXPECT_EQ(Get("/api/entities/e0000000000000000").status, 404);
}

TEST_F(ApiTest, QuotesFilterBySpeakerAndWords) {
  ASSERT_NE(api_, nullptr);
  Lines quotes(SampleDir() + "/quotes.jsonl");
  std::map<std::string, std::int64_t> by_speaker;
  std::int64_t direct = 0;
  for (std::size_t i = 0; i < quotes.size(); ++i) {
    std::string who = Str(quotes[i]["speaker"]["entity"]);
    if (!who.empty()) ++by_speaker[who];
    direct += Str(quotes[i]["kind"]) == "direct";
  }
  ASSERT_FALSE(by_speaker.empty());
  for (const auto& [who, n] : by_speaker) {
    ASSERT_EQ(Get("/api/quotes", {{"speaker", who}, {"limit", "500"}}).status, 200);
    EXPECT_EQ(Total(), n) << who;
    for (auto q : json_["items"].get_array()) {
      EXPECT_FALSE(json_["articles"][Str(q["article"])]["outlet"].error());
    }
  }
  ASSERT_EQ(Get("/api/quotes", {{"kind", "direct"}}).status, 200);
  EXPECT_EQ(Total(), direct);
  // Words of a quote find it.
  std::string text = Str(quotes[0]["text"]);
  std::string words = text.substr(0, std::min<std::size_t>(text.size(), 20));
  ASSERT_EQ(Get("/api/quotes", {{"q", words}, {"limit", "500"}}).status, 200);
  EXPECT_TRUE(ItemIds().count(Str(quotes[0]["id"])));
  // Its words in another order find it too; a word it lacks does not.
  std::istringstream ws(text);
  std::string w1, w2;
  ws >> w1 >> w2;
  if (!w2.empty()) {
    ASSERT_EQ(Get("/api/quotes", {{"q", w2 + " " + w1}, {"limit", "500"}}).status, 200);
    EXPECT_TRUE(ItemIds().count(Str(quotes[0]["id"])));
    ASSERT_EQ(Get("/api/quotes", {{"q", w2 + " " + w1 + " zzqqxx"}, {"limit", "500"}}).status, 200);
    EXPECT_EQ(Total(), 0);
  }
  // The start of a word finds it; input with no word is refused, and
  // search syntax in the input is not interpreted.
  std::string head = w1.size() > 4 ? w1.substr(0, 4) : w1;
  std::string head_word;
  for (char c : head) {
    if (std::isalnum(static_cast<unsigned char>(c))) head_word.push_back(c);
  }
  if (!head_word.empty()) {
    ASSERT_EQ(Get("/api/quotes", {{"q", head_word}, {"limit", "500"}}).status, 200);
    EXPECT_GE(Total(), 1);
  }
  EXPECT_EQ(Get("/api/quotes", {{"q", "%_%"}}).status, 400);
  EXPECT_EQ(Get("/api/quotes", {{"q", "NEAR(a b) OR text:*"}}).status, 200);
  EXPECT_EQ(Get("/api/quotes", {{"kind", "rumour"}}).status, 400);
}

TEST_F(ApiTest, EventsFilterByRootDatesAndActor) {
  ASSERT_NE(api_, nullptr);
  Lines events(SampleDir() + "/events.jsonl");
  ASSERT_GT(events.size(), 10u);
  std::map<std::string, std::int64_t> per_root;
  std::int64_t in_range = 0, with_actor = 0;
  std::string actor = Str(events[0]["source"]["actor_code"]);
  for (std::size_t i = 0; i < events.size(); ++i) {
    ++per_root[Str(events[i]["root"])];
    std::string d = Str(events[i]["date"]);
    in_range += d.size() == 10 && d >= "2022-01-12" && d <= "2022-01-20";
    with_actor += !actor.empty() && (Str(events[i]["source"]["actor_code"]) == actor ||
                                     Str(events[i]["target"]["actor_code"]) == actor);
  }
  for (const auto& [root, n] : per_root) {
    ASSERT_EQ(Get("/api/events", {{"root", root}, {"limit", "500"}}).status, 200);
    EXPECT_EQ(Total(), n) << root;
    for (auto e : json_["items"].get_array()) EXPECT_EQ(Str(e["root"]), root);
  }
  ASSERT_EQ(Get("/api/events", {{"from", "2022-01-12"}, {"to", "2022-01-20"}, {"limit", "500"}}).status, 200);
  std::int64_t day_dated = 0;
  for (auto e : json_["items"].get_array()) day_dated += Str(e["date"]).size() == 10;
  EXPECT_EQ(day_dated, in_range);
  if (!actor.empty()) {
    ASSERT_EQ(Get("/api/events", {{"actor", actor}, {"limit", "500"}}).status, 200);
    EXPECT_GE(Total(), with_actor);
  }
  // The GDELT download: one 61-column row per matching event.
  Response g = Get("/api/events", {{"format", "gdelt"}, {"root", per_root.begin()->first}});
  ASSERT_EQ(g.status, 200);
  EXPECT_EQ(g.content_type.rfind("text/tab-separated-values", 0), 0u);
  std::istringstream rows(g.body);
  std::string row;
  std::int64_t n = 0;
  while (std::getline(rows, row)) {
    ++n;
    EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 60) << row;
  }
  EXPECT_EQ(n, per_root.begin()->second);
  for (const char* bad : {"21", "4", "xx"}) EXPECT_EQ(Get("/api/events", {{"root", bad}}).status, 400) << bad;
  EXPECT_EQ(Get("/api/events", {{"from", "2022-13"}}).status, 400);
  EXPECT_EQ(Get("/api/events", {{"to", "yesterday"}}).status, 400);
  EXPECT_EQ(Get("/api/events", {{"format", "xml"}}).status, 400);
}

TEST_F(ApiTest, SearchRanksArticlesAndHighlightsSafely) {
  ASSERT_NE(api_, nullptr);
  Lines articles(SampleDir() + "/articles.jsonl");
  // A distinctive word of one article's title finds that article.
  std::string title = Str(articles[0]["title"]);
  std::string word;
  for (std::istringstream in(title); in >> word;) {
    if (word.size() >= 7 && std::all_of(word.begin(), word.end(), [](char c) { return std::isalpha(c); })) break;
  }
  ASSERT_GE(word.size(), 7u) << title;
  ASSERT_EQ(Get("/api/search", {{"q", word}}).status, 200);
  EXPECT_GE(Total(), 1);
  EXPECT_TRUE(ItemIds().count(Str(articles[0]["id"]))) << word;
  bool marked = false;
  for (auto item : json_["items"].get_array()) marked = marked || Str(item["snippet_html"]).find("<mark>") != std::string::npos;
  EXPECT_TRUE(marked);
  // Search syntax is taken as words, never as an error.
  for (const char* q : {"\"", "NEAR(", "title:*", "a OR", "\"unclosed phrase"}) {
    Response r = Get("/api/search", {{"q", q}});
    EXPECT_TRUE(r.status == 200 || r.status == 400) << q << " -> " << r.status;
  }
  EXPECT_EQ(Get("/api/search").status, 400);
  EXPECT_EQ(Get("/api/search", {{"q", "!!!"}}).status, 400);
}

TEST_F(ApiTest, BadRequestsAreAnswered4xx) {
  ASSERT_NE(api_, nullptr);
  for (const char* limit : {"0", "501", "abc", "-1", "1e3"}) {
    Response r = Get("/api/stories", {{"limit", limit}});
    EXPECT_EQ(r.status, 400) << limit;
    EXPECT_FALSE(Str(json_["error"]["message"]).empty());
  }
  EXPECT_EQ(Get("/api/stories", {{"offset", "-5"}}).status, 400);
  EXPECT_EQ(Get("/api/stories", {{"nope", "1"}}).status, 400);
  EXPECT_EQ(Get("/api/stories", {{"limit", "1"}, {"limit", "2"}}).status, 400);
  EXPECT_EQ(Get("/api/nothing").status, 404);
  EXPECT_EQ(Get("/api/stories/a/b").status, 404);
  Request post;
  post.method = "POST";
  post.path = "/api/stories";
  EXPECT_EQ(api_->Handle(post).status, 405);
  EXPECT_EQ(Get("/api/openapi.json").status, 200);
  EXPECT_EQ(Str(json_["openapi"]).substr(0, 2), "3.");
  EXPECT_FALSE(json_["paths"]["/api/search"].error());
  // The codebook for labels: every code of data/events/cameo.tsv.
  ASSERT_EQ(Get("/api/cameo").status, 200);
  std::istringstream tsv(ReadFile(SourceDir() + "/data/events/cameo.tsv"));
  std::size_t codes = 0;
  for (std::string line; std::getline(tsv, line);) {
    if (line.empty() || line[0] == '#') continue;
    ++codes;
    EXPECT_FALSE(Str(json_[line.substr(0, line.find('\t'))]["name"]).empty()) << line;
  }
  EXPECT_EQ(json_.get_object().size(), codes);
}

TEST_F(ApiTest, ConcurrentRequestsAllSucceed) {
  ASSERT_NE(api_, nullptr);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        Request r;
        r.path = i % 2 ? "/api/stories" : "/api/quotes";
        ok += api_->Handle(r).status == 200;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 200);
}

TEST(ApiOpen, RefusesAMissingOrOldDatabaseWithAReason) {
  TempDir dir;
  auto missing = Api::Open(dir / "sitrep.db");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("not found"), std::string::npos);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "old.db").c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('schema_version', '1');",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto old = Api::Open(dir / "old.db");
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find("schema version 1"), std::string::npos) << old.status().message();
  WriteFile(dir / "junk.db", "not a database at all");
  EXPECT_FALSE(Api::Open(dir / "junk.db").ok());
}

TEST(StaticFiles, ServesOnlyInsideTheWebFolder) {
  TempDir dir;
  WriteFile(dir / "web/index.html", "<!doctype html><title>t</title>");
  WriteFile(dir / "web/app.js", "1");
  WriteFile(dir / "secret.txt", "secret");
  WriteFile(dir / "web/.env", "secret");
  std::string root = dir / "web";
  Response index = ServeStatic(root, "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type.rfind("text/html", 0), 0u);
  bool csp = false;
  for (const auto& [k, v] : index.headers) csp = csp || (k == "Content-Security-Policy" && v.find("script-src 'self'") != std::string::npos);
  EXPECT_TRUE(csp);
  EXPECT_EQ(ServeStatic(root, "/app.js").content_type.rfind("text/javascript", 0), 0u);
  for (const char* bad : {"/../secret.txt", "/a/../../secret.txt", "/..", "/.env", "/x\\..\\secret.txt"}) {
    Response r = ServeStatic(root, bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.body.find("secret"), std::string::npos);
  }
  EXPECT_EQ(ServeStatic(root, "/missing.js").status, 404);
  EXPECT_FALSE(SafeRelativePath(std::string_view("/a\0b", 4)));
}

// The same API over a real socket, with what a browser or a bad client
// may send.
TEST(Server, AnswersOverHttpAndSurvivesMalformedRequests) {
  TempDir web;
  WriteFile(web / "index.html", "<!doctype html><title>sitrep</title>");
  ServerOptions o;
  o.dir = SampleDir();
  o.port = 0;
  o.web_root = web.path();
  auto server = Server::Start(o);
  ASSERT_TRUE(server.ok()) << server.status().message();
  Server* s = server.value().get();
  std::thread loop([s] { s->Run(); });
  httplib::Client client("127.0.0.1", s->port());
  // listen_after_bind may not have started accepting yet: retry briefly.
  auto res = client.Get("/api/summary");
  for (int i = 0; i < 100 && !res; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    res = client.Get("/api/summary");
  }
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("<title>sitrep</title>"), std::string::npos);
  EXPECT_EQ(client.Get("/api/stories?limit=x")->status, 400);
  EXPECT_EQ(client.Get("/api/search?q=a%20b&q=c")->status, 400);
  EXPECT_EQ(client.Post("/api/stories", "{}", "application/json")->status, 405);
  // Raw garbage, an absurd path, a request cut short: each gets an answer
  // or a closed connection, and the server keeps serving.
  for (std::string raw : {std::string("GARBAGE\r\n\r\n"), std::string("GET /") + std::string(20000, 'a') + " HTTP/1.1\r\n\r\n",
                          std::string("GET /api/summary HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\nab")}) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(s->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_GT(::send(fd, raw.data(), raw.size(), MSG_NOSIGNAL), 0);
    ::shutdown(fd, SHUT_WR);
    char buf[64] = {};
    timeval tv{2, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ssize_t n = ::recv(fd, buf, sizeof buf - 1, 0);
    ::close(fd);
    if (n > 0) {
      EXPECT_EQ(std::string(buf, 9), "HTTP/1.1 ") << raw.substr(0, 30);
    }
    // A GET whose announced body never comes may be answered before the
    // body is read; the other two are malformed and must get a 4xx.
    bool truncated_body = raw.find("Content-Length") != std::string::npos;
    if (n > 12 && !truncated_body) {
      EXPECT_EQ(buf[9], '4') << std::string(buf, n);
    }
  }
  auto after = client.Get("/api/summary");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
  // A second server on the same port is refused, not silently sharing it.
  ServerOptions again = o;
  again.port = s->port();
  auto second = Server::Start(again);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find(std::to_string(s->port())), std::string::npos);
  s->Stop();
  loop.join();
}

}  // namespace
}  // namespace sitrep::serve
