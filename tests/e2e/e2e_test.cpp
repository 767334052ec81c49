// End-to-end tests: run the built `sitrep` binary as a user would and check
// what it writes, against the hand-made gold annotations of samples/.
#include <gtest/gtest.h>
#include <simdjson.h>
#include <sqlite3.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "support/temp_dir.h"

namespace sitrep {
namespace {

using testing::ReadFile;
using testing::Run;
using testing::Sitrep;
using testing::SourceDir;
using testing::TempDir;
using testing::WriteFile;

std::string Quote(const std::string& s) { return "'" + s + "'"; }

// Parses a JSON Lines file into one DOM document per line.
std::vector<simdjson::dom::document> ReadJsonl(const std::string& path) {
  std::vector<simdjson::dom::document> docs;
  std::istringstream in(ReadFile(path));
  std::string line;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    simdjson::dom::document doc;
    simdjson::dom::element e;
    EXPECT_EQ(parser.parse_into_document(doc, line).get(e), simdjson::SUCCESS) << path << ": " << line;
    docs.push_back(std::move(doc));
  }
  return docs;
}

std::string Str(simdjson::dom::element e, const char* key) {
  std::string_view v;
  if (e[key].get_string().get(v)) return "<null>";
  return std::string(v);
}

class Analyze : public ::testing::Test {
 protected:
  // Runs `sitrep analyze ARGS --out DIR` and returns the result.
  static testing::CommandResult RunAnalyze(const std::string& args, const std::string& out) {
    return sitrep::testing::Run(Sitrep() + " analyze " + args + " --out " + Quote(out) + " --quiet");
  }
};

TEST_F(Analyze, SampleCorpusMatchesItsGold) {
  TempDir tmp;
  auto r = RunAnalyze(Quote(SourceDir() + "/samples/articles"), tmp / "out");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::map<std::string, simdjson::dom::element> by_source;
  auto out_docs = ReadJsonl(tmp / "out/articles.jsonl");
  for (auto& d : out_docs) by_source[Str(d.root(), "source")] = d.root();
  auto gold_docs = ReadJsonl(SourceDir() + "/samples/gold/articles.jsonl");
  ASSERT_EQ(gold_docs.size(), 20u);
  ASSERT_EQ(out_docs.size(), gold_docs.size());

  int removed_tp = 0, removed_fp = 0, removed_fn = 0, kept = 0, keep_total = 0;
  for (auto& g : gold_docs) {
    simdjson::dom::element ge = g.root();
    std::string source = SourceDir() + "/samples/" + Str(ge, "file");
    int64_t line = 0;
    if (!ge["line"].get_int64().get(line)) source += ":" + std::to_string(line);
    ASSERT_TRUE(by_source.count(source)) << source;
    simdjson::dom::element a = by_source[source];
    SCOPED_TRACE(source);
    EXPECT_EQ(Str(a, "status"), "ok");
    EXPECT_EQ(Str(a, "title"), Str(ge, "title"));
    EXPECT_EQ(Str(a, "published"), Str(ge, "published"));
    EXPECT_EQ(Str(a, "author"), Str(ge, "author"));
    // An outlet's brand line may add a generic word to its name
    // ("X News" for X): the gold name must start the found one.
    std::string outlet = Str(a, "outlet"), gold_outlet = Str(ge, "outlet");
    EXPECT_TRUE(outlet == gold_outlet || outlet.rfind(gold_outlet + " ", 0) == 0)
        << "outlet " << outlet << " vs gold " << gold_outlet;
    std::multiset<std::string> want, got;
    for (simdjson::dom::element x : ge["removed"].get_array()) want.insert(std::string(std::string_view(x)));
    for (simdjson::dom::element x : a["removed"].get_array()) got.insert(Str(x, "text"));
    for (const auto& w : want) {
      if (got.count(w)) ++removed_tp; else { ++removed_fn; ADD_FAILURE() << "not removed: " << w; }
    }
    for (const auto& x : got) {
      if (!want.count(x)) { ++removed_fp; ADD_FAILURE() << "removed but body: " << x; }
    }
    std::string text = Str(a, "text");
    for (simdjson::dom::element k : ge["keep"].get_array()) {
      ++keep_total;
      if (text.find(std::string_view(k)) != std::string::npos) ++kept;
      else ADD_FAILURE() << "body sentence lost: " << std::string_view(k);
    }
    // Sentences are code point spans inside the text, in order.
    int64_t prev_end = 0;
    for (simdjson::dom::element s : a["sentences"].get_array()) {
      int64_t b = s.at(0), e = s.at(1);
      EXPECT_LE(prev_end, b);
      EXPECT_LT(b, e);
      prev_end = e;
    }
  }
  std::printf("removed lines: %d found, %d missed, %d wrongly removed; body sentences kept %d/%d\n",
              removed_tp, removed_fn, removed_fp, kept, keep_total);
}

// Mentions point at entities that exist, and the entities add up. The
// sample corpus spells one invented Russian name two ways ("sh" and "sch")
// and writes NATO both as "NATO" and "Nato"; each must be one entity.
TEST_F(Analyze, MentionsAndEntitiesAreConsistent) {
  TempDir tmp;
  auto r = RunAnalyze(Quote(SourceDir() + "/samples/articles"), tmp / "out");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::map<std::string, std::uint64_t> counted;  // entity id -> mentions seen in articles
  std::map<std::string, std::set<std::string>> texts;
  std::set<std::string> article_ids;
  std::uint64_t mentions = 0;
  for (auto& d : ReadJsonl(tmp / "out/articles.jsonl")) {
    article_ids.insert(Str(d.root(), "id"));
    for (simdjson::dom::element m : d.root()["mentions"].get_array()) {
      ++mentions;
      std::string id = Str(m, "entity");
      ASSERT_NE(id, "<null>") << simdjson::minify(m);
      ++counted[id];
      texts[id].insert(Str(m, "text"));
    }
  }
  EXPECT_GT(mentions, 100u);
  std::string previous;
  std::map<std::string, std::string> entity_of_text;
  for (auto& d : ReadJsonl(tmp / "out/entities.jsonl")) {
    simdjson::dom::element e = d.root();
    std::string id = Str(e, "id");
    EXPECT_LT(previous, id);
    previous = id;
    EXPECT_EQ(std::uint64_t(e["mention_count"]), counted[id]) << id;
    for (simdjson::dom::element a : e["articles"].get_array()) {
      EXPECT_TRUE(article_ids.count(std::string(std::string_view(a)))) << id;
    }
    for (const auto& t : texts[id]) entity_of_text[t] = id;
    counted.erase(id);
  }
  EXPECT_TRUE(counted.empty()) << "mentions point at " << counted.size() << " missing entities";
  ASSERT_TRUE(entity_of_text.count("Ryabshenko") && entity_of_text.count("Ryabschenko"));
  EXPECT_EQ(entity_of_text["Ryabshenko"], entity_of_text["Ryabschenko"]);
  ASSERT_TRUE(entity_of_text.count("NATO") && entity_of_text.count("Nato"));
  EXPECT_EQ(entity_of_text["NATO"], entity_of_text["Nato"]);
  EXPECT_NE(entity_of_text["NATO"], entity_of_text["Ryabshenko"]);
}

// Quotes point at real articles and entities, and the quotations the
// sample corpus plants in several outlets (samples/gold/story_facts.jsonl,
// kind "shared_quote", written with the corpus) come out linked through
// same_as: each fact's files, all but at most one, in one group.
TEST_F(Analyze, QuotesAreLinkedToEntitiesAndAcrossOutlets) {
  TempDir tmp;
  auto r = RunAnalyze(Quote(SourceDir() + "/samples/articles"), tmp / "out");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::map<std::string, std::string> file_of;  // article id -> "articles/..." (":LINE" for JSON Lines)
  for (auto& d : ReadJsonl(tmp / "out/articles.jsonl")) {
    std::string src = Str(d.root(), "source");
    file_of[Str(d.root(), "id")] = src.substr(src.find("articles/"));
  }
  std::set<std::string> entity_ids;
  for (auto& d : ReadJsonl(tmp / "out/entities.jsonl")) entity_ids.insert(Str(d.root(), "id"));
  std::map<std::string, std::set<std::string>> group_files;  // quote id -> files of it and its same_as
  std::map<std::string, std::vector<std::string>> same;
  std::map<std::string, std::string> quote_file;
  std::size_t quotes = 0, with_entity = 0;
  for (auto& d : ReadJsonl(tmp / "out/quotes.jsonl")) {
    ++quotes;
    std::string id = Str(d.root(), "id");
    std::string article = Str(d.root(), "article");
    ASSERT_TRUE(file_of.count(article)) << id;
    quote_file[id] = file_of[article];
    std::string entity = Str(d.root()["speaker"], "entity");
    if (entity != "<null>") {
      ++with_entity;
      EXPECT_TRUE(entity_ids.count(entity)) << id;
    }
    for (simdjson::dom::element x : d.root()["same_as"].get_array()) same[id].push_back(std::string(std::string_view(x)));
  }
  EXPECT_GT(quotes, 80u);
  EXPECT_GT(with_entity, quotes / 3);
  for (const auto& [id, others] : same) {
    group_files[id].insert(quote_file[id]);
    for (const auto& o : others) {
      EXPECT_NE(quote_file[o], quote_file[id]) << "same_as within one article: " << id;
      EXPECT_TRUE(std::count(same[o].begin(), same[o].end(), id)) << "same_as not symmetric: " << id << " " << o;
      group_files[id].insert(quote_file[o]);
    }
  }
  std::size_t facts = 0;
  for (auto& d : ReadJsonl(SourceDir() + "/samples/gold/story_facts.jsonl")) {
    if (Str(d.root(), "kind") != "shared_quote") continue;
    ++facts;
    std::set<std::string> files;
    for (simdjson::dom::element f : d.root()["files"].get_array()) files.insert(std::string(std::string_view(f)));
    std::size_t best = 0;
    for (const auto& [id, g] : group_files) {
      std::size_t n = 0;
      for (const auto& f : g) n += files.count(f);
      best = std::max(best, n);
    }
    EXPECT_GE(best + 1, files.size()) << Str(d.root(), "detail");
  }
  EXPECT_EQ(facts, 4u);
}

// The sample corpus has four stories (samples/README.md) with facts planted
// on purpose (samples/gold/story_facts.jsonl): each gold story must come out
// as one story, and the planted number disagreements, hedging, the weekday
// mismatch and the shared quotes must show up in it.
TEST_F(Analyze, StoriesGroupTheSampleAndCarryThePlantedFacts) {
  TempDir tmp;
  auto r = RunAnalyze(Quote(SourceDir() + "/samples/articles"), tmp / "out");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::map<std::string, std::string> id_of;  // source -> article id
  auto articles = ReadJsonl(tmp / "out/articles.jsonl");
  for (auto& d : articles) id_of[Str(d.root(), "source")] = Str(d.root(), "id");
  std::map<std::string, std::string> slug_of;  // article id -> gold story
  for (auto& g : ReadJsonl(SourceDir() + "/samples/gold/articles.jsonl")) {
    std::string source = SourceDir() + "/samples/" + Str(g.root(), "file");
    int64_t line = 0;
    if (!g.root()["line"].get_int64().get(line)) source += ":" + std::to_string(line);
    ASSERT_TRUE(id_of.count(source)) << source;
    slug_of[id_of[source]] = Str(g.root(), "story");
  }
  auto stories = ReadJsonl(tmp / "out/stories.jsonl");
  ASSERT_EQ(stories.size(), 4u);
  std::map<std::string, simdjson::dom::element> story_of_slug;
  for (auto& st : stories) {
    std::set<std::string> slugs;
    for (simdjson::dom::element a : st.root()["articles"].get_array()) slugs.insert(slug_of[std::string(std::string_view(a.get_string()))]);
    ASSERT_EQ(slugs.size(), 1u) << Str(st.root(), "title");
    story_of_slug[*slugs.begin()] = st.root();
    EXPECT_NE(Str(st.root(), "title"), "<null>");
    EXPECT_GE(st.root()["summary"].get_array().size(), 2u);
  }
  ASSERT_EQ(story_of_slug.size(), 4u);

  auto values_of = [](simdjson::dom::element claim) {
    std::set<std::string> v;
    for (simdjson::dom::element x : claim["values"].get_array()) {
      std::string s(std::string_view(x.get_string()));
      for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      v.insert(s);
    }
    return v;
  };
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  // How many of the fact's values a claim of `kind` in `list` carries, at best.
  auto best_match = [&](simdjson::dom::element story, const char* list, const std::string& kind,
                        const std::vector<std::string>& want) {
    std::size_t best = 0;
    for (simdjson::dom::element c : story[list].get_array()) {
      if (Str(c, "kind") != kind) continue;
      auto have = values_of(c);
      std::size_t n = 0;
      for (const auto& w : want) n += have.count(lower(w));
      best = std::max(best, n);
    }
    return best;
  };
  int hedging_found = 0, hedging_total = 0;
  for (auto& f : ReadJsonl(SourceDir() + "/samples/gold/story_facts.jsonl")) {
    simdjson::dom::element fe = f.root();
    const std::string kind = Str(fe, "kind");
    simdjson::dom::element story = story_of_slug[Str(fe, "story")];
    std::vector<std::string> want;
    for (simdjson::dom::element v : fe["values"].get_array()) want.emplace_back(std::string_view(v.get_string()));
    SCOPED_TRACE(Str(fe, "story") + " " + kind + " " + Str(fe, "detail"));
    if (kind == "number_disagreement") {
      EXPECT_GE(best_match(story, "disagreements", "number", want), 2u);
    } else if (kind == "number_hedging") {
      ++hedging_total;
      if (best_match(story, "agreements", "number", want) >= 2) ++hedging_found;
    } else if (kind == "weekday_mismatch") {
      std::string courier = id_of[SourceDir() + "/samples/" + std::string(std::string_view(fe["files"].at(0).get_string()))];
      bool found = false;
      for (simdjson::dom::element c : story["disagreements"].get_array()) {
        if (Str(c, "kind") != "weekday_mismatch") continue;
        found = found || (values_of(c).count(lower(want[0])) &&
                          std::string_view(c["articles"].at(0).get_string()) == courier);
      }
      EXPECT_TRUE(found);
    } else if (kind == "shared_quote") {
      // The quotation, linked across outlets, is compared (wording alike or not).
      std::size_t carried = 0;
      for (const char* list : {"agreements", "disagreements"})
        for (simdjson::dom::element c : story[list].get_array())
          if (Str(c, "kind") == "quote") carried = std::max(carried, c["articles"].get_array().size());
      EXPECT_GE(carried, 3u);
    }
  }
  // One hedging fact measures two things ("in shelters" and "lost their
  // homes") and is not expected; the others are.
  EXPECT_GE(hedging_found, hedging_total - 1);
  // The cyclone pledges ($310m hoped for, $340m pledged) are no disagreement.
  for (simdjson::dom::element c : story_of_slug["cyclone-aid"]["disagreements"].get_array()) {
    for (const auto& v : values_of(c)) EXPECT_EQ(v.find("310"), std::string::npos) << v;
  }
  // Each timeline entry says its event in words, as events.jsonl has it.
  std::map<std::string, std::pair<std::string, std::string>> event_of;  // id -> (cameo, source name)
  auto events = ReadJsonl(tmp / "out/events.jsonl");
  for (auto& e : events) event_of[Str(e.root(), "id")] = {Str(e.root(), "cameo"), Str(e.root()["source"], "name")};
  std::size_t entries = 0;
  for (auto& st : stories) {
    for (simdjson::dom::element t : st.root()["timeline"].get_array()) {
      ++entries;
      const std::string id = Str(t, "event");
      ASSERT_TRUE(event_of.count(id)) << id;
      EXPECT_EQ(Str(t, "cameo"), event_of[id].first);
      EXPECT_EQ(Str(t, "source"), event_of[id].second);
      EXPECT_FALSE(Str(t, "action").empty()) << id;
      EXPECT_NE(Str(t, "action"), "<null>") << id;
    }
  }
  EXPECT_GE(entries, 10u);
  // Manifest and database.
  EXPECT_NE(ReadFile(tmp / "out/manifest.json").find("\"stories\":4"), std::string::npos);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((tmp / "out/sitrep.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto count = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM stories"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM story_articles"), 20);
  sqlite3_close(db);
}

// `sitrep merge` is the cross-article step of analyze on its own: given
// analyze's articles with the entity ids taken out, it must give back
// exactly analyze's articles and entities. A line that is not an article
// is reported with its file and line and left out.
TEST_F(Analyze, MergeRedoesTheCrossArticleStep) {
  TempDir tmp;
  auto r = RunAnalyze(Quote(SourceDir() + "/samples/articles"), tmp / "a");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string articles = ReadFile(tmp / "a/articles.jsonl");
  std::string stripped;
  const std::string key = "\"entity\":\"";
  std::size_t from = 0, removed = 0;
  for (std::size_t at = articles.find(key); at != std::string::npos; at = articles.find(key, from)) {
    stripped.append(articles, from, at - from);
    stripped += "\"entity\":null";
    from = articles.find('"', at + key.size()) + 1;
    ++removed;
  }
  stripped.append(articles, from, std::string::npos);
  ASSERT_GT(removed, 100u);
  WriteFile(tmp / "in.jsonl", stripped + "{not json\n");
  r = sitrep::testing::Run(Sitrep() + " merge " + Quote(tmp / "in.jsonl") + " --out " + Quote(tmp / "m"));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("in.jsonl:21: not an article line"), std::string::npos) << r.output;
  EXPECT_EQ(ReadFile(tmp / "m/articles.jsonl"), articles);
  EXPECT_EQ(ReadFile(tmp / "m/entities.jsonl"), ReadFile(tmp / "a/entities.jsonl"));
  EXPECT_FALSE(ReadFile(tmp / "a/events.jsonl").empty());
  EXPECT_EQ(ReadFile(tmp / "m/events.jsonl"), ReadFile(tmp / "a/events.jsonl"));
  EXPECT_FALSE(ReadFile(tmp / "a/quotes.jsonl").empty());
  EXPECT_EQ(ReadFile(tmp / "m/quotes.jsonl"), ReadFile(tmp / "a/quotes.jsonl"));
  EXPECT_FALSE(ReadFile(tmp / "a/stories.jsonl").empty());
  EXPECT_EQ(ReadFile(tmp / "m/stories.jsonl"), ReadFile(tmp / "a/stories.jsonl"));
  EXPECT_TRUE(std::filesystem::exists(tmp / "m/sitrep.db"));
}

TEST_F(Analyze, TwoRunsGiveIdenticalOutput) {
  TempDir tmp;
  std::string in = Quote(SourceDir() + "/samples/articles");
  ASSERT_EQ(sitrep::testing::Run(Sitrep() + " analyze " + in + " --out " + Quote(tmp / "a") + " --quiet --jobs 1").exit_code, 0);
  ASSERT_EQ(sitrep::testing::Run(Sitrep() + " analyze " + in + " --out " + Quote(tmp / "b") + " --quiet --jobs 2").exit_code, 0);
  for (const char* f : {"articles.jsonl", "entities.jsonl", "quotes.jsonl", "events.jsonl", "stories.jsonl",
                        "sitrep.db"}) {
    EXPECT_EQ(ReadFile(tmp / "a/" + f), ReadFile(tmp / "b/" + f)) << f;
  }
  // The manifest differs only in its timings.
  auto strip = [](std::string m) { return m.substr(0, m.find(",\"timings\"")); };
  EXPECT_EQ(strip(ReadFile(tmp / "a/manifest.json")), strip(ReadFile(tmp / "b/manifest.json")));
  // Ids are unique and the file is sorted by them.
  std::vector<std::string> ids;
  for (auto& d : ReadJsonl(tmp / "a/articles.jsonl")) ids.push_back(Str(d.root(), "id"));
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
}

TEST_F(Analyze, EveryBadInputIsAccountedForWithItsReason) {
  TempDir tmp;
  std::string in = tmp / "in";
  WriteFile(in + "/empty.txt", "");
  WriteFile(in + "/binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0\0", 12));
  WriteFile(in + "/latin1.txt", "Caf\xe9 owners protest rent rises.\nThe owners marched on Friday.");
  WriteFile(in + "/utf16.txt", std::string("\xFF\xFE" "O\0k\0.\0", 8));
  WriteFile(in + "/page.html", "<html><body>x</body></html>");
  WriteFile(in + "/lines.jsonl", "{\"text\": \"Fine one.\"}\n{\"text\": broken\n{\"text\": \"Fine two.\"}\n");
  WriteFile(in + "/dup1.txt", "The same words twice.");
  WriteFile(in + "/dup2.txt", "The same words twice.");
  {
    // A 200 MB single-line file, as .txt and as a JSON Lines line.
    std::string big(200u << 20, 'x');
    WriteFile(in + "/huge.txt", big);
    WriteFile(in + "/huge.jsonl", "{\"text\": \"" + big + "\"}\n{\"text\": \"Small after huge.\"}\n");
  }
  {
    gzFile f = gzopen((in + "/cut.txt.gz").c_str(), "wb");
    std::string text(100000, 'a');
    gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
    gzclose(f);
    std::string gz = ReadFile(in + "/cut.txt.gz");
    WriteFile(in + "/cut.txt.gz", gz.substr(0, gz.size() / 2));
  }
  auto r = sitrep::testing::Run(Sitrep() + " analyze " + Quote(in) + " " + Quote(tmp / "missing.txt") + " --out " +
               Quote(tmp / "out") + " --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::filesystem::remove_all(in);  // 400 MB
  std::map<std::string, std::pair<std::string, std::string>> got;  // source -> status, reason
  std::map<std::string, std::string> text, warnings;
  std::set<std::string> ids;
  for (auto& d : ReadJsonl(tmp / "out/articles.jsonl")) {
    std::string src = Str(d.root(), "source");
    src = src.substr(src.rfind('/') + 1);
    got[src] = {Str(d.root(), "status"), Str(d.root(), "reason")};
    text[src] = Str(d.root(), "text");
    for (simdjson::dom::element w : d.root()["warnings"].get_array()) warnings[src] += std::string(std::string_view(w));
    ids.insert(Str(d.root(), "id"));
  }
  auto reason = [&](const std::string& s) { return got.count(s) ? got[s].second : "<absent>"; };
  EXPECT_EQ(reason("empty.txt"), "empty file");
  EXPECT_NE(reason("binary.txt").find("binary"), std::string::npos);
  EXPECT_EQ(got["latin1.txt"].first, "ok");
  EXPECT_EQ(got["utf16.txt"].first, "ok");
  EXPECT_EQ(text["utf16.txt"], "Ok.");
  EXPECT_EQ(reason("page.html"), "no article body");
  EXPECT_EQ(got["lines.jsonl:1"].first, "ok");
  EXPECT_NE(reason("lines.jsonl:2").find("malformed JSON"), std::string::npos);
  EXPECT_NE(reason("lines.jsonl:2").find("lines.jsonl:2"), std::string::npos);
  EXPECT_EQ(got["lines.jsonl:3"].first, "ok");
  EXPECT_NE(reason("huge.txt").find("too large"), std::string::npos);
  EXPECT_NE(reason("huge.jsonl:1").find("line too long"), std::string::npos);
  EXPECT_EQ(got["huge.jsonl:2"].first, "ok");
  // A truncated archive keeps what could be read, and says so.
  EXPECT_EQ(got["cut.txt.gz"].first, "ok");
  EXPECT_NE(warnings["cut.txt.gz"].find("truncated gzip"), std::string::npos) << warnings["cut.txt.gz"];
  EXPECT_NE(warnings["latin1.txt"].find("invalid UTF-8"), std::string::npos);
  EXPECT_NE(reason("missing.txt").find("no such file"), std::string::npos);
  EXPECT_EQ(got["dup1.txt"].first, "ok");
  EXPECT_EQ(got["dup2.txt"].first, "ok");
  EXPECT_EQ(ids.size(), got.size());  // identical inputs still get distinct ids
  EXPECT_EQ(got.size(), 15u);
  // The summary names what was skipped.
  EXPECT_NE(r.output.find("skipped"), std::string::npos);
}

TEST_F(Analyze, RefusesANonEmptyOutputFolderUnlessForced) {
  TempDir tmp;
  WriteFile(tmp / "out/keep.txt", "mine");
  std::string in = Quote(SourceDir() + "/samples/articles/wire.jsonl");
  auto r = RunAnalyze(in, tmp / "out");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("--force"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(tmp / "out/articles.jsonl"));
  r = sitrep::testing::Run(Sitrep() + " analyze " + in + " --out " + Quote(tmp / "out") + " --quiet --force");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(tmp / "out/articles.jsonl"));
}

TEST_F(Analyze, AFullDiskIsACleanErrorWithExitCode2) {
  TempDir tmp;
  // A file-size limit makes writes fail as a full disk does.
  auto r = sitrep::testing::Run("sh -c " +
               Quote("ulimit -f 40; exec " + Sitrep() + " analyze " + SourceDir() + "/samples/articles --out " +
                     (tmp / "out") + " --quiet"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("cannot write"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(tmp / "out/articles.jsonl"));
  for (const auto& e : std::filesystem::directory_iterator(tmp / "out")) {
    EXPECT_EQ(e.path().string().find(".partial"), std::string::npos) << e.path();
  }
}

TEST_F(Analyze, ReadsJsonLinesFromStdinAndWritesTheDatabase) {
  TempDir tmp;
  auto r = sitrep::testing::Run("cat " + Quote(SourceDir() + "/samples/articles/wire.jsonl") + " | " + Sitrep() +
               " analyze - --out " + Quote(tmp / "out") + " --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto docs = ReadJsonl(tmp / "out/articles.jsonl");
  ASSERT_EQ(docs.size(), 3u);
  std::set<std::string> sources;
  for (auto& d : docs) sources.insert(Str(d.root(), "source"));
  EXPECT_EQ(sources, (std::set<std::string>{"-:1", "-:2", "-:3"}));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((tmp / "out/sitrep.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM articles WHERE status = 'ok'", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 3);
  sqlite3_finalize(st);
  sqlite3_close(db);
  // The manifest accounts for the input.
  simdjson::dom::parser p;
  auto m = p.parse(ReadFile(tmp / "out/manifest.json"));
  EXPECT_EQ(std::string_view(m["schema_version"]), "1");
  EXPECT_EQ(int64_t(m["counts"]["ok"]), 3);
}

TEST_F(Analyze, NoDbLeavesTheDatabaseOut) {
  TempDir tmp;
  auto r = sitrep::testing::Run(Sitrep() + " analyze " + Quote(SourceDir() + "/samples/articles/wire.jsonl") + " --out " +
               Quote(tmp / "out") + " --quiet --no-db");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_FALSE(std::filesystem::exists(tmp / "out/sitrep.db"));
  EXPECT_TRUE(std::filesystem::exists(tmp / "out/stories.jsonl"));
}

TEST(Process, StreamsArticlesInInputOrder) {
  auto r = sitrep::testing::Run(Sitrep() + " process --jobs 2 < " + Quote(SourceDir() + "/samples/articles/wire.jsonl") +
               " 2>/dev/null");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::istringstream in(r.output);
  std::string line;
  std::vector<std::string> sources;
  simdjson::dom::parser p;
  while (std::getline(in, line)) sources.push_back(Str(p.parse(line).value(), "source"));
  EXPECT_EQ(sources, (std::vector<std::string>{"-:1", "-:2", "-:3"}));
}

TEST(Cli, VersionHelpAndUsageErrors) {
  auto r = sitrep::testing::Run(Sitrep() + " --version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output.rfind("sitrep ", 0), 0u) << r.output;
  r = sitrep::testing::Run(Sitrep() + " help analyze");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("--out"), std::string::npos);
  EXPECT_NE(r.output.find("--jobs"), std::string::npos);
  r = sitrep::testing::Run(Sitrep() + " help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("analyze"), std::string::npos);
  EXPECT_EQ(sitrep::testing::Run(Sitrep() + " analyze samples").exit_code, 1);  // no --out
  EXPECT_EQ(sitrep::testing::Run(Sitrep() + " analyze x --out y --jobs 0").exit_code, 1);
  EXPECT_EQ(sitrep::testing::Run(Sitrep() + " frobnicate").exit_code, 1);
  EXPECT_EQ(sitrep::testing::Run(Sitrep() + " help frobnicate").exit_code, 1);
}

}  // namespace
}  // namespace sitrep
