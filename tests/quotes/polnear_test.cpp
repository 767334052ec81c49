// The PolNeAR reader and scorer on a small corpus written for this test,
// and the scores on the real corpus and on sitrep's own gold sets, which
// must not fall below what was measured when the quotes stage was written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/utf8.h"
#include "quotes/polnear.h"
#include "support/temp_dir.h"

namespace sitrep::quotes {
namespace {

namespace fs = std::filesystem;

void Write(const std::string& path, const std::string& body) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << body;
}

TEST(ReadPolnear, BratSpansBecomeByteSpans) {
  sitrep::testing::TempDir tmp;
  // "é" is two bytes: brat counts code points, so byte offsets shift by one after it.
  std::string text = "Café owners said “prices rose”.\n";
  Write(tmp / "dev/text/doc.txt", text);
  Write(tmp / "dev/attributions/doc_ab12.ann",
        "T1\tSource 0 11\tCafé owners\n"
        "T2\tCue 12 16\tsaid\n"
        "T3\tContent 17 30\t“prices rose”\n"
        "T4\tAttribution 12 16\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n");
  // A second annotator's file for the same article is ignored.
  Write(tmp / "dev/attributions/doc_cd34.ann", "T1\tCue 0 4\tCafé\n");
  std::vector<GoldDoc> docs;
  ASSERT_TRUE(ReadPolnear(tmp.path(), &docs).ok());
  ASSERT_EQ(docs.size(), 1u);
  ASSERT_EQ(docs[0].attributions.size(), 1u);
  const GoldAttribution& g = docs[0].attributions[0];
  EXPECT_EQ(text.substr(g.source[0].begin, g.source[0].size()), "Café owners");
  EXPECT_EQ(text.substr(g.cue[0].begin, g.cue[0].size()), "said");
  EXPECT_EQ(text.substr(g.content[0].begin, g.content[0].size()), "“prices rose”");
}

TEST(ReadPolnear, BadOffsetsNameTheFileAndLine) {
  sitrep::testing::TempDir tmp;
  Write(tmp / "text/doc.txt", "short\n");
  Write(tmp / "attributions/doc_ab12.ann", "T1\tCue 0 4\tshor\nT2\tContent 3 400\tx\n");
  std::vector<GoldDoc> docs;
  Status s = ReadPolnear(tmp.path(), &docs);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("doc_ab12.ann:2"), std::string::npos) << s.message();
}

TEST(Classify, AVerbThatNeedsAParticleIsSpeechOnlyWithIt) {
  auto lex = CueLexicon::Parse("verb\tfire back\tspeech\tclause\nverb\tsay\tspeech\nverb\tbelieve\tthought\n", "");
  // Tokens with their lemmas, by hand: "fired back", "fired", "said", "believes".
  Article a;
  a.text = "He fired back . She fired them . They said so . We believe it";
  auto tok = [&](const char* w, const char* lemma) {
    const auto at = static_cast<std::uint32_t>(a.text.find(w, a.tokens.empty() ? 0 : a.tokens.back().end));
    a.tokens.emplace_back(at, at + static_cast<std::uint32_t>(std::string_view(w).size()), true, lemma);
  };
  for (auto [w, l] : std::vector<std::pair<const char*, const char*>>{
           {"He", "he"}, {"fired", "fire"}, {"back", "back"}, {".", "."}, {"She", "she"}, {"fired", "fire"},
           {"them", "they"}, {".", "."}, {"They", "they"}, {"said", "say"}, {"so", "so"}, {".", "."},
           {"We", "we"}, {"believe", "believe"}, {"it", "it"}})
    tok(w, l);
  auto cue = [&](std::size_t token) {
    GoldAttribution g;
    g.cue.push_back({a.tokens[token].begin, a.tokens[token].end});
    return g;
  };
  std::vector<GoldAttribution> gold = {cue(1), cue(5), cue(9), cue(13)};
  Classify(a, *lex, &gold);
  EXPECT_TRUE(gold[0].speech);   // "fired back"
  EXPECT_FALSE(gold[1].speech);  // "fired" alone
  EXPECT_TRUE(gold[2].speech);   // "said"
  EXPECT_FALSE(gold[3].speech);  // a thought
}

