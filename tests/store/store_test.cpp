#include <gtest/gtest.h>
#include <simdjson.h>
#include <sqlite3.h>

#include "store/article_json.h"
#include "store/database.h"
#include "store/output.h"
#include "support/temp_dir.h"

namespace sitrep::store {
namespace {

using sitrep::testing::TempDir;

TEST(ArticleJson, OffsetsCountCodePoints) {
  Article a;
  a.id = "a1";
  a.source = "x.txt";
  a.text = "“Élan,” she said. Done.";
  // Byte offsets of the two sentences.
  std::uint32_t second = static_cast<std::uint32_t>(a.text.find("Done"));
  a.sentences = {{0, second - 1, 0, 0}, {second, static_cast<std::uint32_t>(a.text.size()), 0, 0}};
  a.times.push_back({second, second + 4, "DATE", std::nullopt});
  std::string line;
  AppendArticleJson(a, &line);
  simdjson::dom::parser p;
  simdjson::dom::element e = p.parse(line);
  auto sentences = e["sentences"].get_array().value();
  // "“Élan,” she said." is 17 code points but 21 bytes.
  EXPECT_EQ(int64_t(sentences.at(0).at(1)), 17);
  EXPECT_EQ(int64_t(sentences.at(1).at(0)), 18);
  EXPECT_EQ(int64_t(sentences.at(1).at(1)), 23);
  EXPECT_EQ(std::string_view(e["times"].at(0)["text"]), "Done");
  EXPECT_TRUE(e["times"].at(0)["value"].is_null());
  EXPECT_EQ(std::string_view(e["status"]), "ok");
  EXPECT_TRUE(e["reason"].is_null());
}

TEST(ArticleJson, MentionsGetTheirMergedEntityIds) {
  Article a;
  a.id = "a1";
  a.source = "x.txt";
  // The text itself holds the pattern the filler looks for, escaped as JSON
  // escapes it; it must come through unchanged.
  a.text = "Ann met Bo. \"entity\":null,\"local\":0";
  Mention ann{0, 3, "PERSON", "", "", "", "", false, 1};
  Mention bo{8, 10, "PERSON", "", "minister", "RUS", "RUSGOV", false, 0};
  Mention none{4, 7, "MISC", "", "", "", "", false, -1};
  a.mentions = {ann, none, bo};
  a.local_entities.resize(2);
  std::string line;
  AppendArticleJson(a, &line);
  const std::string text_before = line.substr(line.find("\"text\""), 60);
  EXPECT_TRUE(FillMentionEntities(line, {"eBO", "eANN"}));
  simdjson::dom::parser p;
  simdjson::dom::element e = p.parse(line);
  auto m = e["mentions"].get_array().value();
  EXPECT_EQ(std::string_view(m.at(0)["entity"]), "eANN");
  EXPECT_TRUE(m.at(1)["entity"].is_null());
  EXPECT_TRUE(m.at(1)["local"].is_null());
  EXPECT_EQ(std::string_view(m.at(2)["entity"]), "eBO");
  EXPECT_EQ(int64_t(m.at(2)["local"]), 0);
  EXPECT_EQ(std::string_view(m.at(2)["role"]), "minister");
  EXPECT_EQ(std::string_view(m.at(2)["actor_code"]), "RUSGOV");
  EXPECT_TRUE(m.at(0)["role"].is_null());
  EXPECT_EQ(std::string_view(e["text"]), a.text);
  EXPECT_EQ(line.substr(line.find("\"text\""), 60), text_before);
  EXPECT_EQ(e["local_entities"].get_array().size(), 2u);
  // A local index with no id is reported and left null.
  std::string again;
  AppendArticleJson(a, &again);
  EXPECT_FALSE(FillMentionEntities(again, {"eBO"}));
  simdjson::dom::element e2 = p.parse(again);
  EXPECT_TRUE(e2["mentions"].at(0)["entity"].is_null());
  EXPECT_EQ(std::string_view(e2["mentions"].at(2)["entity"]), "eBO");
}

TEST(ArticleJson, SkippedArticlesHaveEveryKey) {
  Article ok, skipped;
  ok.id = "a1";
  skipped.id = "a2";
  skipped.Skip("binary data");
  std::string l1, l2;
  AppendArticleJson(ok, &l1);
  AppendArticleJson(skipped, &l2);
  simdjson::dom::parser p1, p2;
  simdjson::dom::object o1 = p1.parse(l1).get_object(), o2 = p2.parse(l2).get_object();
  EXPECT_EQ(o1.size(), o2.size());
  EXPECT_EQ(std::string_view(o2["reason"]), "binary data");
}

TEST(OutputFile, CommitRenamesAndUncommittedIsRemoved) {
  TempDir dir;
  {
    OutputFile f;
    ASSERT_TRUE(f.Open(dir / "a.txt").ok());
    ASSERT_TRUE(f.Write("hello").ok());
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "a.txt"));
  EXPECT_FALSE(std::filesystem::exists(dir / "a.txt.partial"));
  ASSERT_TRUE(WriteFile(dir / "b.txt", "hi").ok());
  EXPECT_EQ(sitrep::testing::ReadFile(dir / "b.txt"), "hi");
}

TEST(OutputDir, RefusesANonEmptyFolderUnlessForced) {
  TempDir dir;
  EXPECT_TRUE(PrepareOutputDir(dir.path(), false).ok());  // empty is fine
  sitrep::testing::WriteFile(dir / "x", "1");
  Status s = PrepareOutputDir(dir.path(), false);
  EXPECT_EQ(s.code(), Code::kInvalidInput);
  EXPECT_NE(s.message().find("--force"), std::string::npos);
  EXPECT_TRUE(PrepareOutputDir(dir.path(), true).ok());
  EXPECT_TRUE(PrepareOutputDir(dir / "new/nested", false).ok());
}

TEST(Database, MirrorsTheJsonLinesFiles) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 3; ++i) {
    Article a;
    a.id = "a" + std::to_string(i);
    a.source = "s";
    a.text = i == 1 ? "Ceasefire talks resumed. Two." : "One. Two.";
    a.sentences = {{0, 4, 0, 0}, {5, 9, 0, 0}};
    a.removed.push_back({"Share this", "share prompt"});
    AppendArticleJson(a, &lines);
    lines.push_back('\n');
  }
  sitrep::testing::WriteFile(dir / "articles.jsonl", lines);
  sitrep::testing::WriteFile(
      dir / "entities.jsonl",
      R"({"id":"e1","name":"X","type":"ORG","aliases":["X","Ex"],"roles":[],"country":null,"actor_code":null,"articles":["a0"],"mention_count":2})"
      "\n");
  ASSERT_TRUE(BuildDatabase(dir.path()).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "sitrep.db").c_str(), &db), SQLITE_OK);
  auto count = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    std::int64_t n = -1;
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
  };
  EXPECT_EQ(count("SELECT COUNT(*) FROM articles"), 3);
  // Sentence spans are a JSON array per article, readable with json_each.
  EXPECT_EQ(count("SELECT COUNT(*) FROM articles, json_each(articles.sentences)"), 6);
  EXPECT_EQ(count("SELECT COUNT(*) FROM removed"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM entity_aliases"), 2);
  EXPECT_EQ(count("SELECT value FROM meta WHERE key='schema_version'"), kDatabaseSchemaVersion);
  // The full-text index finds the one article with the word, in any case,
  // and maps back to it through rowid.
  EXPECT_EQ(count("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'CEASEFIRE'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                  "WHERE articles_fts MATCH 'talks' AND a.id = 'a1'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'two'"), 3);
  sqlite3_close(db);
}

TEST(Database, CorruptInputIsAnErrorNamingTheFileAndLine) {
  TempDir dir;
  sitrep::testing::WriteFile(dir / "articles.jsonl", "{\"id\":\"a\"}\nnot json\n");
  Status s = BuildDatabase(dir.path());
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("articles.jsonl:2"), std::string::npos) << s.message();
  EXPECT_FALSE(std::filesystem::exists(dir / "sitrep.db"));
}

}  // namespace
}  // namespace sitrep::store
