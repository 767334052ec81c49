// Training on a few hand-written sentences: the models must learn them,
// survive a save/load round trip unchanged, and train deterministically.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "core/error.h"
#include "core/resources.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_io.h"
#include "syntax/word_clusters.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "support/temp_dir.h"
#include "tiny_treebank.h"

namespace sitrep::syntax {
namespace {

struct Analysed {
  std::vector<std::uint16_t> tags;
  std::vector<int> heads;
  std::vector<std::uint16_t> labels;
};

Analysed Analyse(const Tagger& tagger, const Parser& parser, const ConllSentence& s) {
  std::vector<std::string_view> forms;
  for (const auto& w : s.words) forms.push_back(w.form);
  std::string lower;
  std::vector<TokenFeatures> feats;
  SentenceFeatures(forms, lower, &feats);
  Analysed a;
  a.tags.resize(forms.size());
  tagger.Tag(feats.data(), feats.size(), a.tags.data());
  std::vector<std::uint64_t> th;
  for (auto c : a.tags) th.push_back(TagHash(tagger.upos(c), tagger.xpos(c)));
  a.heads.resize(forms.size());
  a.labels.resize(forms.size());
  ParseState st;
  parser.Parse(feats.data(), th.data(), static_cast<int>(forms.size()), st, a.heads.data(), a.labels.data());
  return a;
}

TrainOptions Quiet(int epochs) {
  TrainOptions o;
  o.epochs = epochs;
  o.verbose = false;
  return o;
}

TEST(Training, LearnsTinyTreebank) {
  auto data = TinyTreebank();
  ASSERT_EQ(data.size(), 4u);
  auto tagger = TrainTagger(data, {}, Quiet(10));
  ParserTrainOptions po;
  po.epochs = 15;
  po.verbose = false;
  po.min_updates = 1;
  auto parser = TrainParser(data, {}, po);
  for (const auto& s : data) {
    Analysed a = Analyse(*tagger, *parser, s);
    for (std::size_t k = 0; k < s.words.size(); ++k) {
      EXPECT_EQ(tagger->upos(a.tags[k]), s.words[k].upos) << s.words[k].form;
      EXPECT_EQ(tagger->xpos(a.tags[k]), s.words[k].xpos) << s.words[k].form;
      EXPECT_EQ(a.heads[k] + 1, s.words[k].head) << s.words[k].form;
      EXPECT_EQ(parser->label(a.labels[k]), s.words[k].deprel) << s.words[k].form;
    }
  }
}

TEST(Training, LemmatizerUsesLexiconThenRules) {
  auto lem = Lemmatizer::Train(TinyTreebank());
  std::string out, scratch;
  lem->Lemmatize("men", "NOUN", "NNS", &out, scratch);
  EXPECT_EQ(out, "man");
  lem->Lemmatize("MEN", "NOUN", "NNS", &out, scratch);
  EXPECT_EQ(out, "man");
  lem->Lemmatize("walked", "VERB", "VBD", &out, scratch);  // unseen: the -ed rule
  EXPECT_EQ(out, "walk");
  lem->Lemmatize("London", "PROPN", "NNP", &out, scratch);  // proper nouns keep their case
  EXPECT_EQ(out, "London");
  lem->Lemmatize("", "X", "FW", &out, scratch);
  EXPECT_EQ(out, "");
}

// Of the suffix rules that fit an unseen word, the longest one whose result
// is a lemma the treebank knows wins over a longer one whose result is not.
TEST(Training, LemmatizerPrefersARuleThatGivesAKnownLemma) {
  auto word = [](const char* form, const char* lemma) {
    ConllWord w;
    w.form = form;
    w.lemma = lemma;
    w.upos = "VERB";
    w.xpos = "VBD";
    w.head = 0;
    w.deprel = "root";
    return w;
  };
  std::vector<ConllSentence> data(1);
  // "-elled" -> strip "led" (twice seen: compelled, propelled), "-ed" ->
  // strip "ed" (three times); "smell" is a known lemma, "smel" is not.
  for (auto [f, l] : {std::pair{"compelled", "compel"}, {"propelled", "propel"}, {"walked", "walk"},
                      {"jumped", "jump"}, {"talked", "talk"}}) {
    data[0].words.push_back(word(f, l));
  }
  ConllSentence other;
  other.words.push_back(word("smells", "smell"));
  other.words.back().xpos = "VBZ";
  data.push_back(other);
  auto lem = Lemmatizer::Train(data);
  std::string out, scratch;
  lem->Lemmatize("smelled", "VERB", "VBD", &out, scratch);
  EXPECT_EQ(out, "smell");
  // With no rule giving a known lemma, the longest rule still applies.
  lem->Lemmatize("expelled", "VERB", "VBD", &out, scratch);
  EXPECT_EQ(out, "expel");
}

// A past tense with no rule for its ending borrows the past participle's
// (and the other way round): both end alike.
TEST(Training, LemmatizerSharesRulesBetweenPastTenseAndParticiple) {
  auto word = [](const char* form, const char* lemma, const char* xpos) {
    ConllWord w;
    w.form = form;
    w.lemma = lemma;
    w.upos = "VERB";
    w.xpos = xpos;
    w.head = 0;
    w.deprel = "root";
    return w;
  };
  std::vector<ConllSentence> data(1);
  // VBN: "-ined" -> "-ine"; VBD: only "-ed" -> "".
  for (auto [f, l] : {std::pair{"combined", "combine"}, {"declined", "decline"}}) data[0].words.push_back(word(f, l, "VBN"));
  for (auto [f, l] : {std::pair{"walked", "walk"}, {"opened", "open"}}) data[0].words.push_back(word(f, l, "VBD"));
  // Both "fin" and "fine" are known lemmas.
  data[0].words.push_back(word("fins", "fin", "NNS"));
  data[0].words.push_back(word("fine", "fine", "JJ"));
  data[0].words.push_back(word("outline", "outline", "NN"));
  auto lem = Lemmatizer::Train(data);
  std::string out, scratch;
  lem->Lemmatize("outlined", "VERB", "VBD", &out, scratch);
  EXPECT_EQ(out, "outline");
  lem->Lemmatize("fined", "VERB", "VBD", &out, scratch);
  EXPECT_EQ(out, "fine");
  // A rule of the word's own tag still comes first.
  lem->Lemmatize("opened", "VERB", "VBN", &out, scratch);
  EXPECT_EQ(out, "open");
}

TEST(Training, SaveLoadRoundTripKeepsPredictions) {
  auto data = TinyTreebank();
  auto tagger = TrainTagger(data, {}, Quiet(5));
  ParserTrainOptions po;
  po.epochs = 5;
  po.verbose = false;
  auto parser = TrainParser(data, {}, po);
  auto lem = Lemmatizer::Train(data);
  std::string tb = tagger->Save(), pb = parser->Save(), lb = lem->Save();
  auto tagger2 = Tagger::Load(tb, "t");
  auto parser2 = Parser::Load(pb, "p");
  auto lem2 = Lemmatizer::Load(lb, "l");
  EXPECT_EQ(tagger2->Save(), tb);
  EXPECT_EQ(parser2->Save(), pb);
  EXPECT_EQ(lem2->Save(), lb);
  for (const auto& s : data) {
    Analysed a = Analyse(*tagger, *parser, s), b = Analyse(*tagger2, *parser2, s);
    EXPECT_EQ(a.tags, b.tags);
    EXPECT_EQ(a.heads, b.heads);
    EXPECT_EQ(a.labels, b.labels);
  }
}

TEST(Training, TwoPassTaggerLearnsAndRoundTrips) {
  auto data = TinyTreebank();
  TrainOptions o = Quiet(10);
  o.two_pass = true;
  auto tagger = TrainTagger(data, {}, o);
  std::string bytes = tagger->Save();
  auto again = Tagger::Load(bytes, "two_pass.bin");
  EXPECT_EQ(again->Save(), bytes);
  std::string lower;
  std::vector<TokenFeatures> feats;
  // Nearly all tags right: the second pass learns from first-pass tags of
  // taggers trained on three of the four sentences, so on data this small
  // it may still miss a word or two.
  std::size_t right = 0, total = 0;
  for (const auto& s : data) {
    std::vector<std::string_view> forms;
    for (const auto& w : s.words) forms.push_back(w.form);
    SentenceFeatures(forms, lower, &feats);
    std::vector<std::uint16_t> tags(forms.size());
    again->Tag(feats.data(), feats.size(), tags.data());
    for (std::size_t k = 0; k < forms.size(); ++k) {
      right += again->xpos(tags[k]) == s.words[k].xpos;
      ++total;
    }
  }
  EXPECT_GE(right * 10, total * 9) << right << " of " << total;
}

TEST(Training, ClusterTableIsReadKeptInTheTaggerAndFilledIn) {
  const std::string path = ::testing::TempDir() + "/clusters.tsv";
  WriteFileOrThrow(path, "# comment\ngrob\t3\t1\t0\nflimp\t3\t1\t0\nskrees\t7\t2\t1\n");
  auto table = std::make_shared<ClusterTable>(ReadClusterTable(path));
  ASSERT_EQ(table->size(), 3u);
  TrainOptions o = Quiet(5);
  o.clusters = table;
  auto data = TinyTreebank();
  auto tagger = TrainTagger(data, {}, o);
  std::string bytes = tagger->Save();
  auto again = Tagger::Load(bytes, "clusters.bin");
  EXPECT_EQ(again->Save(), bytes);
  EXPECT_EQ(again->clusters().size(), 3u);
  std::string lower;
  std::vector<TokenFeatures> feats;
  SentenceFeatures({"The", "Flimp", "skrees", "loudly"}, lower, &feats);
  std::vector<std::uint16_t> tags(feats.size());
  again->Tag(feats.data(), feats.size(), tags.data());
  EXPECT_EQ(feats[0].cluster, kNoCluster);
  EXPECT_EQ(FineCluster(feats[1].cluster), 4u);  // ids are stored plus one
  EXPECT_EQ(MidCluster(feats[1].cluster), 2u);
  EXPECT_EQ(CoarseCluster(feats[2].cluster), 2u);
  EXPECT_EQ(feats[3].cluster, kNoCluster);
  // Parser training reads the same table.
  ParserTrainOptions po;
  po.epochs = 3;
  po.verbose = false;
  po.clusters = table;
  const std::string parser_bytes = TrainParser(data, {}, po)->Save();
  EXPECT_EQ(TrainParser(data, {}, po)->Save(), parser_bytes);
  // The parser remembers that it reads clusters; one trained without them
  // does not, and reads none.
  EXPECT_EQ(Parser::Load(parser_bytes, "p.bin")->Save(), parser_bytes);
  po.clusters = nullptr;
  const std::string plain = TrainParser(data, {}, po)->Save();
  EXPECT_EQ(Parser::Load(plain, "plain.bin")->Save(), plain);
  EXPECT_TRUE(plain != parser_bytes);  // (the bytes are too long to print)
  // A malformed line is an error naming the file.
  WriteFileOrThrow(path, "grob\tx\n");
  EXPECT_THROW(ReadClusterTable(path), Error);
}

// A tagger trained on the word-vector tables of the data files names them
// and reads them at load instead of keeping a copy; a missing, malformed or
// changed table is an error naming the file.
TEST(Training, TaggerReadsNamedClusterTablesAtLoad) {
  const std::string dir = ::testing::TempDir() + "/named_clusters";
  std::filesystem::create_directories(dir + "/vec");
  // Enough words that naming the files takes less room than the copy.
  std::string table_text = "grob\t5\nflimp\t5\nskrees\t9\n";
  for (int k = 0; k < 40; ++k) table_text += "zorv" + std::to_string(k) + "\t9\n";
  WriteFileOrThrow(dir + "/vec/words.tsv", table_text);
  // The same words, one of them in another cluster.
  std::string moved = table_text;
  moved.replace(moved.find("flimp\t5"), 7, "flimp\t9");
  WriteFileOrThrow(dir + "/vec/words_changed.tsv", moved);
  WriteFileOrThrow(dir + "/vec/tree.tsv", "5\t1\t0\n9\t2\t1\n");

  WriteFileOrThrow(dir + "/vec/words_bad.tsv", "grob\t5\nflimp\n");
  ASSERT_EQ(setenv("SITREP_DATA", dir.c_str(), 1), 0);
  auto table = std::make_shared<ClusterTable>(
      VectorClusterTable(Resource("vec/words.tsv"), Resource("vec/tree.tsv"), "vec/words.tsv", "vec/tree.tsv"));
  ASSERT_EQ(table->size(), 43u);
  TrainOptions o = Quiet(5);
  o.clusters = table;
  auto data = TinyTreebank();
  const std::string copied = TrainTagger(data, {}, o)->Save();
  o.clusters_name = "vec/words.tsv";
  o.tree_name = "vec/tree.tsv";
  const std::string named = TrainTagger(data, {}, o)->Save();
  EXPECT_LT(named.size(), copied.size());
  auto again = Tagger::Load(named, "named.bin");
  EXPECT_EQ(again->Save(), named);
  EXPECT_EQ(again->clusters(), *table);
  // It tags exactly as the model that keeps a copy.
  auto with_copy = Tagger::Load(copied, "copied.bin");
  std::string lower;
  std::vector<TokenFeatures> f1, f2;
  SentenceFeatures({"The", "Flimp", "skrees", "loudly"}, lower, &f1);
  f2 = f1;
  std::vector<std::uint16_t> t1(f1.size()), t2(f2.size());
  again->Tag(f1.data(), f1.size(), t1.data());
  with_copy->Tag(f2.data(), f2.size(), t2.data());
  EXPECT_EQ(t1, t2);
  EXPECT_EQ(FineCluster(f1[1].cluster), 6u);  // ids are stored plus one
  auto message = [](const std::string& bytes) {
    try {
      Tagger::Load(bytes, "named.bin");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  auto renamed = [&](const std::string& words) {
    TrainOptions r = o;
    r.clusters_name = words;
    return TrainTagger(data, {}, r)->Save();
  };
  EXPECT_NE(message(renamed("vec/missing.tsv")).find("vec/missing.tsv"), std::string::npos);
  EXPECT_NE(message(renamed("vec/words_bad.tsv")).find("vec/words_bad.tsv"), std::string::npos);
  const std::string changed = message(renamed("vec/words_changed.tsv"));
  EXPECT_NE(changed.find("named.bin"), std::string::npos) << changed;
  EXPECT_NE(changed.find("vec/words_changed.tsv"), std::string::npos) << changed;
  unsetenv("SITREP_DATA");
}

// `train tagger` with the recogniser's vector tables as the data files
// name them in the model; a copy of the same tables elsewhere is kept in
// the model.
TEST(Training, TrainTaggerNamesTheDataFilesClusterTables) {
  sitrep::testing::TempDir dir;
  const std::string treebank = dir / "tiny.conllu";
  sitrep::testing::WriteFile(treebank,
                             "1\tLenhall\tLenhall\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                             "2\tresigned\tresign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                             "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  const std::string data = std::string(SITREP_SOURCE_DIR) + "/data/ner/";
  std::filesystem::copy_file(data + "vector_clusters.tsv", dir / "words.tsv");
  std::filesystem::copy_file(data + "vector_tree.tsv", dir / "tree.tsv");
  auto train = [&](const std::string& words, const std::string& tree, const std::string& out) {
    auto r = sitrep::testing::Run(std::string(SITREP_BINARY) + " train tagger --epochs 1 --train '" + treebank +
                                  "' --out '" + out + "' --clusters '" + words + "' --cluster-tree '" + tree + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return ReadFileOrThrow(out);
  };
  const std::string named = train(data + "vector_clusters.tsv", data + "vector_tree.tsv", dir / "named.bin");
  const std::string copied = train(dir / "words.tsv", dir / "tree.tsv", dir / "copied.bin");
  // The copy holds 12 bytes for each of the table's 200,000 words.
  EXPECT_GT(copied.size(), named.size() + 1000000) << copied.size() << " " << named.size();
  auto a = Tagger::Load(named, "named.bin");
  auto b = Tagger::Load(copied, "copied.bin");
  EXPECT_EQ(a->clusters(), b->clusters());
}

TEST(Training, VectorClusterTablesAreJoinedThroughTheTree) {
  const std::string words = ::testing::TempDir() + "/vec_words.tsv";
  const std::string tree = ::testing::TempDir() + "/vec_tree.tsv";
  WriteFileOrThrow(words, "# header\nquindle\t5\nbrastow\t9\nQuindle\t9\n");
  WriteFileOrThrow(tree, "# header\n5\t2\t1\n9\t3\t0\n");
  ClusterTable table = ReadVectorClusterTables(words, tree);
  ASSERT_EQ(table.size(), 2u);  // "Quindle" is "quindle" lower-cased: the first line wins
  std::string lower;
  TokenFeatures tf;
  ComputeTokenFeatures("quindle", lower, &tf);
  ASSERT_TRUE(table.count(tf.lower));
  EXPECT_EQ(FineCluster(table[tf.lower]), 6u);  // ids are stored plus one
  EXPECT_EQ(MidCluster(table[tf.lower]), 3u);
  EXPECT_EQ(CoarseCluster(table[tf.lower]), 2u);
  // A fine cluster the tree lacks, or a missing file, is an error naming the file.
  WriteFileOrThrow(words, "quindle\t7\n");
  EXPECT_THROW(ReadVectorClusterTables(words, tree), Error);
  EXPECT_THROW(ReadVectorClusterTables(words, tree + ".missing"), Error);
}

// Nonce words in one frame, the tag given by the cluster alone: unseen
// words must follow their cluster, not their spelling.
TEST(Training, UnseenWordsTakeTheTagOfTheirCluster) {
  const char* nouns[] = {"zabin", "kopin", "lurin", "mefin", "tasin", "dovin"};
  const char* names[] = {"fetin", "gosin", "hamin", "wubin", "yerin", "pexin"};
  std::string conllu, clusters;
  for (int k = 0; k < 5; ++k) {  // the last word of each list stays unseen
    for (const char* w : {nouns[k], names[k]}) {
      const bool noun = w == nouns[k];
      conllu += std::string("1\tthey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n2\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n") +
                "3\t" + w + "\t" + w + (noun ? "\tNOUN\tNN" : "\tPROPN\tNNP") + "\t_\t2\tobj\t_\t_\n" +
                "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    }
  }
  for (int k = 0; k < 6; ++k) {
    clusters += std::string(nouns[k]) + "\t10\t1\t0\n";
    clusters += std::string(names[k]) + "\t20\t2\t1\n";
  }
  std::vector<ConllSentence> data;
  std::string error;
  ASSERT_TRUE(ParseConllu(conllu, &data, &error)) << error;
  const std::string path = ::testing::TempDir() + "/nonce_clusters.tsv";
  WriteFileOrThrow(path, clusters);
  TrainOptions o = Quiet(8);
  o.clusters = std::make_shared<ClusterTable>(ReadClusterTable(path));
  auto tagger = TrainTagger(data, {}, o);
  std::string lower;
  std::vector<TokenFeatures> feats;
  for (const char* w : {"dovin", "pexin"}) {
    SentenceFeatures({"they", "visited", w, "."}, lower, &feats);
    std::vector<std::uint16_t> tags(feats.size());
    tagger->Tag(feats.data(), feats.size(), tags.data());
    EXPECT_EQ(tagger->upos(tags[2]), w == std::string("dovin") ? "NOUN" : "PROPN") << w;
  }
}

// With a cluster table every training word is known to the tagger;
// without one, words seen once are treated as unknown, as before.
TEST(Training, WordsSeenOnceInTrainingAreKnownToATaggerWithClusters) {
  const std::string path = ::testing::TempDir() + "/once_clusters.tsv";
  WriteFileOrThrow(path, "plomber\t3\t1\t0\n");
  TrainOptions o = Quiet(3);
  o.clusters = std::make_shared<ClusterTable>(ReadClusterTable(path));
  auto with = TrainTagger(TinyTreebank(), {}, o);
  auto without = TrainTagger(TinyTreebank(), {}, Quiet(3));
  std::string lower;
  std::vector<TokenFeatures> feats;
  std::vector<std::uint16_t> tags(4);
  // "minister" occurs once in the tiny treebank; "plomber" never.
  SentenceFeatures({"The", "minister", "plomber", "."}, lower, &feats);
  with->Tag(feats.data(), feats.size(), tags.data());
  EXPECT_EQ(feats[1].tag_lower, feats[1].lower);
  EXPECT_NE(feats[2].tag_lower, feats[2].lower);
  without->Tag(feats.data(), feats.size(), tags.data());
  EXPECT_NE(feats[1].tag_lower, feats[1].lower);
}

// A treebank of my own in two spellings: typographic apostrophes and
// quotation marks, or their ASCII forms.
std::vector<ConllSentence> QuoteTreebank(bool typographic) {
  const std::string apos = typographic ? "\xE2\x80\x99" : "'";
  const std::string open = typographic ? "\xE2\x80\x9C" : "\"";
  const std::string close = typographic ? "\xE2\x80\x9D" : "\"";
  std::string conllu;
  for (const char* who : {"Wembly", "Torsk", "Quillan"}) {
    conllu += std::string("1\t") + who + "\t" + who + "\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n" +
              "2\tdoes\tdo\tAUX\tVBZ\t_\t3\taux\t_\t_\n" +
              "3\tn" + apos + "t\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
              "4\tsing\tsing\tVERB\tVB\t_\t0\troot\t_\t_\n" +
              "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";
    conllu += "1\t" + open + "\t" + open + "\tPUNCT\t``\t_\t2\tpunct\t_\t_\n" +
              "2\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n" +
              "3\t" + close + "\t" + close + "\tPUNCT\t''\t_\t2\tpunct\t_\t_\n" +
              "4\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\t_\n" +
              "5\t" + who + "\t" + who + "\tPROPN\tNNP\t_\t6\tnsubj\t_\t_\n" +
              "6\tsaid\tsay\tVERB\tVBD\t_\t2\tparataxis\t_\t_\n" +
              "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
  }
  std::vector<ConllSentence> out;
  std::string error;
  EXPECT_TRUE(ParseConllu(conllu, &out, &error)) << error;
  return out;
}

TEST(Training, TokenFeaturesReadTypographicQuotesAsAsciiUnlessAskedNotTo) {
  std::string lower;
  TokenFeatures ascii, curly, curly_as_written, ascii_as_written;
  ComputeTokenFeatures("don't", lower, &ascii);
  ComputeTokenFeatures("don\xE2\x80\x99t", lower, &curly);
  ComputeTokenFeatures("don\xE2\x80\x99t", lower, &curly_as_written, QuoteForms::kAsWritten);
  ComputeTokenFeatures("don't", lower, &ascii_as_written, QuoteForms::kAsWritten);
  EXPECT_EQ(curly.form, ascii.form);
  EXPECT_EQ(curly.lower, ascii.lower);
  EXPECT_EQ(curly.shape, ascii.shape);
  EXPECT_EQ(curly.flags, ascii.flags);
  EXPECT_NE(curly_as_written.form, ascii.form);
  EXPECT_NE(curly_as_written.lower, ascii.lower);
  EXPECT_NE(curly_as_written.flags, ascii.flags);  // non-ASCII
  EXPECT_EQ(ascii_as_written.form, ascii.form);
  EXPECT_EQ(ascii_as_written.lower, ascii.lower);
  EXPECT_EQ(ascii_as_written.shape, ascii.shape);
}

// Models trained without word clusters see the treebank's typographic
// quotes as written, as they did before quotes were read as ASCII (so the
// committed models' commands still give their bytes); with clusters they
// are read as ASCII in training as at run time.
TEST(Training, TypographicQuotesCountInTrainingOnlyWithoutClusters) {
  const auto curly = QuoteTreebank(true), ascii = QuoteTreebank(false);
  ASSERT_EQ(curly.size(), 6u);
  ASSERT_EQ(ascii.size(), 6u);
  TrainOptions o = Quiet(3);
  ParserTrainOptions po;
  po.epochs = 3;
  po.verbose = false;
  po.jackknife = 2;
  po.tagger_epochs = 2;
  EXPECT_EQ(TrainingQuoteForms(o), QuoteForms::kAsWritten);
  EXPECT_TRUE(TrainTagger(curly, {}, o)->Save() != TrainTagger(ascii, {}, o)->Save());
  EXPECT_TRUE(TrainParser(curly, {}, po)->Save() != TrainParser(ascii, {}, po)->Save());

  const std::string path = ::testing::TempDir() + "/quote_clusters.tsv";
  WriteFileOrThrow(path, "wembly\t3\t1\t0\nsing\t7\t2\t1\n");
  o.clusters = po.clusters = std::make_shared<ClusterTable>(ReadClusterTable(path));
  EXPECT_EQ(TrainingQuoteForms(o), QuoteForms::kAsAscii);
  EXPECT_TRUE(TrainTagger(curly, {}, o)->Save() == TrainTagger(ascii, {}, o)->Save());
  EXPECT_TRUE(TrainParser(curly, {}, po)->Save() == TrainParser(ascii, {}, po)->Save());
}

TEST(Training, IsDeterministicGivenSeed) {
  auto data = TinyTreebank();
  TrainOptions o = Quiet(4);
  o.seed = 7;
  EXPECT_EQ(TrainTagger(data, {}, o)->Save(), TrainTagger(data, {}, o)->Save());
  ParserTrainOptions po;
  po.epochs = 4;
  po.verbose = false;
  po.seed = 7;
  EXPECT_EQ(TrainParser(data, {}, po)->Save(), TrainParser(data, {}, po)->Save());
}

}  // namespace
}  // namespace sitrep::syntax