TEST(AttributionScorer, ExactOverlapCueAndSource) {
  Article a;
  a.text = "Officials said the border would reopen soon .";
  std::uint32_t pos = 0;
  for (std::string_view w : {"Officials", "said", "the", "border", "would", "reopen", "soon", "."}) {
    Token t;
    t.begin = pos;
    t.end = pos + static_cast<std::uint32_t>(w.size());
    a.tokens.push_back(t);
    pos = t.end + 1;
  }
  GoldAttribution g;
  g.source = {{0, 9}};
  g.cue = {{10, 14}};
  g.content = {{15, 44}};  // "the border would reopen soon"
  g.speech = true;
  Quote right;
  right.content = {15, 44};
  right.cue = {10, 14};
  right.speaker_span = {0, 9};
  right.speaker_description = "Officials";
  Quote shorter = right;
  shorter.content = {19, 38};  // "border would reopen": 3 of 5 words
  shorter.speaker_span = {};
  shorter.speaker_description = "someone";
  AttributionScorer s1(true);
  s1.Add(a, {g}, {right});
  EXPECT_EQ(s1.scores().exact, 1u);
  EXPECT_EQ(s1.scores().source_right, 1u);
  EXPECT_DOUBLE_EQ(s1.scores().cue_f1(), 1.0);
  AttributionScorer s2(true);
  s2.Add(a, {g}, {shorter});
  EXPECT_EQ(s2.scores().exact, 0u);
  EXPECT_EQ(s2.scores().overlap, 1u);
  EXPECT_EQ(s2.scores().source_right, 0u);
}

TEST(AttributionScorer, ErrorListingCutsLongTextAtACharacterBoundary) {
  // A missed attribution whose content is long and made of two-byte
  // letters: the listing cuts it short but stays valid UTF-8.
  Article a;
  std::string content = "a";  // then the two-byte letters start at odd offsets
  for (int i = 0; i < 200; ++i) content += "\xC3\xA9";  // é
  a.text = "X said " + content + " .";
  GoldAttribution g;
  g.cue = {{2, 6}};
  g.content = {{7, static_cast<std::uint32_t>(7 + content.size())}};
  g.speech = true;
  std::vector<std::string> errors;
  AttributionScorer s(true);
  s.ReportErrorsTo(&errors);
  s.Add(a, {g}, {});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(utf8::IsValid(errors[0])) << errors[0];
  EXPECT_LT(errors[0].size(), content.size());
}

