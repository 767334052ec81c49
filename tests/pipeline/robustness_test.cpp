// Hostile input through the whole per-article pipeline: whatever the bytes,
// no crash, and the output keeps its invariants. Inputs are generated from
// a fixed seed so a failure reproduces.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "pipeline/pipeline.h"
#include "pipeline/quotes_out.h"
#include "store/article_json.h"
#include "text/text.h"

namespace sitrep::pipeline {
namespace {

// Pieces that stress tokenization, sentence splitting and cleaning.
const char* kPieces[] = {
    "The", "talks", "ended", ".", ",", " ", " ", "\n", "\n\n", "\u201c", "\u201d", "'", "\"", "...", "\u2026",
    "Mr.", "U.S.", "Jan.", "No.", "100,000", "2.5bn", "3.5%", "$", "\u20ac", "(", ")", "-", "\u2014", "--",
    "\U0001F600", "\U0001F469\u200D\U0001F52C", "\u041C\u043E\u0441\u043A\u0432\u0430", "\u5317\u4EAC",
    "\u0627\u0644\u0639\u0631\u0628\u064A\u0629", "e\u0301", "\u00A0", "\u200B", "\u00AD", "#!@$%^&*",
    "==========", "Image caption,", "Share this article", "Source:", "By", "12 January 2022", "Monday",
    "http://x.example/a?b=c", "a@b.example", "can't", "\xFF", "\xC3", "\x01", "\t", "NATO-Russia",
};

std::string RandomText(std::mt19937& rng, std::size_t pieces) {
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::string s;
  for (std::size_t i = 0; i < pieces; ++i) {
    s += kPieces[pick(rng)];
    if (rng() % 3 == 0) s += ' ';
  }
  return s;
}

void CheckInvariants(const Article& a, const std::string& json) {
  ASSERT_FALSE(a.id.empty());
  for (const Token& t : a.tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_LE(t.end, a.text.size());
  }
  std::uint32_t prev = 0;
  for (const Sentence& s : a.sentences) {
    ASSERT_LE(prev, s.begin);
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, a.text.size());
    ASSERT_LE(s.token_count(), text::kMaxSentenceTokens);
    prev = s.end;
  }
  for (const TimeExpr& t : a.times) ASSERT_LE(t.end, a.text.size());
  simdjson::dom::parser parser;
  simdjson::dom::element e;
  ASSERT_EQ(parser.parse(json).get(e), simdjson::SUCCESS) << json.substr(0, 200);
}

TEST(Robustness, RandomHostileTextKeepsInvariants) {
  ArticlePipeline pipeline = ArticlePipeline::Standard(nullptr);
  auto scratch = pipeline.NewScratch();
  std::mt19937 rng(20261123);
  for (int round = 0; round < 400; ++round) {
    ingest::RawDoc doc;
    doc.source = "fuzz:" + std::to_string(round);
    doc.format = round % 3 == 0 ? ingest::Format::kMarkdown : ingest::Format::kText;
    doc.bytes = RandomText(rng, 20 + rng() % 400);
    Article a = pipeline.Run(std::move(doc), scratch);
    std::string json;
    store::AppendArticleJson(a, &json);
    CheckInvariants(a, json);
  }
}

TEST(Robustness, PathologicalShapesStayLinear) {
  ArticlePipeline pipeline = ArticlePipeline::Standard(nullptr);
  auto scratch = pipeline.NewScratch();
  std::vector<std::string> inputs = {
      std::string(200000, '.'),                         // one line of symbols
      std::string(10000, 'x') + " end.",                // a 10,000-character token
      std::string(50000, ' ') + "word",                 // white space
      [] { std::string s; for (int i = 0; i < 20000; ++i) s += "word "; return s; }(),  // no sentence end
      [] { std::string s; for (int i = 0; i < 20000; ++i) s += "\n"; return s + "Last line."; }(),
      [] { std::string s; for (int i = 0; i < 5000; ++i) s += "\U0001F600"; return s; }(),
      [] { std::string s; for (int i = 0; i < 3000; ++i) s += "ALL CAPS HEADLINE "; return s; }(),
  };
  for (auto& in : inputs) {
    ingest::RawDoc doc;
    doc.source = "shape";
    doc.format = ingest::Format::kText;
    doc.bytes = in;
    Article a = pipeline.Run(std::move(doc), scratch);
    std::string json;
    store::AppendArticleJson(a, &json);
    CheckInvariants(a, json);
  }
}

// A quote written by another tool or version may lack any field: it is
// written with nulls where its parts are missing, and the run goes on
// (a missing speaker or span used to throw out of the merge stage).
TEST(Robustness, AQuoteLackingFieldsIsWrittenWithNulls) {
  const std::vector<resolve::Resolver::Entity> entities;
  QuotesOut out(entities);
  ASSERT_TRUE(out.AddArticle(R"({"id":"a1","quotes":[{"start":3,"end":9,"text":"We won","kind":"direct"},{}]})").ok());
  ASSERT_TRUE(out.AddArticle(R"({"quotes":[{"speaker":{"name":"Ada Lorne"},"text":"Later"}]})").ok());
  EXPECT_FALSE(out.AddArticle("not json").ok());
  const std::string path = ::testing::TempDir() + "quotes_lacking_fields.jsonl";
  ASSERT_TRUE(out.Write(path).ok());
  std::ifstream in(path);
  std::string line;
  int lines = 0, named = 0;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    ++lines;
    simdjson::dom::object q;
    ASSERT_FALSE(parser.parse(line).get_object().get(q)) << line;
    EXPECT_TRUE(q["cue_span"].is_null()) << line;
    EXPECT_TRUE(q["speaker"]["span"].is_null()) << line;
    std::string_view text;
    if (!q["speaker"]["as_written"].get_string().get(text) && text == "Ada Lorne") ++named;
  }
  std::remove(path.c_str());
  EXPECT_EQ(lines, 3);
  EXPECT_EQ(named, 1);
}

}  // namespace
}  // namespace sitrep::pipeline