TEST(AsPolnearUnits, AQuoteThatRunsOnJoinsTheOneBefore) {
  Article a;
  a.text = "\"We will stay,\" she said. \"The town needs us.\"\n\"Nobody leaves.\"";
  Quote first;
  first.kind = "direct";
  first.parts = {{1, 13}};  // We will stay
  first.content = {1, 13};
  first.cue = {20, 24};
  first.speaker_from = "cue";
  Quote runs_on;
  runs_on.kind = "direct";
  runs_on.parts = {{27, 45}};  // The town needs us.
  runs_on.content = {27, 45};
  runs_on.speaker_from = "previous";
  Quote next_paragraph = runs_on;
  next_paragraph.parts = {{48, 62}};  // Nobody leaves.
  next_paragraph.content = {48, 62};
  ASSERT_EQ(a.Text(next_paragraph.content), "Nobody leaves.");
  auto units = AsPolnearUnits(a, {first, runs_on, next_paragraph});
  // The quote that opens the next paragraph runs on too.
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].content.begin, 1u);
  EXPECT_EQ(units[0].content.end, 62u);
  EXPECT_EQ(units[0].parts.size(), 3u);
  // Not when the next paragraph has words of its own before the quote, or
  // a paragraph lies between.
  Article b = a;
  b.text = "\"We will stay,\" she said. \"The town needs us.\"\nX \"Nobody leaves.\"";
  Quote later = next_paragraph;
  later.parts = {{50, 64}};
  later.content = {50, 64};
  ASSERT_EQ(b.Text(later.content), "Nobody leaves.");
  EXPECT_EQ(AsPolnearUnits(b, {first, runs_on, later}).size(), 2u);
  b.text = "\"We will stay,\" she said. \"The town needs us.\"\nX\n\"Nobody leaves.\"";
  later.parts = {{50, 64}};
  ASSERT_EQ(b.Text(later.content), "Nobody leaves.");
  EXPECT_EQ(AsPolnearUnits(b, {first, runs_on, later}).size(), 2u);
  // A direct quote sharing the cue of the quote before is one unit with it.
  Quote same_cue = runs_on;
  same_cue.cue = first.cue;
  same_cue.speaker_from = "cue";
  EXPECT_EQ(AsPolnearUnits(a, {first, same_cue}).size(), 1u);
  // Also when the quote was credited to the person the sentence before
  // names ("“A,” said X. “B.”" where X's name closed that sentence).
  Quote named_before = runs_on;
  named_before.speaker_from = "previous_sentence";
  EXPECT_EQ(AsPolnearUnits(a, {first, named_before}).size(), 1u);
  // A quote with a cue of its own is never joined.
  Quote cued = runs_on;
  cued.cue = {0, 1};
  EXPECT_EQ(AsPolnearUnits(a, {first, cued}).size(), 2u);
  // A quote whose cue and words lie inside another's content is part of
  // that attribution (PolNeAR gives each word one attribution).
  Quote outer = first;
  outer.content = {0, 45};
  outer.cue = {0, 1};
  auto univocal = AsPolnearUnits(a, {outer, cued});
  ASSERT_EQ(univocal.size(), 1u);
  EXPECT_EQ(univocal[0].content.end, 45u);
}

// The bytes of the first occurrence of `w` in the article's text.
ByteSpan FirstSpanOf(const Article& a, std::string_view w) {
  const auto b = static_cast<std::uint32_t>(a.text.find(w));
  return ByteSpan{b, b + static_cast<std::uint32_t>(w.size())};
}

TEST(AsPolnearUnits, MixedFragmentsOfOneClauseAreOneAttribution) {
  Article a;
  a.text = "Lenhall called the levy \u201creckless\u201d and \u201cdoomed\u201d on Friday. Kessar called it \u201cfair.\u201d";
  auto at = [&](std::string_view w) { return FirstSpanOf(a, w); };
  Quote reckless;
  reckless.kind = "mixed";
  reckless.cue = at("called");
  reckless.parts = {at("reckless")};
  reckless.content = {at("the levy").begin, at("doomed").end + 3};  // to the closing mark
  Quote doomed = reckless;
  doomed.parts = {at("doomed")};
  auto units = AsPolnearUnits(a, {reckless, doomed});
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].content.begin, reckless.content.begin);
  EXPECT_EQ(units[0].content.end, reckless.content.end);
  EXPECT_EQ(units[0].parts.size(), 2u);
  // A clause that holds the other's is the attribution's content.
  Quote shorter = doomed;
  shorter.content = {at("the levy").begin, at("reckless").end + 3};
  units = AsPolnearUnits(a, {shorter, doomed});
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].content.end, doomed.content.end);
  // Another cue is another act of speech, and so is a direct quote with
  // the same cue.
  Quote fair = reckless;
  fair.cue = {at("Kessar").end + 1, at("Kessar").end + 7};
  ASSERT_EQ(a.Text(fair.cue), "called");
  fair.parts = {at("fair.")};
  fair.content = {at("it").begin, at("fair.").end};
  EXPECT_EQ(AsPolnearUnits(a, {reckless, fair}).size(), 2u);
  Quote direct = doomed;
  direct.kind = "direct";
  EXPECT_EQ(AsPolnearUnits(a, {reckless, direct}).size(), 2u);
  // Clauses that only overlap are kept apart.
  Quote overlapping = doomed;
  overlapping.content = {at("reckless").begin, at("Friday").end};
  EXPECT_EQ(AsPolnearUnits(a, {reckless, overlapping}).size(), 2u);
}

TEST(AsPolnearUnits, AQuoteRunsOnPastAParticipleActAfterIt) {
  Article a;
  a.text = "\"The pier is old,\" Kessar said, referring to the east dock. \"It must go.\"";
  auto at = [&](std::string_view w) { return FirstSpanOf(a, w); };
  std::uint32_t second = at("It must").begin;
  a.sentences = {{0, second - 1, 0, 0}, {second - 1, static_cast<std::uint32_t>(a.text.size()), 0, 0}};
  Quote direct;
  direct.kind = "direct";
  direct.parts = {at("The pier is old")};
  direct.content = direct.parts[0];
  direct.cue = at("said");
  Quote referring;
  referring.kind = "indirect";
  referring.cue = at("referring to");
  referring.parts = {at("the east dock")};
  referring.content = referring.parts[0];
  referring.speaker_from = "cue";
  Quote runs_on;
  runs_on.kind = "direct";
  runs_on.parts = {at("It must go.")};
  runs_on.content = runs_on.parts[0];
  runs_on.speaker_from = "previous";
  auto units = AsPolnearUnits(a, {direct, referring, runs_on});
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].content.begin, direct.content.begin);
  EXPECT_EQ(units[0].content.end, runs_on.content.end);
  // A reported clause in a sentence of its own is what the quote after
  // it continues, as before.
  Quote own = referring;
  own.cue = {second - 1, second - 1};
  EXPECT_EQ(AsPolnearUnits(a, {direct, own, runs_on}).size(), 2u);
}

std::string Shared() { return SITREP_SHARED_DIR; }

// Runs `sitrep eval quotes` and returns the value of `key` in its JSON line.
double EvalKey(const std::string& gold, const std::string& key) {
  auto r = sitrep::testing::Run(std::string(SITREP_BINARY) + " eval quotes --json --gold '" + gold + "'");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  // The first occurrence: top-level keys come before the nested "all".
  std::size_t at = r.output.find("\"" + key + "\":", r.output.rfind("\n{"));
  if (at == std::string::npos) {
    ADD_FAILURE() << "no " << key << " in " << r.output;
    return 0;
  }
  return std::stod(r.output.substr(at + key.size() + 3));
}

TEST(QuotesAccuracy, PolnearDevFloor) {
  if (!fs::exists(Shared() + "/corpora/polnear/dev")) GTEST_SKIP() << "../shared/corpora/polnear is absent";
  std::string dev = Shared() + "/corpora/polnear/dev";
  // Measured 0.768 and 0.903 when these floors were set (the speech set
  // then held 1432 gold attributions); the margin is for retrained parsers.
  // Now 0.793 and 0.916 (1415 gold: a verb that needs a particle, "fire
  // back", counts as saying only with it; 0.789 with the set of 1432);
  // 0.803 once the fragments of one mixed quote were one attribution;
  // 0.806 after this session's other changes.
  EXPECT_GE(EvalKey(dev, "content_f1_overlap"), 0.75);
  EXPECT_GE(EvalKey(dev, "source_accuracy"), 0.88);
}

TEST(QuotesAccuracy, OwnGoldSetsFloor) {
  std::string src = SITREP_SOURCE_DIR;
  // Measured 0.978, 0.978, 0.986 and 0.903 when these floors were set.
  EXPECT_GE(EvalKey(src + "/samples/gold/quotes.jsonl", "direct_speaker_accuracy"), 0.93);
  EXPECT_GE(EvalKey(src + "/samples/gold/quotes.jsonl", "recall"), 0.93);
  EXPECT_GE(EvalKey(src + "/tests/quotes/heldout/gold.jsonl", "recall"), 0.92);
  EXPECT_GE(EvalKey(src + "/tests/quotes/heldout/gold.jsonl", "direct_speaker_accuracy"), 0.88);
}

}  // namespace
}  // namespace sitrep::quotes
